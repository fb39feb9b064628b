import Foundation
import Testing
@testable import Rasterizer
import TestSupport

/// The eight-wide triangle kernels against their one-at-a-time references: vertex projection,
/// binning (orientation, culling, bad indices, clipping mixed into groups of eight) and batched
/// shading (lighting and sRGB packing, degenerate values included).
@Suite struct TriangleWideTests {
    func render(_ list: DrawList, _ camera: Camera, kernels: KernelSet, threads: Int = 2) throws -> [UInt8] {
        try Renderer().render(list, camera: camera, options: RenderOptions(threads: threads, kernels: kernels))
    }

    @Test func projectEightMatchesProjectBitForBit() {
        var rng = SplitMix64(seed: 11)
        let cam = Camera.perspective(eye: [0.5, 0.4, 3], target: [0, 0, 0], fovYDegrees: 60, near: 0.1, far: 50,
                                     width: 320, height: 200)
        let m = cam.clipFromWorld
        var positions: [SIMD3<Float>] = (0..<4000).map { _ in
            SIMD3(rng.unit() * 12 - 6, rng.unit() * 12 - 6, rng.unit() * 12 - 6)
        }
        // Behind the eye, on the near plane, not finite, far outside the guard band.
        positions += [[0.5, 0.4, 3], [0.5, 0.4, 3.2], [.nan, 0, 0], [0, .infinity, 0], [1e9, 0, 0], [0, -1e9, 2.9],
                      [0, 0, 2.9], [0, 0, -1e6]]
        while positions.count % 8 != 0 { positions.append([0, 0, 0]) }
        var wide = [ScreenVertex](repeating: ScreenVertex(x: 1, y: 1, z: 1, invW: 1), count: positions.count)
        positions.withUnsafeBufferPointer { p in
            wide.withUnsafeMutableBufferPointer { out in
                for i in stride(from: 0, to: p.count, by: 8) {
                    projectEight(p.baseAddress! + i, m, width: 320, height: 200, into: out.baseAddress! + i)
                }
            }
        }
        var mismatches = 0, clipped = 0
        for (i, p) in positions.enumerated() {
            let s = project(m.transformPoint(p), width: 320, height: 200)
            let w = wide[i]
            if s.x != w.x || s.y != w.y || s.z.bitPattern != w.z.bitPattern || s.invW.bitPattern != w.invW.bitPattern {
                mismatches += 1
            }
            if s.needsClipping { clipped += 1 }
        }
        #expect(mismatches == 0)
        #expect(clipped >= 6)
    }

    @Test func eightWideBinningMatchesTheScalarKernels() throws {
        // A dense, folded height field seen in perspective (sub-pixel triangles of both
        // orientations), plus triangles crossing the near plane and bad indices inside the groups
        // of eight, for each cull mode.
        let n = 120
        var pos: [SIMD3<Float>] = [], normals: [SIMD3<Float>] = [], idx: [UInt32] = []
        for j in 0...n {
            for i in 0...n {
                let x = Float(i) / Float(n) * 2 - 1, z = Float(j) / Float(n) * 2 - 1
                pos.append([x, 0.15 * (x * 9).sin() * (z * 7).cos(), z])
                normals.append([-(x * 9).cos() * 0.3, 1, (z * 7).sin() * 0.2])
            }
        }
        for j in 0..<UInt32(n) {
            for i in 0..<UInt32(n) {
                let a = j * UInt32(n + 1) + i, b = a + UInt32(n + 1)
                idx += [a, b, a + 1, a + 1, b, b + 1]
            }
        }
        // Bad indices and a triangle reaching behind the camera, in the middle of a group.
        idx.insert(contentsOf: [0, 1, 99_999_999, 5, 6, 7, UInt32(pos.count + 5), 0, 1], at: 3 * 1000 + 3)
        pos.append([0, 0.2, 6])
        idx.insert(contentsOf: [UInt32(pos.count - 1), 20, 4000], at: 3 * 2000 + 6)
        let cam = Camera.perspective(eye: [1.2, 0.9, 1.6], target: [0, 0, 0], fovYDegrees: 50, near: 0.05, far: 20,
                                     width: 200, height: 120)
        for cull in [CullMode.none, .back, .front] {
            var list = DrawList(background: .black)
            list.add(MeshBatch(positions: pos, indices: idx, normals: normals + [[0, 1, 0]], colors: [RGBA8(90, 200, 120)],
                               lighting: .lambert(direction: [0.3, 0.9, 0.3], ambient: 0.15), cull: cull))
            let simd = try render(list, cam, kernels: .simd)
            #expect(simd == (try render(list, cam, kernels: .scalar)), "cull \(cull)")
            #expect(simd == (try render(list, cam, kernels: .simd, threads: 1)), "cull \(cull)")
            #expect(simd.enumerated().filter { $0.offset % 4 == 1 && $0.element > 0 }.count > 1000, "cull \(cull)")
        }
    }

