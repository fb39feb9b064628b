import Foundation

/// A triangle's snapped vertices as floats in pixels, relative to vertex 0 (`fx0`, `fy0` are vertex
/// 0 in tile-relative pixels). Every difference `x − fx0` taken at a sample or pixel centre is
/// exact (multiples of 1/16 far below 2²⁴), so everything evaluated from it (depth, barycentric
/// weights) is the same number in any tile and in either kernel set.
struct TriangleGeometry {
    let fx0: Float, fy0: Float
    let x10: Float, y10: Float, x20: Float, y20: Float
    let det: Float, invDet: Float

    /// `ox`, `oy`: the tile origin in 1/16 pixels; `invDet`: `1 / det` where it was computed elsewhere from the same
    /// `det` (`TriangleDraw.laneInverseDet`), else computed here.
    @inline(__always) init(_ v0: ScreenVertex, _ v1: ScreenVertex, _ v2: ScreenVertex, ox: Int32, oy: Int32,
                           invDet: Float? = nil) {
        // (Float(Int(_)): the concrete conversion; Float(Int32) goes through a generic path.)
        fx0 = Float(Int(v0.x &- ox)) * 0.0625
        fy0 = Float(Int(v0.y &- oy)) * 0.0625
        x10 = Float(Int(v1.x &- v0.x)) * 0.0625
        y10 = Float(Int(v1.y &- v0.y)) * 0.0625
        x20 = Float(Int(v2.x &- v0.x)) * 0.0625
        y20 = Float(Int(v2.y &- v0.y)) * 0.0625
        det = x10 * y20 - x20 * y10
        self.invDet = invDet ?? 1 / det
    }
}

/// The depth plane of a triangle: `z = z0 + dzdy·(y − fy0) + dzdx·(x − fx0)`, in that order.
struct DepthPlane {
    let z0: Float, dzdx: Float, dzdy: Float

    @inline(__always) init(_ g: TriangleGeometry, _ v0: ScreenVertex, _ v1: ScreenVertex, _ v2: ScreenVertex) {
        let z10 = v1.z - v0.z, z20 = v2.z - v0.z
        z0 = v0.z
        dzdx = (z10 * g.y20 - z20 * g.y10) * g.invDet
        dzdy = (z20 * g.x10 - z10 * g.x20) * g.invDet
    }

    /// Depth at the 8 samples of the 2-pixel span at tile pixel (px, py).
    @inline(__always) func span(_ g: TriangleGeometry, _ px: Int, _ py: Int) -> SIMD8<Float> {
        let dy = SIMD8<Float>(repeating: Float(py) - g.fy0) + SamplePattern.laneY
        let dx = SIMD8<Float>(repeating: Float(px) - g.fx0) + SamplePattern.laneX
        return (SIMD8(repeating: z0) + SIMD8(repeating: dzdy) * dy) + SIMD8(repeating: dzdx) * dx
    }

    /// Depth at lane `j` of that span (the scalar reference of `span`).
    @inline(__always) func lane(_ g: TriangleGeometry, _ px: Int, _ py: Int, _ j: Int) -> Float {
        let dy = (Float(py) - g.fy0) + SamplePattern.laneY[j]
        let dx = (Float(px) - g.fx0) + SamplePattern.laneX[j]
        return (z0 + dzdy * dy) + dzdx * dx
    }
}

/// How a lit mesh's pixels are lit, from the interpolated world-space normal (renormalised per
/// pixel, as the viewer's fragment shader does). A zero normal leaves the pixel unlit.
struct LightModel {
    /// 0: unlit, 1: the viewer's rig, 2: Lambert with `direction` and `ambient`.
    let mode: Int
    let direction: SIMD3<Float>
    let ambient: Float

    init(_ lighting: Lighting, hasNormals: Bool) {
        switch lighting {
        case .unlit: mode = 0; direction = .zero; ambient = 0
        case .viewerRig: mode = hasNormals ? 1 : 0; direction = .zero; ambient = 0
        case .lambert(let d, let a): mode = hasNormals ? 2 : 0; direction = d; ambient = a
        }
    }

