import MediaCodecs
import Testing
@testable import SceneBuilding

@Suite struct PixelFormatTests {
    /// Independent reference of the viewer's YUV → RGB (Double arithmetic).
    private func reference(_ y: Int, _ u: Int, _ v: Int, limited: Bool, bt601: Bool) -> [UInt8] {
        let yf = limited ? (Double(y) - 16) / 219 : Double(y) / 255
        let uf = (Double(u) - 128) / (limited ? 224 : 255)
        let vf = (Double(v) - 128) / (limited ? 224 : 255)
        let rgb = bt601 ? [yf + 1.402 * vf, yf - 0.344 * uf - 0.714 * vf, yf + 1.772 * uf]
                        : [yf + 1.575 * vf, yf - 0.187 * uf - 0.468 * vf, yf + 1.856 * uf]
        return rgb.map { UInt8((min(max($0, 0), 1) * 255).rounded()) } + [255]
    }

    private func decode(_ bytes: [UInt8], _ w: Int, _ h: Int, _ format: PixelFormat) throws -> [[UInt8]] {
        pixelList(try ColorImageDecoder.decode(bytes, format: .init(width: w, height: h, pixelFormat: format)).pixels)
    }

    // 2×2 images: Y = 16, 81, 145, 235 (row-major); one chroma pair (U 90, V 240) or per-pixel chroma.
    let lumas = [16, 81, 145, 235]

    @Test func nv12UsesBT601LimitedRange() throws {
        let out = try decode(lumas.map(UInt8.init) + [90, 240], 2, 2, .nv12)
        #expect(out == lumas.map { reference($0, 90, 240, limited: true, bt601: true) })
        #expect(out[1] == [254, 0, 0, 255], "BT.601 limited red")
    }

    @Test func yuy2PairsShareChroma() throws {
        // Row 0: Y0 U Y1 V = 16 90 81 240; row 1: 145 128 235 128.
        let out = try decode([16, 90, 81, 240, 145, 128, 235, 128], 2, 2, .yuy2)
        #expect(out[0] == reference(16, 90, 240, limited: true, bt601: true))
        #expect(out[1] == reference(81, 90, 240, limited: true, bt601: true))
        #expect(out[2] == reference(145, 128, 128, limited: true, bt601: true))
        #expect(out[3] == [255, 255, 255, 255])
    }

    @Test func planar420UsesBT709InBothRanges() throws {
        let bytes = lumas.map(UInt8.init) + [90, 240]
        #expect(try decode(bytes, 2, 2, .yuv420PlanarLimited) == lumas.map { reference($0, 90, 240, limited: true, bt601: false) })
        #expect(try decode(bytes, 2, 2, .yuv420PlanarFull) == lumas.map { reference($0, 90, 240, limited: false, bt601: false) })
    }

    @Test func planar420ChromaIsPerTwoByTwoBlock() throws {
        // 4×2: two chroma blocks; U plane [60, 200], V plane [100, 30].
        let y: [UInt8] = [50, 60, 70, 80, 90, 100, 110, 120]
        let out = try decode(y + [60, 200] + [100, 30], 4, 2, .yuv420PlanarFull)
        #expect(out[0] == reference(50, 60, 100, limited: false, bt601: false))
        #expect(out[5] == reference(100, 60, 100, limited: false, bt601: false))
        #expect(out[6] == reference(110, 200, 30, limited: false, bt601: false))
    }

    @Test func planar422HasOneChromaPerPixelPairAndRow() throws {
        // 2×2: U plane [60, 200] (one per row), V plane [100, 30].
        let out = try decode(lumas.map(UInt8.init) + [60, 200, 100, 30], 2, 2, .yuv422PlanarLimited)
        #expect(out[1] == reference(81, 60, 100, limited: true, bt601: false))
        #expect(out[2] == reference(145, 200, 30, limited: true, bt601: false))
        let full = try decode(lumas.map(UInt8.init) + [60, 200, 100, 30], 2, 2, .yuv422PlanarFull)
        #expect(full[3] == reference(235, 200, 30, limited: false, bt601: false))
    }

    @Test func planar444HasChromaPerPixel() throws {
        let u: [UInt8] = [10, 20, 30, 40], v: [UInt8] = [200, 190, 180, 170]
        let out = try decode(lumas.map(UInt8.init) + u + v, 2, 2, .yuv444PlanarFull)
        #expect(out == (0..<4).map { reference(lumas[$0], Int(u[$0]), Int(v[$0]), limited: false, bt601: false) })
        let limited = try decode(lumas.map(UInt8.init) + u + v, 2, 2, .yuv444PlanarLimited)
        #expect(limited[2] == reference(145, 30, 180, limited: true, bt601: false))
    }

    @Test func y8IsGrayInBothRanges() throws {
        #expect(try decode([16, 126, 235], 3, 1, .y8Limited).map { $0[0] } == [0, 128, 255])
        #expect(try decode([0, 126, 255], 3, 1, .y8Full) == [[0, 0, 0, 255], [126, 126, 126, 255], [255, 255, 255, 255]])
    }

    @Test func subsampledFormatsNeedEvenSizesAndEnoughBytes() {
        #expect(throws: PixelError.oddSizeForSubsampledFormat(width: 3, height: 2, format: .nv12)) {
            try ColorImageDecoder.decode([UInt8](repeating: 0, count: 100), format: .init(width: 3, height: 2, pixelFormat: .nv12))
        }
        #expect(throws: PixelError.bufferTooShort(expected: 6, actual: 5)) {
            try ColorImageDecoder.decode([UInt8](repeating: 0, count: 5), format: .init(width: 2, height: 2, pixelFormat: .yuv420PlanarFull))
        }
        #expect(throws: PixelError.bufferTooShort(expected: 8, actual: 7)) {
            try ColorImageDecoder.decode([UInt8](repeating: 0, count: 7), format: .init(width: 2, height: 2, pixelFormat: .yuy2))
        }
    }

    @Test func bayerIsDemosaicedBilinearly() throws {
        // RGGB 2×2: R 200 | G 100 / G 50 | B 10.
        let out = try decode([200, 100, 50, 10], 2, 2, .bayerRGGB8)
        #expect(out == [[200, 75, 10, 255], [200, 100, 10, 255], [200, 50, 10, 255], [200, 75, 10, 255]])
        // The same samples read as BGGR swap the roles of red and blue.
        #expect(try decode([200, 100, 50, 10], 2, 2, .bayerBGGR8)[0] == [10, 75, 200, 255])
        // GRBG: G 200 | R 100 / B 50 | G 10 → pixel (0,0) is green with R from its right and B from below.
        #expect(try decode([200, 100, 50, 10], 2, 2, .bayerGRBG8)[0] == [100, 200, 50, 255])
        #expect(try decode([200, 100, 50, 10], 2, 2, .bayerGBRG8)[0] == [50, 200, 100, 255])
    }

    @Test func bayerInteriorPixelAveragesItsNeighbours() throws {
        // 3×3 RGGB: centre (1,1) is B; R at the four corners, G at the four edges.
        let bytes: [UInt8] = [10, 1, 30,
                              2, 99, 4,
                              50, 6, 70]
        let out = try decode(bytes, 3, 3, .bayerRGGB8)
        #expect(out[4] == [40, 3, 99, 255])
    }
}