    @Test func batchedLightingAndPackingMatchLitWord() {
        var rng = SplitMix64(seed: 5)
        let t = SRGBTables.shared
        var values: [Float] = [0, -0.0, 1, -1, .nan, .infinity, -.infinity, 1e-30, 1e30, 0.5, 0.999_999, 1.000_001,
                               Float(1) / 65536, Float.leastNonzeroMagnitude]
        while values.count < 8 * 64 { values.append(rng.unit() * 2.4 - 0.7) }
        for light in [LightModel(.lambert(direction: [0.6, 0.64, 0.48], ambient: 0.15), hasNormals: true),
                      LightModel(.viewerRig, hasNormals: true), LightModel(.unlit, hasNormals: true)] {
            var mismatches = 0
            for k in 0..<values.count / 8 {
                // Columns r, g, b, nx, ny, nz from the value list, shifted per column.
                func column(_ c: Int) -> SIMD8<Float> {
                    var v = SIMD8<Float>()
                    for j in 0..<8 { v[j] = values[(8 * k + j + 37 * c) % values.count] }
                    return v
                }
                let r = column(0), g = column(1), b = column(2), nx = column(3), ny = column(4), nz = column(5)
                let f = light.mode == 0 ? SIMD8<Float>(repeating: 1) : light.factors(nx, ny, nz)
                let words = t.packOpaque(r * f, g * f, b * f)
                for j in 0..<8 {
                    let a = SIMD8<Float>(r[j], g[j], b[j], nx[j], ny[j], nz[j], 0, 0)
                    if PixelShader.litWord(a, light, t) != words[j] { mismatches += 1 }
                }
            }
            #expect(mismatches == 0, "light mode \(light.mode)")
        }
    }

    @Test func interpolationTermsGiveInterpolate() {
        var rng = SplitMix64(seed: 9)
        var mismatches = 0
        for _ in 0..<500 {
            func vertex() -> ScreenVertex {
                ScreenVertex(x: Int32(rng.next() % 600), y: Int32(rng.next() % 600), z: rng.unit(), invW: 0.1 + rng.unit())
            }
            let v0 = vertex(), v1 = vertex(), v2 = vertex()
            let g = TriangleGeometry(v0, v1, v2, ox: 64, oy: 32)
            func attr() -> SIMD8<Float> { SIMD8((0..<8).map { _ in rng.unit() * 2 - 1 }) }
            let p0 = attr(), p1 = attr(), p2 = attr()
            let x = Float(rng.next() % 32) + 0.5, y = Float(rng.next() % 32) + 0.5
            let full = PixelShader.interpolate(g, p0, p1, p2, v0.invW, v1.invW, v2.invW, x, y)
            let (s, d) = PixelShader.interpolationTerms(g, p0, p1, p2, v0.invW, v1.invW, v2.invW, x, y)
            let split = s * SIMD8(repeating: 1 / d)
            for j in 0..<8 where full[j].bitPattern != split[j].bitPattern && !(full[j].isNaN && split[j].isNaN) {
                mismatches += 1
            }
        }
        #expect(mismatches == 0)
    }
}

private extension Float {
    func sin() -> Float { Float(Foundation.sin(Double(self))) }
    func cos() -> Float { Float(Foundation.cos(Double(self))) }
}

