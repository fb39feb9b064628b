import TestSupport
import Foundation
import Testing
@testable import GoldenImage
@testable import MediaCodecs

/// `rrd-render compare`: the library function it calls, then the built binary's exit codes and output.
@Suite struct CompareCommandTests {
    /// The six situations of issue 6, as files in a temporary folder.
    final class Cases {
        let folder: TemporaryFolder
        init() throws {
            folder = try TemporaryFolder()
            let base = TestImages.edge(grey: 128)
            var onePixel = base
            TestImages.set(&onePixel, 3, 5, (255, 0, 0, 255))
            try PNGCodec.write(base, to: path("expected.png"))
            try PNGCodec.write(base, to: path("same.png"))
            try PNGCodec.write(onePixel, to: path("one-pixel.png"))
            try PNGCodec.write(TestImages.edge(grey: 90), to: path("aa.png"))
            try PNGCodec.write(RGBAImage(width: 17, height: 12, fill: (0, 0, 0, 255)), to: path("wider.png"))
            try AtomicFile.write(Array(try PNGCodec.encode(base).prefix(40)), to: path("corrupt.png"))
        }
        func path(_ name: String) -> String { folder.file(name) }
    }

    @Test func libraryReportsEachSituation() throws {
        let c = try Cases()
        func compare(_ actual: String, _ tolerance: Tolerance = .exact) throws -> FileComparison.Report {
            try FileComparison.compare(expectedPath: c.path("expected.png"), actualPath: c.path(actual), tolerance: tolerance)
        }
        #expect(try compare("same.png").exitCode == 0)
        #expect(try compare("same.png").result.verdict == .identical)
        let one = try compare("one-pixel.png")
        #expect(one.exitCode == 1 && one.result.badPixels == 1 && one.result.worstAt == .init(x: 3, y: 5))
        #expect(try compare("aa.png").exitCode == 1)
        let aa = try compare("aa.png", Tolerance(ignoreAntialiasing: true))
        #expect(aa.exitCode == 0 && aa.result.antialiasedPixels == 12)
        let wider = try compare("wider.png")
        #expect(wider.exitCode == 1 && wider.text.hasPrefix("size mismatch: expected 16x12, actual 17x12"))
        #expect(throws: MediaError.self) { try compare("corrupt.png") }
        #expect(throws: MediaError.io(path: c.path("missing.png"), reason: "No such file or directory")) {
            try compare("missing.png")
        }
    }

    @Test func reportTextAndJSONSayWhatWasMeasuredAndAllowed() throws {
        let c = try Cases()
        let report = try FileComparison.compare(expectedPath: c.path("expected.png"), actualPath: c.path("one-pixel.png"),
                                                tolerance: Tolerance(threshold: 0.1, budget: .pixels(0)), diffPath: c.path("diff.png"))
        #expect(report.text == """
            different: 1 bad pixel (allowed 0) of 192; 1 pixel differs at all; worst colour distance 0.544 at (3, 5), threshold 0.1; bad pixels within x 3...3, y 5...5
            allowed: threshold 0.1, no bad pixel allowed
            diff image: \(c.path("diff.png"))
            """)
        let json = try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [String: Any]
        #expect(json?["verdict"] as? String == "different")
        #expect(json?["passed"] as? Bool == false)
        let comparison = json?["comparison"] as? [String: Any]
        #expect(comparison?["badPixels"] as? Int == 1)
        #expect(comparison?["allowedBadPixels"] as? Int == 0)
        let diff = try PNGCodec.read(c.path("diff.png"))
        #expect(diff.pixel(x: 3, y: 5) == (255, 0, 0, 255))
    }

    @Test(.enabled(if: BuiltCLI.path != nil, "needs the rrd-render binary built next to the tests"))
    func binaryExitCodesAndMessages() throws {
        let c = try Cases()
        func run(_ actual: String, _ options: [String] = []) throws -> Subprocess {
            try BuiltCLI.run(["compare", c.path("expected.png"), c.path(actual)] + options)
        }
        let same = try run("same.png")
        #expect(same.status == 0 && same.stdoutText.hasPrefix("identical: 16x12"))
        let one = try run("one-pixel.png")
        #expect(one.status == 1 && one.stdoutText.hasPrefix("different: 1 bad pixel (allowed 0)"))
        #expect(try run("one-pixel.png", ["--max-bad-pixels", "1"]).status == 0)
        let aaStrict = try run("aa.png")
        #expect(aaStrict.status == 1 && aaStrict.stdoutText.hasPrefix("different: 12 bad pixels (allowed 0)"))
        let aaIgnored = try run("aa.png", ["--ignore-antialiasing", "--diff", c.path("aa-diff.png")])
        #expect(aaIgnored.status == 0, "\(aaIgnored.stdoutText)")
        #expect(aaIgnored.stdoutText.contains("12 more on anti-aliased edges ignored"))
        #expect(try PNGCodec.read(c.path("aa-diff.png")).pixel(x: 8, y: 0) == (255, 255, 0, 255))
        let wider = try run("wider.png", ["--json"])
        #expect(wider.status == 1 && wider.stdoutText.contains("\"verdict\":\"sizeMismatch\""))
        let corrupt = try run("corrupt.png")
        #expect(corrupt.status == 2 && corrupt.stderr.contains("cannot decode PNG") && corrupt.stderr.contains("corrupt.png"))
        let missing = try run("missing.png")
        #expect(missing.status == 2 && missing.stderr == "error: No such file or directory: \(c.path("missing.png"))\n")
    }
}
