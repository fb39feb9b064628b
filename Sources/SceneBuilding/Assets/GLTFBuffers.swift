import Foundation

/// The binary side of a glTF asset: the GLB container, buffers (GLB chunk or base64 `data:` URI) and the accessor
/// reader. Every read is bounds-checked against the declared sizes *before* anything is allocated.
struct GLTFBuffers {
    let document: GLTFDocument
    /// The bytes of each buffer; nil for a buffer that could not be resolved (external URI, bad base64).
    let buffers: [[UInt8]?]

    /// Splits a GLB file into its JSON and BIN chunks.
    static func splitGLB(_ bytes: [UInt8]) throws -> (json: ArraySlice<UInt8>, bin: [UInt8]?) {
        func u32(_ offset: Int) -> Int {
            Int(UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
                | UInt32(bytes[offset + 3]) << 24)
        }
        guard bytes.count >= 20 else { throw AssetError.malformed(format: "GLB", reason: "\(bytes.count) bytes, shorter than a header and chunk header") }
        let version = u32(4)
        guard version == 2 else { throw AssetError.unsupported(format: "GLB", reason: "container version \(version)") }
        let total = min(u32(8), bytes.count)
        var offset = 12
        var json: ArraySlice<UInt8>?
        var bin: [UInt8]?
        while offset + 8 <= total {
            let length = u32(offset), type = u32(offset + 4)
            let start = offset + 8
            guard length <= total - start else {
                throw AssetError.malformed(format: "GLB", reason: "chunk at offset \(offset) declares \(length) bytes, only \(total - start) follow")
            }
            if type == 0x4E4F_534A, json == nil { json = bytes[start..<start + length] }
            if type == 0x004E_4942, bin == nil { bin = Array(bytes[start..<start + length]) }
            offset = start + ((length + 3) & ~3)
        }
        guard let json else { throw AssetError.malformed(format: "GLB", reason: "no JSON chunk") }
        return (json, bin)
    }

    /// Resolves every buffer; unresolvable ones become nil with a warning (primitives using them are skipped later).
    init(document: GLTFDocument, glbBinary: [UInt8]?, warnings: inout [String]) {
        self.document = document
        var resolved: [[UInt8]?] = []
        for (i, buffer) in (document.buffers ?? []).enumerated() {
            var bytes: [UInt8]?
            if let uri = buffer.uri {
                bytes = Self.decodeDataURI(uri)?.bytes
                if bytes == nil { warnings.append("glTF buffer \(i): only embedded data: URIs are supported, \(Self.describe(uri)) skipped") }
            } else if i == 0, let glbBinary {
                bytes = glbBinary
            } else {
                warnings.append("glTF buffer \(i) has no URI and no GLB binary chunk")
            }
            if let b = bytes, b.count < buffer.byteLength {
                warnings.append("glTF buffer \(i) declares \(buffer.byteLength) bytes but holds \(b.count)")
            }
            resolved.append(bytes)
        }
        buffers = resolved
    }

    private static func describe(_ uri: String) -> String {
        uri.hasPrefix("data:") ? "an undecodable data: URI" : "\"\(uri.prefix(80))\""
    }

    /// Decodes `data:[<media type>][;base64],<data>`; returns nil for other URIs or bad base64.
    static func decodeDataURI(_ uri: String) -> (mediaType: String, bytes: [UInt8])? {
        guard uri.hasPrefix("data:"), let comma = uri.firstIndex(of: ",") else { return nil }
        let header = uri[uri.index(uri.startIndex, offsetBy: 5)..<comma]
        let payload = uri[uri.index(after: comma)...]
        let parts = header.split(separator: ";")
        let mediaType = parts.first.map(String.init) ?? ""
        if parts.contains("base64") {
            guard let data = Data(base64Encoded: String(payload), options: .ignoreUnknownCharacters) else { return nil }
            return (mediaType, [UInt8](data))
        }
        guard let text = String(payload).removingPercentEncoding else { return nil }
        return (mediaType, Array(text.utf8))
    }

