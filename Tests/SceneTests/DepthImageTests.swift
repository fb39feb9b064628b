import MediaCodecs
import Testing
@testable import SceneBuilding

@Suite struct DepthImageTests {
    /// The depth image of Fixtures/scripts/images.py: u16 millimetres 1000 + 50x + 10y, 24×16, under a pinhole with
    /// focal length 20 and resolution 24×16 (so cx = 12, cy = 8).
    static let (w, h) = (24, 16)
    static let fixtureDepth: [UInt16] = (0..<(24 * 16)).map { (i: Int) -> UInt16 in
        let x = i % 24, y = i / 24
        return UInt16(1000 + 50 * x + 10 * y)
    }
    static let format = ImageFormatDescription(width: w, height: h, channelDatatype: .u16)
    static let intrinsics = PinholeIntrinsics(columnMajor: [20, 0, 0, 0, 20, 0, 12, 8, 1], resolutionHeight: 16)

    @Test func fixtureBufferStartsLikeTheRecording() {
        #expect(Array(leBytes(Self.fixtureDepth).prefix(8)) == [232, 3, 26, 4, 76, 4, 126, 4])
    }

    @Test func meterDefaultsDependOnTheDatatype() throws {
        #expect(DepthImageDecoder.defaultMeter(for: .u16) == 1000)
        #expect(DepthImageDecoder.defaultMeter(for: .f32) == 1)
        let metres = try DepthImageDecoder.metres(leBytes(Self.fixtureDepth), format: Self.format)
        #expect(metres[0] == 1.0 && abs(metres[1] - 1.05) < 1e-6)
        #expect(try DepthImageDecoder.metres(leBytes(Self.fixtureDepth), format: Self.format, meter: 100)[0] == 10)
        #expect(try DepthImageDecoder.metres(leBytes([Float(2.5)]), format: .init(width: 1, height: 1, channelDatatype: .f32)) == [2.5])
    }

    @Test func colormappedPictureUsesZeroToMaxByDefault() throws {
        let image = try DepthImageDecoder.colormapped(leBytes([UInt16(0), 500, 1000, 2000]),
                                                      format: .init(width: 4, height: 1, channelDatatype: .u16))
        let expected = [Float(0), 0.25, 0.5, 1].map { Colormap.turbo.rgba8(at: $0) }
        #expect(pixelList(image.pixels) == expected.map { [$0.x, $0.y, $0.z, $0.w] })
        #expect(image.pixel(x: 0, y: 0) == (35, 23, 27, 255), "0 is Turbo(0), opaque")
    }

    @Test func colormappedPictureHonoursAGivenMapAndRange() throws {
        let image = try DepthImageDecoder.colormapped(leBytes(Self.fixtureDepth), format: Self.format,
                                                      colormap: .viridis, depthRange: 1000...2000)
        let v = Colormap.viridis
        #expect(image.pixel(x: 0, y: 0) == (v.rgba8(at: 0).x, v.rgba8(at: 0).y, v.rgba8(at: 0).z, 255))
        let mid = v.rgba8(at: 0.5) // 1000 + 50·10 = 1500
        #expect(image.pixel(x: 10, y: 0) == (mid.x, mid.y, mid.z, 255))
        #expect(image.pixel(x: 23, y: 15) == (v.rgba8(at: 1).x, v.rgba8(at: 1).y, v.rgba8(at: 1).z, 255))
    }

    @Test func backProjectionFollowsThePinholeWithIntegerTexelCoordinates() throws {
        let cloud = try DepthImageDecoder.backProject(leBytes(Self.fixtureDepth), format: Self.format,
                                                      intrinsics: Self.intrinsics, colormap: .viridis)
        #expect(cloud.positionsRDF.count == 24 * 16)
        #expect(cloud.radii.count == cloud.positionsRDF.count && cloud.colors.count == cloud.positionsRDF.count)
        // Texel (0, 0): d = 1 m → ((0 − 12)/20, (0 − 8)/20, 1).
        #expect(approxEqual(cloud.positionsRDF[0], SIMD3(-0.6, -0.4, 1)))
        // Texel (12, 8): d = 1.68 m, on the optical axis.
        #expect(approxEqual(cloud.positionsRDF[8 * 24 + 12], SIMD3(0, 0, 1.68)))
        // Radius = fill · d · tan(fov_y/2) / (H/2) = d/fy when the resolutions match.
        #expect(abs(cloud.radii[0] - 0.05) < 1e-6)
        #expect(abs(cloud.radii[8 * 24 + 12] - 1.68 / 20) < 1e-6)
        // Colour: viridis over [0, 2.3 m] (max raw 2300).
        #expect(cloud.colors[0] == Colormap.viridis.rgba8(at: 1 / 2.3))
        #expect(cloud.colors.last == Colormap.viridis.rgba8(at: 1))
    }

