/// One chunk of a draw's primitives after the vertex stage: for every tile, copies of the records
/// that touch it, in submission order, stored tile after tile (`binned`), so that a tile reads its
/// records sequentially (reading them through indices in submission order cost 60 % of a
/// points_1m frame in cache misses).
///
/// A record touching more than `maxCopies` tiles is not copied: it goes to `large` once, and tiles
/// merge it back by submission number, so memory stays proportional to the primitives, however
/// large they are drawn.
///
/// Chunks have a fixed size (`chunkSize`), independent of the thread count, and tiles read chunk
/// after chunk, so every tile sees its primitives in submission order whatever the threads did.
final class Bins<Record>: @unchecked Sendable {
    var records: [Record] = []
    var ranges: [TileRange] = []
    /// `tileStart[t] ..< tileStart[t + 1]` are tile `t`'s entries in `binned`.
    var tileStart: [Int32] = []
    var binned: [Record] = []
    /// Vertices made by clipping (triangle draws only), referenced as `index | clippedVertexFlag`.
    var extraVertices: [TriVertex] = []
    /// Records spanning more than `maxCopies` tiles, with their ranges and submission numbers.
    var large: [(record: Record, range: TileRange, seq: Int)] = []
    /// Submission number of each entry of `binned` (filled only when `large` is not empty).
    var binnedSeq: [Int32] = []
    static var maxCopies: Int { 16 }
    private var tilesX = 1

    func reset(capacity: Int) {
        records.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
        extraVertices.removeAll(keepingCapacity: true)
        large.removeAll(keepingCapacity: true)
        records.reserveCapacity(capacity)
        ranges.reserveCapacity(capacity)
    }

    @inline(__always) func add(_ record: Record, _ range: TileRange) {
        if (Int(range.x1) - Int(range.x0) + 1) * (Int(range.y1) - Int(range.y0) + 1) > Self.maxCopies {
            large.append((record, range, records.count + large.count))
            return
        }
        records.append(record)
        ranges.append(range)
    }

    /// Copies the records into tile order (a counting sort, stable).
    func finish(_ grid: TileGrid) {
        tilesX = grid.tilesX
        let tiles = grid.count
        if tileStart.count != tiles + 1 {
            tileStart = [Int32](repeating: 0, count: tiles + 1)
        } else {
            tileStart.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
        }
        let tx = grid.tilesX
        var total = 0
        tileStart.withUnsafeMutableBufferPointer { start in
            ranges.withUnsafeBufferPointer { rs in
                for r in rs {
                    if r.x0 == r.x1 && r.y0 == r.y1 {
                        start[Int(r.y0) * tx + Int(r.x0) + 1] &+= 1
                        continue
                    }
                    for y in Int(r.y0)...Int(r.y1) {
                        for x in Int(r.x0)...Int(r.x1) { start[y * tx + x + 1] &+= 1 }
                    }
                }
            }
            for t in 0..<tiles { start[t + 1] &+= start[t] }
            total = Int(start[tiles])
        }
        if binned.count < total, let first = records.first {
            binned = [Record](repeating: first, count: total)
        }
        // Submission numbers of the small records (they interleave with the large ones).
        var smallSeq: [Int32] = []
        if !large.isEmpty {
            if binnedSeq.count < total { binnedSeq = [Int32](repeating: 0, count: total) }
            smallSeq.reserveCapacity(records.count)
            var li = 0
            for i in 0..<records.count {
                while li < large.count && large[li].seq <= i + li { li += 1 }
                smallSeq.append(Int32(i + li))
            }
        }
        var cursor = tileStart
        cursor.withUnsafeMutableBufferPointer { cur in
            binned.withUnsafeMutableBufferPointer { out in
                records.withUnsafeBufferPointer { recs in
                    ranges.withUnsafeBufferPointer { rs in
                        for i in 0..<rs.count {
                            let r = rs[i]
                            if r.x0 == r.x1 && r.y0 == r.y1 {
                                let t = Int(r.y0) * tx + Int(r.x0)
                                if !smallSeq.isEmpty { binnedSeq[Int(cur[t])] = smallSeq[i] }
                                out[Int(cur[t])] = recs[i]
                                cur[t] &+= 1
                                continue
                            }
                            for y in Int(r.y0)...Int(r.y1) {
                                for x in Int(r.x0)...Int(r.x1) {
                                    let t = y * tx + x
                                    if !smallSeq.isEmpty { binnedSeq[Int(cur[t])] = smallSeq[i] }
                                    out[Int(cur[t])] = recs[i]
                                    cur[t] &+= 1
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Tile `t`'s records, in submission order.
    @inline(__always) func withRecords(tile t: Int, _ body: (UnsafeBufferPointer<Record>) -> Void) {
        let s = Int(tileStart[t]), e = Int(tileStart[t + 1])
        if large.isEmpty {
            if s == e { return }
            binned.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[s..<e])) }
            return
        }
        // Rare path (some record spans many tiles): merge both lists by submission number.
        let tx = t % tilesX, ty = t / tilesX
        var merged: [Record] = []
        var k = s
        for l in large where Int(l.range.x0) <= tx && tx <= Int(l.range.x1) && Int(l.range.y0) <= ty && ty <= Int(l.range.y1) {
            while k < e && Int(binnedSeq[k]) < l.seq { merged.append(binned[k]); k += 1 }
            merged.append(l.record)
        }
        while k < e { merged.append(binned[k]); k += 1 }
        if !merged.isEmpty { merged.withUnsafeBufferPointer(body) }
    }

    /// Whether any record touches tile `t`.
    @inline(__always) func touches(tile t: Int) -> Bool {
        if tileStart[t + 1] != tileStart[t] { return true }
        if large.isEmpty { return false }
        let tx = t % tilesX, ty = t / tilesX
        return large.contains { Int($0.range.x0) <= tx && tx <= Int($0.range.x1) && Int($0.range.y0) <= ty && ty <= Int($0.range.y1) }
    }
}

/// Primitives per vertex-stage job; fixed so that binning does not depend on the thread count.
let chunkSize = 16384

/// Set on a triangle's vertex index when it refers to `Bins.extraVertices`.
let clippedVertexFlag: UInt32 = 0x8000_0000
