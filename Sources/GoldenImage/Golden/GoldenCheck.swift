import Foundation
import MediaCodecs

/// One image checked against one golden file, with a record mode and an artifacts folder:
/// the step shared by `Golden.assertMatches` (users' Swift tests) and `SuiteRunner` (`rrd-render check`).
///
/// Comparison happens after a PNG round trip of the actual image, so both sides went through the
/// same codec (for 8-bit RGBA the round trip is lossless; it guards against future formats).
public struct GoldenCheck: Sendable {
    /// What happened to the golden.
    public enum Outcome: Sendable, Equatable {
        /// Compared and passed (identical or within tolerance).
        case matched(ComparisonResult)
        /// The golden was written: it was missing, it failed under `.failed`, or `.all` and it changed.
        case recorded(RecordReason, ComparisonResult?)
        /// Compared and failed, or missing under `.never`: evidence is in `artifacts`.
        case failed(GoldenFailure)

        public var passed: Bool { if case .failed = self { false } else { true } }
    }

    public enum RecordReason: String, Sendable, Equatable {
        case missing, failed, changed
    }

    public var name: String
    public var goldenPath: String
    public var tolerance: Tolerance
    public var record: RecordMode
    /// Where failure evidence goes: `<artifactsDirectory>/<name>/{actual,diff,expected}.png`.
    public var artifactsDirectory: String
    /// The one-line command printed with a failure.
    public var reproduce: String

    public init(name: String, goldenPath: String, tolerance: Tolerance = .exact, record: RecordMode,
                artifactsDirectory: String, reproduce: String) {
        self.name = name
        self.goldenPath = goldenPath
        self.tolerance = tolerance
        self.record = record
        self.artifactsDirectory = artifactsDirectory
        self.reproduce = reproduce
    }

    /// Compares `image` with the golden, records or writes artifacts as the mode says.
    /// Throws only when files cannot be read or written (a corrupt golden, a full disk).
    public func run(_ image: RGBAImage) throws -> Outcome {
        if let problem = tolerance.problem { throw GoldenError.invalidTolerance(problem) }
        let encoded = try PNGCodec.encode(image)
        let actual = try PNGCodec.decode(encoded)
        guard FileManager.default.fileExists(atPath: goldenPath) else {
            if record == .never {
                let artifacts = try writeArtifacts(actualPNG: encoded, diff: nil)
                return .failed(GoldenFailure(name: name, goldenPath: goldenPath, comparison: nil,
                                             reason: "no golden image (record mode never)", artifacts: artifacts,
                                             reproduce: reproduce))
            }
            try writeGolden(encoded)
            return .recorded(.missing, nil)
        }
        let expected = try PNGCodec.read(goldenPath)
        let (result, diff) = ImageComparison.compare(expected: expected, actual: actual, tolerance: tolerance, makeDiff: true)
        if result.passed {
            if record == .all, result.verdict != .identical {
                try writeGolden(encoded)
                return .recorded(.changed, result)
            }
            return .matched(result)
        }
        if record == .failed || record == .all {
            try writeGolden(encoded)
            return .recorded(record == .failed ? .failed : .changed, result)
        }
        let artifacts = try writeArtifacts(actualPNG: encoded, diff: diff)
        return .failed(GoldenFailure(name: name, goldenPath: goldenPath, comparison: result, reason: result.summary,
                                     artifacts: artifacts, reproduce: reproduce))
    }

    private func writeGolden(_ png: [UInt8]) throws {
        let folder = URL(fileURLWithPath: goldenPath).deletingLastPathComponent().path
        try createFolder(folder)
        try AtomicFile.write(png, to: goldenPath)
    }

    private func writeArtifacts(actualPNG: [UInt8], diff: RGBAImage?) throws -> GoldenFailure.Artifacts {
        let folder = URL(fileURLWithPath: artifactsDirectory).appendingPathComponent(name).path
        try createFolder(folder)
        let actualPath = folder + "/actual.png"
        try AtomicFile.write(actualPNG, to: actualPath)
        var diffPath: String? = nil, expectedPath: String? = nil
        if let diff {
            diffPath = folder + "/diff.png"
            try PNGCodec.write(diff, to: folder + "/diff.png")
            expectedPath = folder + "/expected.png"
            try AtomicFile.write(FileBytes.read(goldenPath), to: folder + "/expected.png")
        }
        return .init(actual: actualPath, diff: diffPath, expected: expectedPath)
    }

    private func createFolder(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw MediaError.io(path: path, reason: "cannot create the folder")
        }
    }
}

/// A golden that did not match, with the evidence left behind.
public struct GoldenFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public struct Artifacts: Sendable, Equatable {
        public let actual: String
        public let diff: String?
        /// A copy of the golden, so a CI artifact upload holds all three pictures.
        public let expected: String?
    }

    public let name: String
    public let goldenPath: String
    /// Nil when the golden was missing.
    public let comparison: ComparisonResult?
    /// One line: the comparison summary, or why there was nothing to compare.
    public let reason: String
    public let artifacts: Artifacts
    public let reproduce: String

    /// A paragraph that says what happened, where the evidence is and what to do.
    public var description: String {
        var lines = ["Golden image \"\(name)\" does not match: \(reason)."]
        if let comparison { lines.append("Allowed: \(comparison.tolerance.summary).") }
        lines.append("Golden: \(goldenPath)")
        lines.append("Actual: \(artifacts.actual)")
        if let diff = artifacts.diff { lines.append("Diff:   \(diff) (red: bad pixels, yellow: anti-aliasing, over the faded golden)") }
        lines.append("Reproduce: \(reproduce)")
        lines.append(comparison == nil
            ? "To create the golden, run again with \(RecordMode.environmentVariable)=missing (or --record missing)."
            : "If the change is intended, review the diff and re-record with \(RecordMode.environmentVariable)=failed (or --record failed).")
        return lines.joined(separator: "\n")
    }
}
