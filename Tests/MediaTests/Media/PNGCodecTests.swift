import Testing
@testable import MediaCodecs

@Suite struct PNGCodecTests {
    @Test func roundTripKeepsEveryByte() throws {
        var image = RGBAImage(width: 7, height: 5, fill: (10, 20, 30, 255))
        for i in 0..<image.pixels.count { image.pixels[i] = UInt8(truncatingIfNeeded: i * 37) }
        let png = try PNGCodec.encode(image)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        #expect(try PNGCodec.decode(png) == image)
    }

    @Test func encodingIsDeterministic() throws {
        let image = RGBAImage(width: 64, height: 32, fill: (1, 2, 3, 4))
        #expect(try PNGCodec.encode(image) == PNGCodec.encode(image))
    }

    @Test func corruptBytesAreAnError() throws {
        let png = try PNGCodec.encode(RGBAImage(width: 4, height: 4, fill: (9, 9, 9, 255)))
        #expect(throws: MediaError.self) { try PNGCodec.decode(Array(png.prefix(20))) }
        #expect(throws: MediaError.self) { try PNGCodec.decode([1, 2, 3]) }
    }

    @Test func emptyImageCannotBeEncoded() {
        #expect(throws: MediaError.invalidDimensions(width: 0, height: 3)) {
            try PNGCodec.encode(RGBAImage(width: 0, height: 3, pixels: []))
        }
    }
}
