import RecordingModel
import Testing
@testable import SceneBuilding

/// Bad data in a 2D view: each problem is a warning naming the entity, and everything else is still drawn.
@Suite struct Spatial2DBadDataTests {
    @Test func warningsNameTheEntityAndTheRestIsDrawn() throws {
        var s = Spatial2DStore()
        try s.log("/short", "Image", [
            ("buffer", Spatial2DStore.blob([UInt8](repeating: 9, count: 10)), 1),
            ("format", Spatial2DStore.imageFormat(width: 4, height: 4, colorModel: 2, datatype: 6), 1),
        ])
        try s.log("/jpeg", "EncodedImage", [
            ("blob", Spatial2DStore.blob([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4]), 1),
            ("media_type", .utf8(["image/jpeg"]), 1),
        ])
        try s.log("/formatless", "Image", [
            ("buffer", Spatial2DStore.blob([1, 2, 3]), 1),
            ("format", Spatial2DStore.imageFormat(width: 1, height: 1, colorModel: 99, datatype: 6), 1),
        ])
        try s.log("/depth", "DepthImage", [
            ("buffer", Spatial2DStore.blob([0, 0, 0, 0]), 1),
            ("format", Spatial2DStore.imageFormat(width: 2, height: 1, datatype: 8), 1),
            ("depth_range", .fixedSizeList(.primitive([5.0, 1.0]), size: 2), 1),
        ])
        try s.points("/nan", [[.nan, 1], [5, 5]], color: 0xFF0000FF, radius: 1)
        try s.log("/mismatch", "Points2D", [
            ("positions", Spatial2DStore.vec2([[8, 8], [8, 9], [9, 9]]), 3),
            ("colors", Spatial2DStore.colors([0x00FF00FF, 0x0000FFFF]), 2),
        ])
        try s.log("/boxes", "Boxes2D", [
            ("half_sizes", Spatial2DStore.vec2([[1, 1], [1, .infinity]]), 2),
        ])
        let (image, warnings) = try render2D(s.store, bounds: Bounds2D(min: [0, 0], max: [10, 10]))
        func warned(_ entity: String, _ text: String) -> Bool {
            warnings.contains { $0.entity?.description == entity && $0.message.contains(text) }
        }
        #expect(warned("/short", "image buffer holds 10 bytes, the format needs 48"))
        #expect(warned("/jpeg", "encoded image (image/jpeg) not drawn"))
        #expect(warned("/formatless", "unknown color_model code 99"))
        #expect(warned("/depth", "depth range [5.0, 1.0] is not a range"))
        #expect(warned("/nan", "1 of 2 positions are not finite"))
        #expect(warned("/mismatch", "colors has 2 values for 3 points; the last value repeats"))
        #expect(warned("/boxes", "1 of 2 boxes have non-finite corners"))
        #expect(warnings.count == 7, "\(warnings)")
        // The finite point of /nan, the clamped colours of /mismatch, the depth image and the good box are drawn.
        #expect(image.pixel(50, 50) == [255, 0, 0, 255])
        // Default 1.5 pt discs with the radial gradient: the colour's own channel dominates.
        let second = image.pixel(80, 80), third = image.pixel(90, 90)
        #expect(second[1] > 200 && second[0] == 0 && second[2] == 0, "\(second)")
        #expect(third[2] > 200 && third[0] == 0 && third[1] == 0, "\(third)")
        let turbo0 = Colormap.turbo.rgba8(at: 0)
        #expect(image.pixel(15, 5) == [turbo0.x, turbo0.y, turbo0.z, 255])
        let boxColor = AutoColor.forEntity(EntityPath(["boxes"]))
        #expect(image.pixel(10, 5) == [boxColor.r, boxColor.g, boxColor.b, 255])
    }
}
