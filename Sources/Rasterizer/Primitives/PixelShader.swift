import Foundation

/// Per-pixel shading of one triangle in one tile: attribute planes (over 1/w, so perspective-correct)
/// built on the first covered pixel, then texture sampling.
struct PixelShader {
    unowned(unsafe) let draw: TriangleDraw
    let v0: TriVertex, v1: TriVertex, v2: TriVertex
    let fx0: Float, fy0: Float, x10: Float, y10: Float, x20: Float, y20: Float, det: Float, invDet: Float
    /// Level sampled, as raw texels (valid while the draw's texture lives).
    var texels: UnsafePointer<UInt32>? = nil
    var texWidth = 0, texHeight = 0
    var ready = false
    var pq = SIMD3<Float>.zero, pr = SIMD3<Float>.zero, pg = SIMD3<Float>.zero, pb = SIMD3<Float>.zero
    var pu = SIMD3<Float>.zero, pv = SIMD3<Float>.zero
    var level = 0
    var nearest = true
    /// Nearest sampling of an opaque texture with white colour: the texel word is the result.
    var whiteOpaqueNearest = false

    init(draw: TriangleDraw, _ v0: TriVertex, _ v1: TriVertex, _ v2: TriVertex, fx0: Float, fy0: Float,
         x10: Float, y10: Float, x20: Float, y20: Float, det: Float, invDet: Float) {
        self.draw = draw
        self.v0 = v0; self.v1 = v1; self.v2 = v2
        self.fx0 = fx0; self.fy0 = fy0; self.x10 = x10; self.y10 = y10; self.x20 = x20; self.y20 = y20
        self.det = det
        self.invDet = invDet
    }

    /// Plane (c, dx, dy) through the three values: value = c + dx·x + dy·y (tile pixels).
    @inline(__always) func plane(_ a: Float, _ b: Float, _ c: Float) -> SIMD3<Float> {
        let d10 = b - a, d20 = c - a
        let dx = (d10 * y20 - d20 * y10) * invDet
        let dy = (d20 * x10 - d10 * x20) * invDet
        return SIMD3(a - dx * fx0 - dy * fy0, dx, dy)
    }

    @inline(__always) func eval(_ p: SIMD3<Float>, _ x: Float, _ y: Float) -> Float { p.x + p.y * x + p.z * y }

    mutating func prepare() {
        ready = true
        pq = plane(v0.invW, v1.invW, v2.invW)
        pr = plane(v0.r * v0.invW, v1.r * v1.invW, v2.r * v2.invW)
        pg = plane(v0.g * v0.invW, v1.g * v1.invW, v2.g * v2.invW)
        pb = plane(v0.b * v0.invW, v1.b * v1.invW, v2.b * v2.invW)
        guard let tex = draw.texture else { return }
        pu = plane(v0.u * v0.invW, v1.u * v1.invW, v2.u * v2.invW)
        pv = plane(v0.v * v0.invW, v1.v * v1.invW, v2.v * v2.invW)
        // Texels per pixel from the triangle's affine footprint.
        let w = Float(tex.width), h = Float(tex.height)
        let u10 = (v1.u - v0.u) * w, v10 = (v1.v - v0.v) * h, u20 = (v2.u - v0.u) * w, v20 = (v2.v - v0.v) * h
        let texArea = abs(u10 * v20 - u20 * v10), pixArea = abs(det)
        let scale = (texArea / pixArea).squareRoot()
        // Minifying: the mipmap level with 1 ≤ texels per pixel < 2 (box-filtered in linear light).
        level = 0
        if scale >= 2 && scale.isFinite {
            level = min(tex.levels.count - 1, max(0, Int(Foundation.floor(Foundation.log2(Double(scale))))))
        }
        let levelScale = scale / Float(1 << level)
        switch draw.mesh.filter {
        case .nearest: nearest = true; level = 0
        case .bilinear: nearest = false
        case .automatic:
            // Nearest when magnifying and when the level maps one texel to one pixel (an exact 2ᵏ:1
            // reduction, where the level's texel is the box average), bilinear in between.
            nearest = !(levelScale > 1.001)
        }
        whiteOpaqueNearest = nearest && draw.whiteUnlit && draw.opaque
        let l = tex.levels[level]
        texWidth = l.width
        texHeight = l.height
        texels = draw.texelPointers[level]
    }

    /// The packed word of an opaque pixel centred at (x, y).
    @inline(__always) mutating func shadeWord(_ x: Float, _ y: Float, _ t: SRGBTables) -> UInt32 {
        if !ready { prepare() }
        if whiteOpaqueNearest, let tx = texels {
            let w = 1 / eval(pq, x, y)
            let u = eval(pu, x, y) * w, v = eval(pv, x, y) * w
            let ix = clampIndex(u * Float(texWidth), texWidth), iy = clampIndex(v * Float(texHeight), texHeight)
            return tx[iy * texWidth + ix] | 0xFF00_0000
        }
        let c = shade(x, y, t)
        return t.pack(c.x, c.y, c.z, 1)
    }

    /// Linear RGB and alpha of the pixel centred at (x, y) (tile pixels).
    @inline(__always) mutating func shade(_ x: Float, _ y: Float, _ t: SRGBTables) -> SIMD4<Float> {
        if !ready { prepare() }
        let q = eval(pq, x, y)
        let w = 1 / q
        var c = SIMD4<Float>(eval(pr, x, y) * w, eval(pg, x, y) * w, eval(pb, x, y) * w, draw.opacity)
        if let tx = texels {
            let u = eval(pu, x, y) * w, v = eval(pv, x, y) * w
            let s = nearest ? sampleNearest(tx, texWidth, texHeight, u, v, t) : sampleBilinear(tx, texWidth, texHeight, u, v, t)
            c = c * s
        }
        return c
    }
}

/// Texel at (u, v) ∈ [0, 1]², clamped at the edges, in linear light.
@inline(__always)
func sampleNearest(_ tx: UnsafePointer<UInt32>, _ w: Int, _ h: Int, _ u: Float, _ v: Float, _ t: SRGBTables) -> SIMD4<Float> {
    let x = clampIndex(u * Float(w), w), y = clampIndex(v * Float(h), h)
    return t.unpack(tx[y * w + x])
}

/// Bilinear sample with pixel-centre alignment (texel centres at (i + 0.5) / size), in linear light.
@inline(__always)
func sampleBilinear(_ tx: UnsafePointer<UInt32>, _ w: Int, _ h: Int, _ u: Float, _ v: Float, _ t: SRGBTables) -> SIMD4<Float> {
    let fx = u * Float(w) - 0.5, fy = v * Float(h) - 0.5
    let flx = fx.isFinite ? fx.rounded(.down) : 0, fly = fy.isFinite ? fy.rounded(.down) : 0
    let wx = fx.isFinite ? fx - flx : 0, wy = fy.isFinite ? fy - fly : 0
    let x0 = clampIndex(flx, w), x1 = clampIndex(flx + 1, w)
    let y0 = clampIndex(fly, h), y1 = clampIndex(fly + 1, h)
    let a = t.unpack(tx[y0 * w + x0]), b = t.unpack(tx[y0 * w + x1])
    let c = t.unpack(tx[y1 * w + x0]), d = t.unpack(tx[y1 * w + x1])
    let top = a + (b - a) * wx, bottom = c + (d - c) * wx
    return top + (bottom - top) * wy
}

@inline(__always) func clampIndex(_ f: Float, _ n: Int) -> Int {
    if !(f >= 0) { return 0 }
    if f >= Float(n - 1) { return n - 1 }
    return Int(f)
}
