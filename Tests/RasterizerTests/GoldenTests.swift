import Testing
@testable import Rasterizer

/// One golden picture per primitive; each is also drawn with the scalar kernels, which must give
/// the very same bytes.
@Suite struct GoldenTests {
    func render(_ list: DrawList, _ camera: Camera = TestScenes.camera, kernels: KernelSet = .simd) throws -> [UInt8] {
        try Renderer().render(list, camera: camera, options: RenderOptions(threads: 2, kernels: kernels))
    }

    func checkBothKernels(_ name: String, _ list: DrawList, _ camera: Camera = TestScenes.camera) throws {
        let simd = try render(list, camera)
        let scalar = try render(list, camera, kernels: .scalar)
        #expect(simd == scalar, "\(name): scalar and SIMD kernels differ")
        try Golden.check(name, simd, width: camera.width, height: camera.height)
    }

    @Test func triangles() throws { try checkBothKernels("triangles", TestScenes.triangles) }
    @Test func points() throws { try checkBothKernels("points", TestScenes.points) }
    @Test func lines() throws { try checkBothKernels("lines", TestScenes.lines) }
    @Test func images() throws {
        try checkBothKernels("images", TestScenes.images)
    }
    @Test func transparency() throws { try checkBothKernels("transparency", TestScenes.transparency) }
    @Test func overlay() throws {
        let font = try #require(Font.interMedium)
        try checkBothKernels("overlay", TestScenes.overlay(font: font))
    }
}
