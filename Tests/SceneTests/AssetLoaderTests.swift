import Foundation
import MediaCodecs
import Testing
@testable import SceneBuilding

@Suite struct OBJAndSTLTests {
    @Test func meshAssetFixtureOBJDecodes() throws {
        let bytes = try testData("fixture_square.obj")
        #expect(bytes.count == 84 && Array(bytes.prefix(8)) == [35, 32, 117, 110, 105, 116, 32, 115], "same blob as mesh_asset.rrd")
        let asset = try AssetLoader.load(bytes, mediaType: "model/obj")
        #expect(asset.warnings.isEmpty)
        #expect(asset.meshes.count == 1)
        let mesh = asset.meshes[0]
        #expect(mesh.positions == [SIMD3(0, 0, 0), SIMD3(1, 0, 0), SIMD3(1, 1, 0), SIMD3(0, 1, 0)])
        #expect(mesh.indices == [0, 1, 2, 0, 2, 3])
        #expect(mesh.normals == nil && mesh.colors == nil && mesh.texcoords == nil)
        #expect(mesh.material == LoadedMaterial())
        #expect(try AssetLoader.load(bytes, mediaType: nil) == asset, "sniffed as OBJ")
    }

    @Test func meshAssetFixtureSTLDecodes() throws {
        let bytes = try testData("fixture_triangle.stl")
        let asset = try AssetLoader.load(bytes, mediaType: "model/stl")
        #expect(asset.warnings.isEmpty)
        let mesh = try #require(asset.meshes.first)
        #expect(mesh.positions == [SIMD3(0, 0, 0), SIMD3(1, 0, 0), SIMD3(0, 1, 0)])
        #expect(mesh.normals == [SIMD3(0, 0, 1), SIMD3(0, 0, 1), SIMD3(0, 0, 1)])
        #expect(mesh.indices == [0, 1, 2])
        #expect(AssetFormat.sniff(bytes) == .stl)
    }

    @Test func objIndexFormsGroupsColoursAndBadFaces() throws {
        let asset = try AssetLoader.load(try testData("tricky.obj"), mediaType: "model/obj")
        #expect(asset.meshes.map(\.name) == ["first", "second"])
        let first = asset.meshes[0]
        #expect(first.positions.count == 4)
        #expect(first.indices == [0, 1, 2, 0, 2, 3], "quad fan-triangulated")
        #expect(first.colors == [SIMD4(255, 0, 0, 255), SIMD4(0, 255, 0, 255), SIMD4(0, 0, 255, 255), SIMD4(128, 128, 128, 255)])
        #expect(first.texcoords == [SIMD2(0, 1), SIMD2(1, 1), SIMD2(1, 0), SIMD2(0, 0)], "v flipped to the top-left origin")
        #expect(first.normals == [SIMD3<Float>](repeating: SIMD3(0, 0, 1), count: 4))

        let second = asset.meshes[1]
        // Negative indices resolve against the lists so far: v5, v6, v7 with vn1; then 5/1 6/2 7/3 are new vertices.
        #expect(second.positions == [SIMD3(0, 0, 1), SIMD3(1, 0, 1), SIMD3(0, 1, 1), SIMD3(0, 0, 1), SIMD3(1, 0, 1), SIMD3(0, 1, 1)])
        #expect(second.indices == [0, 1, 2, 3, 4, 5])
        #expect(second.colors == nil)
        #expect(second.normals?[0] == SIMD3(0, 0, 1) && second.normals?[3] == .zero)
        #expect(second.texcoords?[4] == SIMD2(1, 1))
        #expect(asset.warnings == ["OBJ: 1 faces with a missing or out-of-range index skipped (first at line 22)"])
    }

    @Test func objNonFinitePositionsDropTheirTriangles() throws {
        let text = "v 0 0 0\nv 1 0 0\nv 0 1 0\nv nan 0 0\nf 1 2 3\nf 1 2 4\n"
        let asset = try AssetLoader.load(Array(text.utf8), mediaType: "model/obj")
        #expect(asset.meshes[0].indices == [0, 1, 2])
        #expect(asset.warnings == ["obj: 1 triangles with a non-finite position skipped"])
    }

    @Test func objWithoutFacesIsAnError() {
        #expect(throws: AssetError.noGeometry(format: "OBJ")) { try AssetLoader.load(Array("v 0 0 0\n".utf8), mediaType: "model/obj") }
    }

