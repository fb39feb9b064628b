import MediaCodecs
import Testing
@testable import SceneBuilding

/// A picture starts from the composed background copied only outside the views' rectangles (the rasterizer
/// writes every pixel inside them): every pixel outside must be the background's, whatever the rectangles.
@Suite struct FrameBackgroundCopyTests {
    @Test func pixelsOutsideTheViewsAreTheBackgrounds() {
        let width = 37, height = 23
        let pixels = (0..<width * height * 4).map { UInt8(truncatingIfNeeded: $0 &* 7 &+ $0 >> 8) }
        let background = RGBAImage(width: width, height: height, pixels: pixels)
        let layouts: [[PixelRect]] = [
            [],
            [PixelRect(x: 0, y: 0, width: width, height: height)],
            [PixelRect(x: 0, y: 5, width: width, height: 18)],                                  // one view, title bar
            [PixelRect(x: 0, y: 4, width: 18, height: 19), PixelRect(x: 20, y: 4, width: 17, height: 19)],
            [PixelRect(x: 20, y: 2, width: 10, height: 5), PixelRect(x: 1, y: 1, width: 12, height: 9),
             PixelRect(x: 1, y: 12, width: 35, height: 11)],                                   // unsorted, uneven
            [PixelRect(x: -3, y: -2, width: 8, height: 6), PixelRect(x: 30, y: 20, width: 20, height: 9)], // clipped
        ]
        for rects in layouts {
            let copy = RecordingRenderer.copy(background, outside: rects)
            #expect(copy.count == pixels.count)
            var wrong = 0
            for y in 0..<height {
                for x in 0..<width where !rects.contains(where: { $0.x <= x && x < $0.maxX && $0.y <= y && y < $0.maxY }) {
                    let i = 4 * (y * width + x)
                    if copy[i..<i + 4] != pixels[i..<i + 4] { wrong += 1 }
                }
            }
            #expect(wrong == 0, "\(rects)")
        }
    }
}
