import Rasterizer
import RecordingModel
import Testing
@testable import SceneBuilding

/// The allocation-free point-cloud extent and colour paths the visualizers use for big clouds give exactly
/// (bit for bit) what the general double-precision paths give, and the blocked region agrees with the textbook
/// two-pass formula to rounding.
@Suite struct PointCloudExtentTests {
    /// A small deterministic generator (64-bit LCG, top bits).
    struct LCG {
        var state: UInt64
        mutating func next() -> Float {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(state >> 40) / Float(1 << 24)
        }
    }

    static func reference(_ points: [SIMD3<Float>]) -> (BoundingBox, BoundingBox) {
        let local = points.map { SIMD3<Double>(Double($0.x), Double($0.y), Double($0.z)) }
        var box = BoundingBox.empty
        local.forEach { box.add($0) }
        return (box, BoundingBox.robustRegion(of: local))
    }

    static func clouds() -> [[SIMD3<Float>]] {
        var rng = LCG(state: 7)
        var out: [[SIMD3<Float>]] = [[], [[1, 2, 3]], [[1, 2, 3], [-4, 5, 0.25]], [[0, 0, 0], [-0.0, 0, 0], [0, -0.0, 1]]]
        for n in [3, 10, 100, 1000, 20_000] {
            var cloud = (0..<n).map { _ in SIMD3<Float>(rng.next() * 2 - 1, rng.next() * 3, rng.next() - 40) }
            out.append(cloud)
            // Outliers far away and non-finite points (ignored).
            cloud[0] = [1e6, -3e5, 7]
            cloud[n / 2] = [.nan, 0, 0]
            cloud[n - 1] = [0, .infinity, 0]
            out.append(cloud)
        }
        out.append(Array(repeating: [0.1, 0.2, 0.3], count: 50))
        out.append([[.nan, .nan, .nan], [1, 1, 1]])
        return out
    }

    @Test func extentEqualsDoublePrecisionBoundsAndRobustRegion() {
        for (k, cloud) in Self.clouds().enumerated() {
            let fast = PointCloudExtent(cloud)
            let (box, roi) = Self.reference(cloud)
            #expect(fast.bounds == box || (fast.bounds.isEmpty && box.isEmpty), "cloud \(k) bounds")
            #expect(fast.regionOfInterest == roi || (fast.regionOfInterest.isEmpty && roi.isEmpty), "cloud \(k) roi")
        }
    }

    /// The textbook two-pass region (mean, then squared deviations from it, over the whole point set).
    static func twoPassRegion(_ points: [SIMD3<Double>]) -> BoundingBox {
        let finite = points.filter { $0.x.isFinite && $0.y.isFinite && $0.z.isFinite }
        func window(_ pts: [SIMD3<Double>]) -> BoundingBox {
            let n = Double(pts.count)
            let mean = pts.reduce(SIMD3<Double>.zero, +) / n
            let variance = pts.reduce(SIMD3<Double>.zero) { $0 + ($1 - mean) * ($1 - mean) } / n
            let sigma = SIMD3(variance.x.squareRoot(), variance.y.squareRoot(), variance.z.squareRoot())
            return BoundingBox(min: mean - 2 * sigma, max: mean + 2 * sigma)
        }
        let first = window(finite)
        let inside = finite.filter { all($0 .>= first.min) && all($0 .<= first.max) }
        return inside.isEmpty ? first : window(inside)
    }

    /// The blocked one-pass moments agree with the two-pass formula to rounding, across block boundaries
    /// (511–1025 points) and for a cloud far from the origin, where a naive Σx² − n·mean² would lose every digit.
    @Test func robustRegionAgreesWithTheTwoPassFormula() {
        var rng = LCG(state: 11)
        var clouds = Self.clouds().filter { $0.count >= 3 }
        for n in [511, 512, 513, 1025] {
            clouds.append((0..<n).map { _ in SIMD3<Float>(rng.next() * 4 - 2, rng.next() * 0.5, rng.next() * 9) })
        }
        clouds.append((0..<3000).map { _ in SIMD3<Float>(1e6 + rng.next(), -2e5 - rng.next() * 3, rng.next() * 1e-3) })
        for (k, cloud) in clouds.enumerated() {
            let local = cloud.map { SIMD3<Double>(Double($0.x), Double($0.y), Double($0.z)) }
            let fast = PointCloudExtent(cloud).regionOfInterest, slow = Self.twoPassRegion(local)
            let size = slow.max - slow.min
            for (a, b) in [(fast.min, slow.min), (fast.max, slow.max)] {
                for axis in 0..<3 {
                    let tolerance = 1e-9 * Swift.max(size[axis], 1e-300) + 1e-15 * abs(b[axis])
                    #expect(abs(a[axis] - b[axis]) <= tolerance, "cloud \(k) axis \(axis): \(a[axis]) vs \(b[axis])")
                }
            }
        }
    }

    @Test func opaqueColoursEqualThePerInstancePath() {
        let entity = EntityPath(["cloud"])
        let logged: [[UInt32]] = [[0xFF00_00FF, 0x00FF_0080, 0x1234_5600], [0x8080_80FF, 0xFFFF_FF7F],
                                  (0..<300).map { UInt32($0) &* 0x0101_0103 },
                                  // Opaque runs of 8 (taken 8 at a time) around a translucent one.
                                  (0..<21).map { UInt32($0) &* 0x0103_0500 | ($0 == 10 ? 0x80 : 0xFF) }]
        for colors in logged {
            let style = InstanceStyle(colors: Clamped(colors), annotations: nil, entity: entity)
            // Fewer instances than colours, more, and as many (the 8-at-a-time path stops at both counts).
            for count in [1, 2, colors.count, colors.count + 5] + (colors.count > 8 ? [colors.count - 8] : []) {
                let expected = (0..<count).map { style.color($0).premultipliedOpaque }
                #expect(style.opaqueColors(count: count) == expected, "\(colors.count) colours, \(count) instances")
            }
        }
        // Class ids still go through the per-instance path (palette colours).
        let classed = InstanceStyle(colors: Clamped([0xFF00_00FF, 0x00FF_00FF]), classIDs: Clamped([1, 2, 3]),
                                    annotations: nil, entity: entity)
        #expect(classed.opaqueColors(count: 3) == (0..<3).map { classed.color($0).premultipliedOpaque })
        // RGBA8(rerun:) reads 0xRRGGBBAA.
        #expect(RGBA8(rerun: 0x1122_3344) == RGBA8(0x11, 0x22, 0x33, 0x44))
    }
}
