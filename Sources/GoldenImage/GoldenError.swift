import MediaCodecs

/// Why a golden check could not be carried out (as opposed to a picture that differs).
public enum GoldenError: Error, Equatable, CustomStringConvertible {
    case invalidTolerance(String)
    case invalidRecordMode(String)
    case invalidSuite(reason: String, path: String)
    case media(MediaError)

    public var description: String {
        switch self {
        case let .invalidTolerance(problem): "invalid tolerance: \(problem)"
        case let .invalidRecordMode(value): "invalid record mode \"\(value)\" (use never, missing, failed or all)"
        case let .invalidSuite(reason, path): "invalid golden suite: \(reason): \(path)"
        case let .media(error): error.description
        }
    }
}