    @Test func asciiSTLDecodes() throws {
        let bytes = try testData("two_facets_ascii.stl")
        #expect(AssetFormat.sniff(bytes) == .stl)
        let mesh = try #require(try AssetLoader.load(bytes, mediaType: nil).meshes.first)
        #expect(mesh.positions == [SIMD3(0, 0, 0), SIMD3(1, 0, 0), SIMD3(0, 1, 0), SIMD3(0, 0, 0), SIMD3(0, 1, 0), SIMD3(1, 0, 0)])
        #expect(mesh.normals == [SIMD3(0, 0, 1), SIMD3(0, 0, 1), SIMD3(0, 0, 1), SIMD3(0, 0, -1), SIMD3(0, 0, -1), SIMD3(0, 0, -1)])
    }

    @Test func binarySTLWithAnAbsurdCountIsAnErrorNotAnAllocation() throws {
        var bytes = try testData("fixture_triangle.stl")
        bytes.replaceSubrange(80..<84, with: [0xFF, 0xFF, 0xFF, 0xFF])
        #expect(throws: AssetError.self) { try AssetLoader.load(bytes, mediaType: "model/stl") }
        #expect(throws: AssetError.self) { try AssetLoader.load(Array(bytes.prefix(60)), mediaType: "model/stl") }
    }

    @Test func mediaTypesAndSniffing() {
        #expect(AssetFormat(mediaType: "model/gltf-binary") == .glb)
        #expect(AssetFormat(mediaType: "MODEL/GLTF+JSON; charset=utf-8") == .gltf)
        #expect(AssetFormat(mediaType: "model/obj") == .obj)
        #expect(AssetFormat(mediaType: "model/stl") == .stl)
        #expect(throws: AssetError.unknownMediaType("model/vnd.collada+xml")) {
            try AssetLoader.load([1, 2, 3], mediaType: "model/vnd.collada+xml")
        }
        #expect(throws: AssetError.unrecognizedContent) { try AssetLoader.load([1, 2, 3], mediaType: nil) }
        #expect(throws: AssetError.unrecognizedContent) { try AssetLoader.load([], mediaType: "") }
    }
}

