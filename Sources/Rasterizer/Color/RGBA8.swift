/// An 8-bit colour, sRGB-encoded, with straight (non-premultiplied) alpha — how Rerun stores
/// every user colour.
///
/// `packed` is the little-endian word whose bytes in memory are R, G, B, A: the layout of the
/// output buffer and of every colour sample in a tile.
public struct RGBA8: Sendable, Hashable {
    public var r: UInt8
    public var g: UInt8
    public var b: UInt8
    public var a: UInt8

    public init(_ r: UInt8, _ g: UInt8, _ b: UInt8, _ a: UInt8 = 255) {
        self.r = r; self.g = g; self.b = b; self.a = a
    }

    /// From a packed word (bytes R, G, B, A in memory order).
    @inlinable public init(packed: UInt32) {
        r = UInt8(truncatingIfNeeded: packed)
        g = UInt8(truncatingIfNeeded: packed >> 8)
        b = UInt8(truncatingIfNeeded: packed >> 16)
        a = UInt8(truncatingIfNeeded: packed >> 24)
    }

    /// Bytes R, G, B, A in memory order as one little-endian word.
    @inlinable public var packed: UInt32 {
        UInt32(r) | UInt32(g) << 8 | UInt32(b) << 16 | UInt32(a) << 24
    }

    public static let white = RGBA8(255, 255, 255)
    public static let black = RGBA8(0, 0, 0)
    public static let transparent = RGBA8(0, 0, 0, 0)
}

/// Rerun's "clamped" broadcasting: element `i` of `values` (indexed from 0: an array or a buffer),
/// or the last one when it is shorter, or `fallback` when it is empty.
@inline(__always) func clamped<C: RandomAccessCollection>(_ values: C, _ i: Int, _ fallback: C.Element) -> C.Element
    where C.Index == Int {
    values.isEmpty ? fallback : values[values.startIndex + min(i, values.count - 1)]
}
