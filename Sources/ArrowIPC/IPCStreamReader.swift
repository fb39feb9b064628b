/// One record batch: `length` rows, one array per schema field.
public struct ArrowRecordBatch: Sendable {
    public let schema: ArrowSchema
    public let length: Int
    public let columns: [ArrowArray]
}

/// The decoded content of an Arrow IPC *stream* (Schema message, record batches, end-of-stream marker).
public struct ArrowIPCStream: Sendable {
    public let schema: ArrowSchema
    public let batches: [ArrowRecordBatch]

    /// Decodes a whole IPC stream held in `storage`. Arrays reference `storage` directly (zero copy).
    ///
    /// Each encapsulated message is `FF FF FF FF`, an i32 metadata length `m`, `m` bytes of FlatBuffer
    /// `Message`, then `bodyLength` body bytes; `m == 0` (or the end of the bytes) ends the stream.
    /// Dictionary batches, body compression and other metadata versions' quirks are rejected with typed errors.
    public static func decode(_ storage: ArrowStorage) throws(ArrowIPCError) -> ArrowIPCStream {
        let bytes = storage.bytes
        var pos = 0
        var schema: (ArrowSchema, [FieldLayout])? = nil
        var batches: [ArrowRecordBatch] = []
        while pos < bytes.count {
            guard bytes.count - pos >= 4 else { throw .outOfBounds(offset: pos, length: 4, bound: bytes.count, what: "message length") }
            var m = Int(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: pos, as: Int32.self)))
            var metaStart = pos + 4
            if m == -1 {  // continuation marker, then the real length
                guard bytes.count - pos >= 8 else { throw .outOfBounds(offset: pos, length: 8, bound: bytes.count, what: "message length") }
                m = Int(Int32(littleEndian: bytes.loadUnaligned(fromByteOffset: pos + 4, as: Int32.self)))
                metaStart = pos + 8
            }
            if m == 0 { break }  // end of stream
            guard m > 0, m <= bytes.count - metaStart else {
                throw .outOfBounds(offset: metaStart, length: m, bound: bytes.count, what: "message metadata")
            }
            let blob = FlatBufferBlob(bytes: UnsafeRawBufferPointer(rebasing: bytes[metaStart ..< metaStart + m]), origin: metaStart)
            let message = try blob.root()
            let headerType = try message.u8(1)
            let bodyLength = try message.i64(3)
            let bodyStart = metaStart + m
            guard bodyLength >= 0, bodyLength <= Int64(bytes.count - bodyStart) else {
                throw .outOfBounds(offset: bodyStart, length: Int(clamping: bodyLength), bound: bytes.count, what: "message body")
            }
            let body = try ArrowBuffer(storage: storage, offset: bodyStart, count: Int(bodyLength), what: "message body")
            switch headerType {
            case 1:
                guard schema == nil, let header = try message.table(2) else {
                    throw .malformed(offset: metaStart, reason: schema == nil ? "schema message without header" : "second schema message")
                }
                schema = try decodeSchema(header)
            case 2:
                throw .unsupported(offset: metaStart, feature: "dictionary batch")
            case 3:
                guard let (s, layouts) = schema else { throw .malformed(offset: metaStart, reason: "record batch before schema") }
                guard let header = try message.table(2) else { throw .malformed(offset: metaStart, reason: "record batch without header") }
                batches.append(try decodeRecordBatch(header, schema: s, layouts: layouts, body: body))
            default:
                throw .unsupported(offset: metaStart, feature: "message header type \(headerType)")
            }
            pos = bodyStart + Int(bodyLength)
        }
        guard let (s, _) = schema else { throw .malformed(offset: pos, reason: "stream without a schema message") }
        return ArrowIPCStream(schema: s, batches: batches)
    }
}

/// Walks `RecordBatch.nodes` / `.buffers` in depth-first pre-order alongside the schema's field layouts.
private struct BatchCursor {
    let blob: FlatBufferBlob
    let nodes: (count: Int, start: Int)
    let buffers: (count: Int, start: Int)
    let variadic: (count: Int, start: Int)?
    let body: ArrowBuffer
    var nodeIndex = 0
    var bufferIndex = 0
    var variadicIndex = 0

