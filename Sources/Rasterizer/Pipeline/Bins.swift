import CKernelIntrinsics

/// One chunk of a draw's primitives after the vertex stage: for every tile, copies of the records
/// that touch it, in submission order, stored tile after tile (`binned`), so that a tile reads its
/// records sequentially (reading them through indices in submission order cost 60 % of a
/// points_1m frame in cache misses).
///
/// `add` (or `stage`/`commit` for blocks of records) stages a record with a 4-byte tile key (the
/// tile's coordinates when it touches one tile, the most common case for small primitives, with
/// `rightBit`/`downBit` when it touches the 2 or 2 × 2 tiles from there, else an index into
/// `multiRanges`, or `skipKey`); `finish` counts per tile from the keys and copies the records into
/// tile order (a stable counting sort). Submission numbers are staging slots.
/// Storage is raw memory kept between frames: records must be plain values (no references).
///
/// A record touching more than `maxCopies` tiles is not copied: it goes to `large` once, and tiles
/// merge it back by submission number, so memory stays proportional to the primitives, however
/// large they are drawn.
///
/// Chunks have a fixed size (`chunkSize`), independent of the thread count, and tiles read chunk
/// after chunk, so every tile sees its primitives in submission order whatever the threads did.
final class Bins<Record>: @unchecked Sendable {
    /// Vertices made by clipping (triangle draws only), referenced as `index | clippedVertexFlag`.
    var extraVertices: [TriVertex] = []
    /// Records spanning more than `maxCopies` tiles, with their ranges and submission numbers.
    private(set) var large: [(record: Record, range: TileRange, seq: Int)] = []
    static var maxCopies: Int { 16 }

    /// Staged small records in submission order, and their keys.
    private var staged = RawStorage<Record>()
    private var keys = RawStorage<UInt32>()
    /// Staging slots used (the next record's submission number among the small ones).
    private(set) var count = 0
    /// Tile ranges of staged records that touch 3…`maxCopies` tiles.
    private var multiRanges: [TileRange] = []
    /// `tileStart[t] ..< tileStart[t + 1]` are tile `t`'s entries in `binned`.
    private var tileStart = RawStorage<Int32>()
    private var cursor = RawStorage<Int32>()
    private var binned = RawStorage<Record>()
    /// Submission number of each entry of `binned` (filled only when `large` is not empty).
    private var binnedSeq: [Int32] = []
    private var tilesX = 1
    private var tiles = 0

    /// Key bit: the low bits index `multiRanges`; clear: `ty << 8 | tx` (tile coordinates < 256)
    /// and the span bits.
    private static var multiFlag: UInt32 { 0x8000_0000 }
    /// Span bits of a key without `multiFlag`: the record also touches tile (tx + 1, ty), tile
    /// (tx, ty + 1); both: the 2 × 2 tiles from (tx, ty).
    static var rightBit: UInt32 { 0x1_0000 }
    static var downBit: UInt32 { 0x2_0000 }

    deinit {
        staged.release(); keys.release(); tileStart.release(); cursor.release(); binned.release()
    }

    func reset(capacity: Int) {
        count = 0
        tiles = 0
        multiRanges.removeAll(keepingCapacity: true)
        extraVertices.removeAll(keepingCapacity: true)
        large.removeAll(keepingCapacity: true)
        staged.reserve(capacity, keeping: 0)
        keys.reserve(capacity, keeping: 0)
    }

    @inline(__always) func add(_ record: Record, _ range: TileRange) {
        let slots = stage(1)
        slots.records[0] = record
        slots.keys[0] = key(range, record: record, slot: count)
        commit(1)
    }

    /// Room for `n` more staged records: the caller writes records and keys (`tileKey`, `key`
    /// or `skipKey`) at these pointers, then calls `commit(n)`.
    @inline(__always) func stage(_ n: Int) -> (records: UnsafeMutablePointer<Record>, keys: UnsafeMutablePointer<UInt32>) {
        if count + n > staged.capacity {
            staged.reserve(2 * (count + n) + 64, keeping: count)
            keys.reserve(2 * (count + n) + 64, keeping: count)
        }
        return (staged.base + count, keys.base + count)
    }

    @inline(__always) func commit(_ n: Int) { count += n }

    /// Whether `stage(n)` fits in the staging memory as it is (does not move the staged records).
    @inline(__always) func canStage(_ n: Int) -> Bool { count + n <= staged.capacity }

    /// Key of a record touching the one tile (`tx`, `ty`).
    @inline(__always) static func tileKey(_ tx: UInt32, _ ty: UInt32) -> UInt32 { ty << 8 | tx }

    /// Key of a staged record that is not binned (culled, or moved to `large`).
    static var skipKey: UInt32 { 0xFFFF_FFFF }

