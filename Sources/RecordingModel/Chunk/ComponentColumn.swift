import ArrowIPC

/// One component column of a chunk: per row, a *cell* holding the batch of instances written in that row.
///
/// Representation: `cells` is an Arrow `List<T>` array with one slot per chunk row; `values` is its child
/// (all instances of all rows, type `T`). A **null** cell (validity bit 0) means "not written in this row";
/// an **empty** cell (zero instances) means "written, cleared". Values are zero-copy slices of the decoded
/// payload for loaded chunks; for chunks built from Swift values they live in their own storage.
public struct ComponentColumn: Sendable {
    public let descriptor: ComponentDescriptor
    /// The `List<T>` array: `cells.length` = number of rows.
    public let cells: ArrowArray

    /// Wraps a `List<T>` array. Any other array type is taken as one instance per row (null slot = null cell).
    public init(descriptor: ComponentDescriptor, cells: ArrowArray) {
        self.descriptor = descriptor
        if case .list = cells.type {
            self.cells = cells
        } else {
            let validity = cells.nullCount > 0 ? (0 ..< cells.length).map { cells.isValid($0) } : nil
            self.cells = .list(cells, offsets: (0 ... Int32(cells.length)).map { $0 }, validity: validity, itemNullable: true)
        }
    }

    /// A column from the instances of every row: row `r` holds `lengths[r]` consecutive values of `values`,
    /// or is a null cell when `lengths[r]` is nil. The lengths must add up to `values.length`.
    public init(descriptor: ComponentDescriptor, values: ArrowArray, lengths: [Int?]) {
        self.descriptor = descriptor
        cells = .list(values, lengths: lengths)
    }

    /// Number of rows (cells).
    public var rowCount: Int { cells.length }
    /// All instances of all rows (the list child).
    public var values: ArrowArray { cells.children[0] }
    /// The Arrow type of one instance.
    public var instanceType: ArrowType { values.type }

    /// True when the row holds no data for this component (null cell).
    public func isNull(row: Int) -> Bool { !cells.isValid(row) }

    /// The instances of `row` as indices into `values`; nil for a null cell, empty for a cleared one.
    public func instanceRange(row: Int) -> Range<Int>? {
        guard row >= 0, row < cells.length, cells.isValid(row) else { return nil }
        return cells.valueRange(at: row)
    }
}
