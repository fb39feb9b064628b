import Foundation
import RecordingModel

/// The whole history of one entity's `Scalars` on one timeline, as flat arrays for fast per-frame work.
///
/// Invariants: at most `maxSeries` series; `times` is sorted ascending (ties in row-id order); every `values[s]` has `times.count` entries
/// (NaN where a row logged fewer than `s + 1` scalars); `breakBefore[i]` is true when a Clear of the entity (or a
/// recursive one of an ancestor) lies strictly between points `i − 1` and `i`, so the line is cut there.
struct ScalarHistory: Sendable {
    let times: [Int64]
    let values: [[Double]]
    let breakBefore: [Bool]

    var seriesCount: Int { values.count }
    var isEmpty: Bool { times.isEmpty }

    static let component = "Scalars:scalars"
    /// Most series read per entity (a row logging more scalars plots only the first ones), which bounds memory at
    /// `maxSeries × rows` values whatever a row holds.
    static let maxSeries = 256

    /// Reads every temporal `Scalars:scalars` cell of `entity` on `timeline`. Static scalars have no place on a
    /// time axis and are left out.
    init(store: ChunkStore, entity: EntityPath, timeline: TimelineName) {
        let everything = Int64.min...Int64.max
        let cells = store.range(Self.component, entity: entity, timeline: timeline, times: everything)
            .filter { !$0.index.isStatic }
        var seriesCount = 0
        for c in cells { seriesCount = max(seriesCount, c.count) }
        seriesCount = min(seriesCount, Self.maxSeries)
        var times = [Int64](repeating: 0, count: cells.count)
        var values = [[Double]](repeating: [Double](repeating: .nan, count: cells.count), count: seriesCount)
        for (i, c) in cells.enumerated() {
            times[i] = c.index.time ?? 0
            let shown = c.instances.prefix(seriesCount)
            if let doubles = c.values.values(Double.self) {
                for (s, k) in shown.enumerated() { values[s][i] = c.values.isValid(k) ? doubles[k] : .nan }
            } else if let floats = c.values.values(Float.self) {
                for (s, k) in shown.enumerated() { values[s][i] = c.values.isValid(k) ? Double(floats[k]) : .nan }
            }
        }
        var breaks = [Bool](repeating: false, count: cells.count)
        let clears = store.clearCells(for: entity, timeline: timeline, times: everything).map(\.index).filter { !$0.isStatic }
        if !clears.isEmpty {
            var k = 0
            for i in cells.indices {
                // Clears at or before point i's index and after point i − 1's cut the line before i.
                var cut = false
                while k < clears.count && clears[k] < cells[i].index {
                    if i > 0 && cells[i - 1].index < clears[k] { cut = true }
                    k += 1
                }
                breaks[i] = cut
            }
        }
        self.times = times
        self.values = values
        self.breakBefore = breaks
    }

    init(times: [Int64], values: [[Double]], breakBefore: [Bool]? = nil) {
        self.times = times
        self.values = values
        self.breakBefore = breakBefore ?? [Bool](repeating: false, count: times.count)
    }

    /// Index of the first time ≥ `t`.
    func lowerBound(_ t: Int64) -> Int {
        var lo = 0, hi = times.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if times[mid] < t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }

    /// Index one past the last time ≤ `t`.
    func upperBound(_ t: Int64) -> Int {
        var lo = 0, hi = times.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if times[mid] <= t { lo = mid + 1 } else { hi = mid }
        }
        return lo
    }
}

/// Histories read once per (store, entity, timeline) and kept for the following frames: a video of a plot reads
/// its data once. Keyed by the store's id and chunk count, so a store that grew is read again.
final class ScalarHistoryCache: @unchecked Sendable {
    private struct Key: Hashable {
        let store: StoreID
        let chunkCount: Int
        let entity: EntityPath
        let timeline: TimelineName
    }

    private let lock = NSLock()
    private var entries: [Key: ScalarHistory] = [:]

    func history(store: ChunkStore, entity: EntityPath, timeline: TimelineName) -> ScalarHistory {
        let key = Key(store: store.id, chunkCount: store.chunks.count, entity: entity, timeline: timeline)
        lock.lock()
        if let h = entries[key] { lock.unlock(); return h }
        lock.unlock()
        let h = ScalarHistory(store: store, entity: entity, timeline: timeline)
        lock.lock()
        if entries.count > 256 { entries.removeAll() }
        entries[key] = h
        lock.unlock()
        return h
    }
}
