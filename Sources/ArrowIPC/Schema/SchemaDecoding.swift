/// FlatBuffer `Schema` / `Field` / type tables → `ArrowSchema`, plus the per-field buffer layout the record
/// batch reader needs (also for types it does not decode, so it can step over them).

/// How one field's array is laid out in a RecordBatch: buffers it consumes and its child layouts.
struct FieldLayout {
    var field: ArrowField
    /// Buffers this array itself takes from `RecordBatch.buffers` (validity included where the type has one).
    var bufferCount: Int
    /// True when the first buffer is a validity bitmap.
    var hasValidity: Bool
    /// Binary/Utf8 view types also take `variadicBufferCounts[k]` extra buffers.
    var usesVariadicBuffers: Bool
    var children: [FieldLayout]
}

/// Field nesting deeper than this is rejected (keeps recursion bounded on hostile input).
let maxFieldDepth = 64

func decodeSchema(_ table: FlatBufferTable) throws(ArrowIPCError) -> (ArrowSchema, [FieldLayout]) {
    var layouts: [FieldLayout] = []
    for f in try table.tables(1) { layouts.append(try decodeField(f, depth: 0)) }
    let metadata = try decodeMetadata(table, slot: 2)
    return (ArrowSchema(fields: layouts.map(\.field), metadata: metadata.map { ($0.key, $0.value) }), layouts)
}

func decodeMetadata(_ table: FlatBufferTable, slot: Int) throws(ArrowIPCError) -> [KeyValue] {
    var out: [KeyValue] = []
    for kv in try table.tables(slot) {
        out.append(KeyValue(key: try kv.string(0) ?? "", value: try kv.string(1) ?? ""))
    }
    return out
}

