import TestSupport
import Foundation
import Testing
@testable import GoldenImage
@testable import MediaCodecs

@Suite struct SuiteTests {
    static let json = """
        {
          "version": 1,
          "name": "demo",
          "defaults": { "recording": "rec/dna.rrd", "timeline": "stable_time", "size": "16x12",
                        "tolerance": { "threshold": 0.1 } },
          "cases": [
            { "name": "start", "time": 0 },
            { "name": "aa-edge", "time": "1.5s", "golden": "g/aa.png",
              "tolerance": { "ignoreAntialiasing": true, "maxBadFraction": 0.01 } },
            { "name": "broken", "recording": "/abs/other.rrd", "time": 2.25, "view": "/world",
              "camera": { "eye": [1, 2, 3], "target": [0, 0, 0], "up": [0, 0, 1], "fov": 40 } },
            { "name": "moved", "time": 3 }
          ]
        }
        """

    @Test func parsesCasesWithDefaultsAndResolvedPaths() throws {
        let suite = try GoldenSuite.parse(Array(Self.json.utf8), path: "/work/suites/demo.json")
        #expect(suite.name == "demo" && suite.cases.count == 4)
        let start = suite.cases[0]
        #expect(start == SuiteCase(name: "start", recording: "/work/suites/rec/dna.rrd", timeline: "stable_time", time: "0",
                                   size: .init(parsing: "16x12"), golden: "/work/suites/start.png", tolerance: Tolerance(threshold: 0.1)))
        #expect(suite.cases[1].golden == "/work/suites/g/aa.png" && suite.cases[1].time == "1.5s")
        #expect(suite.cases[1].tolerance == Tolerance(ignoreAntialiasing: true, budget: .fraction(0.01)))
        #expect(suite.cases[2].recording == "/abs/other.rrd" && suite.cases[2].time == "2.25" && suite.cases[2].view == "/world")
        #expect(suite.cases[2].camera == .init(eye: [1, 2, 3], target: [0, 0, 0], up: [0, 0, 1], fov: 40))
    }

    @Test(arguments: [
        (#"{"version": 1, "cases": [{"name": "a", "recording": "r", "tolerence": {}}]}"#,
         #"unknown key "cases.0.tolerence" (a typo would otherwise be ignored)"#),
        (#"{"version": 1, "cases": [{"name": "a", "recording": "r"}, {"name": "a", "recording": "r"}]}"#,
         #"case 1 ("a"): the name is used twice"#),
        (#"{"version": 1, "cases": [{"name": "a", "recording": "r", "size": "big"}]}"#,
         #"case 0 ("a"): size "big" is not WIDTHxHEIGHT"#),
        (#"{"version": 1, "cases": [{"name": "a"}]}"#, #"case 0 ("a"): no recording"#),
        (#"{"version": 1, "cases": [{"name": "../x", "recording": "r"}]}"#,
         #"case 0 ("../x"): names may hold only letters, digits, '.', '_' and '-' (they name artifact folders)"#),
        (#"{"version": 2, "cases": []}"#, "unsupported version 2 (this program reads version 1)"),
        (#"{"version": 1, "cases": [{"name": "a", "recording": "r", "camera": {"eye": [1], "target": [0, 0, 0]}}]}"#,
         #"case 0 ("a"): camera eye, target and up need 3 numbers each"#),
        (#"{"cases": []}"#, #"missing "version" at the top level"#),
    ])
    func invalidSuitesNameTheProblemAndTheFile(json: String, reason: String) {
        #expect(throws: GoldenError.invalidSuite(reason: reason, path: "/s.json")) {
            try GoldenSuite.parse(Array(json.utf8), path: "/s.json")
        }
    }

    @Test func bothBudgetsAtOnceAreRefused() {
        let json = #"{"version": 1, "cases": [{"name": "a", "recording": "r", "tolerance": {"maxBadPixels": 1, "maxBadFraction": 0.1}}]}"#
        #expect { try GoldenSuite.parse(Array(json.utf8), path: "/s.json") } throws: { error in
            "\(error)".contains("give maxBadPixels or maxBadFraction, not both")
        }
    }

    /// A fake renderer: an edge whose grey depends on the case; "broken" throws; "moved" changes.
    @Sendable static func render(_ c: SuiteCase) throws -> RGBAImage {
        struct NoSuchRecording: Error, CustomStringConvertible { var description: String { "no such recording: /abs/other.rrd" } }
        switch c.name {
        case "broken": throw NoSuchRecording()
        case "moved": return TestImages.edge(edge: 5)
        case "aa-edge": return TestImages.edge(grey: 90)
        default: return TestImages.edge()
        }
    }

    @Test func runnerRecordsComparesAndKeepsGoingPastErrors() throws {
        let folder = try TemporaryFolder()
        let suitePath = folder.file("demo.json")
        try AtomicFile.write(Array(Self.json.utf8), to: suitePath)
        let suite = try GoldenSuite.load(suitePath)
        // First run, record missing: every renderable case records its golden.
        let first = SuiteRunner(suite: suite, record: .missing, artifactsDirectory: folder.file("artifacts"), parallelism: 3,
                                render: Self.render).run()
        #expect(first.results.map(\.status) == [.recorded, .recorded, .error, .recorded])
        #expect(first.results[2].summary == "rendering failed: no such recording: /abs/other.rrd")
        #expect(first.exitCode == 2)
        // Goldens made by a different renderer: "aa-edge" differs only on its edge, "moved" really moved.
        try PNGCodec.write(TestImages.edge(grey: 128), to: folder.file("g/aa.png"))
        try PNGCodec.write(TestImages.edge(edge: 8), to: folder.file("moved.png"))
        let second = SuiteRunner(suite: suite, record: .never, artifactsDirectory: folder.file("artifacts"), parallelism: 4,
                                 render: Self.render).run()
        #expect(second.results.map(\.testCase.name) == ["start", "aa-edge", "broken", "moved"])
        #expect(second.results.map(\.status) == [.passed, .passed, .error, .failed])
        #expect(second.results[1].comparison?.antialiasedPixels == 12)
        let moved = second.results[3]
        #expect(moved.comparison?.badPixels == 48) // columns 5...8 of 12 rows
        #expect(moved.artifacts?.diff == folder.file("artifacts/moved/diff.png"))
        #expect(FileManager.default.fileExists(atPath: folder.file("artifacts/moved/actual.png")))
        #expect(moved.reproduce == "rrd-render check \(suitePath) --only moved")
        #expect(second.summary == "4 cases: 2 passed, 0 recorded, 1 failed, 1 error (record mode never)")
        #expect(second.exitCode == 2)
        let failing = SuiteRunner(suite: GoldenSuite(name: suite.name, path: suite.path, cases: [suite.cases[3]]),
                                  record: .never, artifactsDirectory: folder.file("artifacts"), render: Self.render).run()
        #expect(failing.exitCode == 1)
    }

    static func fixedReport() -> SuiteReport {
        let tolerance = Tolerance(threshold: 0.1)
        let passed = ComparisonResult(expectedSize: .init(width: 4, height: 4), actualSize: .init(width: 4, height: 4),
                                      tolerance: tolerance, differentPixels: 0, badPixels: 0, antialiasedPixels: 0,
                                      allowedBadPixels: 0, worstDistance: 0, worstAt: nil, badBounds: nil)
        let failed = ComparisonResult(expectedSize: .init(width: 4, height: 4), actualSize: .init(width: 4, height: 4),
                                      tolerance: tolerance, differentPixels: 3, badPixels: 2, antialiasedPixels: 0,
                                      allowedBadPixels: 0, worstDistance: 0.5, worstAt: .init(x: 1, y: 2),
                                      badBounds: .init(minX: 1, minY: 2, maxX: 3, maxY: 2))
        func make(_ name: String) -> SuiteCase { SuiteCase(name: name, recording: "/r.rrd", golden: "/g/\(name).png") }
        return SuiteReport(suiteName: "demo", suitePath: "/s.json", record: .never, results: [
            CaseResult(testCase: make("ok"), status: .passed, summary: passed.summary, comparison: passed, artifacts: nil,
                       reproduce: "repro ok", seconds: 0.25),
            CaseResult(testCase: make("bad<1>"), status: .failed, summary: failed.summary, comparison: failed,
                       artifacts: .init(actual: "/a/bad/actual.png", diff: "/a/bad/diff.png", expected: "/a/bad/expected.png"),
                       reproduce: "repro \"bad\"", seconds: 1.5),
            CaseResult(testCase: make("err"), status: .error, summary: "rendering failed: boom", comparison: nil,
                       artifacts: nil, reproduce: "repro err", seconds: 0.001),
        ])
    }

    @Test func junitXMLForCIReporters() {
        let xml = JUnitWriter.xml(Self.fixedReport())
        #expect(xml == """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="golden" tests="3" failures="1" errors="1" time="1.751">
              <testsuite name="demo" tests="3" failures="1" errors="1" skipped="0" time="1.751">
                <testcase classname="golden.demo" name="ok" time="0.250"/>
                <testcase classname="golden.demo" name="bad&lt;1&gt;" time="1.500">
                  <failure message="different: 2 bad pixels (allowed 0) of 16; 3 pixels differ at all; worst colour distance 0.5 at (1, 2), threshold 0.1; bad pixels within x 1...3, y 2...2" type="GoldenMismatch">different: 2 bad pixels (allowed 0) of 16; 3 pixels differ at all; worst colour distance 0.5 at (1, 2), threshold 0.1; bad pixels within x 1...3, y 2...2
            Golden: /g/bad&lt;1&gt;.png
            Actual: /a/bad/actual.png
            Diff: /a/bad/diff.png
            Reproduce: repro &quot;bad&quot;</failure>
                </testcase>
                <testcase classname="golden.demo" name="err" time="0.001">
                  <error message="rendering failed: boom" type="GoldenError">rendering failed: boom
            Golden: /g/err.png
            Reproduce: repro err</error>
                </testcase>
              </testsuite>
            </testsuites>

            """)
    }

    @Test func markdownSummaryForJobPages() {
        #expect(MarkdownWriter.markdown(Self.fixedReport()) == """
            ## Golden images: demo

            **3 cases: 1 passed, 0 recorded, 1 failed, 1 error (record mode never)**

            | Case | Result | Bad pixels (allowed) | Worst colour distance | Golden |
            |---|---|---|---|---|
            | ok | passed | 0 (0) | – | `/g/ok.png` |
            | bad<1> | **FAILED** | 2 (0) | 0.5 at (1, 2) | `/g/bad<1>.png` |
            | err | **ERROR** | – | – | `/g/err.png` |

            ### Failures

            #### bad<1>

            different: 2 bad pixels (allowed 0) of 16; 3 pixels differ at all; worst colour distance 0.5 at (1, 2), threshold 0.1; bad pixels within x 1...3, y 2...2

            - actual: `/a/bad/actual.png`
            - diff: `/a/bad/diff.png`
            - expected: `/a/bad/expected.png`
            - reproduce: `repro "bad"`

            #### err

            rendering failed: boom

            - reproduce: `repro err`

            """)
    }
}
