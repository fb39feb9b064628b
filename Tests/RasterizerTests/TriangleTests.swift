import Testing
@testable import Rasterizer
import TestSupport

/// Triangle paths that goldens do not pin down: per-pixel lighting, the small-triangle path
/// (coverage masks from binning) against the general one, and the separable image fill.
@Suite struct TriangleTests {
    func render(_ list: DrawList, _ w: Int, _ h: Int, kernels: KernelSet = .simd, threads: Int = 2) throws -> [UInt8] {
        try Renderer().render(list, camera: .pixels(width: w, height: h),
                              options: RenderOptions(threads: threads, kernels: kernels))
    }

    func red(_ px: [UInt8], _ x: Int, _ y: Int, width: Int) -> UInt8 { px[4 * (y * width + x)] }

    /// A `size`-pixel square at (x0, y0) cut into `cells`² squares of two triangles each.
    func grid(x0: Float, y0: Float, size: Float, cells: Int, colors: [RGBA8]) -> MeshBatch {
        var pos: [SIMD3<Float>] = [], idx: [UInt32] = []
        let step = size / Float(cells), n = UInt32(cells + 1)
        for j in 0...cells { for i in 0...cells { pos.append([x0 + Float(i) * step, y0 + Float(j) * step, 0]) } }
        for j in 0..<UInt32(cells) {
            for i in 0..<UInt32(cells) {
                let a = j * n + i
                idx += [a, a + n, a + 1, a + 1, a + n, a + n + 1]
            }
        }
        let cols = colors.count == 1 ? colors : Array(repeating: colors[0], count: pos.count)
        return MeshBatch(positions: pos, indices: idx, colors: cols, lighting: .unlit, space: .pixels)
    }

    @Test func lightingIsPerPixelFromInterpolatedNormals() throws {
        // Normals tilted ±45° about y at the left and right edges: per pixel, the normal in the
        // middle is (0, 0, 1) (full light); per vertex it would be cos 45° everywhere.
        let w = 64, h = 16
        let l = SIMD3<Float>(-1, 0, 1) / Float(2).squareRoot(), r = SIMD3<Float>(1, 0, 1) / Float(2).squareRoot()
        var list = DrawList(background: .black)
        list.add(MeshBatch(positions: [[0, 0, 0], [Float(w), 0, 0], [0, Float(h), 0], [Float(w), Float(h), 0]],
                           indices: [0, 2, 1, 1, 2, 3], normals: [l, r, l, r], colors: [.white],
                           lighting: .lambert(direction: [0, 0, 1], ambient: 0), space: .pixels))
        let px = try render(list, w, h)
        #expect(px == (try render(list, w, h, kernels: .scalar)))
        // Pixel centre x = 31.5: t = 31.5 / 64; n ∝ (2t − 1, 0, 1)·(1/√2).
        for x in [8, 16, 31, 48] {
            let t = (Float(x) + 0.5) / Float(w)
            let nx = 2 * t - 1
            let expected = 1 / (nx * nx + 1).squareRoot()
            let byte = Float(red(px, x, h / 2, width: w))
            let want = Float(SRGB.toSRGB(Double(expected))) * 255
            #expect(abs(byte - want) <= 1, "x \(x): \(byte) vs \(want)")
        }
        // Gouraud would give 0.707 (sRGB 219) in the middle.
        #expect(red(px, 31, h / 2, width: w) >= 254)
    }

    @Test func tinyTrianglesCoverExactlyLikeOneQuad() throws {
        // 160 × 160 cells over 40 px: triangles of 1/32 px², nearly all through the small path.
        // Watertight and top-left exact: the same samples as the two-triangle square.
        let w = 48, h = 48
        for colors in [[RGBA8(200, 90, 30)], [RGBA8(200, 90, 30), RGBA8(200, 90, 30)]] {
            for layer in [Layer.scene, .overlay] {
                var fine = DrawList(background: .black), coarse = DrawList(background: .black)
                var a = grid(x0: 3.3125, y0: 4.0625, size: 40, cells: 160, colors: colors)
                var b = grid(x0: 3.3125, y0: 4.0625, size: 40, cells: 1, colors: colors)
                a.layer = layer; b.layer = layer
                fine.add(a); coarse.add(b)
                let pf = try render(fine, w, h), pc = try render(coarse, w, h)
                #expect(pf == pc, "layer \(layer), \(colors.count) colours")
                #expect(pf == (try render(fine, w, h, kernels: .scalar)))
                #expect(pf == (try render(fine, w, h, threads: 1)))
            }
        }
    }

    @Test func smallTrianglesAcrossTileBordersMatchTheScalarKernels() throws {
        // Random tiny triangles, many straddling the 32-px tile borders, vertex-coloured, depth-tested.
        var rng = SplitMix64(seed: 7)
        var pos: [SIMD3<Float>] = [], cols: [RGBA8] = []
        for _ in 0..<6000 {
            let c = SIMD3<Float>(Float(rng.next() % 6400) / 100, Float(rng.next() % 6400) / 100, Float(rng.next() % 100) / 100)
            for _ in 0..<3 {
                pos.append(c + SIMD3(Float(rng.next() % 200) / 100 - 1, Float(rng.next() % 200) / 100 - 1, 0))
                cols.append(RGBA8(UInt8(rng.next() % 256), UInt8(rng.next() % 256), UInt8(rng.next() % 256)))
            }
        }
        var list = DrawList(background: .black)
        list.add(MeshBatch(positions: pos, colors: cols, lighting: .unlit, space: .pixels))
        let simd = try render(list, 64, 64)
        #expect(simd == (try render(list, 64, 64, kernels: .scalar)))
        #expect(simd == (try render(list, 64, 64, threads: 1)))
        #expect(simd.enumerated().filter { $0.offset % 4 == 0 && $0.element != 0 }.count > 2000)
    }

    @Test func separableImageFillMatchesTexelsOneToOne() throws {
        // A 1:1 image quad at an integer offset: every pixel is its texel, copied unchanged.
        let tw = 70, th = 40
        var bytes: [UInt8] = []
        for y in 0..<th { for x in 0..<tw { bytes += [UInt8(x * 3), UInt8(y * 5), UInt8((x * y) % 256), 255] } }
        let tex = try #require(Texture(width: tw, height: th, rgba: bytes))
        var list = DrawList(background: .black)
        list.add(ImageQuad(texture: tex, origin: [5, 3, 0], xAxis: [Float(tw), 0, 0], yAxis: [0, Float(th), 0],
                           layer: .overlay, space: .pixels))
        let w = 80, h = 48
        let px = try render(list, w, h)
        #expect(px == (try render(list, w, h, kernels: .scalar)))
        for y in 0..<th {
            for x in 0..<tw {
                let o = 4 * ((y + 3) * w + x + 5), t = 4 * (y * tw + x)
                #expect(Array(px[o..<o + 4]) == Array(bytes[t..<t + 4]), "pixel \(x), \(y)")
                if px[o..<o + 4] != bytes[t..<t + 4] { return }
            }
        }
    }
}
