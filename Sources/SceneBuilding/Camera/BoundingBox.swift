/// An axis-aligned box in double precision. The empty box has `min > max` and absorbs nothing.
public struct BoundingBox: Equatable, Sendable {
    public var min: SIMD3<Double>
    public var max: SIMD3<Double>

    public static let empty = BoundingBox(min: SIMD3(repeating: .infinity), max: SIMD3(repeating: -.infinity))

    public init(min: SIMD3<Double>, max: SIMD3<Double>) { self.min = min; self.max = max }

    public var isEmpty: Bool { !(min.x <= max.x && min.y <= max.y && min.z <= max.z) }
    public var center: SIMD3<Double> { (min + max) / 2 }
    public var size: SIMD3<Double> { isEmpty ? .zero : max - min }
    /// Length of the half-size vector (half the diagonal); 0 when empty.
    public var halfDiagonal: Double { let h = size / 2; return dot(h, h).squareRoot() }
    public var diagonal: Double { 2 * halfDiagonal }

    /// Grows the box to hold `p`; non-finite points are ignored.
    public mutating func add(_ p: SIMD3<Double>) {
        guard p.x.isFinite, p.y.isFinite, p.z.isFinite else { return }
        min = pointwiseMin(min, p); max = pointwiseMax(max, p)
    }

    public mutating func add(_ other: BoundingBox) {
        guard !other.isEmpty else { return }
        min = pointwiseMin(min, other.min); max = pointwiseMax(max, other.max)
    }

    /// The eight corners (empty box: none).
    public var corners: [SIMD3<Double>] {
        guard !isEmpty else { return [] }
        return (0..<8).map { i in
            SIMD3(i & 1 == 0 ? min.x : max.x, i & 2 == 0 ? min.y : max.y, i & 4 == 0 ? min.z : max.z)
        }
    }

    /// The box holding this box's corners after `transform`.
    public func transformed(by transform: Affine3) -> BoundingBox {
        var out = BoundingBox.empty
        for c in corners { out.add(transform.apply(c)) }
        return out
    }

    /// Rerun's outlier-robust region of interest of a point cloud (rendering-conventions §6.2): per axis the
    /// mean ± 2σ, recomputed once over the points inside the first window (`BlockMoments.robustRegion`). Fewer
    /// than 2 finite points: the plain bounds.
    public static func robustRegion(of points: some Collection<SIMD3<Double>>) -> BoundingBox {
        let all = Array(points)
        return all.withUnsafeBufferPointer { p in
            @inline(__always) func point(_ i: Int) -> SIMD4<Double> { SIMD4(p[i].x, p[i].y, p[i].z, 0) }
            let finite = BlockMoments.of(p.count, point, keep: BlockMoments.isFinite)
            if finite.count >= 2 { return BlockMoments.robustRegion(p.count, point, all: finite) }
            var plain = BoundingBox.empty
            all.forEach { plain.add($0) }
            return plain
        }
    }
}
