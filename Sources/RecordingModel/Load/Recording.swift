import ArrowIPC
import RRDFormat

/// Everything loaded from one `.rrd`/`.rbl` file: one `ChunkStore` per store (recordings and blueprints),
/// plus warnings for whatever was skipped.
public struct Recording: Sendable {
    /// The stores, sorted (recordings first, then blueprints; by id within a kind).
    public private(set) var stores: [ChunkStore]
    /// Things skipped while loading (damaged chunks, uninterpretable columns), in file order.
    public private(set) var warnings: [LoadWarning]
    /// The stream headers' writer versions, one per stream.
    public private(set) var writerVersions: [String]
    /// Number of streams in the file (concatenated files have several).
    public var streamCount: Int { writerVersions.count }

    public init(stores: [ChunkStore], warnings: [LoadWarning] = [], writerVersions: [String] = []) {
        self.stores = stores.sorted { $0.id < $1.id }
        self.warnings = warnings
        self.writerVersions = writerVersions
    }

    /// The first recording store (the data to draw), if any.
    public var recording: ChunkStore? { stores.first { $0.id.kind == .recording } }
    /// The first blueprint store (layout and views), if any.
    public var blueprint: ChunkStore? { stores.first { $0.id.kind == .blueprint } }
    /// The store with this id.
    public func store(_ id: StoreID) -> ChunkStore? { stores.first { $0.id == id } }

    /// Maps and loads the file at `path`.
    public static func load(path: String) throws(RRDError) -> Recording {
        try load(source: RRDSource(path: path))
    }

    /// Loads in-memory file bytes.
    public static func load(bytes: [UInt8]) throws(RRDError) -> Recording {
        try load(source: RRDSource(bytes: bytes))
    }

    /// Decodes message by message: each ArrowMsg is decompressed, decoded and indexed before the next is read,
    /// so the extra memory is the decoded chunks themselves. Framing errors throw; a chunk whose payload or
    /// schema is damaged becomes a warning and loading goes on with the next message.
    public static func load(source: RRDSource) throws(RRDError) -> Recording {
        var decoder = RRDDecoder(source: source)
        var stores: [StoreID: ChunkStore] = [:]
        var applicationIDs: [String: String] = [:]  // recording id → application id, from SetStoreInfo
        var warnings: [LoadWarning] = []
        var versions: [String] = []
        var lastStream = -1
        while let frame = try decoder.next() {
            if frame.stream != lastStream, let h = decoder.header {
                versions.append(h.versionString)
                lastStream = frame.stream
            }
            switch frame.message {
            case .setStoreInfo(let info):
                let id = storeID(info.storeID, applicationIDs: applicationIDs)
                if let app = info.storeID.applicationID { applicationIDs[info.storeID.recordingID] = app }
                if stores[id] == nil { stores[id] = ChunkStore(id: id) }
            case .arrow(let message):
                let id = storeID(message.storeID, applicationIDs: applicationIDs)
                do {
                    let stream = try message.decodePayload(from: source)
                    guard stream.batches.count == 1 else {
                        warnings.append(LoadWarning(offset: frame.offset, message: "ArrowMsg holds \(stream.batches.count) record batches, expected 1; skipped"))
                        continue
                    }
                    var columnWarnings: [String] = []
                    let fallback = message.chunkID.map { TUID(timeNanos: $0.timeNanos, increment: $0.increment) }
                    let chunk = try Chunk(recordBatch: stream.batches[0], fallbackID: fallback, warnings: &columnWarnings)
                    warnings += columnWarnings.map { LoadWarning(offset: frame.offset, message: $0) }
                    stores[id, default: ChunkStore(id: id)].insert(chunk)
                } catch let error as RRDError {
                    warnings.append(LoadWarning(offset: frame.offset, message: "chunk skipped: \(error)"))
                } catch {
                    warnings.append(LoadWarning(offset: frame.offset, message: "chunk skipped: \(error)"))
                }
            case .blueprintActivation, .end:
                break
            }
        }
        return Recording(stores: Array(stores.values), warnings: warnings, writerVersions: versions)
    }

    private static func storeID(_ t: TransportStoreID, applicationIDs: [String: String]) -> StoreID {
        let kind: StoreKind = t.kind == 1 ? .recording : t.kind == 2 ? .blueprint : .unknown
        return StoreID(kind: kind, recordingID: t.recordingID, applicationID: t.applicationID ?? applicationIDs[t.recordingID])
    }
}
