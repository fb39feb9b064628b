import Dispatch
import Foundation
import MediaCodecs

/// Runs a golden suite: renders every case (through the closure the caller plugs in), compares it
/// with its golden under the record mode, and collects one result per case.
///
/// Cases run on `parallelism` workers; a case that throws (from rendering or from file I/O) is an
/// error for that case only, and the others go on. Results come back in suite order, whatever
/// order the cases finished in.
public struct SuiteRunner: Sendable {
    /// Renders one case. `rrd-render check` plugs in the recording renderer; tests plug in fakes.
    public typealias Renderer = @Sendable (SuiteCase) throws -> RGBAImage

    public let suite: GoldenSuite
    public let record: RecordMode
    public let artifactsDirectory: String
    public let parallelism: Int
    /// The one-line command that reproduces a case (printed with failures).
    public let reproduce: @Sendable (SuiteCase) -> String
    private let render: Renderer

    public init(suite: GoldenSuite, record: RecordMode, artifactsDirectory: String,
                parallelism: Int = ProcessInfo.processInfo.activeProcessorCount,
                reproduce: (@Sendable (SuiteCase) -> String)? = nil, render: @escaping Renderer) {
        self.suite = suite
        self.record = record
        self.artifactsDirectory = artifactsDirectory
        self.parallelism = max(1, parallelism)
        let suitePath = suite.path
        self.reproduce = reproduce ?? { "rrd-render check \(Golden.shellQuoted(suitePath)) --only \(Golden.shellQuoted($0.name))" }
        self.render = render
    }

    public func run() -> SuiteReport {
        let results = ResultSlots(count: suite.cases.count)
        let next = Counter()
        let workers = min(parallelism, suite.cases.count)
        if workers > 0 {
            DispatchQueue.concurrentPerform(iterations: workers) { _ in
                while let index = next.take(below: suite.cases.count) {
                    results.set(index, runCase(suite.cases[index]))
                }
            }
        }
        return SuiteReport(suiteName: suite.name, suitePath: suite.path, record: record, results: results.values)
    }

    private func runCase(_ testCase: SuiteCase) -> CaseResult {
        let clock = ContinuousClock()
        let start = clock.now
        func seconds() -> Double {
            let d = clock.now - start
            return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
        }
        let command = reproduce(testCase)
        let image: RGBAImage
        do {
            image = try render(testCase)
        } catch {
            return CaseResult(testCase: testCase, status: .error, summary: "rendering failed: \(error)",
                              comparison: nil, artifacts: nil, reproduce: command, seconds: seconds())
        }
        let check = GoldenCheck(name: testCase.name, goldenPath: testCase.golden, tolerance: testCase.tolerance,
                                record: record, artifactsDirectory: artifactsDirectory, reproduce: command)
        do {
            switch try check.run(image) {
            case let .matched(result):
                return CaseResult(testCase: testCase, status: .passed, summary: result.summary, comparison: result,
                                  artifacts: nil, reproduce: command, seconds: seconds())
            case let .recorded(reason, result):
                let why = switch reason {
                case .missing: "recorded a new golden"
                case .failed: "re-recorded a failing golden (\(result?.summary ?? ""))"
                case .changed: "re-recorded a changed golden (\(result?.summary ?? ""))"
                }
                return CaseResult(testCase: testCase, status: .recorded, summary: why, comparison: result,
                                  artifacts: nil, reproduce: command, seconds: seconds())
            case let .failed(failure):
                return CaseResult(testCase: testCase, status: .failed, summary: failure.reason,
                                  comparison: failure.comparison, artifacts: failure.artifacts, reproduce: command,
                                  seconds: seconds())
            }
        } catch {
            return CaseResult(testCase: testCase, status: .error, summary: "\(error)", comparison: nil,
                              artifacts: nil, reproduce: command, seconds: seconds())
        }
    }
}

/// The outcome of one case.
public struct CaseResult: Sendable {
    public enum Status: String, Sendable {
        case passed, recorded, failed, error
    }

    public let testCase: SuiteCase
    public let status: Status
    /// One line: the comparison summary, what was recorded, or the error.
    public let summary: String
    public let comparison: ComparisonResult?
    /// Evidence written for a failure.
    public let artifacts: GoldenFailure.Artifacts?
    public let reproduce: String
    /// Wall-clock time of the case (rendering included).
    public let seconds: Double
}

/// All case results of a suite run, in suite order.
public struct SuiteReport: Sendable {
    public let suiteName: String
    public let suitePath: String
    public let record: RecordMode
    public let results: [CaseResult]

    public func count(_ status: CaseResult.Status) -> Int { results.count { $0.status == status } }

    /// 0 when every case passed or was recorded, 1 when any failed, 2 when any could not run.
    public var exitCode: Int32 {
        if count(.error) > 0 { return 2 }
        return count(.failed) > 0 ? 1 : 0
    }

    /// "12 cases: 10 passed, 1 recorded, 1 failed, 0 errors (record mode never)".
    public var summary: String {
        "\(results.count) case\(results.count == 1 ? "" : "s"): \(count(.passed)) passed, \(count(.recorded)) recorded, "
            + "\(count(.failed)) failed, \(count(.error)) error\(count(.error) == 1 ? "" : "s") (record mode \(record.rawValue))"
    }
}

/// Result slots written by index from several workers.
private final class ResultSlots: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [CaseResult?]
    init(count: Int) { slots = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ result: CaseResult) { lock.withLock { slots[index] = result } }
    var values: [CaseResult] { lock.withLock { slots.compactMap { $0 } } }
}

/// Hands out 0, 1, 2, … to workers.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func take(below limit: Int) -> Int? {
        lock.withLock {
            guard value < limit else { return nil }
            defer { value += 1 }
            return value
        }
    }
}
