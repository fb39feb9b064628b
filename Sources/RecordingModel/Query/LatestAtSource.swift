/// Answers the latest-at questions of one moment (`query`): the store itself (`StoreLatestAt`, for a snapshot)
/// or a walk forward in time that keeps its place between moments (`LatestAtWalk`, for an animation).
/// Every source gives exactly the cells `ChunkStore.latestAt` gives for the same moment: static data first,
/// the newest `(time, rowID)` otherwise, Clears (flat and recursive) and atomic groups applied.
public protocol LatestAtSource: Sendable {
    /// The data the answers come from.
    var store: ChunkStore { get }
    /// The moment answered.
    var query: LatestAtQuery { get }
    /// The visible cells of `components` on `entity` (Clear and atomic-group rules applied).
    func latestAt(_ components: [String], atomicGroups: [[String]], entity: EntityPath) -> LatestAtResults
}

extension LatestAtSource {
    /// The visible cell of one component.
    public func latestAt(_ component: String, entity: EntityPath) -> ComponentCell? {
        latestAt([component], atomicGroups: [], entity: entity)[component]
    }

    /// The archetype view of `entity`, or nil when its required component is not visible.
    public func view<V: ArchetypeView>(_: V.Type, entity: EntityPath) -> V? {
        V(latestAt(V.components, atomicGroups: V.atomicGroups, entity: entity))
    }

    /// The annotation context that applies to `entity`: its own or its closest ancestor's, with that entity.
    public func annotationContext(for entity: EntityPath) -> (EntityPath, AnnotationContextView)? {
        for p in entity.selfAndAncestors {
            if let v = view(AnnotationContextView.self, entity: p) { return (p, v) }
        }
        return nil
    }
}

/// The store answering at one query by searching its index (binary search per entity and component).
public struct StoreLatestAt: LatestAtSource {
    public let store: ChunkStore
    public let query: LatestAtQuery

    public init(store: ChunkStore, query: LatestAtQuery) { self.store = store; self.query = query }

    public func latestAt(_ components: [String], atomicGroups: [[String]], entity: EntityPath) -> LatestAtResults {
        store.latestAt(components, atomicGroups: atomicGroups, entity: entity, query: query)
    }
}
