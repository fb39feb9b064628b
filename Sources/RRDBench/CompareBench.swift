import ArgumentParser
import Foundation
import GoldenImage
import MediaCodecs

/// `rrd-bench compare`: the cost of comparing two frames (issue 6 asks for < 20 ms at 1920×1080).
struct CompareBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Time GoldenImage comparisons of two synthetic frames (median of --repeat runs, ms)."
    )

    @Option(help: "Frame size, WIDTHxHEIGHT.")
    var size = "1920x1080"

    @Option(help: "Runs per case; the median is printed.")
    var `repeat` = 21

    func run() throws {
        let (width, height) = try frameSize(size)
        let expected = BenchFrames.scene(0, width: width, height: height)
        var onePixel = expected
        onePixel.pixels[(height / 2 * width + width / 2) * 4] ^= 0xFF
        var scattered = expected // 1 % of the pixels, spread over every row
        var state: UInt32 = 7
        for _ in 0..<(width * height / 100) {
            state ^= state << 13; state ^= state >> 17; state ^= state << 5
            scattered.pixels[Int(state % UInt32(width * height)) * 4 + 1] &+= 90
        }
        let moved = BenchFrames.scene(3, width: width, height: height)
        let copy = BenchFrames.scene(0, width: width, height: height) // equal bytes, separate memory
        let aa = Tolerance(threshold: 0.1, ignoreAntialiasing: true)
        let cases: [(String, RGBAImage, Tolerance, Bool)] = [
            ("identical", copy, .exact, false),
            ("identical+diff", copy, .exact, true),
            ("one-pixel", onePixel, .exact, false),
            ("1%-scattered", scattered, aa, false),
            ("moved-scene", moved, aa, false),
            ("moved-scene+diff", moved, aa, true),
        ]
        for (name, actual, tolerance, diff) in cases {
            var times: [Double] = []
            var bad = 0
            for _ in 0..<max(1, `repeat`) {
                let start = DispatchTime.now().uptimeNanoseconds
                let (result, _) = ImageComparison.compare(expected: expected, actual: actual, tolerance: tolerance, makeDiff: diff)
                times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                bad = result.badPixels + result.antialiasedPixels
            }
            BenchOutput.line(["bench": "compare", "case": name, "size": size, "over_threshold_pixels": bad,
                              "median_ms": BenchOutput.median(times), "runs": times.count])
        }
    }
}

/// Synthetic frames that look like renders: a vertical gradient, a grid of soft discs that move
/// with `k`, and a band of fine detail (so PNG/JPEG/video have something to compress).
enum BenchFrames {
    static func scene(_ k: Int, width: Int, height: Int) -> RGBAImage {
        var pixels = [UInt8](repeating: 255, count: width * height * 4)
        pixels.withUnsafeMutableBufferPointer { p in
            for y in 0..<height {
                let shade = UInt8(30 + 60 * y / height)
                for x in 0..<width {
                    let i = (y * width + x) * 4
                    p[i] = shade; p[i + 1] = shade; p[i + 2] = shade &+ 20
                    if y % 97 < 3, (x + k * 3) % 13 < 6 { p[i] = 220; p[i + 1] = 200; p[i + 2] = 40 }
                }
            }
            let step = max(24, width / 40)
            for cy in stride(from: step / 2, to: height, by: step) {
                for cx in stride(from: step / 2, to: width, by: step) {
                    let ox = cx + (k * 2 + cy) % step / 2, oy = cy + (k + cx) % step / 3
                    let r = step / 4
                    for y in max(0, oy - r - 1)...min(height - 1, oy + r + 1) {
                        for x in max(0, ox - r - 1)...min(width - 1, ox + r + 1) {
                            let d = (Double(x - ox) * Double(x - ox) + Double(y - oy) * Double(y - oy)).squareRoot()
                            let cover = max(0, min(1, Double(r) + 0.5 - d))
                            guard cover > 0 else { continue }
                            let i = (y * width + x) * 4
                            let colour: (Double, Double, Double) = ((cx * 7) % 255 > 128) ? (240, 80, 60) : (60, 160, 240)
                            p[i] = UInt8(Double(p[i]) * (1 - cover) + colour.0 * cover)
                            p[i + 1] = UInt8(Double(p[i + 1]) * (1 - cover) + colour.1 * cover)
                            p[i + 2] = UInt8(Double(p[i + 2]) * (1 - cover) + colour.2 * cover)
                        }
                    }
                }
            }
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }
}

/// JSON lines on stdout, keys sorted.
enum BenchOutput {
    static func line(_ fields: [String: Any]) {
        let text = fields.keys.sorted().map { key -> String in
            let value = fields[key]!
            switch value {
            case let d as Double: return "\"\(key)\":\((d * 1000).rounded() / 1000)"
            case let s as String: return "\"\(key)\":\"\(s)\""
            default: return "\"\(key)\":\(value)"
            }
        }.joined(separator: ",")
        FileHandle.standardOutput.write(Data("{\(text)}\n".utf8))
    }

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.count % 2 == 1 ? sorted[sorted.count / 2] : (sorted[sorted.count / 2 - 1] + sorted[sorted.count / 2]) / 2
    }
}
