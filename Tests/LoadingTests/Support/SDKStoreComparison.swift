import Testing
import ArrowIPC
import RecordingModel

/// Helpers to compare two stores cell by cell (a logged one against a loaded fixture).
enum SDKStoreComparison {
    /// The instances of a cell as JSON (exact numbers).
    static func json(_ cell: ComponentCell?) -> JSONValue {
        guard let cell else { return .null }
        return .array(cell.instances.map { ArrowJSON.value(cell.values, $0) })
    }

    /// Every (component → instance Arrow type) column seen on `entity`, sorted by component.
    static func columnTypes(_ store: ChunkStore, _ entity: EntityPath) -> [String: String] {
        var out: [String: String] = [:]
        for chunk in store.chunks(of: entity) {
            for c in chunk.components { out[c.descriptor.component] = c.cells.type.description }
        }
        return out
    }

    /// Every non-null cell of `component` on `entity` along `timeline`, as `(time, values)`, in store order.
    static func history(_ store: ChunkStore, _ entity: EntityPath, _ component: String, timeline: String) -> [JSONValue] {
        store.range(component, entity: entity, timeline: timeline, times: .min ... .max).map { cell in
            .array([cell.index.time.map { .int($0) } ?? .null, json(cell)])
        }
    }
}

extension SDKStoreComparison {
    /// Expects `logged` to hold the same data as `fixture`: the same entities (minus `skipping`), and per entity the
    /// same descriptors, column types, static flags and, at every query, the same visible values for every
    /// component (Clears applied). Components in `ignoringValues` are compared by presence only (wall-clock data).
    static func expectSameData(_ logged: ChunkStore, _ fixture: ChunkStore, skipping: Set<EntityPath> = [], queries: [LatestAtQuery],
                               ignoringValues: Set<String> = ["RecordingInfo:start_time"],
                               sourceLocation: SourceLocation = #_sourceLocation) {
        let entities = fixture.entityPaths.filter { !skipping.contains($0) }
        #expect(logged.entityPaths.filter { !skipping.contains($0) } == entities, sourceLocation: sourceLocation)
        for e in entities {
            let components = fixture.components(of: e)
            #expect(logged.components(of: e) == components, "\(e)", sourceLocation: sourceLocation)
            #expect(columnTypes(logged, e) == columnTypes(fixture, e), "\(e)", sourceLocation: sourceLocation)
            for c in components {
                #expect(logged.hasStaticData(entity: e, component: c.component) == fixture.hasStaticData(entity: e, component: c.component),
                        "\(e) \(c.component)", sourceLocation: sourceLocation)
                for q in queries + [.staticOnly] {
                    let a = logged.latestAt(c.component, entity: e, query: q), b = fixture.latestAt(c.component, entity: e, query: q)
                    if ignoringValues.contains(c.component) {
                        #expect((a == nil) == (b == nil), "\(e) \(c.component) at \(q)", sourceLocation: sourceLocation)
                    } else {
                        #expect(json(a) == json(b), "\(e) \(c.component) at \(q)", sourceLocation: sourceLocation)
                    }
                }
            }
        }
    }

    /// Queries at `times` on `timeline`.
    static func queries(_ timeline: String, _ times: [Int64]) -> [LatestAtQuery] {
        times.map { LatestAtQuery(timeline: timeline, at: $0) }
    }
}
