/// `v` with each lane's sign cleared, lane by lane: on lanes it knows are not negative the compiler
/// takes one vector square root, where a vector it cannot prove non-negative (a bit select, or
/// `replacing`) went lane by lane through `sqrtf` (which sets `errno` for negative input).
@inline(__always) func magnitudes(_ v: SIMD8<Float>) -> SIMD8<Float> {
    var m = v
    for j in 0..<8 { m[j] = v[j].magnitude }
    return m
}

/// The depth operations of a point draw as a type, so that the small-point loops are specialised
/// per mode: a `Bool` read from the draw stayed a branch per span, and the lane masks crossing
/// those branches were packed to 16 bits and back on every use.
protocol DepthMode { static var test: Bool { get }; static var write: Bool { get } }
/// Opaque scene draws: depth tested and written.
enum DepthTestWrite: DepthMode { static var test: Bool { true }; static var write: Bool { true } }
/// Overlays: no depth.
enum DepthOff: DepthMode { static var test: Bool { false }; static var write: Bool { false } }

extension PointDraw {
    /// Flat opaque points of tile `t` with the SIMD kernels (see `opaqueRecords`).
    func directSIMD<S: ShapeConstant, D: DepthMode>(tile t: Int, _ ctx: TileContext, _: S.Type, _: D.Type) {
        // The tile origin as floats once per tile (converted per point, it was reloaded after every store).
        let ox = Float(ctx.x0), oy = Float(ctx.y0)
        withUnsafeTemporaryAllocation(byteCount: OpaquePointsTile.scratchBytes, alignment: 32) { scratch in
            var tile = OpaquePointsTile(scratch: scratch.baseAddress!)
            @inline(__always) func draw<R: PointRecordLayout>(_ chunks: [Bins<R>]) {
                chunks.withUnsafeBufferPointer { cs in
                    for b in cs {
                        b.withRecords(tile: t) { recs in
                            opaqueRecords(recs.baseAddress!, count: recs.count, ids: nil, into: ctx.color, ox, oy, ctx, S.self, D.self,
                                          &tile)
                        }
                    }
                }
            }
            if flatRadius > 0 { draw(flatChunks) } else { draw(chunks) }
        }
    }