    /// A value no key takes (bit 18 without `multiFlag`: tile keys use bits 0…17 only), for "no run" in `finish`.
    private static var noRunKey: UInt32 { 0x4_0000 }

    /// Writes the keys of 8 records just staged at `slots` (from staging index `first`), whose
    /// tiles are columns `tx0 … tx1` × rows `ty0 … ty1`, lane by lane: `skipKey` in the lanes
    /// `skip` sets (all ones there); else the first tile with the span bits for 1, 2 or 2 × 2
    /// tiles, as `key(_:record:slot:)` gives them, and that function's key for the wider boxes
    /// among the lanes `kept` (lane bits) sets.
    @inline(__always)
    func writeKeys8(_ slots: (records: UnsafeMutablePointer<Record>, keys: UnsafeMutablePointer<UInt32>), first: Int,
                    _ tx0: SIMD8<Int32>, _ ty0: SIMD8<Int32>, _ tx1: SIMD8<Int32>, _ ty1: SIMD8<Int32>,
                    skip: SIMD8<UInt32>, kept: UInt32) {
        let across = unsafeBitCast(tx1 &- tx0, to: SIMD8<UInt32>.self), down = unsafeBitCast(ty1 &- ty0, to: SIMD8<UInt32>.self)
        let tileKeys = (unsafeBitCast(ty0, to: SIMD8<UInt32>.self) &<< 8) | unsafeBitCast(tx0, to: SIMD8<UInt32>.self)
            | (across &* Self.rightBit) | (down &* Self.downBit)
        UnsafeMutableRawPointer(slots.keys).storeBytes(of: tileKeys | skip, as: SIMD8<UInt32>.self)
        // (Both at most 1 as a bit test against a vector: `.<=` with a scalar went lane by lane.)
        var wide = kept & ~laneBits(((across | down) & SIMD8(repeating: ~1)) .== SIMD8<UInt32>())
        while wide != 0 {
            let j = wide.trailingZeroBitCount
            wide &= wide - 1
            let range = TileRange(x0: UInt16(truncatingIfNeeded: tx0[j]), y0: UInt16(truncatingIfNeeded: ty0[j]),
                                  x1: UInt16(truncatingIfNeeded: tx1[j]), y1: UInt16(truncatingIfNeeded: ty1[j]))
            slots.keys[j] = key(range, record: slots.records[j], slot: first + j)
        }
    }

    /// Key of the record staged at `slot` (the staging index it is written at) touching `range`; a
    /// record touching more than `maxCopies` tiles goes to `large` and its slot is skipped.
    @inline(__always) func key(_ range: TileRange, record: Record, slot: Int) -> UInt32 {
        let w = Int(range.x1) - Int(range.x0), h = Int(range.y1) - Int(range.y0)
        if w <= 1 && h <= 1 {
            return Self.tileKey(UInt32(range.x0), UInt32(range.y0)) | (w == 1 ? Self.rightBit : 0) | (h == 1 ? Self.downBit : 0)
        }
        if (w + 1) * (h + 1) > Self.maxCopies {
            // Submission number: staging slots and large records, in order.
            large.append((record, range, slot + large.count))
            return Self.skipKey
        }
        multiRanges.append(range)
        return Self.multiFlag | UInt32(multiRanges.count - 1)
    }