    /// Light factor for the (not necessarily unit) normal `(x, y, z)`.
    @inline(__always) func factor(_ x: Float, _ y: Float, _ z: Float) -> Float {
        let len2 = x * x + y * y + z * z
        guard len2 > 0 && len2.isFinite else { return 1 }
        let s = 1 / len2.squareRoot()
        let nx = x * s, ny = y * s, nz = z * s
        @inline(__always) func sat(_ x: Float) -> Float { x > 0 ? (x < 1 ? x : 1) : 0 }
        if mode == 1 {
            // normalize(1, 2, 3) and normalize(−1, −3, −5)
            let d1 = nx * 0.26726124 + ny * 0.5345225 + nz * 0.8017837
            let d2 = nx * -0.16903085 + ny * -0.50709254 + nz * -0.8451542
            let f = 0.2 + sat(d1) + 0.5 * sat(d2)
            return f < 1 ? f : 1
        }
        let d = nx * direction.x + ny * direction.y + nz * direction.z
        return ambient + (1 - ambient) * (d > 0 ? d : 0)
    }
}

/// Per-pixel shading of one triangle in one tile: perspective-correct barycentric weights at the
/// pixel centre, the vertex attributes (colour, normal, texture coordinates) interpolated in one
/// 8-lane step, per-pixel lighting, then texture sampling. Made for every triangle (cheap), filled
/// in by `prepare` when a pixel first needs it; kept in place and passed `inout` (a copy of it per
/// pixel cost more than the shading).
struct PixelShader {
    unowned(unsafe) let draw: TriangleDraw
    let g: TriangleGeometry
    var ready = false
    /// Attributes × 1/w of the three vertices, and the 1/w.
    var p0 = SIMD8<Float>.zero, p1 = SIMD8<Float>.zero, p2 = SIMD8<Float>.zero
    var q0: Float = 0, q1: Float = 0, q2: Float = 0
    /// Level sampled, as raw texels (valid while the draw's texture lives).
    var texels: UnsafePointer<UInt32>? = nil
    var texWidth = 0, texHeight = 0
    var nearest = true
    /// Nearest sampling of an opaque texture with white colour, unlit: the texel word is the result.
    var whiteOpaqueNearest = false
    /// `whiteOpaqueNearest` on an affine triangle (equal 1/w) whose u depends on x only and v on y
    /// only (a 2D image quad): u = u0 + dudx·(x − fx0), v = t0 + dvdy·(y − fy0) for every pixel.
    var separable = false
    var u0: Float = 0, dudx: Float = 0, t0: Float = 0, dvdy: Float = 0

    @inline(__always) init(draw: TriangleDraw, _ g: TriangleGeometry) {
        self.draw = draw
        self.g = g
    }

    mutating func prepare(_ v0: ScreenVertex, _ v1: ScreenVertex, _ v2: ScreenVertex,
                          _ a0: SIMD8<Float>, _ a1: SIMD8<Float>, _ a2: SIMD8<Float>) {
        ready = true
        q0 = v0.invW; q1 = v1.invW; q2 = v2.invW
        p0 = a0 * SIMD8(repeating: q0)
        p1 = a1 * SIMD8(repeating: q1)
        p2 = a2 * SIMD8(repeating: q2)
        guard let tex = draw.texture else { return }
        // Texels per pixel from the triangle's affine footprint.
        let w = Float(tex.width), h = Float(tex.height)
        let u10 = (a1[6] - a0[6]) * w, v10 = (a1[7] - a0[7]) * h, u20 = (a2[6] - a0[6]) * w, v20 = (a2[7] - a0[7]) * h
        let texArea = abs(u10 * v20 - u20 * v10), pixArea = abs(g.det)
        let scale = (texArea / pixArea).squareRoot()
        // Minifying: the mipmap level with 1 ≤ texels per pixel < 2 (box-filtered in linear light).
        var level = 0
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
        if whiteOpaqueNearest && q0 == q1 && q1 == q2 {
            let du10 = a1[6] - a0[6], du20 = a2[6] - a0[6], dv10 = a1[7] - a0[7], dv20 = a2[7] - a0[7]
            let dudy = (du20 * g.x10 - du10 * g.x20) * g.invDet
            let dvdx = (dv10 * g.y20 - dv20 * g.y10) * g.invDet
            if dudy == 0 && dvdx == 0 {
                separable = true
                u0 = a0[6]; t0 = a0[7]
                dudx = (du10 * g.y20 - du20 * g.y10) * g.invDet
                dvdy = (dv20 * g.x10 - dv10 * g.x20) * g.invDet
            }
        }
    }