    /// Opaque points `recs[0 ..< n]` in order: into their covered samples of `target` (tile-sized,
    /// sample-major as the colour samples) that pass the depth mode, the point's colour word, or
    /// with `ids` (a list's number, shifted) `ids | i` for record `i`. Below `radius6` the
    /// fixed-block kernels (`smallSquareSIMD` for squares, `blockPointSIMD` for discs and spheres),
    /// whose blocks are set up 8 records at a time (`blockSetups`), larger points the general
    /// `pointSIMD`; the reference is `opaqueScalar`. Records of either layout (`FlatPointRecord`s take
    /// the draw's `flatRadius`). With a depth test, records behind every sample they could write
    /// (`OpaquePointsTile`'s coarse depths) are skipped: they would pass no depth test, so the
    /// samples are the unculled reference's.
    @inline(__always)
    func opaqueRecords<R: PointRecordLayout, S: ShapeConstant, D: DepthMode>(_ recs: UnsafePointer<R>, count n: Int,
                                                                            ids: UInt32?,
                                                                            into target: UnsafeMutablePointer<UInt32>,
                                                                            _ ox: Float, _ oy: Float,
                                                                            _ ctx: TileContext, _: S.Type, _: D.Type,
                                                                            _ state: inout OpaquePointsTile) {
        // The set-ups of 8 records (`blockSetups`' lanes) and room for copies of the last records.
        let lanes = state.scratch
        let tail = (lanes + BlockSetupLanes.bytes).bindMemory(to: R.self, capacity: 8)
        var i = 0
        while i < n {
            let k = min(8, n - i)
            if D.test {
                if state.since >= OpaquePointsTile.interval { state.nextInterval(ctx) }
                state.since += k
            }
            let culling = D.test && state.culling
            let set: (drawn: UInt32, large: UInt32)
            if k == 8 {
                set = blockSetups(recs + i, ox, oy, into: lanes, S.self, cull: culling ? UnsafePointer(state.farthest) : nil)
            } else {
                // The last records, copied so that the 8 loads stay inside a buffer (lanes past
                // `k` set up copies of the first record, never drawn).
                tail.initialize(repeating: recs[i], count: 8)
                tail.update(from: recs + i, count: k)
                set = blockSetups(UnsafePointer(tail), ox, oy, into: lanes, S.self, cull: culling ? UnsafePointer(state.farthest) : nil)
            }
            // The small points to draw, then those of `radius6` or more (culled one by one).
            var left = (set.drawn | set.large) & ~(UInt32.max << UInt32(truncatingIfNeeded: k))
            if culling { state.drawn += left.nonzeroBitCount }
            while left != 0 {
                let j = left.trailingZeroBitCount
                left &= left - 1
                let p = recs[i + j].full(radius: flatRadius)
                let word = ids.map { $0 | UInt32(truncatingIfNeeded: i + j) } ?? p.color
                if (set.large >> UInt32(truncatingIfNeeded: j)) & 1 != 0 {
                    if !(culling && hiddenLarge(p, ctx)) { largeOpaqueSIMD(p, word: word, into: target, ctx, S.self) }
                    continue
                }
                @inline(__always) func lane<T>(_ array: Int, _: T.Type) -> T {
                    lanes.load(fromByteOffset: BlockSetupLanes.arrayBytes * array + 4 * j, as: T.self)
                }
                let c = SIMD2(lane(BlockSetupLanes.cx, Float.self), lane(BlockSetupLanes.cy, Float.self))
                let o = SIMD2(lane(BlockSetupLanes.fx, Float.self), lane(BlockSetupLanes.fy, Float.self))
                let first = Int(lane(BlockSetupLanes.first, Int32.self))
                @inline(__always) func block<B: BlockSize>(_: B.Type) {
                    if S.shape == .square { smallSquareSIMD(p, c, o, first, word, target, ctx, B.self, D.self) }
                    else { blockPointSIMD(p, c, o, first, word, target, ctx, S.self, B.self, D.self) }
                }
                if p.r < smallRadius { block(Block2x2.self) }
                else if p.r < mediumRadius { block(Block3x4.self) }
                else if p.r < radius4 { block(Block4x4.self) }
                else if p.r < radius5 { block(Block5x6.self) }
                else { block(Block6x6.self) }
            }
            i += k
        }
    }

    /// Whether a point of `radius6` or more lies behind every sample `pointSIMD` could write:
    /// its nearest depth (`sampleDepth` is `z − dz · s` with 0 ≤ s ≤ 1, or NaN) is at or beyond
    /// the farthest depth of the pixels of its 2-pixel spans.
    @inline(__always) func hiddenLarge(_ p: PointRecord, _ ctx: TileContext) -> Bool {
        let xr = p.x - Float(ctx.x0), yr = p.y - Float(ctx.y0), r = p.r
        guard let (px0, px1, py0, py1) = sampleBox(xr - r, yr - r, xr + r, yr + r, ctx) else { return false }
        return p.z - p.dz >= ctx.coarseFarthest(px0: px0, py0: py0, px1: px1 | 1, py1: py1)
    }

    /// An opaque point of `radius6` or more: `pointSIMD` with `word` into `target`, in a function of its own with
    /// the colouring's flags constant. Called from `opaqueRecords`' loop, the general kernel was compiled out of
    /// line with the flags as arguments and its values spilled to the stack (dna's points drew 30 % slower).
    @inline(never)
    func largeOpaqueSIMD<S: ShapeConstant>(_ p: PointRecord, word: UInt32, into target: UnsafeMutablePointer<UInt32>,
                                           _ ctx: TileContext, _: S.Type) {
        pointSIMD(p, ctx, S.self, gradient: false, direct: true, word: word, into: target)
    }

