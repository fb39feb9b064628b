/// Why reading or writing a picture failed. Messages name the file where one is involved (last).
public enum MediaError: Error, Equatable, CustomStringConvertible {
    case decodeFailed(format: String, reason: String)
    case encodeFailed(format: String, reason: String)
    case invalidDimensions(width: Int, height: Int)
    /// The header asks for more pixels than `limits` allow; nothing was allocated.
    case tooLarge(format: String, width: Int, height: Int, limits: ImageLimits)
    case io(path: String, reason: String)

    public var description: String {
        switch self {
        case let .decodeFailed(format, reason): "cannot decode \(format): \(reason)"
        case let .encodeFailed(format, reason): "cannot encode \(format): \(reason)"
        case let .invalidDimensions(w, h): "invalid image size \(w)x\(h)"
        case let .tooLarge(format, w, h, limits):
            "\(format) image of \(w)x\(h) exceeds the decoding limits (\(limits.maxSide) per side, \(limits.maxPixels) pixels)"
        case let .io(path, reason): "\(reason): \(path)"
        }
    }
}
