import Testing
@testable import MediaCodecs

/// The PNG decoder on inputs our encoder never writes: grey, palette, 16-bit, tRNS, hostile headers.
@Suite struct PNGDecodingTests {
    /// v16 → round(v16 · 255 / 65535), with no gamma conversion (libpng's simplified API assumes
    /// 16-bit files are linear and would brighten 0x8040 to 186).
    @Test func sixteenBitSamplesAreScaledWithoutGammaConversion() throws {
        // 2×1 RGB16: (0x8040, 0x2010, 0xFFFF) and (0x0000, 0x7FFF, 0x1234); no gAMA chunk.
        let row: [UInt8] = [0x80, 0x40, 0x20, 0x10, 0xFF, 0xFF, 0x00, 0x00, 0x7F, 0xFF, 0x12, 0x34]
        let png = HandmadePNG.make(width: 2, height: 1, bitDepth: 16, colorType: 2, rows: [row])
        let image = try PNGCodec.decode(png)
        #expect(image.pixels == [128, 32, 255, 255, 0, 127, 18, 255])
    }

    @Test func greyAndGreyAlphaBecomeRGBA() throws {
        let grey = HandmadePNG.make(width: 3, height: 1, bitDepth: 8, colorType: 0, rows: [[0, 128, 255]])
        #expect(try PNGCodec.decode(grey).pixels == [0, 0, 0, 255, 128, 128, 128, 255, 255, 255, 255, 255])
        let greyAlpha = HandmadePNG.make(width: 1, height: 1, bitDepth: 8, colorType: 4, rows: [[77, 9]])
        #expect(try PNGCodec.decode(greyAlpha).pixels == [77, 77, 77, 9])
    }

    @Test func paletteWithTransparencyBecomesRGBA() throws {
        // 4-bit palette, two pixels per byte: indices 1, 0.
        let png = HandmadePNG.make(width: 2, height: 1, bitDepth: 4, colorType: 3, rows: [[0x10]],
                                   palette: [10, 20, 30, 200, 100, 50], transparency: [0])
        #expect(try PNGCodec.decode(png).pixels == [200, 100, 50, 255, 10, 20, 30, 0])
    }

    @Test func aHeaderAskingForTooManyPixelsIsRefusedBeforeAllocating() throws {
        let png = HandmadePNG.make(width: 40000, height: 40000, bitDepth: 8, colorType: 6, rows: [[0, 0, 0, 0]])
        #expect {
            try PNGCodec.decode(png)
        } throws: { error in
            if case MediaError.tooLarge(format: "PNG", width: 40000, height: 40000, limits: _) = error { return true }
            return false
        }
        let small = ImageLimits(maxSide: 100, maxPixels: 50)
        let png10 = HandmadePNG.make(width: 10, height: 10, bitDepth: 8, colorType: 0, rows: Array(repeating: Array(repeating: 0, count: 10), count: 10))
        #expect(throws: MediaError.tooLarge(format: "PNG", width: 10, height: 10, limits: small)) {
            try PNGCodec.decode(png10, limits: small)
        }
    }

    @Test func aCorruptCRCOrTruncatedDataIsATypedError() throws {
        var png = HandmadePNG.make(width: 2, height: 2, bitDepth: 8, colorType: 0, rows: [[1, 2], [3, 4]])
        #expect(try PNGCodec.decode(png).width == 2)
        png[png.count - 20] ^= 0xFF // inside IDAT: its CRC no longer matches
        #expect(throws: MediaError.self) { try PNGCodec.decode(png) }
    }

    @Test func readingAMissingFileNamesIt() throws {
        #expect(throws: MediaError.io(path: "/nonexistent/x.png", reason: "No such file or directory")) {
            try PNGCodec.read("/nonexistent/x.png")
        }
    }
}
