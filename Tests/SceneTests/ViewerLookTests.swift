import Foundation
import Testing
import Rasterizer
import RecordingModel
@testable import SceneBuilding

/// Details of the viewer's look measured against the real 0.41 viewer (scripts/compare_with_viewer.py).
@Suite struct ViewerLookTests {
    // MARK: colour alpha on points and lines

    @Test func halfTransparentWhiteBecomesOpaqueGrey() {
        #expect(RGBA8(255, 255, 255, 128).premultipliedOpaque == RGBA8(128, 128, 128, 255))
        #expect(RGBA8(200, 100, 10, 64).premultipliedOpaque == RGBA8(50, 25, 3, 255))
    }

    @Test func opaqueAndFullyTransparentColours() {
        #expect(RGBA8(12, 34, 56, 255).premultipliedOpaque == RGBA8(12, 34, 56, 255))
        #expect(RGBA8(255, 255, 255, 0).premultipliedOpaque == RGBA8(0, 0, 0, 255))
    }

    @Test func styleGivesPointsPremultipliedColours() throws {
        let style = InstanceStyle(colors: Clamped([0xFF00_0080, 0x00FF_00FF]), annotations: nil,
                                  entity: try EntityPath(parsing: "/p"))
        #expect(style.opaqueColors(count: 3) == [RGBA8(128, 0, 0), RGBA8(0, 255, 0), RGBA8(0, 255, 0)])
        #expect(style.color(0) == RGBA8(255, 0, 0, 128))  // labels and fills keep the logged colour
    }

    // MARK: entity auto colours

    @Test func partTextHashes() {
        // One case per byte-string branch: empty, 1, 2–3 (none here), 4–8, 9–16 and more than 16 bytes.
        #expect(EntityPathHash.hash(text: "") == 0xDFD9_E154_1D02_B257)
        #expect(EntityPathHash.hash(text: "a") == 0x11A8_807A_89F1_5254)
        #expect(EntityPathHash.hash(text: "points") == 0xD432_9340_6A7C_50F0)
        #expect(EntityPathHash.hash(text: "boxes3d_axis_angle") == 0xA046_133D_CB9D_C8D3)
        #expect(EntityPathHash.hash(text: "abcdefghijklmnopq") == 0x50BD_4ABF_9709_1000)
    }

    @Test func pathHashes() {
        #expect(EntityPathHash.hash(parts: []) == 0xA212_58D0_88C8_7A13)
        #expect(EntityPathHash.hash(parts: ["a"]) == 0x8D67_660A_11E9_4242)
        #expect(EntityPathHash.hash(parts: ["custom", "points"]) == 0x5542_BF22_6714_5021)
        #expect(EntityPathHash.hash(parts: ["dna", "structure", "left"]) == 0x3A77_0053_FEAB_857F)
    }

    /// The colours the 0.41 viewer gave these entities in docs/comparison (sampled at the brightest pixel of a
    /// shaded point, hence a few levels above the palette colour): yellow (191, 192, 79), green (79, 192, 149),
    /// magenta (187, 80, 180), and for clear.rrd green (75, 182, 104), magenta (156, 72, 175), green (80, 193, 106).
    @Test(arguments: [
        ("/custom/points", RGBA8(187, 188, 77)), ("/a", RGBA8(77, 188, 146)), ("/world/points", RGBA8(188, 77, 181)),
        ("/scene/a/child", RGBA8(77, 188, 107)), ("/scene/b", RGBA8(168, 77, 188)),
        ("/scene/b/child", RGBA8(77, 188, 103)),
    ])
    func autoColoursMatchTheViewer(_ path: String, _ color: RGBA8) throws {
        #expect(AutoColor.forEntity(try EntityPath(parsing: path)) == color)
    }

    // MARK: ground grid

    private func camera(_ eye: Eye, width: Int = 640, height: Int = 480) -> Camera {
        .perspective(eye: eye.position.float, target: eye.target.float, up: eye.up.float,
                     fovYDegrees: Float(eye.fovY * 180 / .pi), near: 0.01, far: 1000, width: width, height: height)
    }

