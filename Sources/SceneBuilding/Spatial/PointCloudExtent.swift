/// The bounds and the outlier-robust region of interest of a point cloud given in single precision, computed
/// without a double-precision copy of the cloud: exactly (bit for bit) what `BoundingBox.add` over the points
/// converted to `SIMD3<Double>` and `BoundingBox.robustRegion(of:)` give, since every sum runs in the same order
/// on the same double values. Four passes over the floats, no allocation.
///
/// The passes work on the three axes as scalar doubles: written with `SIMD3<Double>`, they compiled to lane
/// shuffles around every operation (about 3× slower on a million points).
struct PointCloudExtent {
    /// The box holding every finite point.
    var bounds = BoundingBox.empty
    /// Rerun's robust region (per axis mean ± 2σ, recomputed once over the points inside the first window).
    var regionOfInterest = BoundingBox.empty

    /// Three per-axis sums (or extremes) in double precision.
    private struct Axes {
        var x: Double, y: Double, z: Double
        init(_ x: Double, _ y: Double, _ z: Double) { self.x = x; self.y = y; self.z = z }
        var simd: SIMD3<Double> { SIMD3(x, y, z) }
    }

    init(_ points: [SIMD3<Float>]) {
        points.withUnsafeBufferPointer { p in
            @inline(__always) func finite(_ q: SIMD3<Float>) -> Bool { q.x.isFinite && q.y.isFinite && q.z.isFinite }
            var count = 0
            var sum = Axes(0, 0, 0)
            var low = Axes(.infinity, .infinity, .infinity), high = Axes(-.infinity, -.infinity, -.infinity)
            for q in p where finite(q) {
                let x = Double(q.x), y = Double(q.y), z = Double(q.z)
                // `pointwiseMin`/`pointwiseMax` lane by lane.
                low = Axes(.minimum(low.x, x), .minimum(low.y, y), .minimum(low.z, z))
                high = Axes(.maximum(high.x, x), .maximum(high.y, y), .maximum(high.z, z))
                sum = Axes(sum.x + x, sum.y + y, sum.z + z)
                count += 1
            }
            if count > 0 { bounds = BoundingBox(min: low.simd, max: high.simd) }
            guard count >= 2 else { regionOfInterest = bounds; return }
            let first = Self.window(p, count: count, sum: sum) { finite($0) }
            let (lo, hi) = (first.min, first.max)
            @inline(__always) func inside(_ q: SIMD3<Float>) -> Bool {
                let x = Double(q.x), y = Double(q.y), z = Double(q.z)
                return finite(q) && x >= lo.x && y >= lo.y && z >= lo.z && x <= hi.x && y <= hi.y && z <= hi.z
            }
            var insideCount = 0
            var insideSum = Axes(0, 0, 0)
            for q in p where inside(q) {
                insideSum = Axes(insideSum.x + Double(q.x), insideSum.y + Double(q.y), insideSum.z + Double(q.z))
                insideCount += 1
            }
            regionOfInterest = insideCount == 0 ? first : Self.window(p, count: insideCount, sum: insideSum, inside)
        }
    }

    /// Mean ± 2σ per axis of the points `included` picks (`count` of them, summing to `sum`).
    @inline(__always)
    private static func window(_ p: UnsafeBufferPointer<SIMD3<Float>>, count: Int, sum: Axes,
                               _ included: (SIMD3<Float>) -> Bool) -> BoundingBox {
        let n = Double(count)
        let mean = Axes(sum.x / n, sum.y / n, sum.z / n)
        var squares = Axes(0, 0, 0)
        for q in p where included(q) {
            let dx = Double(q.x) - mean.x, dy = Double(q.y) - mean.y, dz = Double(q.z) - mean.z
            squares = Axes(squares.x + dx * dx, squares.y + dy * dy, squares.z + dz * dz)
        }
        let sigma = SIMD3((squares.x / n).squareRoot(), (squares.y / n).squareRoot(), (squares.z / n).squareRoot())
        return BoundingBox(min: mean.simd - 2 * sigma, max: mean.simd + 2 * sigma)
    }
}
