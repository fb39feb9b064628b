import MediaCodecs
import Testing
@testable import SceneBuilding

@Suite struct EncodedImageTests {
    /// The 24×16 RGB gradient of Fixtures/scripts/images.py as an RGBA image.
    private var gradient: RGBAImage {
        var image = RGBAImage(width: 24, height: 16, fill: (0, 0, 128, 255))
        for y in 0..<16 { for x in 0..<24 { image.pixels[(y * 24 + x) * 4] = UInt8(x * 10); image.pixels[(y * 24 + x) * 4 + 1] = UInt8(y * 15) } }
        return image
    }

    @Test func pngDecodesWithoutTheHook() throws {
        let png = try PNGCodec.encode(gradient)
        #expect(try EncodedImageDecoder.decode(png, mediaType: "image/png") == gradient)
        #expect(try EncodedImageDecoder.decode(png, mediaType: nil) == gradient, "sniffed")
        #expect(try EncodedImageDecoder.decode(png, mediaType: "image/jpeg") == gradient, "the bytes win over the label")
    }

    @Test func jpegGoesToTheHookWithItsMediaType() throws {
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 16]
        var seen: [String] = []
        let image = try EncodedImageDecoder.decode(jpeg, mediaType: nil) { bytes, mediaType in
            seen.append(mediaType)
            #expect(bytes == jpeg)
            return RGBAImage(width: 1, height: 1, fill: (1, 2, 3, 255))
        }
        #expect(seen == ["image/jpeg"])
        #expect(image.pixel(x: 0, y: 0) == (1, 2, 3, 255))
        #expect(EncodedImageKind(mediaType: "IMAGE/JPG") == .jpeg)
    }

    @Test func withoutAJPEGDecoderJPEGAndUnknownBytesAreErrors() {
        #expect(throws: MediaError.self) { try EncodedImageDecoder.decode([0xFF, 0xD8, 0xFF, 0xDB], mediaType: "image/jpeg") }
        #expect(throws: MediaError.self) { try EncodedImageDecoder.decode([1, 2, 3], mediaType: nil) }
        #expect(throws: MediaError.self) { try EncodedImageDecoder.decode([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0], mediaType: nil) }
    }
}
