import ArrowIPC
import CLZ4
import RecordingModel

/// Encodes stores as an `.rrd` stream in rerun-sdk 0.41's layout (rrd-format.md §3–§8): the 12-byte
/// `RRF2` header, per store one `SetStoreInfo` then one `ArrowMsg` per chunk (an Arrow IPC stream with the
/// chunk's Sorbet schema and one record batch, LZ4-block compressed or not), and an `End` message with
/// an empty footer (no random-access manifest). The output depends only on the stores: same stores, same
/// bytes.
///
/// Not written: the RrdFooter manifest and StreamFooter (optional for readers), BlueprintActivationCommand.
/// Columns of an `unsupported` Arrow type (kept opaque by the loader) cannot be re-encoded; they are left
/// out and named in `skipped`.
public struct RRDWriter: Sendable {
    public enum Compression: Sendable { case none, lz4 }

    public var compression: Compression

    public init(compression: Compression = .lz4) { self.compression = compression }

    /// The file bytes for `stores` plus a description of each column that had to be left out.
    public func encode(_ stores: [ChunkStore]) -> (bytes: [UInt8], skipped: [String]) {
        var out: [UInt8] = Array("RRF2".utf8) + [0, 41, 0, 0, compression == .lz4 ? 1 : 0, 2, 0, 0]
        var skipped: [String] = []
        for store in stores {
            frame(&out, kind: 1, body: setStoreInfo(store.id, rowID: store.chunks.first?.id ?? TUID(timeNanos: 0, increment: 0)))
            for chunk in store.chunks {
                frame(&out, kind: 2, body: arrowMsg(chunk, store: store.id, skipped: &skipped))
            }
        }
        frame(&out, kind: 0, body: [])
        return (out, skipped)
    }

    private func frame(_ out: inout [UInt8], kind: UInt64, body: [UInt8]) {
        out += withUnsafeBytes(of: kind.littleEndian, Array.init)
        out += withUnsafeBytes(of: UInt64(body.count).littleEndian, Array.init)
        out += body
    }

    private func storeIDMessage(_ p: inout ProtobufWriter, _ id: StoreID) {
        p.uint(1, id.kind == .recording ? 1 : id.kind == .blueprint ? 2 : 0)
        p.string(2, id.recordingID)
        if let app = id.applicationID { p.message(3) { $0.string(1, app) } }
    }

    private func tuid(_ p: inout ProtobufWriter, _ number: Int, _ t: TUID) {
        p.message(number) {
            $0.fixed64(1, t.timeNanos)
            $0.fixed64(2, t.increment)
        }
    }

    private func setStoreInfo(_ id: StoreID, rowID: TUID) -> [UInt8] {
        var p = ProtobufWriter()
        tuid(&p, 1, rowID)
        p.message(2) { info in
            info.message(2) { storeIDMessage(&$0, id) }
            info.message(5) { source in
                source.uint(1, 6)  // other
                source.message(2) { $0.string(1, "rrd-render RecordingSDK") }
            }
            info.message(6) { $0.uint(1, 0x0000_2900) }  // 0.41.0
        }
        return p.bytes
    }

    private func arrowMsg(_ chunk: Chunk, store: StoreID, skipped: inout [String]) -> [UInt8] {
        let ipc = Self.ipcStream(chunk, skipped: &skipped)
        var payload = ipc
        var codec: UInt64 = 1
        if compression == .lz4, let compressed = Self.lz4(ipc) {
            payload = compressed
            codec = 2
        }
        var p = ProtobufWriter()
        p.message(1) { storeIDMessage(&$0, store) }
        p.uint(2, codec)
        p.uint(3, UInt64(ipc.count))
        p.uint(4, 1)
        p.bytes(5, payload)
        tuid(&p, 6, chunk.id)
        p.uint(7, chunk.isStatic ? 1 : 0)
        return p.bytes
    }

