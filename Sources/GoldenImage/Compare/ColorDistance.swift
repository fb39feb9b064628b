/// The perceived distance between two RGBA pixels, after pixelmatch's YIQ metric (its versions up
/// to 7.x; later versions moved to OKLab, so thresholds are only comparable with this version).
///
/// Each pixel is first blended over white by its alpha, then converted to YIQ; the squared
/// distance weighs Y (brightness) most: `0.5053·ΔY² + 0.299·ΔI² + 0.1957·ΔQ²`. The largest value
/// between any two colours is `maxSquared` (35215, pixelmatch's constant); `normalized` maps it to 1,
/// so a threshold T means `squared > 35215·T²` exactly as in pixelmatch. Black against white is 0.966.
///
/// Version 1 of this metric; changing the formula changes what every stored threshold means.
public enum ColorDistance {
    public static let version = 1
    public static let maxSquared: Float = 35215

    /// Squared YIQ distance of two pixels (RGBA packed little-endian in a UInt32).
    @inline(__always)
    static func squared(_ a: UInt32, _ b: UInt32) -> Float {
        let (r1, g1, b1) = blendedOverWhite(a)
        let (r2, g2, b2) = blendedOverWhite(b)
        let y = luma(r1, g1, b1) - luma(r2, g2, b2)
        let i = inPhase(r1, g1, b1) - inPhase(r2, g2, b2)
        let q = quadrature(r1, g1, b1) - quadrature(r2, g2, b2)
        return 0.5053 * y * y + 0.299 * i * i + 0.1957 * q * q
    }

    /// The distance scaled to 0...1 (0 = same colour; black against white is 0.966).
    public static func normalized(_ a: (UInt8, UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8, UInt8)) -> Double {
        normalized(squared: squared(pack(a), pack(b)))
    }

    static func normalized(squared: Float) -> Double { Double(squared / maxSquared).squareRoot() }

    /// Brightness (Y) of a pixel blended over white.
    @inline(__always)
    static func brightness(_ p: UInt32) -> Float {
        let (r, g, b) = blendedOverWhite(p)
        return luma(r, g, b)
    }

    @inline(__always)
    static func pack(_ p: (UInt8, UInt8, UInt8, UInt8)) -> UInt32 {
        UInt32(p.0) | UInt32(p.1) << 8 | UInt32(p.2) << 16 | UInt32(p.3) << 24
    }

    @inline(__always)
    private static func blendedOverWhite(_ p: UInt32) -> (Float, Float, Float) {
        let r = Float(p & 0xFF), g = Float(p >> 8 & 0xFF), b = Float(p >> 16 & 0xFF), a = Float(p >> 24)
        if a == 255 { return (r, g, b) }
        let k = a / 255
        return (255 + (r - 255) * k, 255 + (g - 255) * k, 255 + (b - 255) * k)
    }

    @inline(__always) private static func luma(_ r: Float, _ g: Float, _ b: Float) -> Float {
        r * 0.29889531 + g * 0.58662247 + b * 0.11448223
    }

    @inline(__always) private static func inPhase(_ r: Float, _ g: Float, _ b: Float) -> Float {
        r * 0.59597799 - g * 0.27417610 - b * 0.32180189
    }

    @inline(__always) private static func quadrature(_ r: Float, _ g: Float, _ b: Float) -> Float {
        r * 0.21147017 - g * 0.52261711 + b * 0.31114694
    }
}
