@testable import MediaCodecs

/// Frames of a white 12×12 square moving 1 pixel right and down per frame over a dark blue background.
enum SyntheticFrames {
    static let background: (UInt8, UInt8, UInt8) = (20, 30, 90)

    static func square(at k: Int, width: Int = 64, height: Int = 48) -> (x: Int, y: Int) {
        (4 + k % (width - 16), 4 + k % (height - 16))
    }

    static func frame(_ k: Int, width: Int = 64, height: Int = 48) -> RGBAImage {
        var image = RGBAImage(width: width, height: height, fill: (background.0, background.1, background.2, 255))
        let (sx, sy) = square(at: k, width: width, height: height)
        for y in sy..<(sy + 12) {
            for x in sx..<(sx + 12) {
                let i = (y * width + x) * 4
                image.pixels[i] = 255; image.pixels[i + 1] = 255; image.pixels[i + 2] = 255
            }
        }
        return image
    }
}
