import Foundation

/// The sRGB transfer curve, shared by the whole scene builder.
///
/// Convention (rendering-conventions §1.1): every user colour, vertex colour and texel that the viewer treats as
/// sRGB is **sRGB-encoded**; the rasterizer shades and blends in **linear** float and encodes to sRGB once at the end.
/// The pixel decoders in this folder therefore produce sRGB 8-bit RGBA with straight alpha (`RGBAImage`), which is what
/// the viewer's textures hold before its shader decodes them; `linearFromSRGB8` turns a texel into linear light.
public enum ColorSpace {
    /// sRGB-encoded value in [0, 1] → linear light: x/12.92 below 0.04045, else ((x+0.055)/1.055)^2.4.
    @inlinable
    public static func linearFromSRGB(_ srgb: Float) -> Float {
        srgb <= 0.04045 ? srgb / 12.92 : powf((srgb + 0.055) / 1.055, 2.4)
    }

    /// Linear light in [0, 1] → sRGB-encoded value: 12.92·x below 0.0031308, else 1.055·x^(1/2.4) − 0.055.
    @inlinable
    public static func srgbFromLinear(_ linear: Float) -> Float {
        linear <= 0.0031308 ? 12.92 * linear : 1.055 * powf(linear, 1 / 2.4) - 0.055
    }

    /// Linear light → sRGB byte, clamped to [0, 1] first and rounded to nearest (NaN → 0).
    @inlinable
    public static func srgb8FromLinear(_ linear: Float) -> UInt8 {
        unitToByte(srgbFromLinear(min(max(linear, 0), 1)))
    }

    /// A value in [0, 1] → byte, rounded to nearest; values outside are clamped and NaN gives 0.
    @inlinable
    public static func unitToByte(_ unit: Float) -> UInt8 {
        guard unit > 0 else { return 0 }
        guard unit < 1 else { return 255 }
        return UInt8(truncatingIfNeeded: Int32(unit * 255 + 0.5))
    }

    /// Linear light of each sRGB byte value: `linearFromSRGB8[b] == linearFromSRGB(Float(b) / 255)`.
    public static let linearFromSRGB8: [Float] = (0..<256).map { linearFromSRGB(Float($0) / 255) }
}