    /// The bytes of buffer view `index`, or a reason why not.
    func view(_ index: Int) throws -> (bytes: ArraySlice<UInt8>, stride: Int?) {
        guard let views = document.bufferViews, views.indices.contains(index) else {
            throw AssetError.malformed(format: "glTF", reason: "bufferView \(index) does not exist")
        }
        let view = views[index]
        guard buffers.indices.contains(view.buffer) else {
            throw AssetError.malformed(format: "glTF", reason: "bufferView \(index) names buffer \(view.buffer), which does not exist")
        }
        guard let buffer = buffers[view.buffer] else {
            throw AssetError.unsupported(format: "glTF", reason: "bufferView \(index) uses unresolved buffer \(view.buffer)")
        }
        let start = view.byteOffset ?? 0
        guard start >= 0, view.byteLength >= 0, start <= buffer.count, view.byteLength <= buffer.count - start else {
            throw AssetError.malformed(format: "glTF", reason: "bufferView \(index) spans bytes \(start)..<\(start + view.byteLength) of a \(buffer.count)-byte buffer")
        }
        return (buffer[start..<start + view.byteLength], view.byteStride)
    }

    /// Largest element count of an accessor without a bufferView (zeros plus sparse values), which has no bytes to
    /// bound it.
    static let maxSparseOnlyElements = 1 << 22

    static func componentSize(_ componentType: Int) -> Int? {
        switch componentType {
        case 5120, 5121: 1
        case 5122, 5123: 2
        case 5125, 5126: 4
        default: nil
        }
    }

    static func componentCount(_ type: String) -> Int? {
        switch type {
        case "SCALAR": 1
        case "VEC2": 2
        case "VEC3": 3
        case "VEC4", "MAT2": 4
        case "MAT3": 9
        case "MAT4": 16
        default: nil
        }
    }

    /// Reads accessor `index` as Floats, `components` per element (int components are normalised when the accessor
    /// says `normalized`, else converted as they are). Applies sparse substitution. Bounds are checked against the
    /// buffer view before allocating.
    func readFloats(accessor index: Int, expecting components: Set<Int>) throws -> (values: [Float], components: Int) {
        guard let accessors = document.accessors, accessors.indices.contains(index) else {
            throw AssetError.malformed(format: "glTF", reason: "accessor \(index) does not exist")
        }
        let accessor = accessors[index]
        guard let n = Self.componentCount(accessor.type), components.contains(n) else {
            throw AssetError.malformed(format: "glTF", reason: "accessor \(index) has type \(accessor.type), expected \(components.sorted()) components")
        }
        guard let size = Self.componentSize(accessor.componentType) else {
            throw AssetError.malformed(format: "glTF", reason: "accessor \(index) has component type \(accessor.componentType)")
        }
        guard accessor.count >= 0 else { throw AssetError.malformed(format: "glTF", reason: "accessor \(index) has a negative count") }
        let normalized = accessor.normalized ?? false
        var values: [Float]
        if let viewIndex = accessor.bufferView {
            let (bytes, declaredStride) = try view(viewIndex)
            let elementSize = n * size
            let stride = declaredStride ?? elementSize
            let offset = accessor.byteOffset ?? 0
            // count ≤ bytes and offset ≤ bytes first, so the products below cannot overflow.
            guard stride >= elementSize, stride <= 1 << 16, offset >= 0, offset <= bytes.count, accessor.count <= bytes.count,
                  accessor.count == 0 || offset + (accessor.count - 1) * stride + elementSize <= bytes.count else {
                throw AssetError.malformed(format: "glTF", reason: "accessor \(index): \(accessor.count) elements of \(elementSize) bytes (stride \(stride), offset \(offset)) overrun its \(bytes.count)-byte bufferView")
            }
            values = [Float](repeating: 0, count: accessor.count * n)
            bytes.withUnsafeBytes { raw in
                for e in 0..<accessor.count {
                    for c in 0..<n {
                        values[e * n + c] = Self.component(raw, offset + e * stride + c * size,
                                                           type: accessor.componentType, normalized: normalized)
                    }
                }
            }
        } else {
            // No bufferView: all zeros, unless sparse values replace some. Bounded by the sparse data's size below.
            guard accessor.sparse != nil else { throw AssetError.malformed(format: "glTF", reason: "accessor \(index) has neither bufferView nor sparse data") }
            guard accessor.count <= Self.maxSparseOnlyElements else {
                throw AssetError.malformed(format: "glTF", reason: "accessor \(index) declares \(accessor.count) elements")
            }
            values = [Float](repeating: 0, count: accessor.count * n)
        }
        if let sparse = accessor.sparse {
            let targets = try readIndices(sparse.indices.bufferView, offset: sparse.indices.byteOffset ?? 0,
                                          componentType: sparse.indices.componentType, count: sparse.count, what: "sparse indices of accessor \(index)")
            let (bytes, _) = try view(sparse.values.bufferView)
            let offset = sparse.values.byteOffset ?? 0
            guard offset >= 0, offset <= bytes.count, targets.count * n * size <= bytes.count - offset else {
                throw AssetError.malformed(format: "glTF", reason: "sparse values of accessor \(index) overrun their bufferView")
            }
            try bytes.withUnsafeBytes { raw in
                for (k, target) in targets.enumerated() {
                    guard Int(target) < accessor.count else {
                        throw AssetError.malformed(format: "glTF", reason: "sparse index \(target) ≥ count \(accessor.count) in accessor \(index)")
                    }
                    for c in 0..<n {
                        values[Int(target) * n + c] = Self.component(raw, offset + (k * n + c) * size,
                                                                     type: accessor.componentType, normalized: normalized)
                    }
                }
            }
        }
        return (values, n)
    }