@Suite struct GLTFTests {
    @Test func glbWithNodeTreeTextureAndVertexColours() throws {
        let bytes = try testData("textured_quad.glb")
        #expect(AssetFormat.sniff(bytes) == .glb)
        let asset = try AssetLoader.load(bytes, mediaType: "model/gltf-binary")
        #expect(asset.warnings.isEmpty)
        let mesh = try #require(asset.meshes.first)
        #expect(asset.meshes.count == 1)
        // world = T(10, 0, 0) · R(90° about z) · S(2).
        let expected: [SIMD3<Float>] = [SIMD3(10, 0, 0), SIMD3(10, 2, 0), SIMD3(8, 2, 0), SIMD3(8, 0, 0)]
        for (p, e) in zip(mesh.positions, expected) { #expect(approxEqual(p, e), "\(p) vs \(e)") }
        for n in mesh.normals ?? [] { #expect(approxEqual(n, SIMD3(0, 0, 1))) }
        #expect(mesh.normals?.count == 4)
        #expect(mesh.indices == [0, 1, 2, 0, 2, 3])
        #expect(mesh.texcoords == [SIMD2(0, 1), SIMD2(1, 1), SIMD2(1, 0), SIMD2(0, 0)])
        #expect(mesh.colors == [SIMD4(255, 0, 0, 255), SIMD4(0, 255, 0, 255), SIMD4(0, 0, 255, 255), SIMD4(255, 255, 255, 128)])
        #expect(mesh.material.baseColorFactorLinear == SIMD4(0.5, 0.25, 1, 1))
        let texture = try #require(mesh.material.baseColorTexture)
        #expect(texture.width == 2 && texture.height == 2)
        #expect(pixelList(texture.pixels) == [[255, 0, 0, 255], [0, 255, 0, 255], [0, 0, 255, 255], [255, 255, 255, 255]])
    }

    @Test func textureDecodingGoesThroughTheHook() throws {
        let bytes = try testData("textured_quad.glb")
        var seen: [String] = []
        let asset = try AssetLoader.load(bytes, mediaType: "model/gltf-binary") { data, mediaType in
            seen.append(mediaType)
            #expect(data.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            return RGBAImage(width: 1, height: 1, fill: (9, 8, 7, 255))
        }
        #expect(seen == ["image/png"])
        #expect(asset.meshes[0].material.baseColorTexture == RGBAImage(width: 1, height: 1, fill: (9, 8, 7, 255)))

        let failing = try AssetLoader.load(bytes, mediaType: "model/gltf-binary") { _, _ in
            throw MediaError.decodeFailed(format: "image/png", reason: "test")
        }
        #expect(failing.meshes[0].material.baseColorTexture == nil)
        #expect(failing.warnings.count == 1 && failing.warnings[0].contains("could not be decoded"))
    }

    @Test func gltfJSONWithDataURIStripFanSparseAndTwoScenes() throws {
        let bytes = try testData("strip_fan.gltf")
        #expect(AssetFormat.sniff(bytes) == .gltf)
        let asset = try AssetLoader.load(bytes, mediaType: "model/gltf+json")
        #expect(asset.meshes.map(\.name) == ["glTF mesh \"strip\" primitive 0", "glTF mesh \"fan\" primitive 0"])
        #expect(asset.warnings == ["glTF mesh \"strip\" primitive 1: mode 1 (points or lines) is not drawn"])

        let strip = asset.meshes[0]
        #expect(strip.positions == [SIMD3(0, 0, 0), SIMD3(1, 0, 0), SIMD3(5, 5, 5), SIMD3(1, 1, 0), SIMD3(0, 2, 0)],
                "sparse accessor moved vertex 2")
        #expect(strip.indices == [0, 1, 2, 2, 1, 3, 2, 3, 4], "strip winding alternates")
        let uv = try #require(strip.texcoords)
        #expect(uv[0] == SIMD2(0, 0) && uv[1] == SIMD2(1, 0) && uv[3] == SIMD2(1, 1))
        #expect(uv[4].x == -1 && abs(uv[4].y - 16384.0 / 32767) < 1e-6, "i16 normalised, clamped at −1")

        let fan = asset.meshes[1]
        #expect(fan.positions.first == SIMD3(0, 0, 3), "second scene's node matrix translates z by 3")
        #expect(fan.indices == [1, 2, 0, 2, 3, 0, 3, 4, 0])
    }

    /// A one-primitive glTF with the given positions and u8 indices in a base64 buffer, as JSON bytes.
    private func gltf(positions: [Float], indices: [UInt8], extra: [String: Any] = [:], count: Int? = nil) throws -> [UInt8] {
        let positionBytes = leBytes(positions)
        let binary = positionBytes + indices
        var document: [String: Any] = [
            "asset": ["version": "2.0"],
            "scenes": [["nodes": [0]]],
            "nodes": [["mesh": 0]],
            "meshes": [["primitives": [["attributes": ["POSITION": 0], "indices": 1]]]],
            "buffers": [["byteLength": binary.count, "uri": "data:application/octet-stream;base64," + Data(binary).base64EncodedString()]],
            "bufferViews": [["buffer": 0, "byteLength": positionBytes.count],
                            ["buffer": 0, "byteOffset": positionBytes.count, "byteLength": indices.count]],
            "accessors": [["bufferView": 0, "componentType": 5126, "count": count ?? positions.count / 3, "type": "VEC3"],
                          ["bufferView": 1, "componentType": 5121, "count": indices.count, "type": "SCALAR"]],
        ]
        for (key, value) in extra { document[key] = value }
        return [UInt8](try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys]))
    }

    @Test func outOfRangeIndicesAndNaNPositionsAreSkippedWithWarnings() throws {
        let bytes = try gltf(positions: [0, 0, 0, 1, 0, 0, 0, 1, 0, .nan, 0, 0], indices: [0, 1, 2, 0, 1, 7, 0, 1, 3])
        let asset = try AssetLoader.load(bytes, mediaType: "model/gltf+json")
        #expect(asset.meshes[0].indices == [0, 1, 2])
        #expect(asset.warnings.count == 2)
        #expect(asset.warnings.contains { $0.contains("1 triangles with an index ≥ 4 skipped") })
        #expect(asset.warnings.contains { $0.contains("1 triangles with a non-finite position skipped") })
    }

    @Test func accessorOverrunningItsViewIsReportedNotRead() throws {
        let bytes = try gltf(positions: [0, 0, 0, 1, 0, 0, 0, 1, 0], indices: [0, 1, 2], count: 1_000_000)
        #expect(throws: AssetError.noGeometry(format: "glTF")) { try AssetLoader.load(bytes, mediaType: "model/gltf+json") }
    }

    @Test func requiredCompressionExtensionIsUnsupported() throws {
        let bytes = try gltf(positions: [0, 0, 0, 1, 0, 0, 0, 1, 0], indices: [0, 1, 2],
                             extra: ["extensionsRequired": ["KHR_draco_mesh_compression"]])
        #expect(throws: AssetError.unsupported(format: "glTF", reason: "required extension(s) KHR_draco_mesh_compression")) {
            try AssetLoader.load(bytes, mediaType: "model/gltf+json")
        }
    }

    @Test func externalBufferIsAWarningAndLeavesNoGeometry() throws {
        var text = String(decoding: try gltf(positions: [0, 0, 0, 1, 0, 0, 0, 1, 0], indices: [0, 1, 2]), as: UTF8.self)
        let start = try #require(text.range(of: "data:application"))
        let end = try #require(text.range(of: "\"", range: start.upperBound..<text.endIndex))
        text.replaceSubrange(start.lowerBound..<end.lowerBound, with: "mesh.bin")
        var warnings: [String] = []
        do {
            _ = try AssetLoader.load(Array(text.utf8), mediaType: "model/gltf+json")
        } catch let error as AssetError {
            warnings.append("\(error)")
        }
        #expect(warnings == ["glTF asset holds no triangles"])
    }

    @Test func cyclicAndExponentialNodeTreesAreCut() throws {
        // Node 0 lists node 1 twice, node 1 lists node 2 twice, … and the last node points back to node 0: without
        // limits this is a cycle and 2^40 visits.
        let nodes: [[String: Any]] = (0..<40).map { i in ["mesh": 0, "children": [(i + 1) % 40, (i + 1) % 40]] }
        let bytes = try gltf(positions: [0, 0, 0, 1, 0, 0, 0, 1, 0], indices: [0, 1, 2], extra: ["nodes": nodes])
        let asset = try AssetLoader.load(bytes, mediaType: "model/gltf+json")
        #expect(asset.meshes.count > 1000 && asset.meshes.count <= GLTFLoader.maxNodeVisits)
        #expect(asset.warnings == ["glTF node tree deeper than 256 levels (a cycle?) at node 16; cut there",
                                   "glTF node tree has more than 100000 node instances; the rest skipped"])
    }

    @Test func glbMislabelledAsJSONStillLoads() throws {
        let bytes = try testData("textured_quad.glb")
        #expect(try AssetLoader.load(bytes, mediaType: "model/gltf+json").meshes.count == 1)
    }

    @Test func glbHeaderDamageIsTyped() throws {
        var bytes = try testData("textured_quad.glb")
        #expect(throws: AssetError.self) { try AssetLoader.load(Array(bytes.prefix(16)), mediaType: nil) }
        bytes[4] = 3
        #expect(throws: AssetError.unsupported(format: "GLB", reason: "container version 3")) {
            try AssetLoader.load(bytes, mediaType: nil)
        }
    }

    /// Every truncation and a batch of deterministic byte corruptions of every input either loads or throws an
    /// `AssetError`: no crash, no hang.
    @Test(arguments: ["textured_quad.glb", "strip_fan.gltf", "tricky.obj", "fixture_triangle.stl", "two_facets_ascii.stl"])
    func damagedInputsNeverCrash(name: String) throws {
        let bytes = try testData(name)
        let mediaType = AssetFormat.sniff(bytes)?.rawValue
        for length in stride(from: 0, to: bytes.count, by: max(1, bytes.count / 300)) {
            do { _ = try AssetLoader.load(Array(bytes.prefix(length)), mediaType: mediaType) } catch is AssetError {}
        }
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for _ in 0..<300 {
            var damaged = bytes
            for _ in 0..<3 {
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                damaged[Int(state >> 33) % damaged.count] = UInt8(truncatingIfNeeded: state >> 13)
            }
            do { _ = try AssetLoader.load(damaged, mediaType: mediaType) } catch is AssetError {}
        }
    }
}
