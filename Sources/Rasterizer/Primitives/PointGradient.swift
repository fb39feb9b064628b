/// Opaque gradient-shaded points (the viewer's radial "sphere" shading) with the SIMD kernels, in two
/// passes per tile:
/// 1. visibility: every point writes its id instead of a colour into a tile of id samples, with the
///    flat kernels (`opaqueRecords`) and the draw's depth mode, so each id sample ends up holding the
///    point the colour sample would take its word from (the last one to pass its depth test);
/// 2. shading: every pixel is shaded once per point that holds one of its samples (`shade`'s
///    arithmetic, lane-wise for 8 (pixel, point) pairs at a time) and the word written into those
///    samples; samples no point holds keep their colour.
/// The shade of a (pixel, point) pair does not depend on what was drawn before, and the lane-wise
/// IEEE operations (subtract, multiply, add, square root, divide, select) give the scalar bits, so
/// the picture is the scalar reference's (`opaqueScalar` with `gradient`: the same pixels tested
/// per point, each covered pixel shaded and written in drawing order), bit for bit, with each
/// pixel shaded once instead of once per point drawn over it.

/// Bits of a point id that index its record within its list (one chunk's records of one tile, at
/// most `chunkSize`); the list's number is in the bits above.
/// (Computed, not stored: a global `let` costs a `swift_once` call per access in the kernels.)
@inline(__always) var pointIDLocalBits: Int { Int.bitWidth - (chunkSize - 1).leadingZeroBitCount }
/// Id of the samples no point of the draw holds (never a point's id: see `maxShadedLists`).
@inline(__always) var noPointID: UInt32 { .max }
/// Most record lists a tile's ids can name: list numbers stay below all ones, so no id is `noPointID`.
@inline(__always) var maxShadedLists: Int { (1 << (32 - pointIDLocalBits)) - 1 }

/// (Pixel, point) pairs waiting to be shaded, as lanes of `shade`'s inputs: the pixel centre's
/// offsets from the point's centre (`shade`'s dx, dy: the same subtractions, made when queued),
/// the point's radius and linear colour; the pixel's first colour sample and which of its 4
/// samples take the word. Flushed 8 at a time, before a 2-pixel span could overflow it (it adds
/// at most 8).
struct PointShadeQueue {
    @inline(__always) static var capacity: Int { 64 }
    @inline(__always) static var flushAt: Int { capacity - 8 }
    /// Floats per lane array: dx, dy, r, red, green, blue; then sample, mask and the three
    /// channels' encode-table indices (32-bit words).
    @inline(__always) static var arrays: Int { 11 }
    let base: UnsafeMutablePointer<Float>
    var count = 0

    /// Lane array `k` (of `capacity` words).
    @inline(__always) func lanes(_ k: Int) -> UnsafeMutablePointer<Float> { base + k * Self.capacity }
    @inline(__always) func words(_ k: Int) -> UnsafeMutablePointer<UInt32> {
        UnsafeMutableRawPointer(base + k * Self.capacity).assumingMemoryBound(to: UInt32.self)
    }

    /// Queues point `p` at the pixel (`px`, `py`) of the tile at `ox`, `oy`: the operands `shade` takes.
    @inline(__always) mutating func push(_ p: PointRecord, _ px: Int, _ py: Int, mask: UInt32, _ ox: Float, _ oy: Float,
                                         _ t: SRGBTables) {
        let i = count
        lanes(0)[i] = (Float(px) + 0.5) - (p.x - ox); lanes(1)[i] = (Float(py) + 0.5) - (p.y - oy)
        lanes(2)[i] = p.r
        let c = p.color
        lanes(3)[i] = t.decode[Int(c & 0xFF)]; lanes(4)[i] = t.decode[Int((c >> 8) & 0xFF)]
        lanes(5)[i] = t.decode[Int((c >> 16) & 0xFF)]
        words(6)[i] = UInt32(truncatingIfNeeded: ((py << tileShift) + px) << 2)
        words(7)[i] = mask
        count = i + 1
    }
}

extension PointDraw {
    /// Up to this many records in a tile, the tile's id samples are cleared and scanned only over
    /// the box of their discs; more usually cover the tile, and the box's serial min / max chain
    /// cost more than it saved.
    @inline(__always) static var boxedRecords: Int { 64 }

