/// Blending of one source colour over one colour sample: the only place where transparent and
/// partly covered pixels are mixed. Both kernel sets call it lane by lane, so they agree exactly.
struct BlendSource {
    /// Linear RGB and alpha (straight).
    var linear: SIMD4<Float>
    /// sRGB-encoded RGB as floats 0…255 (only for gamma-space blending; zero otherwise).
    var encoded: SIMD3<Float>

    @inline(__always) init(linear: SIMD4<Float>, gamma: Bool = false, tables t: SRGBTables) {
        self.linear = linear
        encoded = gamma ? SIMD3(Float(t.encode(linear.x)), Float(t.encode(linear.y)), Float(t.encode(linear.z))) : .zero
    }
}

/// `src` over `dst` with coverage-weighted alpha `alpha`, in linear light.
@inline(__always) func blendLinear(_ src: SIMD4<Float>, alpha a: Float, over dst: UInt32, _ t: SRGBTables) -> UInt32 {
    let d = t.unpack(dst)
    let k = 1 - a
    return t.pack(src.x * a + d.x * k, src.y * a + d.y * k, src.z * a + d.z * k, a + d.w * k)
}

/// `src` over `dst` mixing the sRGB-encoded bytes (egui's gamma-space blending).
@inline(__always) func blendGamma(_ src: SIMD3<Float>, alpha a: Float, over dst: UInt32, _ t: SRGBTables) -> UInt32 {
    let k = 1 - a
    let r = src.x * a + Float(dst & 0xFF) * k
    let g = src.y * a + Float((dst >> 8) & 0xFF) * k
    let b = src.z * a + Float((dst >> 16) & 0xFF) * k
    let al = a + Float(dst >> 24) * (1 / 255) * k
    @inline(__always) func byte(_ v: Float) -> UInt32 { UInt32(min(max(v, 0), 255) + 0.5) }
    return byte(r) | byte(g) << 8 | byte(b) << 16 | t.unitByte(al) << 24
}

@inline(__always) func blend(_ s: BlendSource, alpha: Float, over dst: UInt32, gamma: Bool, _ t: SRGBTables) -> UInt32 {
    gamma ? blendGamma(s.encoded, alpha: alpha, over: dst, t) : blendLinear(s.linear, alpha: alpha, over: dst, t)
}
