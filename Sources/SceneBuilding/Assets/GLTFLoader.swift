import Foundation
import MediaCodecs

/// glTF 2.0 (`.glb` or `.gltf` JSON with embedded `data:` buffers) → meshes with node transforms applied.
///
/// Follows Rerun's importer where it has a rule: every scene's node trees are drawn (not only the default scene),
/// no axis conversion, base-colour factor and texture only, vertex colours converted to bytes. Differences, on the
/// lenient side: non-indexed primitives are drawn (as consecutive triples), strips (mode 5) and fans (mode 6) are
/// triangulated (Rerun treats every primitive as a list), and a file without scenes draws its root nodes.
/// Points and lines primitives are skipped with a warning. Required extensions other than
/// `KHR_mesh_quantization`, `KHR_texture_transform` and `KHR_materials_*` make the file unsupported.
enum GLTFLoader {
    /// Output vertex budget over all node instances; instances beyond it are skipped with a warning.
    static let maxOutputVertices = 1 << 25
    /// Node trees deeper than this are treated as cyclic or absurd.
    static let maxNodeDepth = 256
    /// Node visits over all scenes (a node listed as a child twice is visited twice, so shared subtrees can grow
    /// exponentially); beyond this the traversal stops with a warning.
    static let maxNodeVisits = 100_000

    static func load(_ bytes: [UInt8], decodeImage: ImageBytesDecoder) throws -> LoadedAsset {
        var warnings: [String] = []
        let json: ArraySlice<UInt8>, bin: [UInt8]?
        if bytes.starts(with: Array("glTF".utf8)) {
            (json, bin) = try GLTFBuffers.splitGLB(bytes)
        } else {
            (json, bin) = (bytes[...], nil)
        }
        let document: GLTFDocument
        do {
            document = try JSONDecoder().decode(GLTFDocument.self, from: Data(json))
        } catch {
            throw AssetError.malformed(format: "glTF", reason: "JSON: \(error)")
        }
        let unsupported = (document.extensionsRequired ?? []).filter {
            !($0 == "KHR_mesh_quantization" || $0 == "KHR_texture_transform" || $0.hasPrefix("KHR_materials_"))
        }
        guard unsupported.isEmpty else {
            throw AssetError.unsupported(format: "glTF", reason: "required extension(s) \(unsupported.joined(separator: ", "))")
        }
        let buffers = GLTFBuffers(document: document, glbBinary: bin, warnings: &warnings)
        return try withoutActuallyEscaping(decodeImage) { decode in
            var loader = Loader(document: document, buffers: buffers, decodeImage: decode)
            loader.warnings = warnings
            try loader.gatherScenes()
            guard !loader.meshes.isEmpty else { throw AssetError.noGeometry(format: "glTF") }
            // One warning per distinct message: a mesh instanced by many nodes reports its damage once.
            var seen = Set<String>()
            return LoadedAsset(meshes: loader.meshes, warnings: loader.warnings.filter { seen.insert($0).inserted })
        }
    }

    private struct Loader {
        let document: GLTFDocument
        let buffers: GLTFBuffers
        let decodeImage: ImageBytesDecoder
        var warnings: [String] = []
        var meshes: [LoadedMesh] = []
        var outputVertices = 0
        /// Decoded primitives per mesh index (nil entries: skipped primitives), filled on first use.
        var primitiveCache: [Int: [LoadedMesh?]] = [:]
        var textureCache: [Int: RGBAImage?] = [:]
        var budgetWarned = false
        var nodeVisits = 0
        var depthWarned = false

        init(document: GLTFDocument, buffers: GLTFBuffers, decodeImage: @escaping ImageBytesDecoder) {
            self.document = document
            self.buffers = buffers
            self.decodeImage = decodeImage
        }

        mutating func gatherScenes() throws {
            let nodes = document.nodes ?? []
            var roots: [Int] = []
            if let scenes = document.scenes, !scenes.isEmpty {
                roots = scenes.flatMap { $0.nodes ?? [] }
            } else if !nodes.isEmpty {
                var isChild = [Bool](repeating: false, count: nodes.count)
                for node in nodes { for c in node.children ?? [] where isChild.indices.contains(c) { isChild[c] = true } }
                roots = nodes.indices.filter { !isChild[$0] }
                warnings.append("glTF has no scenes; drawing its \(roots.count) root nodes")
            }
            for root in roots { try visit(root, parent: .identity, depth: 0) }
        }

