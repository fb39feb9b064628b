import Foundation

/// When a golden image is (re)written instead of compared, after swift-snapshot-testing.
public enum RecordMode: String, Sendable, CaseIterable, Codable {
    /// Never write: a missing golden is a failure. For CI, so that a retry never silently passes.
    case never
    /// Write goldens that do not exist yet; compare the others. The local default.
    case missing
    /// Also overwrite goldens that fail the comparison (after a reviewed, intended change).
    case failed
    /// Write every golden whose bytes would change.
    case all

    /// The environment variable that overrides the default (`never|missing|failed|all`).
    public static let environmentVariable = "RRD_GOLDEN_RECORD"

    /// `RRD_GOLDEN_RECORD` when set; otherwise `never` when `CI` is set (to anything but "" / "0" /
    /// "false"), else `missing`. Throws for an unknown `RRD_GOLDEN_RECORD` value.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws -> RecordMode {
        if let value = environment[environmentVariable], !value.isEmpty {
            guard let mode = RecordMode(rawValue: value.lowercased()) else {
                throw GoldenError.invalidRecordMode(value)
            }
            return mode
        }
        let ci = environment["CI"]?.lowercased() ?? ""
        return ci.isEmpty || ci == "0" || ci == "false" ? .missing : .never
    }
}
