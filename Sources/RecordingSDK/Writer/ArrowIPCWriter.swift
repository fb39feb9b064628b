import ArrowIPC

/// Writes an Arrow IPC *stream* holding one schema and one record batch (rrd-format.md §7): the
/// encapsulated Schema message, the RecordBatch message and its body (buffers 64-byte aligned), then the
/// end-of-stream marker. Only the types of `ArrowType` are supported; `.unsupported` columns must be
/// dropped by the caller.
enum ArrowIPCWriter {
    /// A column to write: its field (name, type, nullability, metadata) and its values.
    struct Column {
        var field: ArrowField
        var array: ArrowArray
    }

    static func stream(schemaMetadata: [(key: String, value: String)], columns: [Column], rows: Int) -> [UInt8] {
        var out: [UInt8] = []
        let schema = FlatBufferWriter.Node.table([
            nil, .ref(.tables(columns.map { fieldNode($0.field) })), .ref(keyValues(schemaMetadata)),
        ])
        appendMessage(&out, headerType: 1, header: schema, body: [])
        var body = Body()
        for c in columns { body.append(c.array) }
        let batch = FlatBufferWriter.Node.table([
            .i64(Int64(rows)),
            .ref(.structs(body.nodes.flatMap { le($0.length) + le($0.nullCount) }, count: body.nodes.count)),
            .ref(.structs(body.buffers.flatMap { le($0.offset) + le($0.length) }, count: body.buffers.count)),
        ])
        appendMessage(&out, headerType: 3, header: batch, body: body.bytes)
        out += [0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 0]
        return out
    }

    private static func le(_ v: Int) -> [UInt8] { withUnsafeBytes(of: Int64(v).littleEndian, Array.init) }

    /// Continuation marker, padded metadata length, the `Message` FlatBuffer, then the body.
    private static func appendMessage(_ out: inout [UInt8], headerType: UInt8, header: FlatBufferWriter.Node, body: [UInt8]) {
        var meta = FlatBufferWriter.encode(root: .table([.i16(4), .u8(headerType), .ref(header), .i64(Int64(body.count))]))
        while (8 + meta.count) % 8 != 0 { meta.append(0) }
        out += [0xFF, 0xFF, 0xFF, 0xFF]
        out += withUnsafeBytes(of: Int32(meta.count).littleEndian, Array.init)
        out += meta
        out += body
    }

    private static func keyValues(_ pairs: [(key: String, value: String)]) -> FlatBufferWriter.Node {
        .tables(pairs.map { .table([.ref(.string($0.key)), .ref(.string($0.value))]) })
    }

    /// `Field { name, nullable, type_type, type, dictionary, children, custom_metadata }`.
    static func fieldNode(_ f: ArrowField) -> FlatBufferWriter.Node {
        let (code, type) = typeNode(f.type)
        let children: [ArrowField]
        switch f.type {
        case .list(let c), .fixedSizeList(let c, _): children = [c]
        case .struct(let cs), .denseUnion(let cs, _): children = cs
        default: children = []
        }
        return .table([
            .ref(.string(f.name)), .bool(f.nullable), .u8(code), .ref(type), nil, .ref(.tables(children.map(fieldNode))),
            f.metadata.isEmpty ? nil : .ref(keyValues(f.metadata)),
        ])
    }

    /// The `Type` union member (type code, table) of `t`.
    private static func typeNode(_ t: ArrowType) -> (UInt8, FlatBufferWriter.Node) {
        func int(_ bits: Int32, _ signed: Bool) -> (UInt8, FlatBufferWriter.Node) { (2, .table([.i32(bits), .bool(signed)])) }
        func unit(_ u: ArrowTimeUnit) -> FlatBufferWriter.Value { .i16(u.rawValue) }
        switch t {
        case .null, .unsupported: return (1, .table([]))
        case .bool: return (6, .table([]))
        case .int8: return int(8, true)
        case .int16: return int(16, true)
        case .int32: return int(32, true)
        case .int64: return int(64, true)
        case .uint8: return int(8, false)
        case .uint16: return int(16, false)
        case .uint32: return int(32, false)
        case .uint64: return int(64, false)
        case .float16: return (3, .table([.i16(0)]))
        case .float32: return (3, .table([.i16(1)]))
        case .float64: return (3, .table([.i16(2)]))
        case .utf8: return (5, .table([]))
        case .fixedSizeBinary(let w): return (15, .table([.i32(Int32(w))]))
        case .timestamp(let u, let tz): return (10, .table([unit(u), tz.map { .ref(.string($0)) }]))
        case .duration(let u): return (18, .table([unit(u)]))
        case .list: return (12, .table([]))
        case .fixedSizeList(_, let n): return (16, .table([.i32(Int32(n))]))
        case .struct: return (13, .table([]))
        case .denseUnion(_, let ids): return (14, .table([.i16(1), .ref(.int32s(ids.map(Int32.init)))]))
        }
    }

    /// The record batch body: field nodes and buffers in depth-first pre-order, each buffer 64-byte aligned.
    struct Body {
        var nodes: [(length: Int, nullCount: Int)] = []
        var buffers: [(offset: Int, length: Int)] = []
        var bytes: [UInt8] = []

        mutating func buffer(_ raw: UnsafeRawBufferPointer) {
            while bytes.count % 64 != 0 { bytes.append(0) }
            buffers.append((bytes.count, raw.count))
            bytes.append(contentsOf: raw)
        }

        mutating func buffer(_ b: ArrowBuffer?, bytes n: Int) {
            guard let b, n > 0 else { return buffer(UnsafeRawBufferPointer(start: nil, count: 0)) }
            buffer(UnsafeRawBufferPointer(start: b.base, count: min(n, b.count)))
        }

        mutating func zeros(_ n: Int) { [UInt8](repeating: 0, count: n).withUnsafeBytes { buffer($0) } }

        /// Offsets buffer of `length + 1` Int32 values (a missing buffer of an empty array becomes `[0]`).
        mutating func offsets(_ b: ArrowBuffer?, length: Int) {
            if let b, b.count >= 4 * (length + 1) { buffer(b, bytes: 4 * (length + 1)) } else { zeros(4 * (length + 1)) }
        }

        mutating func append(_ a: ArrowArray) {
            nodes.append((a.length, a.nullCount))
            switch a.type {
            case .null, .unsupported:
                return
            case .denseUnion:
                buffer(a.buffers.first, bytes: a.length)
                buffer(a.buffers.count > 1 ? a.buffers[1] : nil, bytes: 4 * a.length)
            default:
                buffer(a.nullCount > 0 ? a.validity : nil, bytes: (a.length + 7) / 8)
                switch a.type {
                case .bool:
                    buffer(a.buffers.first, bytes: (a.length + 7) / 8)
                case .fixedSizeBinary(let w):
                    buffer(a.buffers.first, bytes: w * a.length)
                case .utf8:
                    offsets(a.buffers.first, length: a.length)
                    buffer(a.buffers.count > 1 ? a.buffers[1] : nil, bytes: a.buffers.count > 1 ? a.buffers[1].count : 0)
                case .list:
                    offsets(a.buffers.first, length: a.length)
                case .fixedSizeList, .struct:
                    break
                default:
                    buffer(a.buffers.first, bytes: (a.type.primitiveWidth ?? 0) * a.length)
                }
            }
            for c in a.children { append(c) }
        }
    }
}