        mutating func visit(_ index: Int, parent: GLTFMatrix, depth: Int) throws {
            let nodes = document.nodes ?? []
            guard nodes.indices.contains(index) else {
                warnings.append("glTF node \(index) does not exist; skipped")
                return
            }
            nodeVisits += 1
            guard nodeVisits <= maxNodeVisits else {
                if nodeVisits == maxNodeVisits + 1 { warnings.append("glTF node tree has more than \(maxNodeVisits) node instances; the rest skipped") }
                return
            }
            guard depth < maxNodeDepth else {
                if !depthWarned { warnings.append("glTF node tree deeper than \(maxNodeDepth) levels (a cycle?) at node \(index); cut there") }
                depthWarned = true
                return
            }
            let node = nodes[index]
            guard let local = GLTFMatrix.local(node) else {
                warnings.append("glTF node \(index) has a malformed transform; its subtree is skipped")
                return
            }
            let world = parent * local
            if let meshIndex = node.mesh { try emit(mesh: meshIndex, transform: world) }
            for child in node.children ?? [] { try visit(child, parent: world, depth: depth + 1) }
        }

        mutating func emit(mesh meshIndex: Int, transform: GLTFMatrix) throws {
            guard let meshes = document.meshes, meshes.indices.contains(meshIndex) else {
                warnings.append("glTF mesh \(meshIndex) does not exist; skipped")
                return
            }
            if primitiveCache[meshIndex] == nil {
                primitiveCache[meshIndex] = meshes[meshIndex].primitives.indices.map { p in
                    decodePrimitive(meshes[meshIndex], meshIndex: meshIndex, primitive: p)
                }
            }
            let normalMatrix = transform.normalMatrix()
            for case var mesh? in primitiveCache[meshIndex] ?? [] {
                guard outputVertices + mesh.positions.count <= maxOutputVertices else {
                    if !budgetWarned { warnings.append("glTF instances beyond \(maxOutputVertices) vertices skipped") }
                    budgetWarned = true
                    return
                }
                outputVertices += mesh.positions.count
                if !transform.isIdentity {
                    mesh.positions = mesh.positions.map(transform.transformPoint)
                    if let normals = mesh.normals {
                        mesh.normals = normalMatrix.map { nm in normals.map { GLTFMatrix.transformNormal($0, nm) } }
                    }
                }
                guard let valid = mesh.validated(warnings: &warnings) else { continue }
                self.meshes.append(valid)
            }
        }

