import CFFmpeg

/// A video compression format and the FFmpeg encoders that can produce it, in order of preference.
public enum VideoCodec: String, Sendable, CaseIterable, CustomStringConvertible {
    case h264, hevc, vp9, av1

    /// libavcodec encoder names tried in order (software encoders only, so output does not depend on hardware).
    public var encoderCandidates: [String] {
        switch self {
        case .h264: ["libx264"]
        case .hevc: ["libx265"]
        case .vp9: ["libvpx-vp9"]
        case .av1: ["libsvtav1", "libaom-av1", "librav1e"]
        }
    }

    /// The first candidate encoder present in the linked FFmpeg, or nil.
    public var availableEncoder: String? {
        encoderCandidates.first { avcodec_find_encoder_by_name($0) != nil }
    }

    /// The constant-quality value used when the caller gives none (each encoder's usual default;
    /// vp9's own default is a fixed bit rate, so constant quality is always chosen here).
    public var defaultCRF: Int {
        switch self {
        case .h264: 23
        case .hevc: 28
        case .vp9: 32
        case .av1: 35
        }
    }

    public var description: String { rawValue }
}

/// The file format around the compressed frames, chosen from the output's extension.
public enum VideoContainer: String, Sendable, CaseIterable {
    case mp4, mkv, webm

    /// `mp4`/`m4v`/`mov` → mp4, `mkv` → mkv, `webm` → webm; nil for anything else.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "mp4", "m4v", "mov": self = .mp4
        case "mkv": self = .mkv
        case "webm": self = .webm
        default: return nil
        }
    }

    /// libavformat's muxer name.
    var muxerName: String {
        switch self {
        case .mp4: "mp4"
        case .mkv: "matroska"
        case .webm: "webm"
        }
    }
}

/// A frame rate as a ratio (30000/1001 for NTSC's 29.97).
public struct FrameRate: Sendable, Equatable, CustomStringConvertible {
    public let numerator: Int32
    public let denominator: Int32

    /// Requires a positive ratio.
    public init(_ numerator: Int32, _ denominator: Int32 = 1) {
        precondition(numerator > 0 && denominator > 0, "FrameRate must be positive")
        self.numerator = numerator
        self.denominator = denominator
    }

    public var framesPerSecond: Double { Double(numerator) / Double(denominator) }
    public var description: String { denominator == 1 ? "\(numerator)" : "\(numerator)/\(denominator)" }
    var rational: AVRational { AVRational(num: numerator, den: denominator) }
}

/// How a video is encoded.
public struct VideoSettings: Sendable {
    public var codec: VideoCodec
    public var frameRate: FrameRate
    /// Constant-quality factor (lower is better; x264 0...51, vp9/av1 0...63). Nil: `codec.defaultCRF`.
    public var crf: Int?
    /// Speed/quality preset: a name for x264/x265 (`ultrafast` … `veryslow`), a number for
    /// vp9 and libaom (`cpu-used`, 0...8) and SVT-AV1 (`preset`, 0...13). Nil: the encoder's default.
    public var preset: String?
    /// Threads inside the encoder. Fixed (not the machine's core count) because the encoders give
    /// byte-identical output for the same frames only at the same thread count (x264 164 with 1, 3
    /// and 4 threads gives three different files). The pipeline's own threads never change the bytes.
    public var encoderThreads: Int
    /// Threads converting RGBA to YUV (swscale) ahead of the encoder.
    public var conversionThreads: Int
    /// Most frames held at once (submitted but not yet encoded): bounds memory.
    public var framesInFlight: Int

    public init(codec: VideoCodec = .h264, frameRate: FrameRate = FrameRate(30), crf: Int? = nil,
                preset: String? = nil, encoderThreads: Int = 4, conversionThreads: Int = 2, framesInFlight: Int = 8) {
        self.codec = codec
        self.frameRate = frameRate
        self.crf = crf
        self.preset = preset
        self.encoderThreads = encoderThreads
        self.conversionThreads = conversionThreads
        self.framesInFlight = framesInFlight
    }
}