    /// Opaque gradient-shaded points of tile `t` (see the file's comment). The draw has fewer than
    /// `maxShadedLists` chunks.
    func gradientSIMD<S: ShapeConstant, D: DepthMode>(tile t: Int, _ ctx: TileContext, _: S.Type, _: D.Type) {
        // Each list's records; a merged list (`Bins.withRecords` with records spanning many tiles)
        // lives only during its call and is copied. Their centres' box, widened by the radii.
        var lists: [UnsafePointer<PointRecord>] = [], counts: [Int] = []
        // At most one list per chunk: room for all at once (appended one by one, the arrays grew
        // through 7 allocations each per tile of a million-point draw's 62 chunks).
        lists.reserveCapacity(chunks.count); counts.reserveCapacity(chunks.count)
        var copies: [UnsafeMutablePointer<PointRecord>] = []
        defer { for c in copies { c.deallocate() } }
        var minX = Float.infinity, minY = Float.infinity, maxX = -Float.infinity, maxY = -Float.infinity, total = 0
        chunks.withUnsafeBufferPointer { cs in
            for b in cs {
                b.withRecords(tile: t) { recs in
                    if b.large.isEmpty {
                        lists.append(recs.baseAddress!)
                    } else {
                        let c = UnsafeMutablePointer<PointRecord>.allocate(capacity: recs.count)
                        c.initialize(from: recs.baseAddress!, count: recs.count)
                        copies.append(c)
                        lists.append(UnsafePointer(c))
                    }
                    counts.append(recs.count)
                    total += recs.count
                    if total > Self.boxedRecords { return }
                    // Local while looping: the closure's captured variables are boxed.
                    var lx = minX, ly = minY, hx = maxX, hy = maxY
                    for p in recs {
                        lx = minf(lx, p.x - p.r); hx = maxf(hx, p.x + p.r)
                        ly = minf(ly, p.y - p.r); hy = maxf(hy, p.y + p.r)
                    }
                    minX = lx; minY = ly; maxX = hx; maxY = hy
                }
            }
        }
        if lists.isEmpty { return }
        let ox = Float(ctx.x0), oy = Float(ctx.y0)
        // The tile pixels that can hold a covered sample (a pixel's samples lie 0.125…0.875 past
        // its corner), one more on each side; only those rows are cleared and those pixels shaded.
        @inline(__always) func pixels(_ lo: Float, _ hi: Float) -> (Int, Int) {
            let last = Float(tileSize - 1)
            let l = lo - 1.875, h = hi + 1
            return (l > 0 ? Int(minf(l, last)) : 0, h < last ? (h > 0 ? Int(h) : 0) : tileSize - 1)
        }
        var (colLo, colHi) = pixels(minX - ox, maxX - ox), (rowLo, rowHi) = pixels(minY - oy, maxY - oy)
        if total > Self.boxedRecords { (colLo, colHi, rowLo, rowHi) = (0, tileSize - 1, 0, tileSize - 1) }
        let n = tileSize * tileSize * samplesPerPixel, queueWords = PointShadeQueue.arrays * PointShadeQueue.capacity
        let raw = UnsafeMutableRawPointer.allocate(byteCount: 4 * (n + queueWords), alignment: 64)
        defer { raw.deallocate() }
        let ids = raw.bindMemory(to: UInt32.self, capacity: n)
        let all = SIMD8<UInt32>(repeating: noPointID), rowBytes = tileSize * samplesPerPixel * 4
        for i in stride(from: rowLo * rowBytes, to: (rowHi + 1) * rowBytes, by: 32) {
            raw.storeBytes(of: all, toByteOffset: i, as: SIMD8<UInt32>.self)
        }
        let queueBase = (raw + 4 * n).bindMemory(to: Float.self, capacity: queueWords)
        queueBase.initialize(repeating: 0, count: queueWords)
        withUnsafeTemporaryAllocation(byteCount: OpaquePointsTile.scratchBytes, alignment: 32) { scratch in
            var tile = OpaquePointsTile(scratch: scratch.baseAddress!)
            lists.withUnsafeBufferPointer { ls in counts.withUnsafeBufferPointer { cs in
                for l in ls.indices {
                    let list = UInt32(truncatingIfNeeded: l) << UInt32(pointIDLocalBits)
                    opaqueRecords(ls[l], count: cs[l], ids: list, into: ids, ox, oy, ctx, S.self, D.self, &tile)
                }
            } }
        }
        var queue = PointShadeQueue(base: queueBase)
        let tables = ctx.tables
        let localMask = UInt32(1 << pointIDLocalBits) - 1
        lists.withUnsafeBufferPointer { ls in
            let lp = ls.baseAddress!
            @inline(__always) func record(_ id: UInt32) -> PointRecord {
                lp[Int(id >> UInt32(pointIDLocalBits))][Int(id & localMask)]
            }
            for py in rowLo...rowHi {
                for px in stride(from: colLo & ~1, through: colHi, by: 2) {
                    let base = ((py << tileShift) + px) << 2
                    let v = UnsafeRawPointer(ids + base).loadUnaligned(as: SIMD8<UInt32>.self)
                    if allBits(v) { continue }              // every sample `noPointID`
                    let (take, masks) = pointsOfSpan(unsafeBitCast(v, to: SIMD8<Int32>.self))
                    var left = take
                    while left != 0 {
                        let j = left.trailingZeroBitCount
                        left &= left - 1
                        queue.push(record(v[j]), px + (j >> 2), py, mask: UInt32(truncatingIfNeeded: masks[j]), ox, oy, tables)
                    }
                    if queue.count >= PointShadeQueue.flushAt { flush(&queue, ctx) }
                }
            }
            flush(&queue, ctx)
        }
    }

