import Foundation
import MediaCodecs

/// Golden-image checks for users' Swift tests (Swift Testing or XCTest).
///
/// ```swift
/// @Test func dnaAtTwoSeconds() throws {
///     let image = try render(...)                     // an RGBAImage
///     try Golden.assertMatches(image, golden: "Goldens/dna-2s.png",
///                              tolerance: Tolerance(threshold: 0.1, ignoreAntialiasing: true))
/// }
/// ```
/// The record mode comes from `RRD_GOLDEN_RECORD`, else `never` under `CI`, else `missing`;
/// failure evidence goes to `RRD_GOLDEN_ARTIFACTS` (default: `<temp>/rrd-golden-artifacts`).
public enum Golden {
    /// The environment variable naming the artifacts folder.
    public static let artifactsVariable = "RRD_GOLDEN_ARTIFACTS"

    /// Compares `image` with the PNG at `golden` (relative paths resolve against the current folder).
    /// Returns what happened when it passed or was recorded; throws a `GoldenFailure` (whose
    /// description says what differs, where the evidence is and how to re-record) when it did not,
    /// and a `GoldenError`/`MediaError` when files could not be read or written.
    @discardableResult
    public static func assertMatches(_ image: RGBAImage, golden: String, tolerance: Tolerance = .exact,
                                     record: RecordMode? = nil, artifactsDirectory: String? = nil,
                                     name: String? = nil) throws -> GoldenCheck.Outcome {
        let environment = ProcessInfo.processInfo.environment
        let mode = try record ?? RecordMode.fromEnvironment(environment)
        let artifacts = artifactsDirectory ?? environment[artifactsVariable]
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("rrd-golden-artifacts").path
        let caseName = name ?? URL(fileURLWithPath: golden).deletingPathExtension().lastPathComponent
        let check = GoldenCheck(name: caseName, goldenPath: golden, tolerance: tolerance, record: mode,
                                artifactsDirectory: artifacts,
                                reproduce: "rrd-render compare \(shellQuoted(golden)) \(shellQuoted(artifacts + "/" + caseName + "/actual.png"))\(tolerance.commandLineOptions)")
        let outcome = try check.run(image)
        if case let .failed(failure) = outcome { throw failure }
        return outcome
    }

    /// `'a b'` for a path with spaces or quotes; plain otherwise.
    static func shellQuoted(_ text: String) -> String {
        let plain = text.allSatisfy { $0.isLetter || $0.isNumber || "/._-+=:,@".contains($0) }
        return plain && !text.isEmpty ? text : "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}

extension Tolerance {
    /// The `rrd-render compare` options that express this tolerance, each preceded by a space.
    public var commandLineOptions: String {
        var options = ""
        if threshold != 0 { options += " --threshold \(threshold)" }
        if ignoreAntialiasing { options += " --ignore-antialiasing" }
        switch budget {
        case .pixels(0): break
        case let .pixels(n): options += " --max-bad-pixels \(n)"
        case let .fraction(f): options += " --max-bad-fraction \(f)"
        }
        return options
    }
}
