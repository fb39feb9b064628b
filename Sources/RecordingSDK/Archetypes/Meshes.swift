import ArrowIPC
import RecordingModel

/// `rerun.archetypes.Mesh3D`: a triangle mesh (indexed or not), with optional normals, colours, texture.
public struct Mesh3D: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("Mesh3D", [
        ("vertex_positions", "Position3D", AT.f32x3), ("triangle_indices", "TriangleIndices", AT.u32x3),
        ("vertex_normals", "Vector3D", AT.f32x3), ("vertex_colors", "Color", .uint32), ("vertex_texcoords", "Texcoord2D", AT.f32x2),
        ("albedo_factor", "AlbedoFactor", .uint32), ("albedo_texture_buffer", "ImageBuffer", AT.bytes),
        ("albedo_texture_format", "ImageFormat", AT.imageFormat), ("face_rendering", "MeshFaceRendering", .uint8),
        ("class_ids", "ClassId", .uint16),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    /// Without `triangleIndices` every three consecutive vertices form a triangle.
    public init(vertexPositions: [SIMD3<Float>], triangleIndices: [SIMD3<UInt32>]? = nil, vertexNormals: [SIMD3<Float>]? = nil,
                vertexColors: [Color]? = nil, vertexTexcoords: [SIMD2<Float>]? = nil, albedoFactor: Color? = nil,
                albedoTexture: Image? = nil, faceRendering: MeshFaceRendering? = nil, classIDs: [UInt16]? = nil) {
        var a = Mesh3D.empty()
        a.put("vertex_positions", .vec3(vertexPositions))
        a.put("triangle_indices", triangleIndices.map { .fixed($0.flatMap { [$0.x, $0.y, $0.z] }, size: 3) })
        a.put("vertex_normals", vertexNormals.map(ArrowArray.vec3))
        a.put("vertex_colors", vertexColors.map(ArrowArray.colors))
        a.put("vertex_texcoords", vertexTexcoords.map(ArrowArray.vec2))
        a.put("albedo_factor", albedoFactor.map { .colors([$0]) })
        a.put("albedo_texture_buffer", albedoTexture?.values["buffer"])
        a.put("albedo_texture_format", albedoTexture?.values["format"])
        a.put("face_rendering", faceRendering.map { .primitive([$0.rawValue]) })
        a.put("class_ids", classIDs.map { .primitive($0) })
        self = a
    }
}

/// `rerun.archetypes.Asset3D`: a whole mesh file (OBJ, STL, glTF/GLB) decoded by the viewer.
public struct Asset3D: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("Asset3D", [
        ("blob", "Blob", AT.bytes), ("media_type", "MediaType", .utf8), ("albedo_factor", "AlbedoFactor", .uint32),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    /// The file's bytes; `mediaType` (e.g. `MediaType.stl`) is written only when given.
    public init(contents: [UInt8], mediaType: String? = nil, albedoFactor: Color? = nil) {
        var a = Asset3D.empty()
        a.put("blob", .blobs([contents]))
        a.put("media_type", mediaType.map { .utf8([$0]) })
        a.put("albedo_factor", albedoFactor.map { .colors([$0]) })
        self = a
    }

    /// A file read from disk; the media type is guessed from its extension as the Python SDK does.
    public init(path: String, albedoFactor: Color? = nil) throws {
        let bytes = try readFile(path)
        self.init(contents: bytes, mediaType: MediaType.guess(fileName: path), albedoFactor: albedoFactor)
    }
}