    /// Copies the records into tile order (a counting sort, stable).
    func finish(_ grid: TileGrid) {
        let tx = grid.tilesX
        tilesX = tx
        tiles = grid.count
        // `tx + 1` counts past the last tile's: the count below adds 0 to the right and lower
        // neighbours of keys without those span bits, also for tiles of the last row or column.
        tileStart.reserve(tiles + tx + 2, keeping: 0)
        cursor.reserve(tiles, keeping: 0)
        let start = tileStart.base, cur = cursor.base, key = keys.base, recs = staged.base
        start.update(repeating: 0, count: tiles + tx + 2)
        let n = count
        multiRanges.withUnsafeBufferPointer { multi in
            // Runs of equal keys (neighbours in submission order are mostly neighbours on screen)
            // are counted in a register and added once: a count per record waited for the last
            // record's store to the same counter.
            var runKey = Self.skipKey, run: Int32 = 0
            @inline(__always) func addRun() {
                if runKey & Self.multiFlag != 0 { return }
                // The tile and the 1 or 3 that the span bits add, counted without branches (a
                // branch on the span bits mispredicted on the primitives crossing tile edges).
                let k = runKey
                let t = Int((k >> 8) & 0xFF) * tx + Int(k & 0xFF)
                let right = 0 &- Int32(truncatingIfNeeded: (k >> 16) & 1), down = 0 &- Int32(truncatingIfNeeded: (k >> 17) & 1)
                start[t + 1] &+= run
                start[t + 2] &+= right & run
                start[t + tx + 1] &+= down & run
                start[t + tx + 2] &+= right & down & run
            }
            for i in 0..<n {
                let k = key[i]
                if k == runKey { run &+= 1; continue }
                addRun()
                (runKey, run) = (k, 1)
                if k & Self.multiFlag != 0 {
                    // Counted here; no run (`addRun` skips `skipKey`, and no two records share a `multiRanges` index).
                    Self.eachTile(of: k, tx, multi) { start[$0 + 1] &+= 1 }
                    runKey = Self.skipKey
                }
            }
            addRun()
        }
        for t in 0..<tiles { start[t + 1] &+= start[t] }
        let total = Int(start[tiles])
        binned.reserve(total, keeping: 0)
        cur.update(from: start, count: tiles)
        let out = binned.base
        if !large.isEmpty {
            binSequenced(total, tx)
            return
        }
        multiRanges.withUnsafeBufferPointer { multi in
            // A run of records with the same one-tile key goes to consecutive entries from a
            // cursor held in a register, written back when the run ends. `noRun` while none.
            // Every copy asks for the line `scatterPrefetchBytes` past it (see there).
            let noRun = Self.noRunKey
            var runKey = noRun, runTile = 0, at: Int32 = 0
            for i in 0..<n {
                let k = key[i]
                if k == runKey {
                    Self.scatter(recs + i, to: out + Int(at))
                    at &+= 1
                    continue
                }
                if runKey != noRun { cur[runTile] = at }
                runKey = noRun
                if k & (Self.multiFlag | Self.rightBit | Self.downBit) == 0 {
                    runKey = k
                    runTile = Int((k >> 8) & 0xFF) * tx + Int(k & 0xFF)
                    at = cur[runTile]
                    Self.scatter(recs + i, to: out + Int(at))
                    at &+= 1
                    continue
                }
                Self.eachTile(of: k, tx, multi) { t in
                    Self.scatter(recs + i, to: out + Int(cur[t]))
                    cur[t] &+= 1
                }
            }
            if runKey != noRun { cur[runTile] = at }
        }
    }

    /// Calls `body` with every tile (`y · tilesX + x`) that staged key `k` names, row by row: its
    /// tile and those its span bits add, or its `multiRanges` range (`multi`); none for `skipKey`.
    /// Both passes of `finish` and `binSequenced` walk the keys through it, so they agree.
    @inline(__always)
    private static func eachTile(of k: UInt32, _ tx: Int, _ multi: UnsafeBufferPointer<TileRange>, _ body: (Int) -> Void) {
        if k & multiFlag == 0 {
            let t = Int((k >> 8) & 0xFF) * tx + Int(k & 0xFF)
            body(t)
            if k & (rightBit | downBit) == 0 { return }
            if k & rightBit != 0 { body(t + 1) }
            if k & downBit != 0 {
                body(t + tx)
                if k & rightBit != 0 { body(t + tx + 1) }
            }
            return
        }
        if k == skipKey { return }
        let r = multi[Int(k & ~multiFlag)]
        for y in Int(r.y0)...Int(r.y1) {
            for x in Int(r.x0)...Int(r.x1) { body(y * tx + x) }
        }
    }

    /// Copies one record as bytes (24 bytes in two moves; assigned, they went field by field, three
    /// stores that each waited for their cache line).
    @inline(__always) private static func copy(_ from: UnsafePointer<Record>, to: UnsafeMutablePointer<Record>) {
        UnsafeMutableRawPointer(to).copyMemory(from: from, byteCount: MemoryLayout<Record>.size)
    }

    /// How far past a scattered record `finish` prefetches: each tile's entries are written at
    /// increasing addresses, so the line two lines past an entry is where that tile's later entries
    /// go. Records of scattered clouds go to a different tile almost every time, and the lines they
    /// land in were last written a frame ago: without the prefetch each store waited for its line
    /// (a store miss per 2–3 records; `finish` was 19 % of a million-point export frame). With it,
    /// frames alternating in one process, two threads: points_1m 0.82, points_10m 0.80; lines_100k
    /// and mesh_1m unchanged (their records come in runs of one tile).
    @inline(__always) private static var scatterPrefetchBytes: Int { 128 }

    /// `copy`, then a prefetch of the line `scatterPrefetchBytes` past the entry.
    @inline(__always) private static func scatter(_ from: UnsafePointer<Record>, to: UnsafeMutablePointer<Record>) {
        copy(from, to: to)
        rrd_prefetch_write(UnsafeRawPointer(to) + scatterPrefetchBytes)
    }

