/// Writes a suite report as JUnit XML, the format CI test reporters read (GitHub, GitLab, Jenkins).
///
/// One `<testsuite>`; one `<testcase>` per case (classname `golden.<suite>`); a failed case gets a
/// `<failure>`, a case that could not run an `<error>`, each with the summary as `message` and
/// the artifact paths and reproduce command in the body. Recorded cases pass, with a note in
/// `<system-out>`. Only the `time` attributes vary between runs.
public enum JUnitWriter {
    public static func xml(_ report: SuiteReport) -> String {
        let total = report.results.reduce(0) { $0 + $1.seconds }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        let counts = "tests=\"\(report.results.count)\" failures=\"\(report.count(.failed))\" errors=\"\(report.count(.error))\""
        out += "<testsuites name=\"golden\" \(counts) time=\"\(seconds(total))\">\n"
        out += "  <testsuite name=\"\(escape(report.suiteName))\" \(counts) skipped=\"0\" time=\"\(seconds(total))\">\n"
        for result in report.results {
            let name = escape(result.testCase.name)
            out += "    <testcase classname=\"golden.\(escape(report.suiteName))\" name=\"\(name)\" time=\"\(seconds(result.seconds))\""
            switch result.status {
            case .passed:
                out += "/>\n"
            case .recorded:
                out += ">\n      <system-out>\(escape(result.summary)): \(escape(result.testCase.golden))</system-out>\n    </testcase>\n"
            case .failed, .error:
                let tag = result.status == .failed ? "failure" : "error"
                let type = result.status == .failed ? "GoldenMismatch" : "GoldenError"
                var body = [result.summary, "Golden: \(result.testCase.golden)"]
                if let a = result.artifacts {
                    body.append("Actual: \(a.actual)")
                    if let diff = a.diff { body.append("Diff: \(diff)") }
                }
                body.append("Reproduce: \(result.reproduce)")
                out += ">\n      <\(tag) message=\"\(escape(result.summary))\" type=\"\(type)\">"
                out += escape(body.joined(separator: "\n"))
                out += "</\(tag)>\n    </testcase>\n"
            }
        }
        out += "  </testsuite>\n</testsuites>\n"
        return out
    }

    static func seconds(_ value: Double) -> String {
        let millis = Int((value * 1000).rounded())
        let fraction = String(millis % 1000)
        return "\(millis / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }

    /// XML text and attribute escaping; control characters XML 1.0 forbids become spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default: if scalar.value < 0x20 { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
