/// Why reading or writing a picture or video failed. Messages name the file where one is involved.
public enum MediaError: Error, Equatable, CustomStringConvertible {
    case decodeFailed(format: String, reason: String)
    case encodeFailed(format: String, reason: String)
    case invalidDimensions(width: Int, height: Int)
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case let .decodeFailed(format, reason): "cannot decode \(format): \(reason)"
        case let .encodeFailed(format, reason): "cannot encode \(format): \(reason)"
        case let .invalidDimensions(w, h): "invalid image size \(w)x\(h)"
        case let .io(path, reason): "\(path): \(reason)"
        }
    }
}