    /// The scatter of `finish` when some records went to `large`: also records each entry's
    /// submission number (small and large records interleave) for the merge in `withRecords`.
    private func binSequenced(_ total: Int, _ tx: Int) {
        if binnedSeq.count < total { binnedSeq = [Int32](repeating: 0, count: total) }
        var li = 0
        multiRanges.withUnsafeBufferPointer { multi in
            for i in 0..<count {
                while li < large.count && large[li].seq <= i + li { li += 1 }
                let seq = Int32(i + li)
                Self.eachTile(of: keys.base[i], tx, multi) { t in
                    let at = Int(cursor.base[t])
                    binnedSeq[at] = seq
                    binned.base[at] = staged.base[i]
                    cursor.base[t] &+= 1
                }
            }
        }
    }

    /// Tile `t`'s records, in submission order.
    @inline(__always) func withRecords(tile t: Int, _ body: (UnsafeBufferPointer<Record>) -> Void) {
        if tiles == 0 { return }
        let s = Int(tileStart.base[t]), e = Int(tileStart.base[t + 1])
        if large.isEmpty {
            if s == e { return }
            body(UnsafeBufferPointer(start: binned.base + s, count: e - s))
            return
        }
        // Rare path (some record spans many tiles): merge both lists by submission number.
        let tx = t % tilesX, ty = t / tilesX
        var merged: [Record] = []
        var k = s
        for l in large where Int(l.range.x0) <= tx && tx <= Int(l.range.x1) && Int(l.range.y0) <= ty && ty <= Int(l.range.y1) {
            while k < e && Int(binnedSeq[k]) < l.seq { merged.append(binned.base[k]); k += 1 }
            merged.append(l.record)
        }
        while k < e { merged.append(binned.base[k]); k += 1 }
        if !merged.isEmpty { merged.withUnsafeBufferPointer(body) }
    }

    /// The smallest box of tiles holding every tile that a record touches, after `finish`, as
    /// (x0, y0, −x1, −y1) (tile `(x, y)` is inside when (x0, y0, −x1, −y1) ≤ (x, y, −x, −y) lane by
    /// lane); (1, 1, 0, 0) when none. One pass over the tiles (called by draws that test many
    /// tiles against many chunks).
    func tileBox() -> SIMD4<Int32> {
        var box = SIMD4<Int32>(Int32.max, Int32.max, Int32.max, Int32.max)
        @inline(__always) func add(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int) {
            box[0] = min(box[0], Int32(x0)); box[1] = min(box[1], Int32(y0))
            box[2] = min(box[2], Int32(-x1)); box[3] = min(box[3], Int32(-y1))
        }
        if tiles > 0 {
            let start = tileStart.base
            for t in 0..<tiles where start[t + 1] != start[t] { add(t % tilesX, t / tilesX, t % tilesX, t / tilesX) }
        }
        for l in large { add(Int(l.range.x0), Int(l.range.y0), Int(l.range.x1), Int(l.range.y1)) }
        return box[0] == Int32.max ? SIMD4(1, 1, 0, 0) : box
    }

    /// Whether any record touches tile `t`.
    @inline(__always) func touches(tile t: Int) -> Bool {
        if tiles == 0 { return false }
        if tileStart.base[t + 1] != tileStart.base[t] { return true }
        if large.isEmpty { return false }
        let tx = t % tilesX, ty = t / tilesX
        return large.contains { Int($0.range.x0) <= tx && tx <= Int($0.range.x1) && Int($0.range.y0) <= ty && ty <= Int($0.range.y1) }
    }
}

/// Raw memory for plain values, grown on demand and kept between frames (no element is ever
/// deinitialised: only trivial types belong here).
struct RawStorage<T> {
    private(set) var base: UnsafeMutablePointer<T>
    private(set) var capacity = 0

    init() { base = .allocate(capacity: 1) }

    /// Ensures room for `n` elements, keeping the first `keeping`. Grows to 1/8 more than asked: the
    /// binned copies of moving points need a little more or less every frame, and grown to the
    /// exact need, a chunk's storage was reallocated on fresh pages whenever it peaked (a
    /// million-point export at 1920 × 1080: about 1000 page faults a frame, 540 with the margin).
    @inline(__always) mutating func reserve(_ n: Int, keeping: Int) {
        if n <= capacity { return }
        grow(n + n >> 3, keeping: keeping)
    }

    private mutating func grow(_ n: Int, keeping: Int) {
        precondition(_isPOD(T.self), "RawStorage holds plain values only")
        let bigger = UnsafeMutablePointer<T>.allocate(capacity: n)
        if keeping > 0 { bigger.moveInitialize(from: base, count: keeping) }
        base.deallocate()
        base = bigger
        capacity = n
    }

    /// Frees the memory (the owner's `deinit`).
    func release() { base.deallocate() }
}

/// Primitives per vertex-stage job; fixed so that binning does not depend on the thread count.
let chunkSize = 16384

/// Set on a triangle's vertex index when it refers to `Bins.extraVertices`.
let clippedVertexFlag: UInt32 = 0x8000_0000
