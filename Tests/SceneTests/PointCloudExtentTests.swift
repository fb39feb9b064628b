import Rasterizer
import RecordingModel
import Testing
@testable import SceneBuilding

/// The allocation-free point-cloud extent and colour paths the visualizers use for big clouds give exactly
/// (bit for bit) what the plain double-precision formulas give, so pictures do not change.
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

    @Test func opaqueColoursEqualThePerInstancePath() {
        let entity = EntityPath(["cloud"])
        let logged: [[UInt32]] = [[0xFF00_00FF, 0x00FF_0080, 0x1234_5600], [0x8080_80FF, 0xFFFF_FF7F],
                                  (0..<300).map { UInt32($0) &* 0x0101_0103 }]
        for colors in logged {
            let style = InstanceStyle(colors: Clamped(colors), annotations: nil, entity: entity)
            for count in [1, 2, colors.count, colors.count + 5] {
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