    @Test func backProjectionSkipsInvalidDepthsAndScalesRadii() throws {
        let depths: [Float] = [0, -1, .nan, .infinity, 2]
        let cloud = try DepthImageDecoder.backProject(leBytes(depths), format: .init(width: 5, height: 1, channelDatatype: .f32),
                                                      intrinsics: PinholeIntrinsics(fx: 10, fy: 10, cx: 0, cy: 0, resolutionHeight: 2),
                                                      fillRatio: 0.5)
        #expect(cloud.positionsRDF == [SIMD3(0.8, 0, 2)])
        // fov_y = 2·atan(0.5·2/10); tan(fov/2) = 0.1; /(0.5·1) = 0.2 per metre; × 0.5 × 2 m.
        #expect(abs(cloud.radii[0] - 0.2) < 1e-6)
    }

    @Test func pinholeWithoutResolutionGivesTinyPoints() throws {
        let cloud = try DepthImageDecoder.backProject(leBytes([Float(1)]), format: .init(width: 1, height: 1, channelDatatype: .f32),
                                                      intrinsics: PinholeIntrinsics(fx: 100, fy: 100, cx: 0, cy: 0, resolutionHeight: nil))
        #expect(abs(cloud.radii[0] - 0.01) < 1e-7) // tan(atan(0.5/100)) / 0.5
    }

    @Test func depthImagesRejectColourFormatsAndShortBuffers() {
        #expect(throws: PixelError.self) {
            try DepthImageDecoder.rawValues([0, 0, 0], format: .init(width: 1, height: 1, colorModel: .rgb, channelDatatype: .u8))
        }
        #expect(throws: PixelError.bufferTooShort(expected: 768, actual: 767)) {
            try DepthImageDecoder.colormapped([UInt8](repeating: 0, count: 767), format: Self.format)
        }
    }
}

@Suite struct SegmentationImageTests {
    @Test func imagesFixtureSegmentationUsesAnnotationColours() throws {
        // Fixtures/scripts/images.py: 24×16, left half class 1, rows 4..<12 × columns 14..<22 class 2, else 0.
        var ids = [UInt8](repeating: 0, count: 24 * 16)
        for y in 0..<16 { for x in 0..<12 { ids[y * 24 + x] = 1 } }
        for y in 4..<12 { for x in 14..<22 { ids[y * 24 + x] = 2 } }
        let annotation: [UInt16: SIMD4<UInt8>] = [0: SIMD4(0, 0, 0, 255), 1: SIMD4(255, 0, 0, 255), 2: SIMD4(0, 0, 255, 255)]
        var asked: [UInt16] = []
        let image = try SegmentationImageDecoder.colorize(ids, format: .init(width: 24, height: 16, channelDatatype: .u8)) {
            asked.append($0)
            return annotation[$0]
        }
        #expect(asked == [0, 1, 2], "one lookup per id, not per texel")
        #expect(image.pixel(x: 0, y: 0) == (255, 0, 0, 255))
        #expect(image.pixel(x: 15, y: 5) == (0, 0, 255, 255))
        #expect(image.pixel(x: 23, y: 0) == (0, 0, 0, 255))
    }

    @Test func unannotatedIdsUseThePaletteAndBadIdsAreTransparent() throws {
        let image = try SegmentationImageDecoder.colorize(leBytes([Float(3), 0, -1, .nan, 70000]),
                                                          format: .init(width: 5, height: 1, channelDatatype: .f32)) { _ in nil }
        #expect(pixelList(image.pixels) == [[188, 77, 178, 255], [188, 77, 77, 255], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]])
        let u16 = try SegmentationImageDecoder.colorize(leBytes([UInt16(15)]), format: .init(width: 1, height: 1, channelDatatype: .u16)) { _ in nil }
        #expect(u16.pixel(x: 0, y: 0) == (133, 188, 77, 255))
    }

