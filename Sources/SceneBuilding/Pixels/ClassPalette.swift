/// The viewer's automatic colours (rendering-conventions §3.1, §3.2).
///
/// For a value v (a class id, or a stable hash of an entity path reduced mod 65535): hue = fract(v · 0.618034) in f32,
/// saturation 0.85, value 0.5, converted HSV → RGB in **linear** light, then encoded to sRGB bytes. Alpha is 255.
/// Every result has its largest channel at sRGB 188 and its smallest at 77.
public enum ClassPalette {
    /// The palette colour for `value` as sRGB bytes with alpha 255.
    public static func color(for value: UInt16) -> SIMD4<UInt8> {
        let goldenRatioConjugate: Float = (Float(5).squareRoot() - 1) / 2
        let linear = rgbFromHSV(hue: Float(value) * goldenRatioConjugate, saturation: 0.85, value: 0.5)
        return SIMD4(ColorSpace.srgb8FromLinear(linear.x), ColorSpace.srgb8FromLinear(linear.y),
                     ColorSpace.srgb8FromLinear(linear.z), 255)
    }

    /// HSV → RGB with the hue wrapped into [0, 1) (the hexcone model; no colour-space change).
    public static func rgbFromHSV(hue: Float, saturation: Float, value: Float) -> SIMD3<Float> {
        let h = (hue - hue.rounded(.down) + 1).truncatingRemainder(dividingBy: 1)
        let s = min(max(saturation, 0), 1)
        let sector = (h * 6).rounded(.down)
        let f = h * 6 - sector
        let p = value * (1 - s)
        let q = value * (1 - f * s)
        let t = value * (1 - (1 - f) * s)
        switch Int(sector) % 6 {
        case 0: return SIMD3(value, t, p)
        case 1: return SIMD3(q, value, p)
        case 2: return SIMD3(p, value, t)
        case 3: return SIMD3(p, q, value)
        case 4: return SIMD3(t, p, value)
        default: return SIMD3(value, p, q)
        }
    }
}
