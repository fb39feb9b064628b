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

    /// Reads every temporal `Scalars:scalars` cell of `entity` on `timeline`, straight from the entity's chunks
    /// (no per-row query objects: 100,000 rows read in a few milliseconds), ordered by (time, row id) as the
    /// store's range query orders them. Static scalars have no place on a time axis and are left out.
    init(store: ChunkStore, entity: EntityPath, timeline: TimelineName) {
        struct Ref { var time: Int64; var rowID: RowID; var chunk: Int32; var row: Int32 }
        let chunks = store.chunks(of: entity)
        var refs: [Ref] = []
        var columns: [ComponentColumn?] = []
        var seriesCount = 0
        for (ci, chunk) in chunks.enumerated() {
            let column = chunk.column(Self.component)
            columns.append(column)
            guard let column, let tc = chunk.timeColumn(timeline) else { continue }
            for r in 0..<chunk.rowCount {
                guard let range = column.instanceRange(row: r), !column.isNull(row: r) else { continue }
                seriesCount = max(seriesCount, range.count)
                refs.append(Ref(time: tc.times[r], rowID: chunk.rowIDs[r], chunk: Int32(ci), row: Int32(r)))
            }
        }
        let ordered = zip(refs, refs.dropFirst()).allSatisfy { a, b in a.time != b.time ? a.time < b.time : a.rowID < b.rowID }
        if !ordered { refs.sort { a, b in a.time != b.time ? a.time < b.time : a.rowID < b.rowID } }
        seriesCount = min(seriesCount, Self.maxSeries)

        var times = [Int64](repeating: 0, count: refs.count)
        var values = [[Double]](repeating: [Double](repeating: .nan, count: refs.count), count: seriesCount)
        for (i, ref) in refs.enumerated() {
            times[i] = ref.time
            guard let column = columns[Int(ref.chunk)], let range = column.instanceRange(row: Int(ref.row)) else { continue }
            let array = column.values
            let shown = range.prefix(seriesCount)
            if let doubles = array.values(Double.self) {
                for (s, k) in shown.enumerated() { values[s][i] = array.isValid(k) ? doubles[k] : .nan }
            } else if let floats = array.values(Float.self) {
                for (s, k) in shown.enumerated() { values[s][i] = array.isValid(k) ? Double(floats[k]) : .nan }
            }
        }
        var breaks = [Bool](repeating: false, count: refs.count)
        let clears = store.clearCells(for: entity, timeline: timeline, times: Int64.min...Int64.max).map(\.index)
            .filter { !$0.isStatic }
        if !clears.isEmpty {
            func index(_ i: Int) -> DataIndex { DataIndex(time: refs[i].time, rowID: refs[i].rowID) }
            var k = 0
            for i in refs.indices {
                // Clears after point i − 1 and before point i cut the line before i.
                var cut = false
                while k < clears.count && clears[k] < index(i) {
                    if i > 0 && index(i - 1) < clears[k] { cut = true }
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
