import Testing
@testable import Rasterizer

/// Properties of the picture that do not need a golden.
@Suite struct BehaviourTests {
    let camera = TestScenes.camera

    func quad(z: Float, color: RGBA8, half: Float = 0.6) -> MeshBatch {
        MeshBatch(positions: [[-half, -half, z], [half, -half, z], [-half, half, z], [half, half, z]],
                  indices: [0, 1, 2, 1, 3, 2], colors: [color], lighting: .unlit)
    }

    func pixel(_ px: [UInt8], _ x: Int, _ y: Int, width: Int = TestScenes.width) -> RGBA8 {
        let i = 4 * (y * width + x)
        return RGBA8(px[i], px[i + 1], px[i + 2], px[i + 3])
    }

    @Test func depthTestMakesSubmissionOrderIrrelevantForOpaqueDraws() throws {
        let near = quad(z: 0.5, color: RGBA8(255, 0, 0), half: 0.3), far = quad(z: -0.5, color: RGBA8(0, 0, 255))
        var a = DrawList(), b = DrawList()
        a.add(near); a.add(far)
        b.add(far); b.add(near)
        let pa = try Renderer().render(a, camera: camera), pb = try Renderer().render(b, camera: camera)
        #expect(pa == pb)
        let centre = try #require(camera.project([0, 0, 0.5]))
        #expect(pixel(pa, Int(centre.x), Int(centre.y)) == RGBA8(255, 0, 0))
    }

    @Test func overlaysAreDrawnAfterTheSceneWithoutDepth() throws {
        var list = DrawList()
        list.add(RectShape(minX: 0, minY: 0, maxX: Float(TestScenes.width), maxY: Float(TestScenes.height),
                           color: RGBA8(0, 255, 0)))
        list.add(quad(z: 0, color: RGBA8(255, 0, 0)))      // submitted later, but a scene draw
        let px = try Renderer().render(list, camera: camera)
        #expect(pixel(px, TestScenes.width / 2, TestScenes.height / 2) == RGBA8(0, 255, 0))
    }

    @Test func edgesAreAntiAliased() throws {
        // A triangle with a slanted edge in pixel space: some pixels are partly covered.
        var list = DrawList(background: .black)
        list.add(MeshBatch(positions: [[10, 5, 0], [80, 20, 0], [20, 60, 0]], colors: [.white], lighting: .unlit,
                           space: .pixels))
        let px = try Renderer().render(list, camera: camera)
        let reds = stride(from: 0, to: px.count, by: 4).map { px[$0] }
        let partial = reds.filter { $0 > 0 && $0 < 255 }.count
        #expect(partial > 40)
        #expect(Set(reds.filter { $0 > 0 && $0 < 255 }).count >= 3)   // more than one coverage level
    }

    @Test func blendingHappensInLinearLight() throws {
        // 50 % white over black in linear light is linear 0.5 = sRGB 188, not 128.
        var list = DrawList(background: .black)
        list.add(RectShape(minX: 0, minY: 0, maxX: 20, maxY: 20, color: RGBA8(255, 255, 255, 128), blendSpace: .linear))
        list.add(RectShape(minX: 20, minY: 0, maxX: 40, maxY: 20, color: RGBA8(255, 255, 255, 128), blendSpace: .gamma))
        let px = try Renderer().render(list, camera: .pixels(width: 40, height: 20))
        #expect(pixel(px, 10, 10, width: 40).r == 188)
        #expect(pixel(px, 30, 10, width: 40).r == 128)
    }

    @Test func textIsMeasuredAndDrawn() throws {
        let font = try #require(Font.interMedium)
        let label = TextLabel("Hello", at: [4, 4], sizePixels: 12, font: font)
        let size = label.measure()
        #expect(size.x > 20 && size.x < 40)
        #expect(size.y > 10 && size.y < 20)
        var list = DrawList(background: .black)
        list.add(label)
        let px = try Renderer().render(list, camera: .pixels(width: 48, height: 24))
        #expect(stride(from: 0, to: px.count, by: 4).contains { px[$0] > 200 })
    }
}
