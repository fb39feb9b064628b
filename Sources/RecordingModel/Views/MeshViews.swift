import ArrowIPC

/// Mesh3D: vertex positions (required), optional triangle indices (none = consecutive triples), per-vertex
/// normals / colours / texture coordinates, an albedo factor and class ids.
public struct Mesh3DView: ArchetypeView {
    public static let archetype = "Mesh3D"
    public static let components = ["vertex_positions", "triangle_indices", "vertex_normals", "vertex_colors", "vertex_texcoords",
                                    "albedo_factor", "class_ids", "albedo_texture_buffer", "albedo_texture_format"].map(c)

    public var vertexPositions: [SIMD3<Float>]
    public var triangleIndices: [SIMD3<UInt32>]
    public var vertexNormals: [SIMD3<Float>]
    public var vertexColors: Clamped<UInt32>
    public var vertexTexcoords: [SIMD2<Float>]
    public var albedoFactor: UInt32?
    public var classIDs: Clamped<UInt16>
    public var albedoTexture: ArrowBuffer?
    public var albedoTextureFormat: ImageFormat?

    public init?(_ r: LatestAtResults) {
        guard let p = r[Self.c("vertex_positions")] else { return nil }
        vertexPositions = p.vec3()
        triangleIndices = r.get(Self.c("triangle_indices")) { $0.uvec3() }
        vertexNormals = r.get(Self.c("vertex_normals")) { $0.vec3() }
        vertexColors = Clamped(r.get(Self.c("vertex_colors")) { $0.scalars(UInt32.self) })
        vertexTexcoords = r.get(Self.c("vertex_texcoords")) { $0.vec2() }
        albedoFactor = r.first(Self.c("albedo_factor")) { $0.scalars(UInt32.self) }
        classIDs = Clamped(r.get(Self.c("class_ids")) { $0.scalars(UInt16.self) })
        albedoTexture = r.first(Self.c("albedo_texture_buffer")) { $0.blobs() }
        albedoTextureFormat = r.first(Self.c("albedo_texture_format")) { $0.imageFormats() }
    }

    /// Triangles as vertex index triples, with indices ≥ the vertex count dropped (never trusted blindly).
    public var validTriangles: [SIMD3<UInt32>] {
        let n = UInt32(clamping: vertexPositions.count)
        if triangleIndices.isEmpty {
            return (0 ..< vertexPositions.count / 3).map { (k: Int) -> SIMD3<UInt32> in
                let base = UInt32(3 * k)
                return SIMD3<UInt32>(base, base + 1, base + 2)
            }
        }
        return triangleIndices.filter { $0.x < n && $0.y < n && $0.z < n }
    }
}

/// Asset3D: a whole mesh file (`model/obj`, `model/stl`, `model/gltf-binary`, ...) as a zero-copy blob.
public struct Asset3DView: ArchetypeView {
    public static let archetype = "Asset3D"
    public static let components = ["blob", "media_type", "albedo_factor"].map(c)

    public var blob: ArrowBuffer
    public var mediaType: String?
    public var albedoFactor: UInt32?

    public init?(_ r: LatestAtResults) {
        guard let b = r.first(Self.c("blob"), { $0.blobs() }) else { return nil }
        blob = b
        mediaType = r.first(Self.c("media_type")) { $0.strings() }
        albedoFactor = r.first(Self.c("albedo_factor")) { $0.scalars(UInt32.self) }
    }
}