    /// The chunk as an Arrow IPC stream with its Sorbet 0.1.4 schema (§8).
    static func ipcStream(_ chunk: Chunk, skipped: inout [String]) -> [UInt8] {
        var columns: [ArrowIPCWriter.Column] = []
        let sortedRows = zip(chunk.rowIDs, chunk.rowIDs.dropFirst()).allSatisfy { $0 < $1 }
        columns.append(ArrowIPCWriter.Column(
            field: ArrowField(name: "rerun.controls.RowId", type: .fixedSizeBinary(byteWidth: 16), nullable: false, metadata: [
                ("ARROW:extension:metadata", "{\"namespace\":\"row\"}"), ("ARROW:extension:name", "rerun.datatypes.TUID"),
                ("rerun:is_sorted", sortedRows ? "true" : "false"), ("rerun:kind", "control"),
            ]),
            array: .fixedSizeBinary(width: 16, chunk.rowIDs.flatMap(\.bigEndianBytes))))
        for tc in chunk.timeColumns {
            let type: ArrowType = switch tc.timeline.kind {
            case .sequence: .int64
            case .duration: .duration(unit: .nanosecond)
            case .timestamp: .timestamp(unit: .nanosecond, timezone: nil)
            }
            columns.append(ArrowIPCWriter.Column(
                field: ArrowField(name: tc.timeline.name, type: type, nullable: true, metadata: [
                    ("rerun:index_name", tc.timeline.name), ("rerun:is_sorted", tc.isSorted ? "true" : "false"), ("rerun:kind", "index"),
                ]),
                array: .primitive(tc.times, type: type)))
        }
        for c in chunk.components {
            if c.cells.type.containsUnsupported {
                skipped.append("\(chunk.entityPath) \(c.descriptor.component): \(c.cells.type) cannot be encoded")
                continue
            }
            var metadata: [(key: String, value: String)] = []
            if let a = c.descriptor.archetype { metadata.append(("rerun:archetype", a)) }
            metadata.append(("rerun:component", c.descriptor.component))
            if let t = c.descriptor.componentType { metadata.append(("rerun:component_type", t)) }
            metadata.append(("rerun:kind", "data"))
            columns.append(ArrowIPCWriter.Column(field: ArrowField(name: c.descriptor.component, type: c.cells.type, nullable: true,
                                                                   metadata: metadata),
                                                 array: c.cells))
        }
        let schemaMetadata: [(key: String, value: String)] = [
            ("rerun:entity_path", chunk.entityPath.description), ("rerun:id", chunk.id.chunkString), ("sorbet:version", "0.1.4"),
        ]
        return ArrowIPCWriter.stream(schemaMetadata: schemaMetadata, columns: columns, rows: chunk.rowCount)
    }

    /// One raw LZ4 block (no frame), or nil when liblz4 fails or the data does not shrink.
    static func lz4(_ input: [UInt8]) -> [UInt8]? {
        guard !input.isEmpty, input.count < Int(Int32.max) else { return nil }
        let bound = Int(LZ4_compressBound(Int32(input.count)))
        var out = [UInt8](repeating: 0, count: bound)
        let n = input.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                src.baseAddress!.withMemoryRebound(to: CChar.self, capacity: input.count) { s in
                    dst.baseAddress!.withMemoryRebound(to: CChar.self, capacity: bound) { d in
                        LZ4_compress_default(s, d, Int32(input.count), Int32(bound))
                    }
                }
            }
        }
        guard n > 0, Int(n) < input.count else { return nil }
        return Array(out.prefix(Int(n)))
    }
}

extension RecordingStream {
    /// Everything logged so far as `.rrd` bytes (see `RRDWriter`).
    public func encodedRRD(compression: RRDWriter.Compression = .lz4) -> [UInt8] {
        RRDWriter(compression: compression).encode([store]).bytes
    }

    /// Writes everything logged so far to `path` as an `.rrd` file (atomically: a temporary file renamed).
    public func save(to path: String, compression: RRDWriter.Compression = .lz4) throws(SDKFileError) {
        try writeFileAtomically(path, encodedRRD(compression: compression))
    }
}
