import MediaCodecs
import Rasterizer
import RecordingModel
import Testing
@testable import SceneBuilding

/// 2D layering (rendering-conventions §7.4): DrawOrder first, then the visualizer name alphabetically, then the
/// entity path; the painter's algorithm over the overlay layer. Bounds [0, 10]² on 100 × 100 pixels: scene
/// point (x, y) is pixel (10x, 10y).
@Suite struct Spatial2DLayeringTests {
    static let bounds = Bounds2D(min: [0, 0], max: [10, 10])

    @Test func drawOrderThenVisualizerNameThenEntityPath() throws {
        var s = Spatial2DStore()
        try s.image("/bg", width: 10, height: 10, rgb: [50, 50, 50])                  // −10: under everything
        try s.points("/a_points", [[2, 8]], color: 0x00FF00FF, radius: 1)             // 20, entity a
        try s.points("/b_points", [[2, 8], [5, 5]], color: 0xFF0000FF, radius: 1)     // 20, entity b: above a
        try s.log("/z_lines", "LineStrips2D", [                                        // 20, "Lines2D" < "Points2D"
            ("strips", .list(.fixedSizeList(.primitive([Float(0), 5, 10, 5]), size: 2), lengths: [2]), 1),
            ("colors", Spatial2DStore.colors([0x0000FFFF]), 1), ("radii", Spatial2DStore.floats([0.5]), 1),
        ])
        try s.points("/c_points", [[1.5, 1.5]], color: 0xFFFF00FF, radius: 1)
        try s.image("/top", width: 3, height: 3, rgb: [255, 255, 255], drawOrder: 25)  // above the points
        let (image, warnings) = try render2D(s.store, bounds: Self.bounds)
        #expect(warnings.isEmpty)
        #expect(image.pixel(95, 5) == [50, 50, 50, 255])
        #expect(image.pixel(20, 80) == [255, 0, 0, 255])
        #expect(image.pixel(50, 50) == [255, 0, 0, 255])
        #expect(image.pixel(80, 50) == [0, 0, 255, 255])
        #expect(image.pixel(15, 15) == [255, 255, 255, 255])
        // The same scene with the points' draw order below the image: the image covers them.
        var low = Spatial2DStore()
        try low.image("/bg", width: 10, height: 10, rgb: [50, 50, 50])
        try low.points("/p", [[5, 5]], color: 0xFF0000FF, radius: 1, drawOrder: -11)
        #expect(try render2D(low.store, bounds: Self.bounds).image.pixel(50, 50) == [50, 50, 50, 255])
    }

    @Test func defaultStackMatchesTheViewer() {
        let stack: [(String, Float)] = [
            (DepthImageVisualizer.name, DepthImageVisualizer.defaultDrawOrder),
            (ImageVisualizer.name, ImageVisualizer.defaultDrawOrder),
            (SegmentationImageVisualizer.name, SegmentationImageVisualizer.defaultDrawOrder),
            (Boxes2DVisualizer.name, Boxes2DVisualizer.defaultDrawOrder),
            (Arrows2DVisualizer.name, Arrows2DVisualizer.defaultDrawOrder),
            (LineStrips2DVisualizer.name, LineStrips2DVisualizer.defaultDrawOrder),
            (Points2DVisualizer.name, Points2DVisualizer.defaultDrawOrder),
        ]
        #expect(stack.map(\.1) == [-20, -10, 0, 10, 20, 20, 20])
        // Equal draw orders: the later name is on top.
        #expect(zip(stack, stack.dropFirst()).allSatisfy { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) })
    }

    /// Segmentation is half transparent over a colour image in the same view, opaque on its own
    /// (rendering-conventions §8.12); blending happens in linear light.
    @Test func segmentationOpacityDependsOnTheOtherImages() throws {
        func segmentation(_ s: inout Spatial2DStore) throws {
            try s.log("/seg", "SegmentationImage", [
                ("buffer", Spatial2DStore.blob([1]), 1),
                ("format", Spatial2DStore.imageFormat(width: 1, height: 1, datatype: 6), 1),
            ])
        }
        let palette1 = ClassPalette.color(for: 1)
        var alone = Spatial2DStore()
        try segmentation(&alone)
        let opaque = try render2D(alone.store, bounds: Bounds2D(min: [0, 0], max: [1, 1])).image
        #expect(opaque.pixel(50, 50) == [palette1.x, palette1.y, palette1.z, 255])

        var over = Spatial2DStore()
        try over.image("/img", width: 1, height: 1, rgb: [0, 200, 0])
        try segmentation(&over)
        let blended = try render2D(over.store, bounds: Bounds2D(min: [0, 0], max: [1, 1])).image
        func half(_ a: UInt8, _ b: UInt8) -> UInt8 {
            ColorSpace.srgb8FromLinear(0.5 * ColorSpace.linearFromSRGB8[Int(a)] + 0.5 * ColorSpace.linearFromSRGB8[Int(b)])
        }
        let expected = [half(palette1.x, 0), half(palette1.y, 200), half(palette1.z, 0), 255]
        #expect(zip(blended.pixel(50, 50), expected).allSatisfy { abs(Int($0) - Int($1)) <= 1 },
                "got \(blended.pixel(50, 50)), expected \(expected)")
    }

    /// A colour image over a depth image in the same view is drawn at half opacity.
    @Test func colourImageIsHalfTransparentOverADepthImage() throws {
        var s = Spatial2DStore()
        try s.log("/depth", "DepthImage", [
            ("buffer", Spatial2DStore.blob([0, 0]), 1),
            ("format", Spatial2DStore.imageFormat(width: 1, height: 1, datatype: 8), 1),
        ])
        try s.image("/img", width: 1, height: 1, rgb: [255, 255, 255])
        let image = try render2D(s.store, bounds: Bounds2D(min: [0, 0], max: [1, 1])).image
        let turbo0 = Colormap.turbo.rgba8(at: 0)
        let expected = [turbo0.x, turbo0.y, turbo0.z].map {
            ColorSpace.srgb8FromLinear(0.5 + 0.5 * ColorSpace.linearFromSRGB8[Int($0)])
        }
        #expect(zip(image.pixel(50, 50).prefix(3), expected).allSatisfy { abs(Int($0) - Int($1)) <= 1 },
                "got \(image.pixel(50, 50)), expected \(expected)")
    }
}