    /// One opaque disc or sphere of radius < `radius6` over its fixed block (set up by
    /// `blockSetups`: centre `c` and block origin `o` in tile pixels, first sample `first`; squares
    /// take `smallSquareSIMD`), `word` into `target`; the reference is
    /// `blockPointScalar`. Masks are combined and applied as integer bits (`old ^ ((old ^ new) & m)`).
    @inline(__always)
    func blockPointSIMD<S: ShapeConstant, B: BlockSize, D: DepthMode>(_ p: PointRecord, _ c: SIMD2<Float>, _ o: SIMD2<Float>,
                                                                     _ first: Int, _ word: UInt32,
                                                                     _ target: UnsafeMutablePointer<UInt32>,
                                                                     _ ctx: TileContext, _: S.Type, _: B.Type, _: D.Type) {
        let shape = S.shape, rows = B.rows, spans = B.spans
        let r = p.r
        let xr = c.x, yr = c.y
        let r2 = r * r, invR2 = 1 / r2
        let wordV = SIMD8<UInt32>(repeating: word)
        // dy² of the rows, two rows per 8-lane operation (lanes 0…3 row 2k's samples, 4…7 row
        // 2k + 1's), each row's 4 then spread over both pixels of a span. The sample positions
        // (o + row) + laneY and o + (row + laneY) are the same exact multiples of 1/8, so dy is the
        // reference's.
        let pairY = SIMD8<Float>(0.125, 0.375, 0.625, 0.875, 1.125, 1.375, 1.625, 1.875)
        @inline(__always) func rowPair(_ k: Int) -> SIMD8<Float> {
            let dy = (SIMD8<Float>(repeating: o.y) + (pairY + Float(2 * k))) - yr
            return dy * dy
        }
        let pair0 = rowPair(0), pair1 = rows > 2 ? rowPair(1) : pair0, pair2 = rows > 4 ? rowPair(2) : pair0
        @inline(__always) func dy2(_ row: Int) -> SIMD8<Float> {
            let pair = row < 2 ? pair0 : row < 4 ? pair1 : pair2
            let half = row & 1 == 0 ? pair.lowHalf : pair.highHalf
            return SIMD8(lowHalf: half, highHalf: half)
        }
        for span in 0..<spans {
            let dx = (SIMD8<Float>(repeating: o.x) + (SamplePattern.laneX + Float(2 * span))) - xr
            let dx2 = dx * dx
            for row in 0..<rows {
                let d2 = dx2 + dy2(row)
                var m = maskBits(d2 .<= r2)
                let base = first + (((row << tileShift) + 2 * span) << 2)
                if D.test || D.write {
                    let dp = UnsafeMutableRawPointer(ctx.depth + base)
                    let z = sampleDepth(p, shape, d2, invR2)
                    let old = dp.loadUnaligned(as: SIMD8<Float>.self)
                    if D.test { m &= maskBits(z .< old) }
                    if D.write {
                        let ob = unsafeBitCast(old, to: SIMD8<UInt32>.self), zb = unsafeBitCast(z, to: SIMD8<UInt32>.self)
                        dp.storeBytes(of: ob ^ ((ob ^ zb) & m), as: SIMD8<UInt32>.self)
                    }
                }
                let cp = UnsafeMutableRawPointer(target + base)
                let oc = cp.loadUnaligned(as: SIMD8<UInt32>.self)
                cp.storeBytes(of: oc ^ ((oc ^ wordV) & m), as: SIMD8<UInt32>.self)
            }
        }
    }