    mutating func nextNode() throws(ArrowIPCError) -> (length: Int, nullCount: Int) {
        guard nodeIndex < nodes.count else {
            throw .malformed(offset: blob.origin + nodes.start, reason: "record batch has only \(nodes.count) field nodes")
        }
        let p = nodes.start + 16 * nodeIndex
        nodeIndex += 1
        let length = try blob.i64(p), nulls = try blob.i64(p + 8)
        guard length >= 0, length <= Int64(ArrowArray.maxLength), nulls >= 0, nulls <= length else {
            throw .malformed(offset: blob.origin + p, reason: "field node length \(length), null count \(nulls)")
        }
        return (Int(length), Int(nulls))
    }

    mutating func nextBuffer() throws(ArrowIPCError) -> ArrowBuffer {
        guard bufferIndex < buffers.count else {
            throw .malformed(offset: blob.origin + buffers.start, reason: "record batch has only \(buffers.count) buffers")
        }
        let p = buffers.start + 16 * bufferIndex
        bufferIndex += 1
        let offset = try blob.i64(p), length = try blob.i64(p + 8)
        guard offset >= 0, length >= 0, offset <= Int64(body.count), length <= Int64(body.count) - offset else {
            throw .outOfBounds(offset: body.offset + Int(clamping: max(offset, 0)), length: Int(clamping: length),
                               bound: body.count, what: "buffer \(bufferIndex - 1)")
        }
        return try ArrowBuffer(storage: body.storage, offset: body.offset + Int(offset), count: Int(length))
    }

    mutating func nextVariadicCount() throws(ArrowIPCError) -> Int {
        guard let v = variadic, variadicIndex < v.count else {
            throw .malformed(offset: blob.origin, reason: "missing variadic buffer count")
        }
        let c = try blob.i64(v.start + 8 * variadicIndex)
        variadicIndex += 1
        guard c >= 0, c <= Int64(buffers.count) else { throw .malformed(offset: blob.origin, reason: "variadic buffer count \(c)") }
        return Int(c)
    }

    mutating func readArray(_ layout: FieldLayout) throws(ArrowIPCError) -> ArrowArray {
        let node = try nextNode()
        var count = layout.bufferCount
        if layout.usesVariadicBuffers { count += try nextVariadicCount() }
        var bufs: [ArrowBuffer] = []
        bufs.reserveCapacity(count)
        for _ in 0 ..< count { bufs.append(try nextBuffer()) }
        var children: [ArrowArray] = []
        children.reserveCapacity(layout.children.count)
        for c in layout.children { children.append(try readArray(c)) }
        if case .unsupported = layout.field.type {
            // Stepped over: keep only the shape so the column can be listed as opaque.
            return ArrowArray(type: layout.field.type, length: node.length, nullCount: node.nullCount, validity: nil,
                              buffers: [], children: [])
        }
        let validity = layout.hasValidity ? bufs.removeFirst() : nil
        return try ArrowArray.validated(type: layout.field.type, length: node.length, nullCount: node.nullCount,
                                        validity: validity, buffers: bufs, children: children,
                                        at: bufs.first?.offset ?? body.offset)
    }
}

private func decodeRecordBatch(_ t: FlatBufferTable, schema: ArrowSchema, layouts: [FieldLayout],
                               body: ArrowBuffer) throws(ArrowIPCError) -> ArrowRecordBatch {
    let at = t.blob.origin + t.position
    if try t.table(3) != nil { throw .unsupported(offset: at, feature: "record batch body compression") }
    let length = try t.i64(0)
    guard length >= 0, length <= Int64(ArrowArray.maxLength) else {
        throw .malformed(offset: at, reason: "record batch length \(length)")
    }
    let nodes = try t.vector(1, elementSize: 16) ?? (0, 0)
    let buffers = try t.vector(2, elementSize: 16) ?? (0, 0)
    let variadic = try t.vector(4, elementSize: 8)
    var cursor = BatchCursor(blob: t.blob, nodes: nodes, buffers: buffers, variadic: variadic, body: body)
    var columns: [ArrowArray] = []
    columns.reserveCapacity(layouts.count)
    for l in layouts {
        let a = try cursor.readArray(l)
        guard a.length == Int(length) else {
            throw .malformed(offset: at, reason: "column \(l.field.name) has \(a.length) rows, batch has \(length)")
        }
        columns.append(a)
    }
    return ArrowRecordBatch(schema: schema, length: Int(length), columns: columns)
}