    @Test func fadeIsLinearBetweenOneAndFivePoints() {
        #expect(WorldGrid.fade(0.5) == 0)
        #expect(WorldGrid.fade(1) == 0)
        #expect(WorldGrid.fade(3) == 0.5)
        #expect(WorldGrid.fade(5) == 1)
        #expect(WorldGrid.fade(40) == 1)
    }

    @Test func spacingSeenFromAboveIsPixelsPerCell() throws {
        let eye = Eye(position: [0, 0, 5], target: [0, 0, 0], up: [0, 1, 0])
        let cam = camera(eye)
        let pixelsPerUnit = 240 / Float(tan(eye.fovY / 2)) / 5
        let s = try #require(WorldGrid.lineSpacing([0, 0, 0], [0, 1, 0], u: [1, 0, 0], v: [0, 1, 0], camera: cam,
                                                   pixelsPerPoint: 1))
        #expect(abs(s - pixelsPerUnit) < 0.01 * pixelsPerUnit)
        let s2 = try #require(WorldGrid.lineSpacing([0, 0, 0], [0, 1, 0], u: [1, 0, 0], v: [0, 1, 0], camera: cam,
                                                    pixelsPerPoint: 2))
        #expect(abs(s2 - pixelsPerUnit / 2) < 0.01 * pixelsPerUnit)
    }

    @Test func gridFromAboveIsAtFullStrength() {
        let eye = Eye(position: [0.3, 0.2, 5], target: [0.3, 0.2, 0], up: [0, 1, 0])
        let batches = WorldGrid.batches(eye: eye, axes: .rfu, camera: camera(eye), pixelsPerPoint: 1)
        #expect(batches.count == 1)
        #expect(batches.first?.opacity == WorldGrid.fullAlpha / 255)
        #expect(batches.first?.colors == [RGBA8(128, 128, 128)])
    }

    @Test func higherCameraUsesTenTimesTheSpacingAndBlendsInCardinalLines() throws {
        // Height 100: level log10(100) − 0.9 = 1.1, so lines every 10 units; regular lines at 0.9, cardinal at 1.
        let eye = Eye(position: [0, 0, 100], target: [0, 0, 0], up: [0, 1, 0])
        let batches = WorldGrid.batches(eye: eye, axes: .rfu, camera: camera(eye), pixelsPerPoint: 1)
        let steps = Float(WorldGrid.intensitySteps)
        #expect(batches.map(\.opacity) == [WorldGrid.fullAlpha / 255 * 11 / steps, WorldGrid.fullAlpha / 255])
        /// The coordinate of the line a segment lies on (x for a segment along y, y for one along x).
        func lineCoordinates(_ batch: LineBatch) -> [Float] {
            stride(from: 0, to: batch.positions.count, by: 2).map { i in
                let p = batch.positions[i], q = batch.positions[i + 1]
                return p.x == q.x ? p.x : p.y
            }
        }
        let regular = lineCoordinates(try #require(batches.first))
        let cardinal = lineCoordinates(try #require(batches.last))
        #expect(!regular.isEmpty && !cardinal.isEmpty)
        #expect(regular.allSatisfy { $0.truncatingRemainder(dividingBy: 10) == 0 && $0.truncatingRemainder(dividingBy: 100) != 0 })
        #expect(cardinal.allSatisfy { $0.truncatingRemainder(dividingBy: 100) == 0 })
    }

    @Test func linesVanishTowardsTheHorizon() {
        // A low camera looking across the plane: no segment whose rows crowd below 1 pt apart is drawn, and the
        // drawn part stays below the horizon by a margin.
        let eye = Eye(position: [0, -6, 1], target: [0, 0, 0.5], up: [0, 0, 1])
        let cam = camera(eye)
        let batches = WorldGrid.batches(eye: eye, axes: .rfu, camera: cam, pixelsPerPoint: 1)
        #expect(!batches.isEmpty)
        for batch in batches {
            for i in stride(from: 0, to: batch.positions.count, by: 2) {
                let p = batch.positions[i].double, q = batch.positions[i + 1].double
                let s = WorldGrid.lineSpacing(p, q, u: [1, 0, 0], v: [0, 1, 0], camera: cam, pixelsPerPoint: 1)
                #expect((s ?? 0) > WorldGrid.invisibleSpacing)
            }
        }
        let farthest = batches.flatMap(\.positions).map(\.y).max() ?? .infinity
        #expect(farthest < 60)
    }
}