    /// One opaque square of radius < `radius6` over its fixed block (as `blockPointSIMD`'s), `word`
    /// into `target`: a sample is inside when it is inside both the square's columns and its rows (the
    /// scalar reference, `sampleScalar`, makes the same comparisons), so the column tests are made
    /// once per point and the row tests once per two rows. A sample outside the square gets a NaN
    /// depth (its bits or-ed with a quiet NaN's), so that the depth test alone (`z < old`, false
    /// for NaN) is each span's mask: one compare result, which both selects compile to blends from.
    /// `|d| ≤ r` is the reference's `d ≥ −r && d ≤ r` (r > 0: the vertex stage culls the others).
    @inline(__always)
    func smallSquareSIMD<B: BlockSize, D: DepthMode>(_ p: PointRecord, _ c: SIMD2<Float>, _ o: SIMD2<Float>, _ first: Int,
                                                     _ word: UInt32, _ target: UnsafeMutablePointer<UInt32>,
                                                     _ ctx: TileContext, _: B.Type, _: D.Type) {
        let rows = B.rows, spans = B.spans
        let r = SIMD8<Float>(repeating: p.r)
        let xr = c.x, yr = c.y
        let nan = SIMD8<UInt32>(repeating: 0x7FC0_0000)
        // The quiet NaN's bits where |d| > r, else 0.
        @inline(__always) func outside(_ d: SIMD8<Float>) -> SIMD8<UInt32> {
            let magnitude = unsafeBitCast(unsafeBitCast(d, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF, to: SIMD8<Float>.self)
            return nan & ~maskBits(magnitude .<= r)
        }
        let fx = o.x, fy = o.y
        let zb = SIMD8<UInt32>(repeating: p.z.bitPattern)
        // The depth of each span's samples, NaN in the columns outside the square.
        @inline(__always) func column(_ span: Int) -> SIMD8<UInt32> {
            spans > span ? zb | outside((SIMD8<Float>(repeating: fx + Float(2 * span)) + SamplePattern.laneX) - xr) : SIMD8()
        }
        let zx0 = column(0), zx1 = column(1), zx2 = column(2)
        // The rows two at a time (lanes 0…3 row 2k's samples, 4…7 row 2k + 1's), each row's 4 then
        // spread over both pixels of a span; (fy + 2k) + row offset + laneY is exact, so dy is the
        // reference's (as in `blockPointSIMD`).
        let pairY = SIMD8<Float>(0.125, 0.375, 0.625, 0.875, 1.125, 1.375, 1.625, 1.875)
        @inline(__always) func rowPair(_ k: Int) -> SIMD8<UInt32> {
            outside((SIMD8<Float>(repeating: fy) + (pairY + Float(2 * k))) - yr)
        }
        let pair0 = rowPair(0), pair1 = rows > 2 ? rowPair(1) : pair0, pair2 = rows > 4 ? rowPair(2) : pair0
        @inline(__always) func rowOutside(_ row: Int) -> SIMD8<UInt32> {
            let pair = row < 2 ? pair0 : row < 4 ? pair1 : pair2
            let half = row & 1 == 0 ? pair.lowHalf : pair.highHalf
            return SIMD8(lowHalf: half, highHalf: half)
        }
        let wordV = SIMD8<UInt32>(repeating: word)
        let depth = UnsafeMutableRawPointer(ctx.depth + first)
        let color = UnsafeMutableRawPointer(target + first)
        let rowBytes = tileSize * samplesPerPixel * 4
        for row in 0..<rows {
            let oy = rowOutside(row)
            for span in 0..<spans {
                let zs = (span == 0 ? zx0 : span == 1 ? zx1 : zx2) | oy
                let offset = row * rowBytes + span * 32
                let m: SIMD8<UInt32>
                if D.test || D.write {
                    let old = depth.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                    let z = unsafeBitCast(zs, to: SIMD8<Float>.self)
                    // Without a depth test, inside is where z (NaN or not) equals itself.
                    m = D.test ? maskBits(z .< old) : maskBits(z .== z)
                    if D.write {
                        let ob = unsafeBitCast(old, to: SIMD8<UInt32>.self)
                        depth.storeBytes(of: ob ^ ((ob ^ zs) & m), toByteOffset: offset, as: SIMD8<UInt32>.self)
                    }
                } else {
                    m = maskBits(unsafeBitCast(zs, to: SIMD8<Float>.self) .== unsafeBitCast(zs, to: SIMD8<Float>.self))
                }
                let oc = color.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt32>.self)
                color.storeBytes(of: oc ^ ((oc ^ wordV) & m), toByteOffset: offset, as: SIMD8<UInt32>.self)
            }
        }
    }

