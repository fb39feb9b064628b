/// Why writing a video failed. Messages name the cause first and the path last.
public enum VideoError: Error, Equatable, CustomStringConvertible {
    case unsupportedContainer(path: String)
    /// None of the codec's encoders is in the linked FFmpeg build.
    case encoderUnavailable(codec: VideoCodec, tried: [String])
    case codecNotInContainer(codec: VideoCodec, container: VideoContainer)
    case invalidSettings(String)
    case frameSizeMismatch(index: Int, width: Int, height: Int, expectedWidth: Int, expectedHeight: Int)
    case frameIndexInvalid(index: Int, reason: String)
    /// `finish()` found frame indices that were never submitted.
    case missingFrames(firstMissing: Int, frameCount: Int)
    /// An FFmpeg call failed; `message` is FFmpeg's text for the error code (e.g. "No space left on device").
    case ffmpeg(operation: String, message: String, path: String)
    case io(reason: String, path: String)
    case cancelled(path: String)
    case alreadyFinished

    public var description: String {
        switch self {
        case let .unsupportedContainer(path):
            "unsupported video container (use .mp4, .mkv or .webm): \(path)"
        case let .encoderUnavailable(codec, tried):
            "no \(codec) encoder in this FFmpeg build (looked for \(tried.joined(separator: ", ")))"
        case let .codecNotInContainer(codec, container):
            "\(codec) cannot be stored in .\(container.rawValue) (webm takes vp9 and av1; mp4 and mkv take all)"
        case let .invalidSettings(reason): "invalid video settings: \(reason)"
        case let .frameSizeMismatch(index, w, h, ew, eh):
            "frame \(index) is \(w)x\(h) but the video was opened for \(ew)x\(eh)"
        case let .frameIndexInvalid(index, reason): "frame \(index): \(reason)"
        case let .missingFrames(first, count): "frame \(first) of \(count) was never submitted"
        case let .ffmpeg(operation, message, path): "\(operation) failed: \(message): \(path)"
        case let .io(reason, path): "\(reason): \(path)"
        case let .cancelled(path): "video export cancelled; no file written: \(path)"
        case .alreadyFinished: "the video writer was already finished or cancelled"
        }
    }
}
