import ArgumentParser
import Foundation
import GoldenImage
import MediaCodecs
import RecordingModel
import SceneBuilding

/// `rrd-render check SUITE [--record MODE] [--artifacts DIR] [--junit OUT.xml] [--markdown OUT.md]`
struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render every case of a golden suite and compare it with its golden image.",
        discussion: """
        SUITE is a JSON file listing cases (recording, timeline, time, view, size, camera, golden, tolerance); \
        see docs/golden-suites.md. Cases run in parallel; one failing case does not stop the others. On a \
        failure the actual and diff images go to the artifacts folder with a command that reproduces the case.

        Record modes: never (a missing golden fails), missing (write missing goldens), failed (also rewrite \
        failing ones), all. Default: $RRD_GOLDEN_RECORD, else never when $CI is set, else missing.
        Exit codes: 0 every case passed (or was recorded), 1 some case failed, 2 an error (bad suite, unreadable \
        recording).
        """)

    @Argument(help: "The suite file (JSON).")
    var suite: String

    @Option(help: "never, missing, failed or all.")
    var record: String?

    @Option(help: "Where failing cases leave their actual and diff images.")
    var artifacts: String = "golden-artifacts"

    @Option(help: "Write a JUnit XML report here.")
    var junit: String?

    @Option(help: "Write a Markdown summary here (for CI job pages).")
    var markdown: String?

    @Option(help: "Run only the named case (repeatable).")
    var only: [String] = []

    @Option(help: "Cases rendered at the same time (default: all cores).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    @Flag(name: .shortAndLong, help: "Print only failures and the summary.")
    var quiet = false

    func run() async throws {
        let mode: RecordMode
        do {
            mode = try record.map { name in
                guard let m = RecordMode(rawValue: name) else {
                    throw SessionError("--record must be never, missing, failed or all (got '\(name)')")
                }
                return m
            } ?? RecordMode.fromEnvironment()
        } catch {
            throw failure("\(error)")
        }
        var loaded: GoldenSuite
        do {
            loaded = try GoldenSuite.load(suite)
        } catch {
            throw failure("\(error)")
        }
        if !only.isEmpty {
            let unknown = only.filter { name in !loaded.cases.contains { $0.name == name } }
            guard unknown.isEmpty else {
                throw failure("no case named \(unknown.joined(separator: ", ")) in \(suite)")
            }
            loaded = loaded.selecting(only)
        }
        let recordings = RecordingCache()
        let runner = SuiteRunner(suite: loaded, record: mode, artifactsDirectory: artifacts,
                                 parallelism: max(1, threads)) { testCase in
            try Self.render(testCase, recordings: recordings)
        }
        let report = runner.run()
        for result in report.results where !quiet || result.status == .failed || result.status == .error {
            FileHandle.standardError.write(Data("\(result.status.rawValue.uppercased()) \(result.testCase.name): \(result.summary)\n".utf8))
            if result.status == .failed || result.status == .error {
                FileHandle.standardError.write(Data("  reproduce: \(result.reproduce)\n".utf8))
            }
        }
        FileHandle.standardError.write(Data("\(report.summary)\n".utf8))
        do {
            if let junit { try AtomicFile.write(Array(JUnitWriter.xml(report).utf8), to: junit) }
            if let markdown { try AtomicFile.write(Array(MarkdownWriter.markdown(report).utf8), to: markdown) }
        } catch {
            throw failure("cannot write the report: \(error)")
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }

    /// Renders one case exactly as `snapshot` would with the same arguments (one thread: cases run in parallel).
    static func render(_ testCase: SuiteCase, recordings: RecordingCache) throws -> RGBAImage {
        var settings = SceneSettings(file: testCase.recording, timeline: testCase.timeline, view: testCase.view)
        if let size = testCase.size { settings.width = size.width; settings.height = size.height }
        if let camera = testCase.camera {
            settings.eye = Eye(position: SIMD3(camera.eye[0], camera.eye[1], camera.eye[2]),
                               target: SIMD3(camera.target[0], camera.target[1], camera.target[2]),
                               up: camera.up.map { SIMD3($0[0], $0[1], $0[2]) } ?? [0, 0, 1],
                               fovY: (camera.fov ?? 55) * .pi / 180)
            settings.explicitUp = camera.up != nil
        }
        settings.threads = 1
        let session = try SceneSession(settings, recording: try recordings.load(testCase.recording), warnings: { _ in })
        return try session.render(try session.query(at: testCase.time), warnings: nil)
    }
}

/// Recordings loaded once per file for all the cases that use them.
final class RecordingCache: @unchecked Sendable {
    private let lock = NSLock()
    private var loaded: [String: Recording] = [:]

    func load(_ path: String) throws -> Recording {
        lock.lock(); defer { lock.unlock() }
        if let r = loaded[path] { return r }
        do {
            let r = try Recording.load(path: path)
            loaded[path] = r
            return r
        } catch {
            throw SessionError("\(path): \(error)")
        }
    }
}