    /// Reads an index accessor (SCALAR u8/u16/u32) as UInt32.
    func readIndices(accessor index: Int) throws -> [UInt32] {
        guard let accessors = document.accessors, accessors.indices.contains(index) else {
            throw AssetError.malformed(format: "glTF", reason: "index accessor \(index) does not exist")
        }
        let accessor = accessors[index]
        guard accessor.type == "SCALAR", accessor.sparse == nil, let view = accessor.bufferView else {
            // Sparse or view-less index accessors are legal but unheard of; read them through the float path.
            let (values, _) = try readFloats(accessor: index, expecting: [1])
            return values.map { $0 >= 0 && $0 < 4_294_967_296 ? UInt32($0) : UInt32.max }
        }
        return try readIndices(view, offset: accessor.byteOffset ?? 0, componentType: accessor.componentType,
                               count: accessor.count, what: "index accessor \(index)")
    }

    private func readIndices(_ viewIndex: Int, offset: Int, componentType: Int, count: Int, what: String) throws -> [UInt32] {
        guard [5121, 5123, 5125].contains(componentType), let size = Self.componentSize(componentType) else {
            throw AssetError.malformed(format: "glTF", reason: "\(what) has component type \(componentType)")
        }
        let (bytes, declaredStride) = try view(viewIndex)
        let stride = declaredStride ?? size
        guard count >= 0, count <= bytes.count, offset >= 0, offset <= bytes.count, stride >= size, stride <= 1 << 16,
              count == 0 || offset + (count - 1) * stride + size <= bytes.count else {
            throw AssetError.malformed(format: "glTF", reason: "\(what): \(count) indices overrun a \(bytes.count)-byte bufferView")
        }
        return bytes.withUnsafeBytes { raw in
            (0..<count).map { i in
                let at = offset + i * stride
                switch size {
                case 1: return UInt32(raw[at])
                case 2: return UInt32(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt16.self)))
                default: return UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self))
                }
            }
        }
    }

    /// One component as Float: normalised ints map to [0, 1] (unsigned) or [−1, 1] (signed, clamped).
    @inline(__always)
    private static func component(_ raw: UnsafeRawBufferPointer, _ at: Int, type: Int, normalized: Bool) -> Float {
        switch type {
        case 5120:
            let v = Float(Int8(bitPattern: raw[at]))
            return normalized ? max(v / 127, -1) : v
        case 5121:
            let v = Float(raw[at])
            return normalized ? v / 255 : v
        case 5122:
            let v = Float(Int16(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: Int16.self)))
            return normalized ? max(v / 32767, -1) : v
        case 5123:
            let v = Float(UInt16(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt16.self)))
            return normalized ? v / 65535 : v
        case 5125:
            let v = Double(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
            return Float(normalized ? v / 4_294_967_295 : v)
        default:
            return Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: at, as: UInt32.self)))
        }
    }
}