    /// The points of a 2-pixel span of ids `v` (lane `j`: pixel `j >> 2`, sample `j & 3`): bit `j`
    /// of `take` for each lane holding a point (not `noPointID`) that no lower lane of its pixel
    /// holds, and in lane `j` of `masks` the pixel's samples holding the same id as lane `j`.
    /// Lane-wise compares with the pixel's samples rotated by 1, 2 and 3 (each pixel is one
    /// 128-bit half, so the rotations are in-lane shuffles).
    @inline(__always) private func pointsOfSpan(_ v: SIMD8<Int32>) -> (UInt32, SIMD8<Int32>) {
        typealias I = SIMD8<Int32>
        let r1 = I(v[1], v[2], v[3], v[0], v[5], v[6], v[7], v[4])
        let r2 = I(v[2], v[3], v[0], v[1], v[6], v[7], v[4], v[5])
        let r3 = I(v[3], v[0], v[1], v[2], v[7], v[4], v[5], v[6])
        @inline(__always) func same(_ r: I) -> I { unsafeBitCast(v .== r, to: I.self) }
        let masks = I(1, 2, 4, 8, 1, 2, 4, 8) | (same(r1) & I(2, 4, 8, 1, 2, 4, 8, 1))
            | (same(r2) & I(4, 8, 1, 2, 4, 8, 1, 2)) | (same(r3) & I(8, 1, 2, 4, 8, 1, 2, 4))
        let first = (masks & I(0, 1, 3, 7, 0, 1, 3, 7)) .== I()
        return (laneBits(first .& (v .!= I(repeating: -1))), masks)
    }

    /// Shades and writes every queued pixel, 8 lanes at a time (lanes past the count compute
    /// unused values).
    @inline(__always)
    private func flush(_ queue: inout PointShadeQueue, _ ctx: TileContext) {
        typealias V = SIMD8<Float>
        let n = queue.count, enc = ctx.tables.encode
        let last = Int32(truncatingIfNeeded: ctx.tables.encodeCount - 1)
        let shift = Int32(SRGB.encodeShift), low = Int32(bitPattern: SRGB.encodeLowBits)
        var g = 0
        while g < n {
            @inline(__always) func load(_ k: Int) -> V { UnsafeRawPointer(queue.lanes(k) + g).load(as: V.self) }
            let dx = load(0), dy = load(1)
            let rho = (dx * dx + dy * dy).squareRoot() / load(2)
            let v = 1.2 - rho
            // `v > 0 ? v : 0` and `max(0.4, q)` (q when q ≥ 0.4) as bit selects, the square root
            // of `magnitudes` (see there; the lanes are +0 or positive, so they are unchanged).
            let q = magnitudes(keep(v, maskBits(v .> 0))).squareRoot()
            let s = select(maskBits(q .>= 0.4), q, V(repeating: 0.4))
            for c in 0..<3 {
                let index = encodeIndex(load(3 + c) * s, last: last, shift: shift, low: low)
                UnsafeMutableRawPointer(queue.words(8 + c) + g).storeBytes(of: index, as: SIMD8<Int32>.self)
            }
            for j in g..<min(g + 8, n) {
                let w = UInt32(enc[Int(queue.words(8)[j])]) | UInt32(enc[Int(queue.words(9)[j])]) << 8
                    | UInt32(enc[Int(queue.words(10)[j])]) << 16 | 0xFF00_0000
                // The pixel's 4 samples, those outside the mask rewritten with their own values
                // (sample k's bit shifted to the sign, then spread).
                let at = UnsafeMutableRawPointer(ctx.color + Int(queue.words(6)[j]))
                let m = (SIMD4<Int32>(repeating: Int32(bitPattern: queue.words(7)[j])) &<< SIMD4(31, 30, 29, 28)) &>> 31
                let old = at.loadUnaligned(as: SIMD4<UInt32>.self)
                at.storeBytes(of: old ^ ((old ^ SIMD4(repeating: w)) & unsafeBitCast(m, to: SIMD4<UInt32>.self)),
                              as: SIMD4<UInt32>.self)
            }
            g += 8
        }
        queue.count = 0
    }

    /// The encode-table index that gives `SRGBTables.encode`'s byte for each lane: the table's
    /// first entry is 0 and its last 255 (`PointGradientTests` checks), so the values that
    /// `SRGB.encode` maps to 0 (NaN, negative, below 2⁻¹⁶ = `low`) take index 0 and those at 1 and
    /// above the last. `shift` and `low` are `SRGB.encodeShift` and `SRGB.encodeLowBits`.
    @inline(__always) private func encodeIndex(_ x: SIMD8<Float>, last: Int32, shift: Int32, low: Int32) -> SIMD8<Int32> {
        let bits = unsafeBitCast(x, to: SIMD8<Int32>.self)
        let idx = (bits &>> shift) &- (low &>> shift)
        let top = SIMD8<Int32>(repeating: last)
        // Negative floats have negative bits and give negative indices; positive NaN is above ∞.
        // (Vector operands throughout: `replacing` with a scalar went lane by lane.)
        let inRange = maskBits((idx .> SIMD8<Int32>()) .& (bits .<= SIMD8<Int32>(repeating: 0x7F80_0000)))
        return select(inRange, select(maskBits(idx .< top), idx, top), SIMD8<Int32>())
    }
}