    /// `blockOrigin` of 8 records at once (lane `j`: `recs[j]`), each with the fixed block its radius
    /// selects in `opaqueRecords` (the same block, drawn in the same cases), in lane operations
    /// and without branches: ⌈a⌉ is −⌊−a⌋, and rounding to nearest is symmetric, so (r − xr) + 0.875 is
    /// exactly −((xr − r) − 0.875). The box's ends are small integers where the point touches the
    /// tile (the lanes that are drawn), so their sums there are exact; the other lanes' values are
    /// never used. Writes the lane arrays of `BlockSetupLanes` at `lanes`; returns in `drawn` bit `j`
    /// set when record `j` is below `radius6`, its box meets the tile and, with `farthest` (a refreshed
    /// `OpaquePointsTile.farthest`), it is not hidden behind the samples of its block; in `large`
    /// bit `j` when record `j` is not below `radius6` (NaN included). Set up apart from the drawing, the
    /// 8 records' set-ups overlap instead of each record's long chain of dependent operations
    /// preceding its first sample.
    @inline(__always)
    func blockSetups<R: PointRecordLayout, S: ShapeConstant>(_ recs: UnsafePointer<R>, _ ox: Float, _ oy: Float,
                                                             into lanes: UnsafeMutableRawPointer, _: S.Type,
                                                             cull farthest: UnsafePointer<Float>?) -> (drawn: UInt32, large: UInt32) {
        typealias V = SIMD8<Float>
        typealias I = SIMD8<Int32>
        // x, y and r of the 8 records (bytes 0…15 of each: x, y, z, r), transposed 4 records at a time.
        let raw = UnsafeRawPointer(recs), stride = MemoryLayout<R>.stride
        @inline(__always) func q(_ j: Int) -> SIMD4<Float> { raw.loadUnaligned(fromByteOffset: stride * j, as: SIMD4<Float>.self) }
        @inline(__always) func transposed(_ a: SIMD4<Float>, _ b: SIMD4<Float>, _ c: SIMD4<Float>, _ d: SIMD4<Float>)
            -> (SIMD4<Float>, SIMD4<Float>, SIMD4<Float>, SIMD4<Float>) {
            let ab = SIMD4(a[0], b[0], a[1], b[1]), cd = SIMD4(c[0], d[0], c[1], d[1])
            let abHi = SIMD4(a[2], b[2], a[3], b[3]), cdHi = SIMD4(c[2], d[2], c[3], d[3])
            return (SIMD4(ab[0], ab[1], cd[0], cd[1]), SIMD4(ab[2], ab[3], cd[2], cd[3]),
                    SIMD4(abHi[0], abHi[1], cdHi[0], cdHi[1]), SIMD4(abHi[2], abHi[3], cdHi[2], cdHi[3]))
        }
        let (x0, y0, z0, r0) = transposed(q(0), q(1), q(2), q(3)), (x1, y1, z1, r1) = transposed(q(4), q(5), q(6), q(7))
        // (Flat records: the draw's radius; their bytes 12…15 are the colour.)
        let r = R.hasRadius ? V(lowHalf: r0, highHalf: r1) : V(repeating: flatRadius)
        let cx = V(lowHalf: x0, highHalf: x1) - ox, cy = V(lowHalf: y0, highHalf: y1) - oy
        // (−lox, −loy) and (hix, hiy): empty when hi < 0, lo ≥ tileSize or lo > hi.
        let negX = ((r + (-cx)) + 0.875).rounded(.down), negY = ((r + (-cy)) + 0.875).rounded(.down)
        let hiX = ((r + cx) + -0.125).rounded(.down), hiY = ((r + cy) + -0.125).rounded(.down)
        let zero = V(), edge = V(repeating: -Float(tileSize))
        let empty = maskBits(hiX .< zero) | maskBits(hiY .< zero) | maskBits(negX .<= edge) | maskBits(negY .<= edge)
            | maskBits((hiX + negX) .< zero) | maskBits((hiY + negY) .< zero)
        // The radius classes of `opaqueRecords` as lane masks (all ones where r is below the bound).
        @inline(__always) func below(_ bound: Float) -> I { unsafeBitCast(r .< V(repeating: bound), to: I.self) }
        let lt1 = below(smallRadius), lt2 = below(mediumRadius), lt3 = below(radius4), lt4 = below(radius5)
        let lt5 = below(radius6)
        // Last block origin in the tile (tileSize − 2 · spans, tileSize − rows) per class (2 × 2 …
        // 6 × 6: x 30, 28, 28, 26, 26 and y 30 … 26), and the even-aligned classes (3 × 4, 5 × 6).
        let lastX = I(repeating: Int32(tileSize - 6)) &- ((lt1 &+ lt3) &<< 1)
        let lastY = I(repeating: Int32(tileSize - 7)) &- (lt1 &+ lt2 &+ lt3 &+ lt4 &+ lt5)
        let aligned = (lt1 ^ lt2) | (lt3 ^ lt4)
        // (lox, loy) as integers (whole numbers below 2²²: plus 1.5 · 2²³, their low bits); at
        // least 0, x rounded down to even for aligned blocks, at most the last block in the tile.
        let magic = I(repeating: 0x4B40_0000)
        @inline(__always) func low(_ neg: V) -> I {
            let o = unsafeBitCast(V(repeating: 12_582_912) - neg, to: I.self) &- magic
            return o & ~(o &>> 31)
        }
        @inline(__always) func clamped(_ o: I, _ last: I) -> I {
            let over = o &- last
            return o &- (over & ~(over &>> 31))
        }
        let px = clamped(low(negX) & ~(aligned & I(repeating: 1)), lastX), py = clamped(low(negY), lastY)
        let first = ((py &<< Int32(tileShift)) &+ px) &* Int32(samplesPerPixel)
        @inline(__always) func float(_ o: I) -> V { unsafeBitCast(o &+ magic, to: V.self) - 12_582_912 }
        @inline(__always) func store<T: SIMD>(_ v: T, _ array: Int) {
            lanes.storeBytes(of: v, toByteOffset: BlockSetupLanes.arrayBytes * array, as: T.self)
        }
        store(cx, BlockSetupLanes.cx); store(cy, BlockSetupLanes.cy)
        store(float(px), BlockSetupLanes.fx); store(float(py), BlockSetupLanes.fy); store(first, BlockSetupLanes.first)
        let small = unsafeBitCast(lt5, to: SIMD8<UInt32>.self)
        var hidden = SIMD8<UInt32>()
        if let farthest {
            // Hidden: the nearest depth the kernel computes (`sampleDepth`: z, or z − dz · s with
            // 0 ≤ s ≤ 1 for spheres, or NaN) at or beyond the farthest depth of the 2 × 2 coarse
            // blocks from the one of the fixed block's first pixel (`OpaquePointsTile.farthest`),
            // when those hold the block: its last pixel is 31 − last (the width and rows follow
            // the class as `lastX`, `lastY` do). A 6 × 6 block over 3 coarse blocks is not tested.
            var near = V(lowHalf: z0, highHalf: z1)
            if S.shape == .sphere {
                var dz = V()
                for j in 0..<8 { dz[j] = raw.load(fromByteOffset: stride * j + 16, as: Float.self) }
                near = near - dz
            }
            let shift = Int32(CoarseDepth.blockShift), last = I(repeating: Int32(tileSize - 1)), one = I(repeating: 1)
            let bx0 = px &>> shift, by0 = py &>> shift
            let narrow = (((px &+ (last &- lastX)) &>> shift) &- bx0 .<= one) .& (((py &+ (last &- lastY)) &>> shift) &- by0 .<= one)
            let index = (by0 &<< Int32(3)) &+ bx0
            var far = V()
            for j in 0..<8 { far[j] = farthest[Int(index[j])] }
            hidden = maskBits(near .>= far) & unsafeBitCast(narrow, to: SIMD8<UInt32>.self)
        }
        return (laneBits(unsafeBitCast(~empty & small & ~hidden, to: LaneMask.self)),
                laneBits(unsafeBitCast(~small, to: LaneMask.self)))
    }
}

