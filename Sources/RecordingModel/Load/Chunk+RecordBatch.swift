import ArrowIPC

/// Column metadata keys of the chunk schema ("Sorbet" 0.1.4), with the `rerun.`-prefixed aliases of 0.23.
enum SorbetKey {
    static func value(_ key: String, in lookup: (String) -> String?) -> String? {
        lookup("rerun:" + key) ?? lookup("rerun." + key)
    }
}

/// Why a record batch is not a valid chunk.
public struct ChunkDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    public var reason: String
    public var description: String { reason }
}

extension Chunk {
    /// Interprets one Arrow record batch as a chunk (rrd-format.md §8): the entity from the schema's
    /// `rerun:entity_path`, row ids from the `control` column (big-endian TUIDs), one time column per `index`
    /// column (Int64 = sequence, Duration = duration, Timestamp = timestamp; values in the column's unit),
    /// and every other column as a component column (a non-list column is taken as one instance per row).
    /// Columns that cannot be interpreted are dropped and described in `warnings`.
    public init(recordBatch batch: ArrowRecordBatch, fallbackID: ChunkID?, warnings: inout [String]) throws(ChunkDecodingError) {
        let schema = batch.schema
        guard let pathText = SorbetKey.value("entity_path", in: schema.metadata) else {
            throw ChunkDecodingError(reason: "chunk without rerun:entity_path")
        }
        let entityPath: EntityPath
        do { entityPath = try EntityPath(parsing: pathText) } catch {
            throw ChunkDecodingError(reason: "bad entity path \(pathText)")
        }
        let id = SorbetKey.value("id", in: schema.metadata).flatMap { TUID(formatted: $0) } ?? fallbackID ?? TUID(timeNanos: 0, increment: 0)
        var rowIDs: [RowID]? = nil
        var timeColumns: [TimeColumn] = []
        var components: [ComponentColumn] = []
        for (field, array) in zip(schema.fields, batch.columns) {
            let kind = SorbetKey.value("kind", in: field.metadata)
            switch kind {
            case "control", "row_id":
                guard case .fixedSizeBinary(16) = array.type, array.nullCount == 0, let b = array.buffers.first else {
                    throw ChunkDecodingError(reason: "row id column \(field.name) is \(array.type), expected non-null fixed_size_binary[16]")
                }
                rowIDs = (0 ..< array.length).map { RowID(bigEndianBytes: b.base + 16 * $0) }
            case "index", "time":
                let name = SorbetKey.value("index_name", in: field.metadata) ?? field.name
                let timelineKind: TimelineKind
                switch array.type {
                case .int64: timelineKind = .sequence
                case .duration: timelineKind = .duration
                case .timestamp: timelineKind = .timestamp
                default:
                    warnings.append("entity \(entityPath): index column \(name) of type \(array.type) skipped")
                    continue
                }
                guard array.nullCount == 0, let values = array.values(Int64.self) else {
                    warnings.append("entity \(entityPath): index column \(name) has null times; skipped")
                    continue
                }
                timeColumns.append(TimeColumn(timeline: Timeline(name: name, kind: timelineKind), times: values.copy(0 ..< values.count)))
            case nil, "data", "component":
                if kind == nil, field.name == "rerun.controls.RowId" || field.name == "RowId", case .fixedSizeBinary(16) = array.type,
                   array.nullCount == 0, let b = array.buffers.first {
                    rowIDs = (0 ..< array.length).map { RowID(bigEndianBytes: b.base + 16 * $0) }
                    continue
                }
                let componentName = SorbetKey.value("component", in: field.metadata).flatMap { $0.isEmpty ? nil : $0 } ?? field.name
                let descriptor = ComponentDescriptor(
                    component: componentName,
                    archetype: SorbetKey.value("archetype", in: field.metadata).flatMap { $0.isEmpty ? nil : $0 },
                    componentType: SorbetKey.value("component_type", in: field.metadata).flatMap { $0.isEmpty ? nil : $0 })
                if components.contains(where: { $0.descriptor.component == componentName }) {
                    warnings.append("entity \(entityPath): duplicate component column \(componentName) skipped")
                    continue
                }
                components.append(ComponentColumn(descriptor: descriptor, cells: array))
            case let other?:
                warnings.append("entity \(entityPath): column \(field.name) of unknown kind \(other) skipped")
            }
        }
        guard let rowIDs else { throw ChunkDecodingError(reason: "chunk of \(entityPath) has no row id column") }
        do {
            try self.init(id: id, entityPath: entityPath, rowIDs: rowIDs, timeColumns: timeColumns, components: components)
        } catch {
            throw ChunkDecodingError(reason: error.description)
        }
    }
}
