import MediaCodecs

/// Decodes compressed image bytes (PNG, JPEG) into sRGB RGBA: `(bytes, mediaType)`, where `mediaType` is
/// `image/png`, `image/jpeg`, or "" when unknown. The scene builder supplies one that handles JPEG through
/// `MediaCodecs`' JPEG codec; `EncodedImageDecoder.decodePNGOnly` is the PNG-only default.
public typealias ImageBytesDecoder = (_ bytes: [UInt8], _ mediaType: String) throws -> RGBAImage

/// The image kinds an `EncodedImage` blob (or a glTF texture) is expected to hold.
public enum EncodedImageKind: String, Sendable {
    case png = "image/png"
    case jpeg = "image/jpeg"

    /// The kind named by a media type (case-insensitive, parameters ignored; `image/jpg` accepted).
    public init?(mediaType: String) {
        let base = mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch base {
        case "image/png": self = .png
        case "image/jpeg", "image/jpg": self = .jpeg
        default: return nil
        }
    }

    /// The kind told by the file signature: PNG `89 50 4E 47 0D 0A 1A 0A`, JPEG `FF D8 FF`.
    public init?(sniffing bytes: [UInt8]) {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = .png
        } else if bytes.starts(with: [0xFF, 0xD8, 0xFF]) {
            self = .jpeg
        } else {
            return nil
        }
    }
}

/// `EncodedImage` blobs → pixels. The bytes decide when they disagree with the logged media type (a PNG labelled
/// JPEG still decodes); without either, the blob is an error the caller reports against the entity.
public enum EncodedImageDecoder {
    /// Decodes `blob`, handing JPEG (and anything not PNG) to `decodeImage` with the resolved media type.
    public static func decode(_ blob: [UInt8], mediaType: String?, decodeImage: ImageBytesDecoder = decodePNGOnly) throws -> RGBAImage {
        let kind = EncodedImageKind(sniffing: blob) ?? mediaType.flatMap { EncodedImageKind(mediaType: $0) }
        switch kind {
        case .png: return try PNGCodec.decode(blob)
        case .jpeg: return try decodeImage(blob, EncodedImageKind.jpeg.rawValue)
        case nil: return try decodeImage(blob, mediaType ?? "")
        }
    }

    /// The default decoder: PNG through `PNGCodec`; anything else throws `MediaError.decodeFailed`.
    public static func decodePNGOnly(_ bytes: [UInt8], mediaType: String) throws -> RGBAImage {
        guard EncodedImageKind(sniffing: bytes) == .png || EncodedImageKind(mediaType: mediaType) == .png else {
            throw MediaError.decodeFailed(format: mediaType.isEmpty ? "image" : mediaType, reason: "no decoder for this type")
        }
        return try PNGCodec.decode(bytes)
    }
}
