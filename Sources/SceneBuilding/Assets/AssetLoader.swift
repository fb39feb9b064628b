import Foundation
import MediaCodecs

/// The mesh formats an `Asset3D` blob can hold.
public enum AssetFormat: String, Sendable, CaseIterable {
    case obj = "model/obj"
    case stl = "model/stl"
    case glb = "model/gltf-binary"
    case gltf = "model/gltf+json"

    /// The format named by a `MediaType` component value (case-insensitive; parameters after `;` ignored).
    public init?(mediaType: String) {
        let base = mediaType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        switch base {
        case "model/obj", "text/plain+obj": self = .obj
        case "model/stl", "model/x.stl-binary", "model/x.stl-ascii", "application/sla": self = .stl
        case "model/gltf-binary": self = .glb
        case "model/gltf+json": self = .gltf
        default: return nil
        }
    }

    /// Guesses the format from the bytes: `glTF` magic → GLB; a JSON object with an `"asset"` key → glTF; a binary
    /// STL whose facet count matches its size, or text starting with `solid` and holding `facet` → STL; text with
    /// `v`/`f` statements → OBJ.
    public static func sniff(_ bytes: [UInt8]) -> AssetFormat? {
        if bytes.starts(with: Array("glTF".utf8)) { return .glb }
        if STLLoader.isBinaryBySize(bytes) { return .stl }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self)
        let trimmed = head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        if trimmed.hasPrefix("{") && head.contains("\"asset\"") { return .gltf }
        if trimmed.hasPrefix("solid") && head.contains("facet") { return .stl }
        let lines = head.split(whereSeparator: \.isNewline)
        if lines.contains(where: { $0.hasPrefix("v ") || $0.hasPrefix("f ") || $0.hasPrefix("vn ") }) { return .obj }
        return nil
    }
}

/// Decodes an image embedded in an asset (a glTF texture): the bytes and their media type (`image/png`,
/// `image/jpeg`, or "" when the file does not say). Throws when the image cannot be decoded; the loader then
/// reports a warning and uses a white texture.
public typealias AssetImageDecoder = (_ bytes: [UInt8], _ mediaType: String) throws -> RGBAImage

/// Entry point: `Asset3D` blob + optional media type → meshes.
public enum AssetLoader {
    /// Decodes PNG (by media type or signature) with `PNGCodec`; anything else throws. The scene builder passes a
    /// decoder that also handles JPEG once `MediaCodecs` has one.
    public static func decodePNG(_ bytes: [UInt8], mediaType: String) throws -> RGBAImage {
        let isPNG = bytes.starts(with: [0x89, 0x50, 0x4E, 0x47])
        guard isPNG || mediaType.lowercased() == "image/png" else {
            throw MediaError.decodeFailed(format: mediaType.isEmpty ? "image" : mediaType, reason: "no decoder for this type")
        }
        return try PNGCodec.decode(bytes)
    }

    /// Loads `bytes` as the format `mediaType` names, or as the sniffed format when `mediaType` is nil or empty.
    /// Bad parts (a face with a bad index, an undecodable texture, a non-triangle primitive) become warnings;
    /// damage that leaves nothing to draw throws `AssetError`.
    public static func load(_ bytes: [UInt8], mediaType: String?,
                            decodeImage: AssetImageDecoder = decodePNG) throws -> LoadedAsset {
        let format: AssetFormat
        if let mediaType, !mediaType.isEmpty {
            guard let named = AssetFormat(mediaType: mediaType) else { throw AssetError.unknownMediaType(mediaType) }
            format = named
        } else {
            guard let sniffed = AssetFormat.sniff(bytes) else { throw AssetError.unrecognizedContent }
            format = sniffed
        }
        switch format {
        case .obj: return try OBJLoader.load(bytes)
        case .stl: return try STLLoader.load(bytes)
        case .glb, .gltf: return try GLTFLoader.load(bytes, decodeImage: decodeImage)
        }
    }
}
