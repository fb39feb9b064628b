/// The part of the glTF 2.0 JSON schema that the loader reads; unknown properties are ignored.
struct GLTFDocument: Decodable {
    struct Asset: Decodable { var version: String? }
    struct Buffer: Decodable { var uri: String?; var byteLength: Int }
    struct BufferView: Decodable {
        var buffer: Int
        var byteOffset: Int?
        var byteLength: Int
        var byteStride: Int?
    }
    struct Sparse: Decodable {
        struct Indices: Decodable { var bufferView: Int; var byteOffset: Int?; var componentType: Int }
        struct Values: Decodable { var bufferView: Int; var byteOffset: Int? }
        var count: Int
        var indices: Indices
        var values: Values
    }
    struct Accessor: Decodable {
        var bufferView: Int?
        var byteOffset: Int?
        var componentType: Int
        var normalized: Bool?
        var count: Int
        var type: String
        var sparse: Sparse?
    }
    struct Primitive: Decodable {
        var attributes: [String: Int]
        var indices: Int?
        var material: Int?
        var mode: Int?
    }
    struct Mesh: Decodable { var name: String?; var primitives: [Primitive] }
    struct TextureInfo: Decodable { var index: Int; var texCoord: Int? }
    struct PBR: Decodable { var baseColorFactor: [Float]?; var baseColorTexture: TextureInfo? }
    struct Material: Decodable { var name: String?; var pbrMetallicRoughness: PBR? }
    struct Texture: Decodable { var source: Int? }
    struct Image: Decodable { var uri: String?; var mimeType: String?; var bufferView: Int? }
    struct Node: Decodable {
        var name: String?
        var children: [Int]?
        var mesh: Int?
        var matrix: [Double]?
        var translation: [Double]?
        var rotation: [Double]?
        var scale: [Double]?
    }
    struct Scene: Decodable { var nodes: [Int]? }

    var asset: Asset?
    var extensionsRequired: [String]?
    var buffers: [Buffer]?
    var bufferViews: [BufferView]?
    var accessors: [Accessor]?
    var meshes: [Mesh]?
    var materials: [Material]?
    var textures: [Texture]?
    var images: [Image]?
    var nodes: [Node]?
    var scenes: [Scene]?
}