/// The lane arrays that `PointDraw.blockSetups` writes for 8 point records (lane `j`: record
/// `j`), 8 words each: the centre in tile pixels (`cx`, `cy`), the block's first pixel as floats
/// (`fx`, `fy`: the kernels' `Float(px)`), its first sample's index (`first`, `Int32`).
enum BlockSetupLanes {
    @inline(__always) static var cx: Int { 0 }
    @inline(__always) static var cy: Int { 1 }
    @inline(__always) static var fx: Int { 2 }
    @inline(__always) static var fy: Int { 3 }
    @inline(__always) static var first: Int { 4 }
    @inline(__always) static var arrayBytes: Int { 32 }
    @inline(__always) static var bytes: Int { 5 * arrayBytes }
}

/// What `opaqueRecords` keeps over a tile's record lists: scratch memory for `blockSetups`' lanes
/// and copies of a list's last records, and the tile's hierarchical depth culling (`CoarseDepth`):
/// the coarse depths are refreshed before every `interval`-th record of the tile, and records
/// are tested against them from the first refresh on (a tile of fewer records pays no test),
/// except after an interval whose tests culled less than a third of its records: the next
/// `restIntervals` intervals are drawn without tests, then the tile tests again (`nextInterval`).
struct OpaquePointsTile {
    /// Bytes of `scratch`: the lane arrays, 8 records of either layout, then `farthest`.
    @inline(__always) static var scratchBytes: Int {
        BlockSetupLanes.bytes + 8 * MemoryLayout<PointRecord>.stride + 4 * CoarseDepth.count
    }
    let scratch: UnsafeMutableRawPointer
    /// Per coarse block (bx, by), the farthest depth of blocks bx … bx + 1 × by … by + 1 (the
    /// tile's last row and column of blocks alone where there is no next one), as of the last refresh.
    var farthest: UnsafeMutablePointer<Float> {
        (scratch + BlockSetupLanes.bytes + 8 * MemoryLayout<PointRecord>.stride).assumingMemoryBound(to: Float.self)
    }
    /// Records since the last refresh (counted from below 0 during a rest, see `nextInterval`).
    var since = 0
    /// Whether records are tested: from a refresh (before the tile's first, the coarse depths hold
    /// the clear value 1) to a rest.
    var culling = false
    /// Records between refreshes. Measured on points_1m and points_10m: 128, 512 and 2048 culled
    /// 22 %, 21 % and 19 % and 75 % of the records (exact blocks), a refresh costs about 1 µs.
    @inline(__always) static var interval: Int { 512 }
    /// Intervals drawn without tests after one that culled too little. A test costs about a third of
    /// a drawn record: always testing, points_1m (16–22 % culled) drew 2–8 % slower than without
    /// tests, points_10m (75 %) 12–16 % faster. Resting 1, 3 or 8 intervals (frames alternating in
    /// one process, 2 threads): points_1m 2.6 %, 4.6 % and 6.0 % faster than always testing,
    /// points_10m 1.3 %, 1.7 % and 0.7 %.
    @inline(__always) static var restIntervals: Int { 3 }
    /// Records not culled by `blockSetups` since the last refresh, counted while testing: the small
    /// points it keeps and every point of `radius6` or more, including those `hiddenLarge` then
    /// skips (few: they count as drawn, which only makes a rest likelier).
    var drawn = 0

