/// All chunks of one store (a recording or a blueprint), indexed per entity, component and timeline.
///
/// Build it with `insert(_:)` (from loaded files or from Swift values; the order of insertion does not
/// matter), then query it with `latestAt`/`range`. The store is a value: a finished store can be shared by any
/// number of threads without locks. Chunk order in the file does not matter; queries resolve conflicts by
/// time then row id (static data wins over temporal data).
public struct ChunkStore: Sendable {
    public let id: StoreID
    /// Every inserted chunk, in insertion order.
    public private(set) var chunks: [Chunk] = []
    var entities: [EntityPath: EntityIndex] = [:]
    /// Timeline → kind and the min/max time seen on it.
    public private(set) var timelines: [TimelineName: TimelineInfo] = [:]
    /// True once any `Clear:is_recursive` row was inserted (lets queries skip the Clear walk otherwise).
    public private(set) var hasClears = false

    public init(id: StoreID) { self.id = id }

    /// Kind and time range of one timeline in the store.
    public struct TimelineInfo: Sendable, Hashable {
        public var timeline: Timeline
        public var range: ClosedRange<TimeInt>
    }

    /// Adds a chunk and indexes each of its non-null cells.
    public mutating func insert(_ chunk: Chunk) {
        let chunkIndex = Int32(chunks.count)
        chunks.append(chunk)
        var entity = entities[chunk.entityPath] ?? EntityIndex()
        entities[chunk.entityPath] = nil
        entity.chunkIndices.append(Int(chunkIndex))
        for tc in chunk.timeColumns {
            guard let r = tc.range else { continue }
            if var info = timelines[tc.timeline.name] {
                info.range = min(info.range.lowerBound, r.lowerBound) ... max(info.range.upperBound, r.upperBound)
                timelines[tc.timeline.name] = info
            } else {
                timelines[tc.timeline.name] = TimelineInfo(timeline: tc.timeline, range: r)
            }
        }
        for column in chunk.components {
            let name = column.descriptor.component
            var index = entity.components[name] ?? ComponentIndex(descriptor: column.descriptor)
            entity.components[name] = nil
            if name == ClearQuery.component { hasClears = true }
            var rows: [Int32] = []
            rows.reserveCapacity(chunk.rowCount)
            for r in 0 ..< chunk.rowCount where !column.isNull(row: r) { rows.append(Int32(r)) }
            index.rowCount += rows.count
            if chunk.isStatic {
                for r in rows {
                    let ref = RowRef(time: 0, rowID: chunk.rowIDs[Int(r)], chunk: chunkIndex, row: r)
                    if index.staticRef.map({ $0.rowID < ref.rowID }) ?? true { index.staticRef = ref }
                }
            } else {
                for tc in chunk.timeColumns {
                    var refs = rows.map { RowRef(time: tc.times[Int($0)], rowID: chunk.rowIDs[Int($0)], chunk: chunkIndex, row: $0) }
                    if !(tc.isSorted && isSortedByRowID(refs)) { refs.sort(by: RowRef.precedes) }
                    index.insert(sorted: refs, timeline: tc.timeline.name)
                }
            }
            entity.components[name] = index
        }
        entities[chunk.entityPath] = entity
    }

    private func isSortedByRowID(_ refs: [RowRef]) -> Bool {
        zip(refs, refs.dropFirst()).allSatisfy { !RowRef.precedes($1, $0) }
    }

    /// Every entity that has data, sorted.
    public var entityPaths: [EntityPath] { entities.keys.sorted() }

    /// The descriptors of the components logged on `entity`, sorted by identifier.
    public func components(of entity: EntityPath) -> [ComponentDescriptor] {
        (entities[entity]?.components.values.map(\.descriptor) ?? []).sorted()
    }

    /// The chunks of `entity`, in insertion order.
    public func chunks(of entity: EntityPath) -> [Chunk] { entities[entity]?.chunkIndices.map { chunks[$0] } ?? [] }

    /// Number of non-null cells of `component` on `entity` (static and temporal).
    public func rowCount(entity: EntityPath, component: String) -> Int { entities[entity]?.components[component]?.rowCount ?? 0 }

    /// True when `entity` has a static value for `component`.
    public func hasStaticData(entity: EntityPath, component: String) -> Bool {
        entities[entity]?.components[component]?.staticRef != nil
    }

    /// The cell a `RowRef` points at.
    func cell(_ ref: RowRef, component: String, isStatic: Bool) -> ComponentCell? {
        let chunk = chunks[Int(ref.chunk)]
        guard let column = chunk.column(component), let range = column.instanceRange(row: Int(ref.row)) else { return nil }
        return ComponentCell(chunk: chunk, row: Int(ref.row), column: column,
                             index: DataIndex(time: isStatic ? nil : ref.time, rowID: ref.rowID), instances: range)
    }
}

/// Per-entity part of the store index.
struct EntityIndex: Sendable {
    var components: [String: ComponentIndex] = [:]
    var chunkIndices: [Int] = []
}
