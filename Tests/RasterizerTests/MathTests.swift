import Testing
import TestSupport
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

    /// `encodeUnit` is `encode` on [0, 1]: at 0, below and at the table's first bucket, at both ends of every
    /// 16th bucket, and at 1.
    @Test func unitEncodingMatchesTheTable() {
        let t = SRGBTables.shared
        var values: [Float] = [0, .leastNonzeroMagnitude, 1 / 65536, (Float(1) / 65536).nextDown, Float(1).nextDown, 1]
        let first = Int((Float(1) / 65536).bitPattern >> 13), last = Int(Float(1).bitPattern >> 13)
        for bucket in stride(from: first, to: last, by: 16) {
            values.append(Float(bitPattern: UInt32(bucket) << 13))
            values.append(Float(bitPattern: (UInt32(bucket + 1) << 13) - 1))
        }
        let wrong = values.filter { t.encodeUnit($0) != UInt32(t.encode($0)) }
        #expect(wrong.isEmpty, "\(wrong.prefix(3))")
    }

    /// The resolve of one pixel is the definition: per colour channel the 4 samples' linear values summed in
    /// sample order, times 1/4, encoded; alpha the rounded mean of the bytes.
    @Test func pixelResolveMatchesTheDefinition() {
        let t = SRGBTables.shared
        func reference(_ s: [UInt32]) -> UInt32 {
            var word = (((s[0] >> 24) + (s[1] >> 24) + (s[2] >> 24) + (s[3] >> 24) + 2) >> 2) << 24
            for shift: UInt32 in [0, 8, 16] {
                let sum = t.decode[Int((s[0] >> shift) & 0xFF)] + t.decode[Int((s[1] >> shift) & 0xFF)]
                    + t.decode[Int((s[2] >> shift) & 0xFF)] + t.decode[Int((s[3] >> shift) & 0xFF)]
                word |= UInt32(t.encode(sum * 0.25)) << shift
            }
            return word
        }
        var rng = SplitMix64(seed: 7)
        var quads: [[UInt32]] = [[0, 0, 0, 0], [~0, ~0, ~0, ~0], [0, ~0, 0, ~0], [0xFF00_0001, 0, 0, 0]]
        for _ in 0..<20_000 {
            let a = UInt32(truncatingIfNeeded: rng.next()), b = UInt32(truncatingIfNeeded: rng.next())
            let pattern = rng.below(16)
            quads.append((0..<4).map { pattern >> $0 & 1 == 1 ? a : b })
        }
        for _ in 0..<5_000 { quads.append((0..<4).map { _ in UInt32(truncatingIfNeeded: rng.next()) }) }
        let wrong = quads.filter { resolvePixel(SIMD4($0[0], $0[1], $0[2], $0[3]), t) != reference($0) }
        #expect(wrong.isEmpty, "\(wrong.prefix(3))")
    }
}
