import Testing
@testable import Rasterizer
import TestSupport

/// Tiles covered by an opaque, depth-free triangle (`TileCovering`): written straight to the
/// output when it is the tile's last draw, into the samples (no clear) when overlays follow. Both
/// must give the bytes of the full path: clear, every draw, resolve.
@Suite struct TileCoverTests {
    func render(_ list: DrawList, _ w: Int, _ h: Int, kernels: KernelSet = .simd, threads: Int = 2) throws -> [UInt8] {
        try Renderer().render(list, camera: .pixels(width: w, height: h),
                              options: RenderOptions(threads: threads, kernels: kernels))
    }

    /// RGBA bytes of a `w × h` test image (opaque, every texel different from its neighbours).
    func texels(_ w: Int, _ h: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        for y in 0..<h { for x in 0..<w { bytes += [UInt8(x * 7 % 256), UInt8(y * 5 % 256), UInt8((x ^ y) * 3 % 256), 255] } }
        return bytes
    }

    /// A scene the image must hide entirely: a lit-free mesh and points under the overlay.
    func background(_ list: inout DrawList, _ w: Float, _ h: Float) {
        list.add(MeshBatch(positions: [[0, 0, 0], [w, 0, 0], [0, h, 0]], indices: [0, 1, 2], colors: [.white],
                           lighting: .unlit, space: .pixels))
        list.add(PointBatch(positions: [[10, 10, 0], [40, 30, 0]], radii: [-6], colors: [RGBA8(200, 30, 30)],
                            shape: .disc, shading: .flat, space: .pixels))
    }

    @Test func coveredTilesAreTheTexelsWhateverWasDrawnBefore() throws {
        // 1:1 over a frame of partial edge tiles (70 × 45): every pixel is its texel.
        let w = 70, h = 45
        let bytes = texels(w, h)
        let tex = try #require(Texture(width: w, height: h, rgba: bytes))
        var list = DrawList(background: RGBA8(0, 0, 255))
        background(&list, Float(w), Float(h))
        list.add(ImageQuad(texture: tex, xAxis: [Float(w), 0, 0], yAxis: [0, Float(h), 0], layer: .overlay, space: .pixels))
        let px = try render(list, w, h)
        #expect(px == bytes)
        #expect(px == (try render(list, w, h, kernels: .scalar, threads: 1)))
    }

    @Test func magnifiedImageCoversWithRepeatedTexels() throws {
        // 2:1 nearest magnification (columns not consecutive): pixel (x, y) is texel (x/2, y/2).
        let tw = 40, th = 24, w = 2 * tw, h = 2 * th
        let bytes = texels(tw, th)
        let tex = try #require(Texture(width: tw, height: th, rgba: bytes))
        var list = DrawList(background: .black)
        background(&list, Float(w), Float(h))
        list.add(ImageQuad(texture: tex, xAxis: [Float(w), 0, 0], yAxis: [0, Float(h), 0], filter: .nearest,
                           layer: .overlay, space: .pixels))
        let px = try render(list, w, h)
        for y in 0..<h {
            for x in 0..<w {
                let o = 4 * (y * w + x), t = 4 * ((y / 2) * tw + x / 2)
                #expect(Array(px[o..<o + 4]) == Array(bytes[t..<t + 4]), "pixel \(x), \(y)")
                if px[o..<o + 4] != bytes[t..<t + 4] { return }
            }
        }
    }

    @Test func directTilesMatchSampledTilesForAnyCoveringImage() throws {
        // A rotated image (not separable, sampled per pixel) and a 1:1 one: tiles written straight
        // to the output against the same tiles drawn into samples and resolved (forced by a 1-pixel
        // rectangle drawn after the image in every tile's corner).
        let tw = 64, th = 64, w = 96, h = 80
        let tex = try #require(Texture(width: tw, height: th, rgba: texels(tw, th)))
        let quads = [
            ImageQuad(texture: tex, origin: [-60, 40, 0], xAxis: [150, -90, 0], yAxis: [90, 150, 0], filter: .bilinear,
                      layer: .overlay, space: .pixels),
            ImageQuad(texture: tex, origin: [-3, -5, 0], xAxis: [Float(w + 10), 0, 0], yAxis: [0, Float(h + 10), 0],
                      filter: .nearest, layer: .overlay, space: .pixels),
        ]
        for quad in quads {
            var direct = DrawList(background: .black)
            background(&direct, Float(w), Float(h))
            direct.add(quad)
            var sampled = direct
            var corners: [Int] = []
            for ty in stride(from: 0, to: h, by: tileSize) {
                for tx in stride(from: 0, to: w, by: tileSize) {
                    sampled.add(RectShape(minX: Float(tx), minY: Float(ty), maxX: Float(tx + 1), maxY: Float(ty + 1),
                                          color: RGBA8(0, 255, 0)))
                    corners.append(ty * w + tx)
                }
            }
            let a = try render(direct, w, h), b = try render(sampled, w, h)
            for i in corners { #expect(b[4 * i..<4 * i + 4] == [0, 255, 0, 255]) }
            var masked = b
            for i in corners { masked.replaceSubrange(4 * i..<4 * i + 4, with: a[4 * i..<4 * i + 4]) }
            #expect(masked == a)
            #expect(a == (try render(direct, w, h, kernels: .scalar, threads: 1)))
            #expect(b == (try render(sampled, w, h, kernels: .scalar, threads: 16)))
        }
        // The rotated image leaves the frame's top-left corner to the white triangle behind it.
        var list = DrawList(background: .black)
        background(&list, Float(w), Float(h))
        list.add(quads[0])
        #expect(try render(list, w, h)[0..<4] == [255, 255, 255, 255])
    }
}
