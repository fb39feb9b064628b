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

/// Entry point: `Asset3D` blob + optional media type → meshes.
public enum AssetLoader {
    /// Loads `bytes` as the format `mediaType` names, or as the sniffed format when `mediaType` is nil or empty.
    /// Textures embedded in glTF go through `decodeImage` (the hook where the scene builder plugs in JPEG); when it
    /// throws, the loader warns and uses a white texture.
    /// Bad parts (a face with a bad index, an undecodable texture, a non-triangle primitive) become warnings;
    /// damage that leaves nothing to draw throws `AssetError`.
    public static func load(_ bytes: [UInt8], mediaType: String?,
                            decodeImage: ImageBytesDecoder = EncodedImageDecoder.decodePNGOnly) throws -> LoadedAsset {
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
