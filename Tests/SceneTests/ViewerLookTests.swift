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

    /// The grid alone over the view background, as the 3D view draws it.
    private func renderGrid(_ eye: Eye, width: Int = 640, height: Int = 480, pixelsPerPoint: Float = 1) throws -> [UInt8] {
        var list = DrawList(background: Theme.viewBackground)
        list.add(WorldGrid.grid(eye: eye, axes: .rfu, pixelsPerPoint: pixelsPerPoint))
        return try Renderer().render(list, camera: camera(eye, width: width, height: height),
                                     options: RenderOptions(threads: 2, pixelsPerPoint: pixelsPerPoint))
    }

    @Test func gridFromAboveIsAtFullStrengthAndPeaksAsTheViewersLines() throws {
        // 5 units above: lines every unit, about 92 pixels apart; a full-strength line over #0d0d0d peaks at sRGB
        // 51 in the viewer (where it runs through pixel centres).
        let eye = Eye(position: [0.3, 0.2, 5], target: [0.3, 0.2, 0], up: [0, 1, 0])
        let grid = WorldGrid.grid(eye: eye, axes: .rfu, pixelsPerPoint: 1)
        #expect(grid.spacing == 1 && grid.cardinalBlend == 0)
        #expect(grid.color == RGBA8(128, 128, 128, 47) && grid.lineWidth == 0.5)
        let pixels = try renderGrid(eye)
        let peak = stride(from: 0, to: pixels.count, by: 4).map { pixels[$0] }.max() ?? 0
        #expect((49...51).contains(peak), "peak \(peak)")
        // Every pixel is the background or a shade of grey between it and the peak.
        let grey = stride(from: 0, to: pixels.count, by: 4).allSatisfy { (i: Int) -> Bool in
            let r = pixels[i], g = pixels[i + 1], b = pixels[i + 2]
            return r == g && r == b && r >= 13
        }
        #expect(grey)
    }

    @Test func higherCameraUsesTenTimesTheSpacingAndBlendsInCardinalLines() {
        // Height 100: level log10(100) − 0.9 = 1.1, so lines every 10 units, cardinal lines blended in at 0.1.
        let eye = Eye(position: [0, 0, 100], target: [0, 0, 0], up: [0, 1, 0])
        let grid = WorldGrid.grid(eye: eye, axes: .rfu, pixelsPerPoint: 2)
        #expect(grid.spacing == 10)
        #expect(abs(grid.cardinalBlend - 0.1) < 1e-6)
        #expect(grid.lineWidth == 1 && grid.invisibleSpacing == 2 && grid.visibleSpacing == 10)
        #expect(grid.xAxis == [1, 0, 0] && grid.yAxis == [0, 1, 0])
    }

    @Test func gridEndsSixtyCellsBeyondTheEyeAroundTheTarget() {
        // Spacing 1 at height 5; the target's foot (12.4, −3.6) rounds to cell (12, −4); the eye is 5 cells away.
        let eye = Eye(position: [12.4, -3.6, 5], target: [12.4, -3.6, 0], up: [0, 1, 0])
        let grid = WorldGrid.grid(eye: eye, axes: .rfu, pixelsPerPoint: 1)
        #expect(grid.center == [12, -4])
        #expect(grid.halfExtent == 65)
        let far = Eye(position: [0, -900, 5], target: [0, 0, 0], up: [0, 0, 1])
        #expect(WorldGrid.grid(eye: far, axes: .rfu, pixelsPerPoint: 1).halfExtent == 200)
    }

    @Test func linesVanishTowardsTheHorizon() throws {
        // A low camera looking across the plane: nothing is drawn above the horizon nor in the rows just below it,
        // where the lines crowd together; the rows near the camera hold lines.
        let eye = Eye(position: [0, -6, 1], target: [0, 0, 0.5], up: [0, 0, 1])
        let horizon = try #require(camera(eye).project([0, 1e6, 1])).y
        let pixels = try renderGrid(eye)
        let litRows = (0..<480).filter { y in
            (0..<640).contains { x in pixels[4 * (y * 640 + x)] != Theme.viewBackground.r }
        }
        let first = try #require(litRows.first)
        #expect(Float(first) > horizon + 3, "first lit row \(first), horizon \(horizon)")
        #expect(litRows.contains(470))
    }
}
