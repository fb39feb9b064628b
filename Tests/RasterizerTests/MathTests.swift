import Testing
@testable import Rasterizer

@Suite struct MathTests {
    @Test func inverseUndoesTheMatrix() throws {
        let m = Mat4.lookAt(eye: [2, 1.5, 2], target: [0, 0, 0], up: [0, 1, 0]) * .translation([0.5, -1, 3])
        let inv = try #require(m.inverse)
        let p = SIMD3<Float>(0.3, -0.7, 1.1)
        let q = m.transformPoint(p)
        let back = inv.transformPoint(SIMD3(q.x, q.y, q.z))
        #expect(abs(back.x - p.x) < 1e-5 && abs(back.y - p.y) < 1e-5 && abs(back.z - p.z) < 1e-5)
        #expect(Mat4.scale([1, 0, 1]).inverse == nil)
    }

    @Test func cameraProjectsTheTargetToTheCentre() throws {
        let cam = Camera.perspective(eye: [2, 1.5, 2], target: .zero, fovYDegrees: 60, near: 0.05, far: 20,
                                     width: 1920, height: 1080)
        let p = try #require(cam.project(.zero))
        #expect(abs(p.x - 960) < 1e-3 && abs(p.y - 540) < 1e-3)
        #expect(p.z > 0 && p.z < 1)
        #expect(cam.project([10, 10, 10]) == nil)   // behind the camera
    }

    @Test func pixelCameraMapsWorldToPixels() throws {
        let cam = Camera.pixels(width: 64, height: 32)
        let p = try #require(cam.project([10, 20, 0]))
        #expect(p == SIMD3<Float>(10, 20, 0.5))
    }

    @Test func srgbTablesRoundTripEveryByte() {
        let t = SRGBTables.shared
        for b in 0..<256 { #expect(t.encode(t.decode[b]) == UInt8(b)) }
        #expect(t.encode(-1) == 0 && t.encode(.nan) == 0 && t.encode(2) == 255 && t.encode(.infinity) == 255)
    }
}
