/// STL (binary and ASCII) → one mesh with three vertices per facet and the facet normal on each of them
/// (Rerun's STL import: faceted, white, no texture coordinates).
///
/// Binary: an 80-byte header, a little-endian u32 facet count, then 50 bytes per facet (normal, three vertices,
/// u16 attribute). The count must fit the bytes that follow; ASCII is used when the file starts with `solid` and
/// its size does not match a binary layout.
enum STLLoader {
    /// True when `bytes` has a binary STL layout whose facet count matches its size exactly.
    static func isBinaryBySize(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 84 else { return false }
        let count = facetCount(bytes)
        return 84 + 50 * count == bytes.count
    }

    private static func facetCount(_ bytes: [UInt8]) -> Int {
        Int(UInt32(bytes[80]) | UInt32(bytes[81]) << 8 | UInt32(bytes[82]) << 16 | UInt32(bytes[83]) << 24)
    }

    static func load(_ bytes: [UInt8]) throws -> LoadedAsset {
        let startsWithSolid = String(decoding: bytes.prefix(512), as: UTF8.self)
            .drop(while: { $0.isWhitespace }).hasPrefix("solid")
        if isBinaryBySize(bytes) || !startsWithSolid { return try loadBinary(bytes) }
        return try loadASCII(bytes)
    }

    private static func loadBinary(_ bytes: [UInt8]) throws -> LoadedAsset {
        guard bytes.count >= 84 else {
            throw AssetError.malformed(format: "binary STL", reason: "\(bytes.count) bytes, the header alone needs 84")
        }
        let count = facetCount(bytes)
        var warnings: [String] = []
        let available = (bytes.count - 84) / 50
        var facets = count
        if count > available {
            throw AssetError.malformed(format: "binary STL",
                                       reason: "header declares \(count) facets but the \(bytes.count - 84) bytes after it hold \(available) (truncated at offset \(84 + 50 * available))")
        } else if 84 + 50 * count != bytes.count {
            warnings.append("binary STL: \(bytes.count - 84 - 50 * count) bytes after the last facet ignored")
            facets = count
        }
        var positions = [SIMD3<Float>](), normals = [SIMD3<Float>]()
        positions.reserveCapacity(facets * 3)
        normals.reserveCapacity(facets * 3)
        bytes.withUnsafeBytes { raw in
            func vector(_ offset: Int) -> SIMD3<Float> {
                SIMD3(Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self))),
                      Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self))),
                      Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self))))
            }
            for f in 0..<facets {
                let base = 84 + 50 * f
                let normal = vector(base)
                for v in 0..<3 {
                    positions.append(vector(base + 12 + 12 * v))
                    normals.append(normal)
                }
            }
        }
        return try finish(positions: positions, normals: normals, format: "binary STL", warnings: warnings)
    }

    private static func loadASCII(_ bytes: [UInt8]) throws -> LoadedAsset {
        var positions = [SIMD3<Float>](), normals = [SIMD3<Float>]()
        var warnings: [String] = []
        var normal = SIMD3<Float>.zero
        var corners: [SIMD3<Float>] = []
        var badFacets = 0
        var inFacet = false
        let text = String(decoding: bytes, as: UTF8.self)
        var tokens = text.split(whereSeparator: { $0.isWhitespace }).makeIterator()
        func vector() -> SIMD3<Float>? {
            guard let x = tokens.next().flatMap({ Float($0) }), let y = tokens.next().flatMap({ Float($0) }),
                  let z = tokens.next().flatMap({ Float($0) }) else { return nil }
            return SIMD3(x, y, z)
        }
        while let token = tokens.next() {
            switch token {
            case "facet":
                inFacet = true
                corners.removeAll(keepingCapacity: true)
                if tokens.next() == "normal", let n = vector() { normal = n } else { normal = .zero; badFacets += 1; inFacet = false }
            case "vertex":
                guard inFacet, let p = vector() else { badFacets += 1; inFacet = false; continue }
                corners.append(p)
            case "endfacet":
                if inFacet && corners.count >= 3 {
                    for k in 1..<(corners.count - 1) {
                        for p in [corners[0], corners[k], corners[k + 1]] {
                            positions.append(p)
                            normals.append(normal)
                        }
                    }
                } else if inFacet {
                    badFacets += 1
                }
                inFacet = false
            default:
                continue
            }
        }
        if badFacets > 0 { warnings.append("ASCII STL: \(badFacets) malformed facets skipped") }
        return try finish(positions: positions, normals: normals, format: "ASCII STL", warnings: warnings)
    }

    private static func finish(positions: [SIMD3<Float>], normals: [SIMD3<Float>], format: String,
                               warnings: [String]) throws -> LoadedAsset {
        var warnings = warnings
        let mesh = LoadedMesh(name: format, positions: positions, normals: normals,
                              indices: (0..<UInt32(positions.count)).map { $0 })
        guard let valid = mesh.validated(warnings: &warnings) else { throw AssetError.noGeometry(format: format) }
        return LoadedAsset(meshes: [valid], warnings: warnings)
    }
}
