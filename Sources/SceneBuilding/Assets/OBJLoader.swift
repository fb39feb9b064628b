/// Wavefront OBJ text → one mesh per object/group (as Rerun's loader, tobj with `single_index` and `triangulate`).
///
/// Reads `v x y z [r g b]` (the optional colour is the common 0…1 extension, stored as sRGB bytes), `vn`, `vt`
/// (v is flipped to the glTF convention, 1 − v, so all loaders share one texture-coordinate convention) and `f` with
/// every index form (`v`, `v/vt`, `v//vn`, `v/vt/vn`, negative = relative to the end). Polygons are
/// fan-triangulated. `o` and `g` start a new mesh; `usemtl`, `mtllib`, `s`, `l`, `p` and unknown statements are
/// ignored (an Asset3D blob carries no .mtl file, so materials are white). One vertex is made per distinct
/// (v, vt, vn) triple. A face with a bad index is skipped with a warning.
enum OBJLoader {
    /// Statements beyond this many vertices/faces are treated as absurd input.
    static let maxElements = 1 << 26

    private struct VertexKey: Hashable { var v: Int32, t: Int32, n: Int32 }

    private struct Builder {
        var name: String
        var positions: [SIMD3<Float>] = []
        var colors: [SIMD4<UInt8>] = []
        var normals: [SIMD3<Float>] = []
        var texcoords: [SIMD2<Float>] = []
        var hasColor = false, hasNormal = false, hasTexcoord = false
        var indices: [UInt32] = []
        var vertexOf: [VertexKey: UInt32] = [:]

        init(name: String) { self.name = name }

        func mesh() -> LoadedMesh {
            LoadedMesh(name: name, positions: positions, normals: hasNormal ? normals : nil,
                       colors: hasColor ? colors : nil, texcoords: hasTexcoord ? texcoords : nil, indices: indices)
        }
    }