    @Test func segmentationRejectsPixelFormats() {
        #expect(throws: PixelError.self) {
            try SegmentationImageDecoder.colorize([0, 0, 0, 0, 0, 0], format: .init(width: 2, height: 2, pixelFormat: .nv12)) { _ in nil }
        }
    }
}

@Suite struct TensorSliceTests {
    @Test(arguments: [
        ([800, 50], [String?](), 1, 0), ([50, 800], [], 1, 0), ([800, 50, 4], [], 1, 0), ([10, 10, 10], [], 1, 0),
        ([4, 50, 800], [], 2, 1), ([4, 800, 50, 4], [], 1, 2),
        ([2, 3, 800], ["w", "h", nil], 0, 1), ([2, 800, 3], ["height", nil, "width"], 2, 0),
        ([2, 50, 800], ["w", nil, nil], 0, 2), ([50, 800, 10, 20], [nil, nil, nil, "height"], 1, 3),
    ] as [([Int], [String?], Int, Int)])
    func widthAndHeightFollowTheViewerHeuristic(shape: [Int], names: [String?], width: Int, height: Int) {
        let picked = TensorSlice.widthHeightDimensions(shape: shape, names: names)
        #expect(picked.width == width && picked.height == height)
    }

    @Test func tensorTextFixtureSlice() throws {
        // Fixtures tensor_text.rrd: shape [3, 4], F64 — here the values 0…11.
        let slice = try TensorSlice.select(shape: [3, 4], buffer: leBytes((0..<12).map(Double.init)), datatype: .f64)
        #expect(slice.width == 4 && slice.height == 3)
        #expect(slice.widthDimension == 1 && slice.heightDimension == 0)
        #expect(slice.values == (0..<12).map(Float.init))
        #expect(slice.valueRange == 0...255)
        let picture = slice.colormapped()
        #expect(picture.width == 4 && picture.height == 3)
        let v = Colormap.viridis.rgba8(at: 11 / 255)
        #expect(picture.pixel(x: 3, y: 2) == (v.x, v.y, v.z, v.w))
    }

    @Test func otherDimensionsAreFixedAtTheMiddle() throws {
        // shape [3, 2, 5] → width dim 2 (5), height dim 0 (3), dim 1 fixed at 1.
        let values = (0..<30).map { Int32($0) }
        let slice = try TensorSlice.select(shape: [3, 2, 5], buffer: leBytes(values), datatype: .i32, valueRange: 0...29)
        #expect(slice.widthDimension == 2 && slice.heightDimension == 0)
        #expect(slice.fixedIndices == [nil, 1, nil])
        #expect(slice.values[0] == 5 && slice.values[5] == 15 && slice.values[14] == 29)
        #expect(slice.valueRange == 0...29)
    }

    @Test func namedLeftAndUpAreFlippedAndOneDimensionIsOneRow() throws {
        let slice = try TensorSlice.select(shape: [2, 3], names: ["up", "left"], buffer: [1, 2, 3, 4, 5, 6], datatype: .u8)
        #expect(slice.values == [6, 5, 4, 3, 2, 1])
        let row = try TensorSlice.select(shape: [4], buffer: leBytes([Float(-1), 0, 1, 3]), datatype: .f32)
        #expect(row.width == 4 && row.height == 1 && row.heightDimension == nil)
        #expect(row.valueRange == -1...3)
    }

    @Test func badShapesAndShortBuffersAreErrors() {
        #expect(throws: PixelError.self) { try TensorSlice.select(shape: [], buffer: [UInt8](), datatype: .u8) }
        #expect(throws: PixelError.self) { try TensorSlice.select(shape: [3, 0], buffer: [UInt8](), datatype: .u8) }
        #expect(throws: PixelError.self) {
            try TensorSlice.select(shape: [1 << 20, 1 << 20, 1 << 20], buffer: [UInt8](), datatype: .u8)
        }
        #expect(throws: PixelError.bufferTooShort(expected: 48, actual: 47)) {
            try TensorSlice.select(shape: [3, 4], buffer: [UInt8](repeating: 0, count: 47), datatype: .f32)
        }
        #expect(ChannelDatatype(tensorUnionTypeID: 11) == .f64)
        #expect(ChannelDatatype(tensorUnionTypeID: 5) == .i8)
        #expect(ChannelDatatype(tensorUnionTypeID: 0) == nil)
    }
}
