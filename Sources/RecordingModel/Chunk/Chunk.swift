import ArrowIPC

/// Rows of data for one entity in one store: the unit in which data is written, loaded and indexed.
///
/// Invariants (checked by `init`):
/// * every time column and every component column has exactly `rowIDs.count` rows;
/// * component identifiers (`descriptor.component`) are unique within the chunk;
/// * a chunk is **static** iff it has no time column: its rows apply at every time.
/// Rows need not be sorted by row id or time. Chunks are immutable values; their columns share storage.
public struct Chunk: Sendable {
    public let id: ChunkID
    public let entityPath: EntityPath
    /// One row id per row; a larger row id is a newer write.
    public let rowIDs: [RowID]
    /// The time columns, sorted by timeline name.
    public let timeColumns: [TimeColumn]
    /// The component columns, sorted by component identifier.
    public let components: [ComponentColumn]
    private let componentIndex: [String: Int]

    public init(id: ChunkID, entityPath: EntityPath, rowIDs: [RowID], timeColumns: [TimeColumn],
                components: [ComponentColumn]) throws(ChunkError) {
        let n = rowIDs.count
        for t in timeColumns where t.times.count != n {
            throw .rowCountMismatch(entity: entityPath, column: t.timeline.name, rows: t.times.count, expected: n)
        }
        var seenTimelines = Set<String>()
        for t in timeColumns where !seenTimelines.insert(t.timeline.name).inserted {
            throw .duplicateColumn(entity: entityPath, column: t.timeline.name)
        }
        var index: [String: Int] = [:]
        let sorted = components.sorted { $0.descriptor.component < $1.descriptor.component }
        for (k, c) in sorted.enumerated() {
            guard c.rowCount == n else {
                throw .rowCountMismatch(entity: entityPath, column: c.descriptor.component, rows: c.rowCount, expected: n)
            }
            guard index.updateValue(k, forKey: c.descriptor.component) == nil else {
                throw .duplicateColumn(entity: entityPath, column: c.descriptor.component)
            }
        }
        self.id = id
        self.entityPath = entityPath
        self.rowIDs = rowIDs
        self.timeColumns = timeColumns.sorted { $0.timeline.name < $1.timeline.name }
        self.components = sorted
        componentIndex = index
    }

    public var rowCount: Int { rowIDs.count }
    /// True when the chunk has no time column.
    public var isStatic: Bool { timeColumns.isEmpty }

    /// The time column of `timeline`, if the chunk has one.
    public func timeColumn(_ timeline: TimelineName) -> TimeColumn? { timeColumns.first { $0.timeline.name == timeline } }

    /// The column of `component` (e.g. `Points3D:positions`), if present.
    public func column(_ component: String) -> ComponentColumn? { componentIndex[component].map { components[$0] } }

    /// Index of `component` in `components`.
    public func columnIndex(_ component: String) -> Int? { componentIndex[component] }
}

/// Why a chunk could not be built.
public enum ChunkError: Error, Equatable, Sendable, CustomStringConvertible {
    case rowCountMismatch(entity: EntityPath, column: String, rows: Int, expected: Int)
    case duplicateColumn(entity: EntityPath, column: String)

    public var description: String {
        switch self {
        case .rowCountMismatch(let e, let c, let rows, let expected): "column \(c) has \(rows) rows, chunk has \(expected) (entity \(e))"
        case .duplicateColumn(let e, let c): "column \(c) appears twice (entity \(e))"
        }
    }
}