    static func load(_ bytes: [UInt8]) throws -> LoadedAsset {
        var positions: [SIMD3<Float>] = [], colors: [SIMD4<UInt8>?] = []
        var normals: [SIMD3<Float>] = [], texcoords: [SIMD2<Float>] = []
        var meshes: [LoadedMesh] = []
        var warnings: [String] = []
        var builder = Builder(name: "obj")
        var badFaces = 0, badNumbers = 0, firstBadLine = 0
        var faceCorners: [VertexKey] = []

        func finish() {
            if !builder.indices.isEmpty {
                if let mesh = builder.mesh().validated(warnings: &warnings) { meshes.append(mesh) }
            }
        }

        var lineNumber = 0
        for rawLine in bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = String(decoding: rawLine, as: UTF8.self)
            let body = line.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            let tokens = body.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard let keyword = tokens.first else { continue }
            let args = tokens.dropFirst()
            func floats() -> [Float]? {
                let values = args.compactMap { Float($0) }
                return values.count == args.count ? values : nil
            }
            switch keyword {
            case "v":
                guard let f = floats(), f.count >= 3 else { badNumbers += 1; if firstBadLine == 0 { firstBadLine = lineNumber }; continue }
                guard positions.count < maxElements else { throw AssetError.malformed(format: "OBJ", reason: "more than \(maxElements) vertices") }
                positions.append(SIMD3(f[0], f[1], f[2]))
                if f.count >= 6 {
                    colors.append(SIMD4(ColorSpace.unitToByte(f[3]), ColorSpace.unitToByte(f[4]), ColorSpace.unitToByte(f[5]), 255))
                } else {
                    colors.append(nil)
                }
            case "vn":
                guard let f = floats(), f.count >= 3 else { badNumbers += 1; if firstBadLine == 0 { firstBadLine = lineNumber }; continue }
                guard normals.count < maxElements else { throw AssetError.malformed(format: "OBJ", reason: "more than \(maxElements) normals") }
                normals.append(SIMD3(f[0], f[1], f[2]))
            case "vt":
                guard let f = floats(), f.count >= 1 else { badNumbers += 1; if firstBadLine == 0 { firstBadLine = lineNumber }; continue }
                guard texcoords.count < maxElements else { throw AssetError.malformed(format: "OBJ", reason: "more than \(maxElements) texture coordinates") }
                texcoords.append(SIMD2(f[0], 1 - (f.count > 1 ? f[1] : 0)))
            case "o", "g":
                finish()
                builder = Builder(name: args.isEmpty ? String(keyword) : args.joined(separator: " "))
            case "f":
                faceCorners.removeAll(keepingCapacity: true)
                var ok = args.count >= 3
                for corner in args where ok {
                    guard let key = resolve(corner, positions: positions.count, texcoords: texcoords.count,
                                            normals: normals.count) else { ok = false; break }
                    faceCorners.append(key)
                }
                guard ok else { badFaces += 1; if firstBadLine == 0 { firstBadLine = lineNumber }; continue }
                guard builder.indices.count < maxElements else { throw AssetError.malformed(format: "OBJ", reason: "more than \(maxElements) face corners") }
                var vertexIndices: [UInt32] = []
                vertexIndices.reserveCapacity(faceCorners.count)
                for key in faceCorners {
                    if let existing = builder.vertexOf[key] { vertexIndices.append(existing); continue }
                    let index = UInt32(builder.positions.count)
                    builder.vertexOf[key] = index
                    builder.positions.append(positions[Int(key.v)])
                    builder.colors.append(colors[Int(key.v)] ?? SIMD4(255, 255, 255, 255))
                    builder.hasColor = builder.hasColor || colors[Int(key.v)] != nil
                    builder.texcoords.append(key.t >= 0 ? texcoords[Int(key.t)] : .zero)
                    builder.hasTexcoord = builder.hasTexcoord || key.t >= 0
                    builder.normals.append(key.n >= 0 ? normals[Int(key.n)] : .zero)
                    builder.hasNormal = builder.hasNormal || key.n >= 0
                    vertexIndices.append(index)
                }
                for k in 1..<(vertexIndices.count - 1) {
                    builder.indices.append(vertexIndices[0])
                    builder.indices.append(vertexIndices[k])
                    builder.indices.append(vertexIndices[k + 1])
                }
            default:
                continue
            }
        }
        finish()
        if badNumbers > 0 {
            warnings.insert("OBJ: \(badNumbers) vertex statements with bad numbers skipped (first at line \(firstBadLine))", at: 0)
        }
        if badFaces > 0 {
            warnings.insert("OBJ: \(badFaces) faces with a missing or out-of-range index skipped (first at line \(firstBadLine))", at: 0)
        }
        guard !meshes.isEmpty else { throw AssetError.noGeometry(format: "OBJ") }
        return LoadedAsset(meshes: meshes, warnings: warnings)
    }

    /// Parses one face corner `v[/vt][/vn]` into 0-based indices (−1 = absent); nil if an index is 0, out of range
    /// or not a number. Negative indices count back from the current end of each list.
    private static func resolve(_ corner: Substring, positions: Int, texcoords: Int, normals: Int) -> VertexKey? {
        let parts = corner.split(separator: "/", maxSplits: 2, omittingEmptySubsequences: false)
        /// The 0-based index in part `i`: −1 when the part is absent (allowed for vt and vn), nil when invalid.
        func index(_ i: Int, count: Int, required: Bool) -> Int32? {
            guard i < parts.count, !parts[i].isEmpty else { return required ? nil : -1 }
            guard let raw = Int(parts[i]), raw != 0 else { return nil }
            let resolved = raw > 0 ? raw - 1 : count + raw
            guard resolved >= 0, resolved < count else { return nil }
            return Int32(resolved)
        }
        guard let v = index(0, count: positions, required: true),
              let t = index(1, count: texcoords, required: false),
              let n = index(2, count: normals, required: false) else { return nil }
        return VertexKey(v: v, t: t, n: n)
    }
}
