import ArrowIPC

/// "What was the newest value at or before `time` on `timeline`?" A nil timeline sees static data only.
public struct LatestAtQuery: Hashable, Sendable {
    public var timeline: TimelineName?
    public var time: TimeInt

    public init(timeline: TimelineName, at time: TimeInt) {
        self.timeline = timeline
        self.time = time
    }

    /// A query that sees only static data.
    public static let staticOnly = LatestAtQuery(timeline: nil, time: .min)

    private init(timeline: TimelineName?, time: TimeInt) {
        self.timeline = timeline
        self.time = time
    }
}

/// One non-null cell found by a query: the instances of one component written in one row.
public struct ComponentCell: Sendable {
    /// The chunk holding the row (keeps its storage alive).
    public let chunk: Chunk
    public let row: Int
    public let column: ComponentColumn
    /// When the cell was written (static or time) and by which row.
    public let index: DataIndex
    /// The instances of this cell, as indices into `column.values`. Empty = the component was cleared.
    public let instances: Range<Int>

    public var descriptor: ComponentDescriptor { column.descriptor }
    /// All instances of the column; this cell's are `values[instances]`.
    public var values: ArrowArray { column.values }
    public var count: Int { instances.count }
    public var isEmpty: Bool { instances.isEmpty }
}

/// The cells found for several components of one entity by one query, keyed by component identifier.
public struct LatestAtResults: Sendable {
    public let entityPath: EntityPath
    public var cells: [String: ComponentCell]

    public init(entityPath: EntityPath, cells: [String: ComponentCell]) {
        self.entityPath = entityPath
        self.cells = cells
    }

    public subscript(component: String) -> ComponentCell? { cells[component] }

    /// The newest index among the cells (nil when empty).
    public var newestIndex: DataIndex? { cells.values.map(\.index).max() }
}

/// The Clear archetype's component.
public enum ClearQuery {
    public static let component = "Clear:is_recursive"

    /// `newest` with one more `Clear` cell of the entity (`isSelf`) or of an ancestor taken into account: the
    /// entity's own Clear always applies, an ancestor's only when recursive, an empty cell never; the newer index
    /// wins.
    static func newest(_ newest: DataIndex?, with cell: ComponentCell, isSelf: Bool) -> DataIndex? {
        guard !cell.isEmpty, isSelf || cell.values.bool(at: cell.instances.lowerBound) == true,
              newest.map({ $0 < cell.index }) ?? true else { return newest }
        return cell.index
    }
}
