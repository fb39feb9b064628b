/// Points at one non-null cell of one chunk of a store, with the time it was written at.
///
/// 32 bytes; arrays of these, sorted by `(time, rowID)`, are the store's per-(entity, component, timeline) index.
struct RowRef: Sendable {
    /// Time on the indexed timeline (unused for static refs).
    var time: TimeInt
    var rowID: RowID
    /// Index of the chunk in `ChunkStore.chunks`.
    var chunk: Int32
    /// Row inside that chunk.
    var row: Int32

    @inline(__always) static func precedes(_ a: RowRef, _ b: RowRef) -> Bool {
        a.time != b.time ? a.time < b.time : a.rowID < b.rowID
    }
}

/// Everything the store knows about one component of one entity.
///
/// Invariant: every `temporal[t]` array is sorted by `(time, rowID)`; `staticRef` is the static cell with the
/// largest row id (only the newest static write matters).
struct ComponentIndex: Sendable {
    var descriptor: ComponentDescriptor
    var staticRef: RowRef?
    var temporal: [TimelineName: [RowRef]] = [:]
    /// Number of rows (null cells excluded) ever inserted, static and temporal.
    var rowCount = 0

    init(descriptor: ComponentDescriptor) { self.descriptor = descriptor }

    /// Merges refs (already sorted) into the timeline's sorted array. Only the part of the existing array that
    /// is newer than the first new ref is touched, so in-order insertion is an append.
    mutating func insert(sorted refs: [RowRef], timeline: TimelineName) {
        guard let first = refs.first else { return }
        var existing = temporal[timeline, default: []]
        temporal[timeline] = nil  // keep the array uniquely referenced while editing
        let p = upperBound(existing, first)
        if p == existing.count {
            existing.append(contentsOf: refs)
        } else {
            var merged: [RowRef] = []
            merged.reserveCapacity(existing.count - p + refs.count)
            var i = p, j = 0
            while i < existing.count && j < refs.count {
                if RowRef.precedes(refs[j], existing[i]) { merged.append(refs[j]); j += 1 } else { merged.append(existing[i]); i += 1 }
            }
            merged.append(contentsOf: existing[i...])
            merged.append(contentsOf: refs[j...])
            existing.replaceSubrange(p..., with: merged)
        }
        temporal[timeline] = existing
    }
}

/// First index in `refs` whose ref comes strictly after `key`.
@inline(__always) func upperBound(_ refs: [RowRef], _ key: RowRef) -> Int {
    var lo = 0, hi = refs.count
    while lo < hi {
        let mid = (lo + hi) >> 1
        if RowRef.precedes(key, refs[mid]) { hi = mid } else { lo = mid + 1 }
    }
    return lo
}

/// Index of the last ref with `time <= t` (nil when there is none).
@inline(__always) func lastIndex(atOrBefore t: TimeInt, in refs: [RowRef]) -> Int? {
    var lo = 0, hi = refs.count
    while lo < hi {
        let mid = (lo + hi) >> 1
        if refs[mid].time <= t { lo = mid + 1 } else { hi = mid }
    }
    return lo > 0 ? lo - 1 : nil
}
