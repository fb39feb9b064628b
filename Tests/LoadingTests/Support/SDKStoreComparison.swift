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
