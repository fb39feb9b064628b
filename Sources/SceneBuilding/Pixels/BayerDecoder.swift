/// Bayer mosaics (8-bit) → sRGB bytes by bilinear demosaicing.
///
/// Each output channel of a pixel is its own sample when the pixel carries that colour, otherwise the rounded mean
/// of the samples of that colour among its (up to 8) neighbours inside the image. Samples are treated as sRGB.
/// Not verified against the 0.41 viewer (its source was not available); the pattern names give the colours of the
/// top-left 2×2 block in reading order.
enum BayerDecoder {
    /// The colour (0 R, 1 G, 2 B) at even/odd column and row parity, indexed [row parity * 2 + column parity].
    static func layout(_ pattern: PixelFormat) -> [Int] {
        switch pattern {
        case .bayerBGGR8: [2, 1, 1, 0]
        case .bayerGBRG8: [1, 2, 0, 1]
        case .bayerGRBG8: [1, 0, 2, 1]
        default: [0, 1, 1, 2]
        }
    }

    static func decode(_ raw: UnsafeRawBufferPointer, width w: Int, height h: Int, pattern: PixelFormat,
                       into out: UnsafeMutableBufferPointer<UInt8>) {
        let src = raw.bindMemory(to: UInt8.self)
        let colours = layout(pattern)
        for y in 0..<h {
            for x in 0..<w {
                var sum: (Int, Int, Int) = (0, 0, 0)
                var count: (Int, Int, Int) = (0, 0, 0)
                let own = colours[(y & 1) * 2 + (x & 1)]
                for ny in max(0, y - 1)...min(h - 1, y + 1) {
                    for nx in max(0, x - 1)...min(w - 1, x + 1) {
                        let c = colours[(ny & 1) * 2 + (nx & 1)]
                        if c == own && (nx != x || ny != y) { continue }
                        let v = Int(src[ny * w + nx])
                        switch c {
                        case 0: sum.0 += v; count.0 += 1
                        case 1: sum.1 += v; count.1 += 1
                        default: sum.2 += v; count.2 += 1
                        }
                    }
                }
                let d = (y * w + x) * 4
                out[d] = mean(sum.0, count.0)
                out[d + 1] = mean(sum.1, count.1)
                out[d + 2] = mean(sum.2, count.2)
            }
        }
    }

    @inline(__always)
    private static func mean(_ sum: Int, _ count: Int) -> UInt8 {
        count == 0 ? 0 : UInt8(truncatingIfNeeded: (sum + count / 2) / count)
    }
}