    /// Texel column of the pixel centre x (separable triangles).
    @inline(__always) func column(_ x: Float) -> Int {
        clampIndex((u0 + dudx * (x - g.fx0)) * Float(texWidth), texWidth)
    }

    /// Texel row of the pixel centre y (separable triangles).
    @inline(__always) func row(_ y: Float) -> Int {
        clampIndex((t0 + dvdy * (y - g.fy0)) * Float(texHeight), texHeight)
    }

    /// Interpolated attributes at the tile pixel centre (x, y).
    @inline(__always) func attributes(_ x: Float, _ y: Float) -> SIMD8<Float> {
        Self.interpolate(g, p0, p1, p2, q0, q1, q2, x, y)
    }

    /// Attributes at (x, y) from the vertices' attributes × 1/w (`p`) and 1/w (`q`); a function
    /// of its arguments only, so that callers holding them in registers and the shader agree.
    @inline(__always)
    static func interpolate(_ g: TriangleGeometry, _ p0: SIMD8<Float>, _ p1: SIMD8<Float>, _ p2: SIMD8<Float>,
                            _ q0: Float, _ q1: Float, _ q2: Float, _ x: Float, _ y: Float) -> SIMD8<Float> {
        // Barycentric weights × det (det cancels in the perspective division: one division).
        let dx = x - g.fx0, dy = y - g.fy0
        let e1 = dx * g.y20 - dy * g.x20
        let e2 = dy * g.x10 - dx * g.y10
        let e0 = g.det - e1 - e2
        let w = 1 / (q0 * e0 + q1 * e1 + q2 * e2)
        let s = (p0 * SIMD8(repeating: e0) + p1 * SIMD8(repeating: e1)) + p2 * SIMD8(repeating: e2)
        return s * SIMD8(repeating: w)
    }

    /// The packed word of an opaque, untextured pixel with attributes `a`: colour × light.
    @inline(__always) static func litWord(_ a: SIMD8<Float>, _ light: LightModel, _ t: SRGBTables) -> UInt32 {
        let f = light.mode == 0 ? 1 : light.factor(a[3], a[4], a[5])
        return t.pack(a[0] * f, a[1] * f, a[2] * f, 1)
    }

    /// The packed word of an opaque pixel centred at (x, y).
    @inline(__always) mutating func shadeWord(_ x: Float, _ y: Float, _ t: SRGBTables) -> UInt32 {
        if separable, let tx = texels {
            return tx[row(y) * texWidth + column(x)] | 0xFF00_0000
        }
        if whiteOpaqueNearest, let tx = texels {
            let a = attributes(x, y)
            let ix = clampIndex(a[6] * Float(texWidth), texWidth), iy = clampIndex(a[7] * Float(texHeight), texHeight)
            return tx[iy * texWidth + ix] | 0xFF00_0000
        }
        let c = shade(x, y, t)
        return t.pack(c.x, c.y, c.z, 1)
    }

    /// Linear RGB and alpha of the pixel centred at (x, y) (tile pixels).
    @inline(__always) mutating func shade(_ x: Float, _ y: Float, _ t: SRGBTables) -> SIMD4<Float> {
        let a = attributes(x, y)
        let light = draw.light
        let f = light.mode == 0 ? 1 : light.factor(a[3], a[4], a[5])
        var c = SIMD4<Float>(a[0] * f, a[1] * f, a[2] * f, draw.opacity)
        if let tx = texels {
            let s = nearest ? sampleNearest(tx, texWidth, texHeight, a[6], a[7], t)
                            : sampleBilinear(tx, texWidth, texHeight, a[6], a[7], t)
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