private func decodeField(_ t: FlatBufferTable, depth: Int) throws(ArrowIPCError) -> FieldLayout {
    guard depth < maxFieldDepth else {
        throw .malformed(offset: t.blob.origin + t.position, reason: "fields nested deeper than \(maxFieldDepth)")
    }
    let name = try t.string(0) ?? ""
    let nullable = try t.bool(1)
    let typeCode = try t.u8(2)
    let typeTable = try t.table(3)
    let isDictionary = try t.table(4) != nil
    var children: [FieldLayout] = []
    for c in try t.tables(5) { children.append(try decodeField(c, depth: depth + 1)) }
    let metadata = try decodeMetadata(t, slot: 6)
    let at = t.blob.origin + t.position

    func unsupported(_ name: String, buffers: Int, validity: Bool = true, variadic: Bool = false) -> (ArrowType, Int, Bool, Bool) {
        (.unsupported(typeCode: typeCode, name: name), buffers, validity, variadic)
    }
    func int(_ slot: Int, default d: Int32 = 0) throws(ArrowIPCError) -> Int32 { try typeTable?.i32(slot, default: d) ?? d }
    func short(_ slot: Int, default d: Int16 = 0) throws(ArrowIPCError) -> Int16 { try typeTable?.i16(slot, default: d) ?? d }
    func unit(_ raw: Int16) throws(ArrowIPCError) -> ArrowTimeUnit {
        guard let u = ArrowTimeUnit(rawValue: raw) else { throw .malformed(offset: at, reason: "time unit \(raw)") }
        return u
    }
    func onlyChild() throws(ArrowIPCError) -> ArrowField {
        guard children.count == 1 else { throw .malformed(offset: at, reason: "list field \(name) has \(children.count) children") }
        return children[0].field
    }

    let (type, bufferCount, hasValidity, variadic): (ArrowType, Int, Bool, Bool)
    switch typeCode {
    case 1: (type, bufferCount, hasValidity, variadic) = (.null, 0, false, false)
    case 2:
        let bits = try int(0)
        let signed = try typeTable?.bool(1) ?? false
        let t: ArrowType
        switch (bits, signed) {
        case (8, true): t = .int8
        case (16, true): t = .int16
        case (32, true): t = .int32
        case (64, true): t = .int64
        case (8, false): t = .uint8
        case (16, false): t = .uint16
        case (32, false): t = .uint32
        case (64, false): t = .uint64
        default: throw .malformed(offset: at, reason: "integer bit width \(bits)")
        }
        (type, bufferCount, hasValidity, variadic) = (t, 2, true, false)
    case 3:
        let t: ArrowType
        switch try short(0) {
        case 0: t = .float16
        case 1: t = .float32
        case 2: t = .float64
        case let p: throw .malformed(offset: at, reason: "floating point precision \(p)")
        }
        (type, bufferCount, hasValidity, variadic) = (t, 2, true, false)
    case 4: (type, bufferCount, hasValidity, variadic) = unsupported("binary", buffers: 3)
    case 5: (type, bufferCount, hasValidity, variadic) = (.utf8, 3, true, false)
    case 6: (type, bufferCount, hasValidity, variadic) = (.bool, 2, true, false)
    case 7: (type, bufferCount, hasValidity, variadic) = unsupported("decimal", buffers: 2)
    case 8: (type, bufferCount, hasValidity, variadic) = unsupported("date", buffers: 2)
    case 9: (type, bufferCount, hasValidity, variadic) = unsupported("time", buffers: 2)
    case 10:
        let tz = try typeTable?.string(1)
        (type, bufferCount, hasValidity, variadic) = (.timestamp(unit: try unit(short(0)), timezone: tz), 2, true, false)
    case 11: (type, bufferCount, hasValidity, variadic) = unsupported("interval", buffers: 2)
    case 12: (type, bufferCount, hasValidity, variadic) = (.list(try onlyChild()), 2, true, false)
    case 13: (type, bufferCount, hasValidity, variadic) = (.struct(children.map(\.field)), 1, true, false)
    case 14:
        let mode = try short(0)
        var ids: [Int8] = []
        if let tt = typeTable, let (n, start) = try tt.vector(1, elementSize: 4) {
            for i in 0 ..< n {
                let id = try tt.blob.i32(start + 4 * i)
                guard id >= 0, id <= 127 else { throw .malformed(offset: at, reason: "union type id \(id)") }
                ids.append(Int8(id))
            }
        } else {
            ids = (0 ..< children.count).map { Int8(truncatingIfNeeded: $0) }
        }
        guard ids.count == children.count, children.count <= 128 else {
            throw .malformed(offset: at, reason: "union with \(children.count) children and \(ids.count) type ids")
        }
        if mode == 1 {
            (type, bufferCount, hasValidity, variadic) = (.denseUnion(children.map(\.field), typeIds: ids), 2, false, false)
        } else {
            (type, bufferCount, hasValidity, variadic) = unsupported("sparse_union", buffers: 1, validity: false)
        }
    case 15:
        let w = try int(0)
        guard w >= 0 else { throw .malformed(offset: at, reason: "fixed size binary width \(w)") }
        (type, bufferCount, hasValidity, variadic) = (.fixedSizeBinary(byteWidth: Int(w)), 2, true, false)
    case 16:
        let n = try int(0)
        guard n >= 0 else { throw .malformed(offset: at, reason: "fixed size list size \(n)") }
        (type, bufferCount, hasValidity, variadic) = (.fixedSizeList(try onlyChild(), size: Int(n)), 1, true, false)
    case 17: (type, bufferCount, hasValidity, variadic) = unsupported("map", buffers: 2)
    case 18: (type, bufferCount, hasValidity, variadic) = (.duration(unit: try unit(short(0, default: 1))), 2, true, false)
    case 19: (type, bufferCount, hasValidity, variadic) = unsupported("large_binary", buffers: 3)
    case 20: (type, bufferCount, hasValidity, variadic) = unsupported("large_string", buffers: 3)
    case 21: (type, bufferCount, hasValidity, variadic) = unsupported("large_list", buffers: 2)
    case 22: (type, bufferCount, hasValidity, variadic) = unsupported("run_end_encoded", buffers: 0, validity: false)
    case 23: (type, bufferCount, hasValidity, variadic) = unsupported("binary_view", buffers: 2, variadic: true)
    case 24: (type, bufferCount, hasValidity, variadic) = unsupported("string_view", buffers: 2, variadic: true)
    case 25: (type, bufferCount, hasValidity, variadic) = unsupported("list_view", buffers: 3)
    case 26: (type, bufferCount, hasValidity, variadic) = unsupported("large_list_view", buffers: 3)
    default: throw .malformed(offset: at, reason: "unknown Arrow type code \(typeCode) on field \(name)")
    }
    var field = ArrowField(name: name, type: type, nullable: nullable)
    field.metadataPairs = metadata
    if isDictionary {
        // Dictionary-encoded: the batch holds only the integer indices (validity + values); the values live in
        // dictionary batches, which this reader does not decode.
        field.type = .unsupported(typeCode: typeCode, name: "dictionary<values=\(type)>")
        return FieldLayout(field: field, bufferCount: 2, hasValidity: true, usesVariadicBuffers: false, children: [])
    }
    return FieldLayout(field: field, bufferCount: bufferCount, hasValidity: hasValidity,
                       usesVariadicBuffers: variadic, children: children)
}