    /// Called when `since` reaches `interval`: refreshes the coarse depths (tests follow), unless
    /// the interval just tested drew more than two thirds of its records: then no tests and no
    /// refresh until `restIntervals` intervals from now (`since` counts up from below 0 to
    /// `interval` again).
    @inline(__always) mutating func nextInterval(_ ctx: TileContext) {
        if culling && drawn * 3 > since * 2 {
            culling = false
            since = -(Self.restIntervals - 1) * Self.interval
            return
        }
        refresh(ctx)
    }

    /// Refreshes the coarse depths and `farthest` from the tile's depth samples.
    @inline(__always) mutating func refresh(_ ctx: TileContext) {
        typealias V = SIMD8<Float>
        ctx.refreshCoarseDepth()
        let coarse = UnsafeRawPointer(ctx.coarse), out = UnsafeMutableRawPointer(farthest)
        let rows = CoarseDepth.blocksPerRow
        var below = coarse.loadUnaligned(fromByteOffset: 4 * rows * (rows - 1), as: V.self)
        for by in stride(from: rows - 1, through: 0, by: -1) {
            let row = coarse.loadUnaligned(fromByteOffset: 4 * rows * by, as: V.self)
            let two = farther(row, below)
            let next = V(two[1], two[2], two[3], two[4], two[5], two[6], two[7], two[7])
            out.storeBytes(of: farther(two, next), toByteOffset: 4 * rows * by, as: V.self)
            below = row
        }
        since = 0
        drawn = 0
        culling = true
    }
}
