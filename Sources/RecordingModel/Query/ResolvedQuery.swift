/// The rules that turn raw latest-at cells into what is visible, shared by store queries and cursors:
/// Clears hide cells whose index is not strictly newer (§4.3), and atomic groups keep only the members written
/// in the group's newest row (§4.4).
enum VisibilityRules {
    static func resolve(raw: [String: ComponentCell], groups: [[String]], clear: DataIndex?) -> [String: ComponentCell] {
        var cells = raw
        if let clear { cells = cells.filter { clear < $0.value.index } }
        for group in groups {
            // The group's newest row is decided before Clears: a Clear newer than it hides the whole group.
            guard let newest = group.compactMap({ raw[$0]?.index }).max() else { continue }
            for name in group where cells[name] != nil {
                if cells[name]!.index != newest { cells[name] = nil }
            }
            if let clear, !(clear < newest) { for name in group { cells[name] = nil } }
        }
        return cells
    }
}

/// A typed, clamped view of one archetype on one entity at one query.
///
/// `components` are resolved latest-at one by one (partial updates accumulate); each array of
/// `atomicGroups` is resolved as a unit (the Transform3D rule). `init` returns nil when the archetype's
/// required component is absent (not logged, or hidden by a Clear).
public protocol ArchetypeView: Sendable {
    /// Short archetype name, e.g. `Points3D`.
    static var archetype: String { get }
    /// Every component identifier the view reads, e.g. `Points3D:positions`.
    static var components: [String] { get }
    /// Components resolved as units (each inner array is one group; members must also be in `components`).
    static var atomicGroups: [[String]] { get }
    init?(_ results: LatestAtResults)
}

extension ArchetypeView {
    public static var atomicGroups: [[String]] { [] }
    /// `<archetype>:<field>`.
    static func c(_ field: String) -> String { "\(archetype):\(field)" }
}

extension ChunkStore {
    /// Latest-at of several components with Clear and group rules applied.
    public func latestAt(_ components: [String], atomicGroups: [[String]], entity: EntityPath, query: LatestAtQuery) -> LatestAtResults {
        var raw: [String: ComponentCell] = [:]
        for name in components {
            if let c = latestAtIgnoringClears(name, entity: entity, query: query) { raw[name] = c }
        }
        let cells = VisibilityRules.resolve(raw: raw, groups: atomicGroups, clear: clearIndex(for: entity, query: query))
        return LatestAtResults(entityPath: entity, cells: cells)
    }

    /// The archetype view of `entity` at `query`, or nil when its required component is not visible.
    public func view<V: ArchetypeView>(_: V.Type, entity: EntityPath, query: LatestAtQuery) -> V? {
        V(latestAt(V.components, atomicGroups: V.atomicGroups, entity: entity, query: query))
    }
}
