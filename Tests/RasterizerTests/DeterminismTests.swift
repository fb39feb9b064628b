import Testing
@testable import Rasterizer

/// The picture must not depend on the thread count or on the kernel set.
@Suite struct DeterminismTests {
    static let camera = Camera.perspective(eye: [1.6, 1.1, 1.4], target: [0, 0, 0], fovYDegrees: 60, near: 0.05,
                                           far: 20, width: 200, height: 130)

    @Test func threadCountDoesNotChangeThePicture() throws {
        let list = TestScenes.busy(seed: 7)
        let one = try Renderer().render(list, camera: Self.camera, options: RenderOptions(threads: 1))
        for threads in [2, 16] {
            let many = try Renderer().render(list, camera: Self.camera, options: RenderOptions(threads: threads))
            #expect(many == one, "\(threads) threads differ from 1")
        }
        // Something was drawn: more than a tenth of the pixels differ from the background.
        let bg = RGBA8(5, 10, 20).packed
        let drawn = one.withUnsafeBytes { raw in (0..<200 * 130).filter { raw.load(fromByteOffset: 4 * $0, as: UInt32.self) != bg }.count }
        #expect(drawn > 200 * 130 / 10)
    }

    @Test func scalarAndSIMDKernelsGiveIdenticalPixels() throws {
        for seed: UInt64 in [1, 2, 3] {
            let list = TestScenes.busy(seed: seed)
            let simd = try Renderer().render(list, camera: Self.camera, options: RenderOptions(threads: 2, kernels: .simd))
            let scalar = try Renderer().render(list, camera: Self.camera, options: RenderOptions(threads: 2, kernels: .scalar))
            #expect(simd == scalar, "seed \(seed)")
        }
    }

    @Test func aRendererReusedAcrossFramesGivesTheSameBytes() throws {
        let r = Renderer()
        let a = try r.render(TestScenes.busy(seed: 4), camera: Self.camera)
        _ = try r.render(TestScenes.triangles, camera: TestScenes.camera)
        let b = try r.render(TestScenes.busy(seed: 4), camera: Self.camera)
        #expect(a == b)
    }
}
