/// One chunk of a draw's primitives after the vertex stage: for every tile, copies of the records
/// that touch it, in submission order, stored tile after tile (`binned`), so that a tile reads its
/// records sequentially (reading them through indices in submission order cost 60 % of a
/// points_1m frame in cache misses).
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

    func reset(capacity: Int) {
        records.removeAll(keepingCapacity: true)
        ranges.removeAll(keepingCapacity: true)
        extraVertices.removeAll(keepingCapacity: true)
        records.reserveCapacity(capacity)
        ranges.reserveCapacity(capacity)
    }

    @inline(__always) func add(_ record: Record, _ range: TileRange) {
        records.append(record)
        ranges.append(range)
    }

    /// Copies the records into tile order (a counting sort, stable).
    func finish(_ grid: TileGrid) {
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
        var cursor = tileStart
        cursor.withUnsafeMutableBufferPointer { cur in
            binned.withUnsafeMutableBufferPointer { out in
                records.withUnsafeBufferPointer { recs in
                    ranges.withUnsafeBufferPointer { rs in
                        for i in 0..<rs.count {
                            let r = rs[i]
                            if r.x0 == r.x1 && r.y0 == r.y1 {
                                let t = Int(r.y0) * tx + Int(r.x0)
                                out[Int(cur[t])] = recs[i]
                                cur[t] &+= 1
                                continue
                            }
                            for y in Int(r.y0)...Int(r.y1) {
                                for x in Int(r.x0)...Int(r.x1) {
                                    let t = y * tx + x
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
        if s == e { return }
        binned.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[s..<e])) }
    }

    /// Number of records touching tile `t`.
    @inline(__always) func count(tile t: Int) -> Int { Int(tileStart[t + 1] - tileStart[t]) }
}

/// Primitives per vertex-stage job; fixed so that binning does not depend on the thread count.
let chunkSize = 16384

/// Set on a triangle's vertex index when it refers to `Bins.extraVertices`.
let clippedVertexFlag: UInt32 = 0x8000_0000
