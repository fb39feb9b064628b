import Foundation
import MediaCodecs

/// Compares two PNG files: what `rrd-render compare` runs. Errors (a missing or unreadable file)
/// are thrown; a size mismatch is a difference, reported in the result.
public enum FileComparison {
    /// The outcome for a caller that prints it and exits.
    public struct Report: Sendable {
        public let expectedPath: String
        public let actualPath: String
        public let result: ComparisonResult
        /// Where the diff image was written, if one was asked for and the sizes matched.
        public let diffPath: String?

        /// 0 equal or within tolerance, 1 different (including a size mismatch).
        public var exitCode: Int32 { result.passed ? 0 : 1 }

        /// Human-readable lines: the verdict with what was measured against what was allowed.
        public var text: String {
            var lines = [result.summary, "allowed: \(result.tolerance.summary)"]
            if let diffPath { lines.append("diff image: \(diffPath)") }
            return lines.joined(separator: "\n")
        }

        /// One JSON object (keys sorted, so the output is stable).
        public var json: String {
            struct Payload: Encodable {
                let verdict: ComparisonResult.Verdict
                let passed: Bool
                let expected: String
                let actual: String
                let comparison: ComparisonResult
                let diff: String?
                let metricVersion: Int
            }
            let payload = Payload(verdict: result.verdict, passed: result.passed, expected: expectedPath,
                                  actual: actualPath, comparison: result, diff: diffPath,
                                  metricVersion: ColorDistance.version)
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            return String(decoding: (try? encoder.encode(payload)) ?? Data(), as: UTF8.self)
        }
    }

    /// Reads both PNGs, compares them and writes the diff image to `diffPath` when given
    /// (only when the sizes match; the file is written even when the images are identical).
    public static func compare(expectedPath: String, actualPath: String, tolerance: Tolerance,
                               diffPath: String? = nil) throws -> Report {
        if let problem = tolerance.problem { throw GoldenError.invalidTolerance(problem) }
        let expected = try PNGCodec.read(expectedPath)
        let actual = try PNGCodec.read(actualPath)
        let (result, diff) = ImageComparison.compare(expected: expected, actual: actual, tolerance: tolerance,
                                                     makeDiff: diffPath != nil)
        var written: String? = nil
        if let diffPath, let diff {
            try PNGCodec.write(diff, to: diffPath)
            written = diffPath
        }
        return Report(expectedPath: expectedPath, actualPath: actualPath, result: result, diffPath: written)
    }
}
