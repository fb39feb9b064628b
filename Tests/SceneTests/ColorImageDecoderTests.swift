import MediaCodecs
import Testing
@testable import SceneBuilding

@Suite struct ColorImageDecoderTests {
    private func decode(_ bytes: [UInt8], _ w: Int, _ h: Int, _ model: ColorModel?, _ type: ChannelDatatype?) throws -> [[UInt8]] {
        let format = ImageFormatDescription(width: w, height: h, colorModel: model, channelDatatype: type)
        return pixelList(try ColorImageDecoder.decode(bytes, format: format).pixels)
    }

    @Test func u8ModelsAreCopiedAsSRGB() throws {
        #expect(try decode([10, 200], 2, 1, .l, .u8) == [[10, 10, 10, 255], [200, 200, 200, 255]])
        #expect(try decode([1, 2, 3, 4, 5, 6], 2, 1, .rgb, .u8) == [[1, 2, 3, 255], [4, 5, 6, 255]])
        #expect(try decode([1, 2, 3, 4], 1, 1, .rgba, .u8) == [[1, 2, 3, 4]])
        #expect(try decode([1, 2, 3], 1, 1, .bgr, .u8) == [[3, 2, 1, 255]])
        #expect(try decode([1, 2, 3, 4], 1, 1, .bgra, .u8) == [[3, 2, 1, 4]])
    }

    @Test func absentModelAndDatatypeMeanLAndU8() throws {
        #expect(try decode([7], 1, 1, nil, nil) == [[7, 7, 7, 255]])
    }

    @Test func integerDataWithin0To255IsTreatedAsSRGBBytes() throws {
        // u16 values ≤ 255: range [0, 255], sRGB → same bytes as u8.
        #expect(try decode(leBytes([UInt16(0), 128, 255]), 3, 1, .l, .u16) == [[0, 0, 0, 255], [128, 128, 128, 255], [255, 255, 255, 255]])
        for type in [ChannelDatatype.u32, .i32, .u64, .i64, .i16] {
            let bytes: [UInt8]
            switch type {
            case .u32: bytes = leBytes([UInt32(10), 20, 30])
            case .i32: bytes = leBytes([Int32(10), 20, 30])
            case .u64: bytes = leBytes([UInt64(10), 20, 30])
            case .i64: bytes = leBytes([Int64(10), 20, 30])
            default: bytes = leBytes([Int16(10), 20, 30])
            }
            #expect(try decode(bytes, 1, 1, .rgb, type) == [[10, 20, 30, 255]], "\(type)")
        }
        #expect(try decode([5, 6, 7].map { UInt8(bitPattern: Int8($0)) }, 1, 1, .bgr, .i8) == [[7, 6, 5, 255]])
    }

