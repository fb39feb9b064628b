import TestSupport
import Foundation
import Testing
@testable import GoldenImage
@testable import MediaCodecs

@Suite struct GoldenCheckTests {
    @Test func recordModeDefaultsFollowTheEnvironment() throws {
        #expect(try RecordMode.fromEnvironment([:]) == .missing)
        #expect(try RecordMode.fromEnvironment(["CI": "true"]) == .never)
        #expect(try RecordMode.fromEnvironment(["CI": "1"]) == .never)
        #expect(try RecordMode.fromEnvironment(["CI": "false"]) == .missing)
        #expect(try RecordMode.fromEnvironment(["CI": "true", "RRD_GOLDEN_RECORD": "failed"]) == .failed)
        #expect(throws: GoldenError.invalidRecordMode("sometimes")) {
            try RecordMode.fromEnvironment(["RRD_GOLDEN_RECORD": "sometimes"])
        }
    }

    func check(_ folder: TemporaryFolder, _ mode: RecordMode, tolerance: Tolerance = .exact) -> GoldenCheck {
        GoldenCheck(name: "edge", goldenPath: folder.file("goldens/edge.png"), tolerance: tolerance, record: mode,
                    artifactsDirectory: folder.file("artifacts"), reproduce: "repro edge")
    }

    @Test func missingGoldenIsRecordedUnlessNever() throws {
        let folder = try TemporaryFolder()
        let image = TestImages.edge()
        let never = try check(folder, .never).run(image)
        guard case let .failed(failure) = never else { Issue.record("expected a failure, got \(never)"); return }
        #expect(failure.comparison == nil && failure.artifacts.actual == folder.file("artifacts/edge/actual.png"))
        #expect(failure.description.contains("no golden image (record mode never)"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("goldens/edge.png")))
        #expect(try check(folder, .missing).run(image) == .recorded(.missing, nil))
        #expect(try PNGCodec.read(folder.file("goldens/edge.png")) == image)
        guard case .matched = try check(folder, .never).run(image) else { Issue.record("should match"); return }
    }

    @Test func failureWritesActualDiffAndExpectedAndKeepsTheGolden() throws {
        let folder = try TemporaryFolder()
        _ = try check(folder, .missing).run(TestImages.edge(grey: 128))
        let changed = TestImages.edge(grey: 90)
        let outcome = try check(folder, .missing).run(changed)
        guard case let .failed(failure) = outcome else { Issue.record("expected a failure, got \(outcome)"); return }
        #expect(failure.comparison?.badPixels == 12)
        #expect(failure.artifacts == .init(actual: folder.file("artifacts/edge/actual.png"),
                                           diff: folder.file("artifacts/edge/diff.png"),
                                           expected: folder.file("artifacts/edge/expected.png")))
        #expect(try PNGCodec.read(folder.file("artifacts/edge/actual.png")) == changed)
        #expect(try PNGCodec.read(folder.file("artifacts/edge/diff.png")).pixel(x: 8, y: 3) == (255, 0, 0, 255))
        #expect(try PNGCodec.read(folder.file("goldens/edge.png")) == TestImages.edge(grey: 128), "the golden is untouched")
        #expect(failure.description == """
            Golden image "edge" does not match: \(failure.reason).
            Allowed: exact colours, no bad pixel allowed.
            Golden: \(folder.file("goldens/edge.png"))
            Actual: \(folder.file("artifacts/edge/actual.png"))
            Diff:   \(folder.file("artifacts/edge/diff.png")) (red: bad pixels, yellow: anti-aliasing, over the faded golden)
            Reproduce: repro edge
            If the change is intended, review the diff and re-record with RRD_GOLDEN_RECORD=failed (or --record failed).
            """)
        // The same change passes when anti-aliasing is ignored, without touching the golden.
        guard case .matched = try check(folder, .never, tolerance: Tolerance(ignoreAntialiasing: true)).run(changed) else {
            Issue.record("should match when anti-aliasing is ignored"); return
        }
    }

    @Test func failedAndAllModesRewriteTheGolden() throws {
        let folder = try TemporaryFolder()
        _ = try check(folder, .missing).run(TestImages.edge(grey: 128))
        guard case .recorded(.failed, let result?) = try check(folder, .failed).run(TestImages.edge(grey: 90)) else {
            Issue.record("failed mode should re-record"); return
        }
        #expect(result.badPixels == 12)
        #expect(try PNGCodec.read(folder.file("goldens/edge.png")) == TestImages.edge(grey: 90))
        guard case .matched = try check(folder, .all).run(TestImages.edge(grey: 90)) else {
            Issue.record("all mode leaves identical goldens alone"); return
        }
        let within = Tolerance(ignoreAntialiasing: true)
        guard case .recorded(.changed, _) = try check(folder, .all, tolerance: within).run(TestImages.edge(grey: 60)) else {
            Issue.record("all mode rewrites a golden whose bytes change"); return
        }
        #expect(try PNGCodec.read(folder.file("goldens/edge.png")) == TestImages.edge(grey: 60))
        #expect(!FileManager.default.fileExists(atPath: folder.file("artifacts")), "no evidence when nothing failed")
    }

    @Test func assertMatchesThrowsADescriptiveFailure() throws {
        let folder = try TemporaryFolder()
        let golden = folder.file("dna.png")
        try Golden.assertMatches(TestImages.edge(), golden: golden, record: .missing, artifactsDirectory: folder.file("out"))
        #expect(try Golden.assertMatches(TestImages.edge(), golden: golden, record: .never).passed)
        var changed = TestImages.edge()
        TestImages.set(&changed, 1, 1, (9, 9, 9, 255))
        #expect {
            try Golden.assertMatches(changed, golden: golden, tolerance: Tolerance(threshold: 0.01), record: .never,
                                     artifactsDirectory: folder.file("out"))
        } throws: { error in
            guard let failure = error as? GoldenFailure else { return false }
            return failure.name == "dna" && failure.comparison?.badPixels == 1
                && failure.reproduce == "rrd-render compare \(golden) \(folder.file("out"))/dna/actual.png --threshold 0.01"
        }
        #expect(try Golden.assertMatches(changed, golden: golden, tolerance: Tolerance(budget: .pixels(1)), record: .never).passed)
    }

    @Test func shellQuotingOnlyWhereNeeded() {
        #expect(Golden.shellQuoted("/a/b-c_d.png") == "/a/b-c_d.png")
        #expect(Golden.shellQuoted("/a b/it's.png") == "'/a b/it'\\''s.png'")
    }
}
