/// A cheap forward-moving latest-at query for one entity and a fixed set of components on one timeline,
/// for walking time frame by frame (video export).
///
/// Each component (and the Clear component of the entity and of each ancestor) keeps a position in the
/// store's sorted per-(entity, component, timeline) index. Moving to a later time only steps forward from the
/// remembered position (galloping), so a frame's cost does not grow with the length of the recording; moving
/// backwards falls back to a binary search. Same answers as `ChunkStore.latestAt`.
public struct LatestAtCursor: Sendable {
    public let entityPath: EntityPath
    public let timeline: TimelineName
    private let store: ChunkStore
    private let atomicGroups: [[String]]
    private var tracks: [Track]
    private var clearTracks: [(isSelf: Bool, track: Track)]

    /// One component's refs and the index of the last ref at or before the current time.
    struct Track: Sendable {
        let component: String
        let staticRef: RowRef?
        let refs: [RowRef]
        var position = -1
        var time = TimeInt.min

        /// Moves to `t` and returns the ref visible there (static first). Forward moves gallop from the current
        /// position (O(log k) for k rows passed), backward moves search the whole index.
        mutating func seek(_ t: TimeInt) -> (RowRef, isStatic: Bool)? {
            if let s = staticRef { return (s, true) }
            if t >= time {
                // refs[lo].time <= t (or lo == -1); grow the probe until refs[hi] is past t or the end.
                var lo = position, hi = position + 1, step = 1
                while hi < refs.count && refs[hi].time <= t { lo = hi; hi += step; step *= 2 }
                var a = lo + 1, b = min(hi, refs.count)
                while a < b {
                    let mid = (a + b) >> 1
                    if refs[mid].time <= t { a = mid + 1 } else { b = mid }
                }
                position = a - 1
            } else {
                position = lastIndex(atOrBefore: t, in: refs) ?? -1
            }
            time = t
            return position >= 0 ? (refs[position], false) : nil
        }
    }

    public init(store: ChunkStore, entity: EntityPath, components: [String], atomicGroups: [[String]] = [], timeline: TimelineName) {
        self.store = store
        entityPath = entity
        self.timeline = timeline
        self.atomicGroups = atomicGroups
        func track(_ path: EntityPath, _ name: String) -> Track? {
            guard let index = store.entities[path]?.components[name] else { return nil }
            return Track(component: name, staticRef: index.staticRef, refs: index.temporal[timeline] ?? [])
        }
        tracks = components.compactMap { track(entity, $0) }
        clearTracks = store.hasClears
            ? entity.selfAndAncestors.enumerated().compactMap { k, p in track(p, ClearQuery.component).map { (k == 0, $0) } }
            : []
    }

    /// Cursor for an archetype view's components.
    public init<V: ArchetypeView>(store: ChunkStore, entity: EntityPath, view: V.Type, timeline: TimelineName) {
        self.init(store: store, entity: entity, components: V.components, atomicGroups: V.atomicGroups, timeline: timeline)
    }

    /// The visible cells at `time` (Clear and group rules applied).
    public mutating func results(at time: TimeInt) -> LatestAtResults {
        var clear: DataIndex? = nil
        for k in clearTracks.indices {
            guard let (ref, isStatic) = clearTracks[k].track.seek(time),
                  let c = store.cell(ref, component: ClearQuery.component, isStatic: isStatic) else { continue }
            clear = ClearQuery.newest(clear, with: c, isSelf: clearTracks[k].isSelf)
        }
        var raw: [String: ComponentCell] = [:]
        for k in tracks.indices {
            guard let (ref, isStatic) = tracks[k].seek(time),
                  let c = store.cell(ref, component: tracks[k].component, isStatic: isStatic) else { continue }
            raw[tracks[k].component] = c
        }
        return LatestAtResults(entityPath: entityPath, cells: VisibilityRules.resolve(raw: raw, groups: atomicGroups, clear: clear))
    }

    /// The archetype view at `time`.
    public mutating func view<V: ArchetypeView>(_: V.Type, at time: TimeInt) -> V? { V(results(at: time)) }
}
