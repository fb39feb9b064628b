import Testing
@testable import MediaCodecs

@Suite struct JPEGCodecTests {
    /// A smooth gradient: JPEG reproduces it closely at high quality.
    static func gradient(width: Int = 48, height: Int = 32) -> RGBAImage {
        var image = RGBAImage(width: width, height: height)
        for y in 0..<height {
            for x in 0..<width {
                let i = (y * width + x) * 4
                image.pixels[i] = UInt8(x * 255 / (width - 1))
                image.pixels[i + 1] = UInt8(y * 255 / (height - 1))
                image.pixels[i + 2] = 128
                image.pixels[i + 3] = 255
            }
        }
        return image
    }

    static func maxError(_ a: RGBAImage, _ b: RGBAImage) -> Int {
        zip(a.pixels, b.pixels).map { abs(Int($0) - Int($1)) }.max() ?? 0
    }

    @Test func roundTripIsCloseAndQualityMatters() throws {
        let image = Self.gradient()
        let best = try JPEGCodec.encode(image, quality: 100, subsampling: .none)
        let worst = try JPEGCodec.encode(image, quality: 5)
        #expect(Array(best.prefix(3)) == [0xFF, 0xD8, 0xFF])
        #expect(best.count > worst.count)
        let decoded = try JPEGCodec.decode(best)
        #expect(decoded.width == 48 && decoded.height == 32)
        #expect(Self.maxError(decoded, image) <= 4)
        #expect(Self.maxError(try JPEGCodec.decode(worst), image) > 4)
    }

    @Test func encodingIsDeterministic() throws {
        let image = Self.gradient()
        #expect(try JPEGCodec.encode(image) == JPEGCodec.encode(image))
    }

    @Test func greyJPEGsDecodeToGreyRGBA() throws {
        let jpeg = try JPEGCodec.encode(Self.gradient(), quality: 95, subsampling: .grey)
        let image = try JPEGCodec.decode(jpeg)
        for i in stride(from: 0, to: image.pixels.count, by: 4) {
            #expect(image.pixels[i] == image.pixels[i + 1] && image.pixels[i + 1] == image.pixels[i + 2])
            #expect(image.pixels[i + 3] == 255)
        }
    }

    @Test func corruptAndTruncatedJPEGsAreTypedErrors() throws {
        let jpeg = try JPEGCodec.encode(Self.gradient(), quality: 90)
        #expect(throws: MediaError.self) { try JPEGCodec.decode([0xFF, 0xD8, 0x00, 0x01]) }
        #expect(throws: MediaError.self) { try JPEGCodec.decode([]) }
        let truncated = Array(jpeg.prefix(jpeg.count - 60)) // cut inside the entropy-coded scan
        #expect(throws: MediaError.self) { try JPEGCodec.decode(truncated) }
        // Lenient mode keeps what could be decoded.
        let partial = try JPEGCodec.decode(truncated, strict: false)
        #expect(partial.width == 48 && partial.height == 32)
    }

    @Test func hostileSizesAreRefusedBeforeAllocating() throws {
        var jpeg = try JPEGCodec.encode(Self.gradient(), quality: 90)
        // Rewrite the SOF0 frame header's height and width to 65000×65000.
        let sof = try #require((0..<(jpeg.count - 1)).first { jpeg[$0] == 0xFF && jpeg[$0 + 1] == 0xC0 })
        jpeg[sof + 5] = 0xFD; jpeg[sof + 6] = 0xE8; jpeg[sof + 7] = 0xFD; jpeg[sof + 8] = 0xE8
        #expect {
            try JPEGCodec.decode(jpeg)
        } throws: { error in
            if case MediaError.tooLarge(format: "JPEG", width: 65000, height: 65000, limits: _) = error { return true }
            return false
        }
    }

    @Test func invertedCMYKBecomesRGB() {
        // C, M, Y, K stored inverted (255 = no ink): no ink with full K-inverse → white; all K → black.
        var pixels: [UInt8] = [255, 255, 255, 255, 255, 0, 255, 255, 10, 20, 30, 0]
        JPEGCodec.convertInvertedCMYKToRGBA(&pixels)
        #expect(pixels == [255, 255, 255, 255, 255, 0, 255, 255, 0, 0, 0, 255])
    }

    @Test func invalidQualityIsRefused() {
        #expect(throws: MediaError.encodeFailed(format: "JPEG", reason: "quality 0 is outside 1...100")) {
            try JPEGCodec.encode(Self.gradient(), quality: 0)
        }
    }
}