        /// Decodes one primitive in mesh space, or nil (with a warning) when it cannot be drawn.
        mutating func decodePrimitive(_ mesh: GLTFDocument.Mesh, meshIndex: Int, primitive p: Int) -> LoadedMesh? {
            let primitive = mesh.primitives[p]
            let label = "glTF mesh \(mesh.name.map { "\"\($0)\"" } ?? "\(meshIndex)") primitive \(p)"
            let mode = primitive.mode ?? 4
            guard mode == 4 || mode == 5 || mode == 6 else {
                warnings.append("\(label): mode \(mode) (points or lines) is not drawn")
                return nil
            }
            do {
                guard let positionAccessor = primitive.attributes["POSITION"] else {
                    warnings.append("\(label): no POSITION attribute; skipped")
                    return nil
                }
                let positions = try buffers.readFloats(accessor: positionAccessor, expecting: [3]).values
                let vertexCount = positions.count / 3
                var out = LoadedMesh(name: label, positions: stride(from: 0, to: positions.count, by: 3).map {
                    SIMD3(positions[$0], positions[$0 + 1], positions[$0 + 2])
                }, indices: [])
                if let a = primitive.attributes["NORMAL"] {
                    let n = try buffers.readFloats(accessor: a, expecting: [3]).values
                    out.normals = stride(from: 0, to: n.count, by: 3).map { SIMD3(n[$0], n[$0 + 1], n[$0 + 2]) }
                }
                if let a = primitive.attributes["COLOR_0"] {
                    let (c, k) = try buffers.readFloats(accessor: a, expecting: [3, 4])
                    out.colors = stride(from: 0, to: c.count, by: k).map {
                        SIMD4(ColorSpace.unitToByte(c[$0]), ColorSpace.unitToByte(c[$0 + 1]), ColorSpace.unitToByte(c[$0 + 2]),
                              k == 4 ? ColorSpace.unitToByte(c[$0 + 3]) : 255)
                    }
                }
                var texCoordSet = 0
                out.material = material(primitive.material, label: label, texCoordSet: &texCoordSet)
                if let a = primitive.attributes["TEXCOORD_\(texCoordSet)"] {
                    let t = try buffers.readFloats(accessor: a, expecting: [2]).values
                    out.texcoords = stride(from: 0, to: t.count, by: 2).map { SIMD2(t[$0], t[$0 + 1]) }
                }
                let vertexIndices: [UInt32]
                if let a = primitive.indices {
                    vertexIndices = try buffers.readIndices(accessor: a)
                } else {
                    vertexIndices = (0..<UInt32(vertexCount)).map { $0 }
                }
                out.indices = Self.triangleList(vertexIndices, mode: mode)
                return out
            } catch {
                warnings.append("\(label): \(error); skipped")
                return nil
            }
        }

        /// Mode 4 list as is (a partial last triangle dropped); 5 strip and 6 fan per the glTF spec's formulas.
        static func triangleList(_ v: [UInt32], mode: Int) -> [UInt32] {
            guard v.count >= 3 else { return [] }
            var out: [UInt32] = []
            switch mode {
            case 5:
                out.reserveCapacity((v.count - 2) * 3)
                for i in 0..<(v.count - 2) {
                    if i % 2 == 0 {
                        out.append(v[i]); out.append(v[i + 1]); out.append(v[i + 2])
                    } else {
                        out.append(v[i + 1]); out.append(v[i]); out.append(v[i + 2])
                    }
                }
            case 6:
                out.reserveCapacity((v.count - 2) * 3)
                for i in 1..<(v.count - 1) {
                    out.append(v[i]); out.append(v[i + 1]); out.append(v[0])
                }
            default:
                out = Array(v.prefix(v.count - v.count % 3))
            }
            return out
        }

        /// The primitive's base colour factor and texture; white when absent or broken (with a warning).
        mutating func material(_ index: Int?, label: String, texCoordSet: inout Int) -> LoadedMaterial {
            guard let index else { return LoadedMaterial() }
            guard let materials = document.materials, materials.indices.contains(index) else {
                warnings.append("\(label): material \(index) does not exist; white used")
                return LoadedMaterial()
            }
            var result = LoadedMaterial()
            let pbr = materials[index].pbrMetallicRoughness
            if let f = pbr?.baseColorFactor {
                if f.count == 4, f.allSatisfy(\.isFinite) {
                    result.baseColorFactorLinear = SIMD4(f[0], f[1], f[2], f[3])
                } else {
                    warnings.append("\(label): malformed baseColorFactor \(f); white used")
                }
            }
            if let info = pbr?.baseColorTexture {
                texCoordSet = info.texCoord ?? 0
                result.baseColorTexture = texture(info.index, label: label)
            }
            return result
        }

        mutating func texture(_ index: Int, label: String) -> RGBAImage? {
            if let cached = textureCache[index] { return cached }
            let image = decodeTexture(index, label: label)
            textureCache[index] = image
            return image
        }

        mutating func decodeTexture(_ index: Int, label: String) -> RGBAImage? {
            guard let textures = document.textures, textures.indices.contains(index),
                  let source = textures[index].source, let images = document.images, images.indices.contains(source) else {
                warnings.append("\(label): texture \(index) has no usable image source; white used")
                return nil
            }
            let image = images[source]
            var bytes: [UInt8]?
            var mediaType = image.mimeType ?? ""
            if let view = image.bufferView {
                bytes = try? Array(buffers.view(view).bytes)
            } else if let uri = image.uri, let decoded = GLTFBuffers.decodeDataURI(uri) {
                bytes = decoded.bytes
                if mediaType.isEmpty { mediaType = decoded.mediaType }
            }
            guard let bytes else {
                warnings.append("\(label): image \(source) is not embedded (or its bufferView is bad); white used")
                return nil
            }
            do {
                return try decodeImage(bytes, mediaType)
            } catch {
                warnings.append("\(label): image \(source) (\(mediaType.isEmpty ? "unknown type" : mediaType)) could not be decoded: \(error); white used")
                return nil
            }
        }
    }
}
