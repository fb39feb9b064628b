import Synchronization

/// Latest-at along one timeline for moments that mostly move forward (the frames of a video), keeping its
/// place in the store's index between moments.
///
/// It remembers, per (entity, component) asked about, the position of the last row at or before the previous
/// moment. A later moment steps forward from there (galloping, so a jump or a fresh start costs O(log rows)
/// and one frame's step O(rows written since)); an earlier moment searches again. So the cost of a frame does not
/// grow with the length of the recording. Answers are exactly `ChunkStore.latestAt`'s (`StoreLatestAt`), which
/// the tests check on every fixture.
///
/// Thread-safe (a lock), but meant for one renderer thread: an animation gives each worker its own walk, since
/// each worker's moments increase.
public final class LatestAtWalk: Sendable {
    public let store: ChunkStore
    public let timeline: TimelineName
    private let state = Mutex(State())

    private struct State {
        /// Per entity, per component: the component's index on the walked timeline and the walk's place in it.
        var tracks: [EntityPath: [String: LatestAtCursor.Track]] = [:]
    }

    public init(store: ChunkStore, timeline: TimelineName) {
        self.store = store
        self.timeline = timeline
    }

    /// The source answering at `time` on the walk's timeline.
    public func at(_ time: TimeInt) -> Moment { Moment(walk: self, time: time) }

    /// One moment of a walk.
    public struct Moment: LatestAtSource {
        public let walk: LatestAtWalk
        public let time: TimeInt

        public var store: ChunkStore { walk.store }
        public var query: LatestAtQuery { LatestAtQuery(timeline: walk.timeline, at: time) }

        public func latestAt(_ components: [String], atomicGroups: [[String]], entity: EntityPath) -> LatestAtResults {
            walk.latestAt(components, atomicGroups: atomicGroups, entity: entity, time: time)
        }
    }

    func latestAt(_ components: [String], atomicGroups: [[String]], entity: EntityPath, time: TimeInt) -> LatestAtResults {
        state.withLock { state in
            var raw: [String: ComponentCell] = [:]
            Self.cells(components, in: &state.tracks[entity, default: [:]], store: store, timeline: timeline,
                       entity: entity, time: time, into: &raw)
            let clear = store.hasClears ? clearIndex(for: entity, time: time, state: &state) : nil
            return LatestAtResults(entityPath: entity,
                                   cells: VisibilityRules.resolve(raw: raw, groups: atomicGroups, clear: clear))
        }
    }

    /// `ChunkStore.clearIndex` from the walk's tracks: the entity's own Clear and its ancestors' recursive ones.
    private func clearIndex(for entity: EntityPath, time: TimeInt, state: inout State) -> DataIndex? {
        var newest: DataIndex? = nil
        for (k, p) in entity.selfAndAncestors.enumerated() {
            var found: [String: ComponentCell] = [:]
            Self.cells([ClearQuery.component], in: &state.tracks[p, default: [:]], store: store, timeline: timeline,
                       entity: p, time: time, into: &found)
            if let c = found[ClearQuery.component] { newest = ClearQuery.newest(newest, with: c, isSelf: k == 0) }
        }
        return newest
    }

    /// The newest cells of `names` at `time`, ignoring Clears, moving those components' tracks.
    private static func cells(_ names: [String], in tracks: inout [String: LatestAtCursor.Track], store: ChunkStore,
                              timeline: TimelineName, entity: EntityPath, time: TimeInt,
                              into found: inout [String: ComponentCell]) {
        for name in names {
            if tracks[name] == nil {
                let index = store.entities[entity]?.components[name]
                tracks[name] = LatestAtCursor.Track(component: name, staticRef: index?.staticRef,
                                                    refs: index?.temporal[timeline] ?? [])
            }
            guard let (ref, isStatic) = tracks[name]!.seek(time),
                  let c = store.cell(ref, component: name, isStatic: isStatic) else { continue }
            found[name] = c
        }
    }
}
