@testable import MediaCodecs

/// Small images with known differences for the comparison tests.
enum TestImages {
    /// Black on the left, white on the right, one anti-aliased grey column at x = `edge`.
    static func edge(width: Int = 16, height: Int = 12, edge: Int = 8, grey: UInt8 = 128) -> RGBAImage {
        var image = RGBAImage(width: width, height: height, fill: (255, 255, 255, 255))
        for y in 0..<height {
            for x in 0...edge {
                let v: UInt8 = x == edge ? grey : 0
                set(&image, x, y, (v, v, v, 255))
            }
        }
        return image
    }

    static func set(_ image: inout RGBAImage, _ x: Int, _ y: Int, _ p: (UInt8, UInt8, UInt8, UInt8)) {
        let i = (y * image.width + x) * 4
        image.pixels[i] = p.0; image.pixels[i + 1] = p.1; image.pixels[i + 2] = p.2; image.pixels[i + 3] = p.3
    }

    /// A deterministic pseudo-random picture (xorshift), opaque.
    static func noise(width: Int, height: Int, seed: UInt32 = 12345) -> RGBAImage {
        var state = seed
        var image = RGBAImage(width: width, height: height)
        for i in 0..<image.pixels.count {
            state ^= state << 13; state ^= state >> 17; state ^= state << 5
            image.pixels[i] = i % 4 == 3 ? 255 : UInt8(truncatingIfNeeded: state)
        }
        return image
    }
}
