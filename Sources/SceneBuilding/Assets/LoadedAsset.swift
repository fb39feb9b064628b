import Foundation
import MediaCodecs

/// The material of one loaded mesh: Rerun uses only the base colour (rendering-conventions §8.8, §8.9).
public struct LoadedMaterial: Sendable, Equatable {
    /// Albedo factor in **linear** light with straight alpha (glTF's `baseColorFactor` is linear by the glTF spec, and
    /// Rerun uses it as the linear albedo factor). White when the file gives none (OBJ, STL).
    public var baseColorFactorLinear: SIMD4<Float>
    /// The base-colour texture as sRGB bytes (straight alpha), sampled with `LoadedMesh.texcoords`; nil = white.
    public var baseColorTexture: RGBAImage?

    public init(baseColorFactorLinear: SIMD4<Float> = SIMD4(1, 1, 1, 1), baseColorTexture: RGBAImage? = nil) {
        self.baseColorFactorLinear = baseColorFactorLinear
        self.baseColorTexture = baseColorTexture
    }
}

/// One triangle mesh of an asset, in the asset's own coordinates (no axis conversion, as in Rerun).
///
/// Node transforms of a glTF scene are already applied to `positions` and `normals` (so one glTF mesh used by two
/// nodes appears twice). Invariants, checked by the loaders: `indices.count` is a multiple of 3; every index is
/// `< positions.count`; every position used by a triangle is finite; each optional array, when present, has
/// `positions.count` entries.
public struct LoadedMesh: Sendable, Equatable {
    /// A label for warnings: the OBJ object/group name, the glTF mesh name and primitive number, or the format.
    public var name: String
    public var positions: [SIMD3<Float>]
    /// Per-vertex normals as the file gives them (STL: the facet normal on its three vertices); nil = unlit.
    public var normals: [SIMD3<Float>]?
    /// Per-vertex colours as sRGB bytes with straight alpha (the viewer treats vertex colours as sRGB, including
    /// glTF `COLOR_0`, which it converts to bytes without a transfer curve); nil = white.
    public var colors: [SIMD4<UInt8>]?
    /// Texture coordinates (glTF convention: v down from the top row of the texture); nil when the file has none.
    public var texcoords: [SIMD2<Float>]?
    /// A triangle list.
    public var indices: [UInt32]
    public var material: LoadedMaterial

    public init(name: String, positions: [SIMD3<Float>], normals: [SIMD3<Float>]? = nil, colors: [SIMD4<UInt8>]? = nil,
                texcoords: [SIMD2<Float>]? = nil, indices: [UInt32], material: LoadedMaterial = LoadedMaterial()) {
        self.name = name
        self.positions = positions
        self.normals = normals
        self.colors = colors
        self.texcoords = texcoords
        self.indices = indices
        self.material = material
    }

    public var triangleCount: Int { indices.count / 3 }
}

/// An `Asset3D` blob decoded into meshes, plus what was skipped on the way (the caller prefixes the entity path).
public struct LoadedAsset: Sendable, Equatable {
    public var meshes: [LoadedMesh]
    public var warnings: [String]

    public init(meshes: [LoadedMesh], warnings: [String] = []) {
        self.meshes = meshes
        self.warnings = warnings
    }
}

/// Why an asset could not be loaded at all. Offsets are byte offsets into the blob; lines are 1-based.
public enum AssetError: Error, Equatable, CustomStringConvertible {
    case unknownMediaType(String)
    case unrecognizedContent
    case malformed(format: String, reason: String)
    case unsupported(format: String, reason: String)
    case noGeometry(format: String)

    public var description: String {
        switch self {
        case let .unknownMediaType(type): "unsupported asset media type \"\(type)\""
        case .unrecognizedContent: "cannot tell the asset's format from its bytes (no media type given)"
        case let .malformed(format, reason): "malformed \(format): \(reason)"
        case let .unsupported(format, reason): "unsupported \(format): \(reason)"
        case let .noGeometry(format): "\(format) asset holds no triangles"
        }
    }
}

extension LoadedMesh {
    /// Enforces the invariants: drops triangles with an out-of-range index or a non-finite position, and optional
    /// arrays of the wrong length, appending one warning per kind of damage. Returns nil when no triangle remains.
    func validated(warnings: inout [String]) -> LoadedMesh? {
        var mesh = self
        let count = positions.count
        if let n = normals, n.count != count {
            warnings.append("\(name): \(n.count) normals for \(count) vertices, normals dropped")
            mesh.normals = nil
        }
        if let c = colors, c.count != count {
            warnings.append("\(name): \(c.count) vertex colours for \(count) vertices, colours dropped")
            mesh.colors = nil
        }
        if let t = texcoords, t.count != count {
            warnings.append("\(name): \(t.count) texture coordinates for \(count) vertices, dropped")
            mesh.texcoords = nil
        }
        if indices.count % 3 != 0 {
            warnings.append("\(name): \(indices.count) indices is not a multiple of 3, the last \(indices.count % 3) dropped")
        }
        var kept = [UInt32]()
        kept.reserveCapacity(indices.count - indices.count % 3)
        var outOfRange = 0, nonFinite = 0
        positions.withUnsafeBufferPointer { p in
            var i = 0
            while i + 3 <= indices.count {
                let a = indices[i], b = indices[i + 1], c = indices[i + 2]
                i += 3
                guard Int(a) < count, Int(b) < count, Int(c) < count else { outOfRange += 1; continue }
                let pa = p[Int(a)], pb = p[Int(b)], pc = p[Int(c)]
                guard pa.isAllFinite, pb.isAllFinite, pc.isAllFinite else { nonFinite += 1; continue }
                kept.append(a); kept.append(b); kept.append(c)
            }
        }
        if outOfRange > 0 { warnings.append("\(name): \(outOfRange) triangles with an index ≥ \(count) skipped") }
        if nonFinite > 0 { warnings.append("\(name): \(nonFinite) triangles with a non-finite position skipped") }
        mesh.indices = kept
        return kept.isEmpty ? nil : mesh
    }
}

extension SIMD3<Float> {
    var isAllFinite: Bool { x.isFinite && y.isFinite && z.isFinite }
}
