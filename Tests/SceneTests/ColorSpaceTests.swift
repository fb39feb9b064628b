import Testing
@testable import SceneBuilding

@Suite struct ColorSpaceTests {
    @Test func transferCurveMatchesTheStandardFormulas() {
        #expect(ColorSpace.linearFromSRGB(0) == 0)
        #expect(abs(ColorSpace.linearFromSRGB(1) - 1) < 1e-6)
        #expect(abs(ColorSpace.linearFromSRGB(0.04) - 0.04 / 12.92) < 1e-7)
        #expect(abs(ColorSpace.linearFromSRGB(0.5) - 0.21404114) < 1e-6)
        #expect(abs(ColorSpace.srgbFromLinear(0.002) - 0.02584) < 1e-6)
        #expect(abs(ColorSpace.srgbFromLinear(0.21404114) - 0.5) < 1e-6)
    }

    @Test func byteRoundTripIsExactForEveryValue() {
        for b in 0..<256 {
            #expect(ColorSpace.srgb8FromLinear(ColorSpace.linearFromSRGB8[b]) == UInt8(b), "byte \(b)")
        }
    }

    @Test func unitToByteClampsAndRoundsAndMapsNaNToZero() {
        #expect(ColorSpace.unitToByte(-0.5) == 0)
        #expect(ColorSpace.unitToByte(.nan) == 0)
        #expect(ColorSpace.unitToByte(2) == 255)
        #expect(ColorSpace.unitToByte(.infinity) == 255)
        #expect(ColorSpace.unitToByte(0.5) == 128)
        #expect(ColorSpace.unitToByte(127.4 / 255) == 127)
    }
}
