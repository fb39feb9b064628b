import RecordingModel
import Testing

/// `LatestAtWalk` (the forward walk video frames use) answers exactly as the store does: on every fixture,
/// every timeline, every entity and every component (plus Clear, a missing component and the Transform3D atomic
/// group and annotation lookups), at every logged time and the times just before and after, walking forward, from
/// a fresh start at a late moment, and jumping backwards.
@Suite struct LatestAtWalkTests {
    /// What identifies a cell: its row and the instances it covers.
    struct CellID: Equatable, CustomStringConvertible {
        let chunk: ChunkID, row: Int, index: DataIndex, instances: Range<Int>
        init(_ c: ComponentCell) { chunk = c.chunk.id; row = c.row; index = c.index; instances = c.instances }
        var description: String { "\(chunk) row \(row) \(index) \(instances)" }
    }

    static func ids(_ r: LatestAtResults) -> [String: CellID] { r.cells.mapValues(CellID.init) }

    /// Every time written on `timeline`, with its neighbours and moments before and after the whole range.
    static func moments(_ store: ChunkStore, _ timeline: TimelineName) -> [TimeInt] {
        var times = Set<TimeInt>()
        for chunk in store.chunks {
            guard let column = chunk.timeColumn(timeline) else { continue }
            for t in column.times { times.formUnion([t, t &- 1, t &+ 1]) }
        }
        guard let lo = times.min(), let hi = times.max() else { return [] }
        times.formUnion([lo &- 1_000_000, hi &+ 1_000_000])
        return times.sorted()
    }

    /// Compares `source` with the store at its moment for every entity and component; returns the comparisons made.
    static func compare(_ source: some LatestAtSource, _ store: ChunkStore, fixture: String) -> Int {
        var checked = 0
        let groupView = Transform3DView.self
        for entity in store.entityPaths {
            var names = store.components(of: entity).map(\.component)
            names += [ClearQuery.component, "Points3D:not_logged"]
            let q = source.query
            for name in names {
                let a = source.latestAt(name, entity: entity).map(CellID.init)
                let b = store.latestAt(name, entity: entity, query: q).map(CellID.init)
                #expect(a == b, "\(fixture) \(entity) \(name) at \(q.time): walk \(String(describing: a)) store \(String(describing: b))")
                checked += 1
            }
            let all = source.latestAt(names, atomicGroups: groupView.atomicGroups, entity: entity)
            let expected = store.latestAt(names, atomicGroups: groupView.atomicGroups, entity: entity, query: q)
            #expect(ids(all) == ids(expected), "\(fixture) \(entity) all components at \(q.time)")
            let group = source.latestAt(groupView.components, atomicGroups: groupView.atomicGroups, entity: entity)
            let groupExpected = store.latestAtGroup(groupView.components, entity: entity, query: q)
            #expect(ids(group) == ids(groupExpected), "\(fixture) \(entity) Transform3D group at \(q.time)")
            let annotation = source.annotationContext(for: entity)?.0
            #expect(annotation == store.annotationContext(for: entity, query: q)?.0, "\(fixture) \(entity) annotations")
            checked += 3
        }
        return checked
    }

    @Test(arguments: Fixtures.names.filter { $0.hasSuffix(".rrd") })
    func walkEqualsStoreOnEveryFixture(_ name: String) throws {
        let store = try #require(try Fixtures.load(name).recording)
        var checked = 0
        for timeline in store.timelines.keys.sorted() {
            let moments = Self.moments(store, timeline)
            // Forward, as an export worker walks.
            let walk = LatestAtWalk(store: store, timeline: timeline)
            for t in moments { checked += Self.compare(walk.at(t), store, fixture: name) }
            // A fresh walk starting late, then jumping backwards and forwards again.
            let jumping = LatestAtWalk(store: store, timeline: timeline)
            let picks = [moments[moments.count * 3 / 4], moments[0], moments[moments.count / 2], moments[moments.count - 1],
                         moments[moments.count / 3]]
            for t in picks { checked += Self.compare(jumping.at(t), store, fixture: name) }
        }
        #expect(checked > 0 || store.timelines.isEmpty)
    }

    /// The fixtures the issue names do exercise Clears, partial updates and several timelines.
    @Test func fixturesCoverClearsPartialUpdatesAndTimelines() throws {
        let clear = try #require(try Fixtures.load("clear.rrd").recording)
        #expect(clear.hasClears)
        let timelines = try #require(try Fixtures.load("timelines.rrd").recording)
        #expect(timelines.timelines.count == 4)
        let partial = try #require(try Fixtures.load("partial_updates.rrd").recording)
        // partial updates: several rows of one entity with different component sets → the walk sees each change.
        #expect(partial.entityPaths.contains { e in partial.components(of: e).count > 1 })
    }

    /// Equal times are ordered by row id (the later write wins, whatever the insertion order), static data
    /// shadows temporal data, and a flat Clear hides only what is not newer than it, for the walk as for the store.
    @Test func tiesStaticAndClearsOnAHandBuiltStore() throws {
        typealias S = SwiftBuiltStoreTests
        var store = ChunkStore(id: StoreID(kind: .recording, recordingID: "walk"))
        store.insert(try S.chunk(time: 10, row: 5, [("x", S.f(2))]))
        store.insert(try S.chunk(time: 10, row: 3, [("x", S.f(1))]))
        store.insert(try S.chunk(time: 5, row: 9, [("x", S.f(0))]))
        store.insert(try S.chunk(time: 12, row: 11, [(ClearQuery.component, .bools([false]))]))
        store.insert(try S.chunk(time: 12, row: 12, [("y", S.f(4))]))
        store.insert(try S.chunk(time: nil, row: 20, [("z", S.f(7))]))
        let walk = LatestAtWalk(store: store, timeline: "frame")
        let expected: [(TimeInt, x: [Float]?, y: [Float]?)] = [(4, nil, nil), (5, [0], nil), (9, [0], nil), (10, [2], nil),
                                                               (11, [2], nil), (12, nil, [4]), (30, nil, [4])]
        for (t, x, y) in expected {
            let moment = walk.at(t)
            #expect(moment.latestAt("x", entity: S.entity)?.scalars(Float.self) == x, "x at \(t)")
            #expect(moment.latestAt("y", entity: S.entity)?.scalars(Float.self) == y, "y at \(t)")
            #expect(moment.latestAt("z", entity: S.entity)?.scalars(Float.self) == [7], "static z at \(t)")
            #expect(Self.compare(moment, store, fixture: "hand-built") > 0)
        }
    }
}
