/// Writes a suite report as Markdown for CI job pages (e.g. `$GITHUB_STEP_SUMMARY`): a headline,
/// a table of every case, then one section per failure or error with its evidence and the
/// command that reproduces it. Contains no times, so the same results give the same text.
public enum MarkdownWriter {
    public static func markdown(_ report: SuiteReport) -> String {
        var lines = ["## Golden images: \(cell(report.suiteName))", "", "**\(report.summary)**", ""]
        lines.append("| Case | Result | Bad pixels (allowed) | Worst colour distance | Golden |")
        lines.append("|---|---|---|---|---|")
        for result in report.results {
            let badPixels = result.comparison.map { "\($0.badPixels) (\($0.allowedBadPixels))" } ?? "–"
            let worst = result.comparison.flatMap { c in
                c.worstAt.map { "\(ComparisonResult.format(c.worstDistance)) at (\($0.x), \($0.y))" }
            } ?? "–"
            let status = switch result.status {
            case .passed: "passed"
            case .recorded: "recorded"
            case .failed: "**FAILED**"
            case .error: "**ERROR**"
            }
            lines.append("| \(cell(result.testCase.name)) | \(status) | \(badPixels) | \(worst) | `\(cell(result.testCase.golden))` |")
        }
        let problems = report.results.filter { $0.status == .failed || $0.status == .error }
        if !problems.isEmpty {
            lines += ["", "### Failures"]
            for result in problems {
                lines += ["", "#### \(cell(result.testCase.name))", "", cell(result.summary), ""]
                if let a = result.artifacts {
                    lines.append("- actual: `\(a.actual)`")
                    if let diff = a.diff { lines.append("- diff: `\(diff)`") }
                    if let expected = a.expected { lines.append("- expected: `\(expected)`") }
                }
                lines.append("- reproduce: `\(result.reproduce)`")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Keeps a value inside one table cell: no pipes or line breaks.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