    @Test func singleChannelBeyond255IsNormalisedToMinMaxThroughGrayscale() throws {
        // [1000, 3000] → t = 0, 0.5, 1 → sRGB gray.
        #expect(try decode(leBytes([UInt16(1000), 2000, 3000]), 3, 1, .l, .u16)
            == [[0, 0, 0, 255], [128, 128, 128, 255], [255, 255, 255, 255]])
        // Negative data: [−10, 10] → t = 0, 0.25, 1.
        #expect(try decode(leBytes([Int16(-10), -5, 10]), 3, 1, .l, .i16)
            == [[0, 0, 0, 255], [64, 64, 64, 255], [255, 255, 255, 255]])
    }

    @Test func constantDataOutside0To255MapsToTheMiddle() throws {
        #expect(try decode(leBytes([UInt16(5000), 5000]), 2, 1, .l, .u16) == [[128, 128, 128, 255], [128, 128, 128, 255]])
    }

    @Test func multiChannelBeyond255IsLinearLightEncodedToSRGB() throws {
        // RGB u16 with range [0, 1000]: t = 0.5 is linear → sRGB 188; alpha is normalised too (not decoded).
        let bytes = leBytes([UInt16(0), 500, 1000, 500])
        #expect(try decode(bytes, 1, 1, .rgba, .u16) == [[0, 188, 255, 128]])
        #expect(try decode(leBytes([UInt16(1000), 500, 0]), 1, 1, .bgr, .u16) == [[0, 188, 255, 255]])
    }

    @Test func floatsWithin0To1AreSRGB() throws {
        #expect(try decode(leBytes([Float(0), 0.5, 1]), 3, 1, .l, .f32) == [[0, 0, 0, 255], [128, 128, 128, 255], [255, 255, 255, 255]])
        #expect(try decode(leBytes([Double(0.25), 0.5, 0.75]), 1, 1, .rgb, .f64) == [[64, 128, 191, 255]])
        #expect(try decode(leBytes([Float16(0.25), 0.5, 1, 0.5]), 1, 1, .rgba, .f16) == [[64, 128, 255, 128]])
    }

    @Test func floatsOutside0To1ButWithin255AreBytes() throws {
        #expect(try decode(leBytes([Float(0), 127.5, 255]), 3, 1, .l, .f32) == [[0, 0, 0, 255], [128, 128, 128, 255], [255, 255, 255, 255]])
    }

    @Test func nonFiniteFloatsAreIgnoredByTheRangeAndDrawnClamped() throws {
        // Finite range [0, 1]; NaN → 0, +∞ → 255, −∞ → 0.
        let out = try decode(leBytes([Float(0), 1, .nan, .infinity, -.infinity]), 5, 1, .l, .f32)
        #expect(out.map { $0[0] } == [0, 255, 0, 255, 0])
        // Arbitrary floats: range [−2, 2].
        #expect(try decode(leBytes([Float(-2), 0, 2]), 3, 1, .l, .f32).map { $0[0] } == [0, 128, 255])
    }

    @Test func shortBufferZeroAndAbsurdSizesAreErrors() {
        #expect(throws: PixelError.bufferTooShort(expected: 12, actual: 11)) {
            try ColorImageDecoder.decode([UInt8](repeating: 0, count: 11), format: .init(width: 2, height: 2, colorModel: .rgb, channelDatatype: .u8))
        }
        #expect(throws: PixelError.invalidDimensions(width: 0, height: 4)) {
            try ColorImageDecoder.decode([UInt8](), format: .init(width: 0, height: 4))
        }
        #expect(throws: PixelError.invalidDimensions(width: 100_000, height: 100_000)) {
            try ColorImageDecoder.decode([UInt8](), format: .init(width: 100_000, height: 100_000))
        }
        #expect(throws: PixelError.unknownCode(field: "color_model", 9)) {
            try ImageFormatDescription(width: 1, height: 1, pixelFormat: nil, colorModel: 9, channelDatatype: 6)
        }
        #expect(throws: PixelError.unknownCode(field: "pixel_format", 21)) {
            try ImageFormatDescription(width: 1, height: 1, pixelFormat: 21, colorModel: nil, channelDatatype: nil)
        }
    }

    @Test func extraTrailingBytesAreIgnored() throws {
        #expect(try decode([9, 8, 7], 1, 1, .l, .u8) == [[9, 9, 9, 255]])
    }

    @Test func rawFieldsBuildTheDescription() throws {
        let format = try ImageFormatDescription(width: 24, height: 16, pixelFormat: nil, colorModel: 2, channelDatatype: 6)
        #expect(format == ImageFormatDescription(width: 24, height: 16, colorModel: .rgb, channelDatatype: .u8))
        #expect(format.byteCount == 24 * 16 * 3)
        let huge = try ImageFormatDescription(width: .max, height: .max, pixelFormat: nil, colorModel: 3, channelDatatype: 35)
        #expect(huge.byteCount == Int.max, "no overflow trap on absurd sizes")
        #expect(ImageFormatDescription(width: 1 << 40, height: 1 << 40, pixelFormat: .nv12).byteCount == Int.max)
        let nv12 = try ImageFormatDescription(width: 4, height: 2, pixelFormat: 26, colorModel: nil, channelDatatype: nil)
        #expect(nv12.pixelFormat == .nv12 && nv12.byteCount == 12)
    }

    // MARK: The exact buffers of Fixtures/rrd/images.rrd (Fixtures/scripts/images.py), W = 24, H = 16.

    @Test func imagesFixtureRGBGrayAndRGBADecode() throws {
        let (w, h) = (24, 16)
        var rgb = [UInt8](), gray = [UInt8](), rgba = [UInt8]()
        for y in 0..<h {
            for x in 0..<w {
                rgb += [UInt8(x * 10), UInt8(y * 15), 128]
                rgba += [UInt8(x * 10), UInt8(y * 15), 128, 200]
                gray.append(UInt8(x * 255 / (w - 1)))
            }
        }
        #expect(Array(rgb.prefix(8)) == [0, 0, 128, 10, 0, 128, 20, 0], "same head as the fixture's buffer")
        let rgbImage = try ColorImageDecoder.decode(rgb, format: .init(width: w, height: h, colorModel: .rgb, channelDatatype: .u8))
        #expect(rgbImage.pixel(x: 23, y: 15) == (230, 225, 128, 255))
        let grayImage = try ColorImageDecoder.decode(gray, format: .init(width: w, height: h, colorModel: .l, channelDatatype: .u8))
        #expect(grayImage.pixel(x: 1, y: 3) == (11, 11, 11, 255))
        let rgbaImage = try ColorImageDecoder.decode(rgba, format: .init(width: w, height: h, colorModel: .rgba, channelDatatype: .u8))
        #expect(rgbaImage.pixel(x: 2, y: 1) == (20, 15, 128, 200))
    }

    @Test func imagesFixtureGrayF32Decodes() throws {
        let bytes = try testData("images_gray_f32.bin")
        let image = try ColorImageDecoder.decode(bytes, format: .init(width: 24, height: 16, colorModel: .l, channelDatatype: .f32))
        let first = Float(bitPattern: UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | UInt32(bytes[3]) << 24)
        #expect(abs(first - 0.94490) < 1e-4)
        // Uniform [0, 1) data → range [0, 1], shown as sRGB gray.
        #expect(image.pixel(x: 0, y: 0) == (241, 241, 241, 255))
    }
}
