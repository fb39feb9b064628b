import ArgumentParser
import Foundation
import GoldenImage

/// `rrd-render compare EXPECTED.png ACTUAL.png`: exit 0 equal or within tolerance, 1 different
/// (a size mismatch included), 2 when a file is missing or unreadable.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare two PNG images under a tolerance, like a golden-image test.",
        discussion: """
        Prints what was measured (bad pixels, worst colour distance and where, the region of \
        the changes) against what was allowed. The colour distance is pixelmatch's YIQ metric \
        scaled to 0...1 (black against white is 0.966; 1 is the largest YIQ distance). By default the comparison is exact.
        Exit status: 0 equal or within tolerance, 1 different (a size mismatch included), \
        2 on error (missing file, unreadable PNG).
        """
    )

    @Argument(help: "The expected (golden) PNG.")
    var expected: String

    @Argument(help: "The actual PNG.")
    var actual: String

    @Option(help: "Largest colour distance (0...1) at which two pixels still count as equal; 0 is exact.")
    var threshold: Double = 0

    @Option(help: "How many bad pixels are allowed.")
    var maxBadPixels: Int?

    @Option(help: "Which fraction (0...1) of the pixels may be bad.")
    var maxBadFraction: Double?

    @Flag(help: "Do not count differences explained by anti-aliased edges (marked yellow in the diff).")
    var ignoreAntialiasing = false

    @Option(help: "Write a diff image here: changes in red (anti-aliasing in yellow) over a faded copy of EXPECTED.")
    var diff: String?

    @Flag(help: "Print one JSON object instead of text.")
    var json = false

    func validate() throws {
        if maxBadPixels != nil, maxBadFraction != nil {
            throw ValidationError("give --max-bad-pixels or --max-bad-fraction, not both")
        }
        if let problem = tolerance.problem { throw ValidationError(problem) }
    }

    var tolerance: Tolerance {
        Tolerance(threshold: threshold, ignoreAntialiasing: ignoreAntialiasing,
                  budget: maxBadFraction.map { .fraction($0) } ?? .pixels(maxBadPixels ?? 0))
    }

    func run() throws {
        let report: FileComparison.Report
        do {
            report = try FileComparison.compare(expectedPath: expected, actualPath: actual, tolerance: tolerance, diffPath: diff)
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(2)
        }
        print(json ? report.json : report.text)
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
