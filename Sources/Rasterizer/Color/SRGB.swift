import Foundation

/// Conversions between 8-bit sRGB and linear light, by table, identical in every build.
///
/// * `decode`: 256 `Float`s, exact sRGB → linear (computed once in `Double`).
/// * `encode`: linear `Float` → nearest sRGB byte through a table indexed by the top bits of the
///   float: exponent and 10 mantissa bits over [2⁻¹⁶, 1). Each entry is the encoding of its bucket's
///   centre, so the result is the correctly rounded byte except within 2⁻¹¹ (relative) of a rounding
///   boundary. Below 2⁻¹⁶ (NaN and negatives included) gives 0, 1 and above gives 255.
/// Only integer operations and table loads are involved, so the scalar and SIMD kernels (and the
/// portable and x86-64-v3 builds) agree bit for bit.
public enum SRGB {
    /// Linear value of each sRGB byte.
    public static let decodeTable: [Float] = (0..<256).map { Float(toLinear(Double($0) / 255)) }

    /// Bits of the smallest float the encode table covers (2⁻¹⁶).
    @usableFromInline static let encodeLowBits: UInt32 = (Float(1) / 65536).bitPattern
    /// Shift that keeps exponent + 10 mantissa bits.
    @usableFromInline static let encodeShift: UInt32 = 13

    /// sRGB byte of every bucket from 2⁻¹⁶ up to (not including) 1.
    public static let encodeTable: [UInt8] = {
        let lo = Int(encodeLowBits >> encodeShift)
        let hi = Int(Float(1).bitPattern >> encodeShift)
        return (lo..<hi).map { idx in
            let first = UInt32(idx) << encodeShift
            let mid = Float(bitPattern: first | (1 << (encodeShift - 1)))
            return UInt8(min(255, max(0, (toSRGB(Double(mid)) * 255).rounded())))
        }
    }()

    /// Exact sRGB transfer function, encoded [0, 1] → linear [0, 1].
    public static func toLinear(_ c: Double) -> Double {
        c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }

    /// Exact inverse transfer function, linear [0, 1] → encoded [0, 1].
    public static func toSRGB(_ l: Double) -> Double {
        l <= 0.0031308 ? l * 12.92 : 1.055 * pow(l, 1 / 2.4) - 0.055
    }

    /// Table index of a linear value, or −1 (→ 0) below the table, or `count` (→ 255) at 1 and up.
    /// NaN and negative floats have bits ≥ 0x8000_0000 or exponent 0xFF: mapped to 0.
    @inlinable @inline(__always)
    static func encode(_ x: Float, _ table: UnsafePointer<UInt8>, _ count: Int) -> UInt8 {
        let bits = x.bitPattern
        if bits > 0x7F80_0000 { return 0 }            // NaN and negatives; +inf falls through to 255
        if bits < encodeLowBits { return 0 }
        let idx = Int((bits >> encodeShift) &- (encodeLowBits >> encodeShift))
        return idx >= count ? 255 : table[idx]
    }
}

/// Raw pointers to the two tables, taken once per render so kernels read them without array
/// bounds checks or retain/release.
struct SRGBTables: @unchecked Sendable {
    let decode: UnsafePointer<Float>
    let encode: UnsafePointer<UInt8>
    let encodeCount: Int

    static let shared: SRGBTables = {
        let d = UnsafeMutablePointer<Float>.allocate(capacity: 256)
        d.initialize(from: SRGB.decodeTable, count: 256)
        let t = SRGB.encodeTable
        let e = UnsafeMutablePointer<UInt8>.allocate(capacity: t.count)
        e.initialize(from: t, count: t.count)
        return SRGBTables(decode: d, encode: e, encodeCount: t.count)
    }()

    /// Linear light → sRGB byte.
    @inline(__always) func encode(_ x: Float) -> UInt8 { SRGB.encode(x, encode, encodeCount) }

    /// `encode` of a value in [0, 1] (a mean of decoded bytes: finite, not negative), as a word, by
    /// selects on the table index instead of `SRGB.encode`'s branches: below the table gives 0, 1
    /// (the index just past the table) gives 255.
    @inline(__always) func encodeUnit(_ x: Float) -> UInt32 {
        let idx = Int(x.bitPattern >> SRGB.encodeShift) - Int(SRGB.encodeLowBits >> SRGB.encodeShift)
        let inside = idx < 0 ? 0 : (idx < encodeCount ? idx : encodeCount - 1)
        let byte = UInt32(encode[inside])
        return idx < 0 ? 0 : (idx < encodeCount ? byte : 255)
    }

    /// Linear RGB + straight alpha in [0, 1] → packed sRGB8 word.
    @inline(__always) func pack(_ r: Float, _ g: Float, _ b: Float, _ a: Float) -> UInt32 {
        let ab = unitByte(a)
        return UInt32(encode(r)) | UInt32(encode(g)) << 8 | UInt32(encode(b)) << 16 | ab << 24
    }

    /// A value in [0, 1] (not sRGB-encoded: alpha) to a byte, rounding to nearest; NaN gives 0.
    @inline(__always) func unitByte(_ a: Float) -> UInt32 {
        let c = a > 0 ? (a < 1 ? a : 1) : 0   // NaN fails `a > 0`
        return UInt32(Float(255) * c + 0.5)
    }

    /// Packed sRGB8 word → linear RGB and alpha in [0, 1].
    @inline(__always) func unpack(_ c: UInt32) -> SIMD4<Float> {
        SIMD4(decode[Int(c & 0xFF)], decode[Int((c >> 8) & 0xFF)], decode[Int((c >> 16) & 0xFF)],
              Float(c >> 24) * (1 / 255))
    }
}
