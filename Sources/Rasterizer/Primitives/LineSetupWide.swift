/// `SegmentSetup.init` of 8 records at once, one record per lane, with the very same operations
/// lane by lane (so the same numbers: `SegmentSetup(lane:)` of a lane, through `store`, equals
/// `SegmentSetup(_:_:)` of its record, tested), for the opaque path (`LineDraw.opaqueSpans`), which
/// draws many short segments: the set-up per segment and tile was a third of the line kernels'
/// time, mostly branches and scalar conversions. It also places each row's spans
/// (`slantedRows`).
///
/// The sample box is rounded with `ceil64`/`floor64` after clamping to ±64, which changes no box
/// that holds a pixel: a first column above 64 or a last one below −64 leaves the box empty
/// either way (the tile is at most 32 wide).
///
/// The row ranges' slab bound (`invAby`, `slope`, `slabHalf`) is left out: the opaque path has
/// no row ranges.
struct SegmentSetups8 {
    typealias V = SIMD8<Float>
    var ax = V(), ay = V(), abx = V(), aby = V(), invLen2 = V()
    var az = V(), dz = V(), r = V(), r2 = V()
    /// The box as integer-valued floats.
    var px0 = V(), px1 = V(), py0 = V(), py1 = V()
    /// Bit `i` set when lane `i`'s box holds a pixel (`SegmentSetup.init` would not give `nil`).
    var valid: UInt32 = 0

    /// Set-up of `records[0 ..< count]` (1 ≤ count ≤ 8); lanes from `count` on repeat the last
    /// record and are not valid.
    @inline(__always) init(_ records: UnsafePointer<SegmentRecord>, count: Int, _ ctx: TileContext) {
        // The records' first 32 bytes (a, b, r, c0) as rows, transposed into lanes.
        let raw = UnsafeRawPointer(records), stride = MemoryLayout<SegmentRecord>.stride
        @inline(__always) func row(_ i: Int) -> V { raw.loadUnaligned(fromByteOffset: stride * (i < count ? i : count - 1), as: V.self) }
        let f = transposed((row(0), row(1), row(2), row(3), row(4), row(5), row(6), row(7)))
        let sax = f.0, say = f.1, saz = f.2, sbx = f.3, sby = f.4, sbz = f.5, sr = f.6
        let ox = V(repeating: Float(ctx.x0)), oy = V(repeating: Float(ctx.y0))
        let ax = sax - ox, ay = say - oy, bx = sbx - ox, by = sby - oy
        let r = sr
        let lox = vmin(ax, bx) - r - 0.875, hix = vmax(ax, bx) + r - 0.125
        let loy = vmin(ay, by) - r - 0.875, hiy = vmax(ay, by) + r - 0.125
        let zero = V(repeating: 0), big = V(repeating: 64), small = V(repeating: -64)
        let w1 = V(repeating: Float(ctx.w - 1)), h1 = V(repeating: Float(ctx.h - 1))
        let x0f = zero.replacing(with: ceil64(vmin(lox, big)), where: lox .> zero)
        let y0f = zero.replacing(with: ceil64(vmin(loy, big)), where: loy .> zero)
        let x1f = w1.replacing(with: floor64(vmax(hix, small)), where: hix .< w1)
        let y1f = h1.replacing(with: floor64(vmax(hiy, small)), where: hiy .< h1)
        // (A lane-count mask made with a vector compare against `count` went lane by lane.)
        valid = laneBits((x0f .<= x1f) .& (y0f .<= y1f)) & ((1 << UInt32(count)) - 1)
        px0 = x0f; px1 = x1f; py0 = y0f; py1 = y1f
        self.ax = ax; self.ay = ay; self.r = r
        let abx = bx - ax, aby = by - ay
        self.abx = abx; self.aby = aby
        let len2 = abx * abx + aby * aby
        invLen2 = zero.replacing(with: 1 / len2, where: len2 .> zero)
        az = saz; dz = sbz - saz
        r2 = r * r
    }
}

extension SegmentSetups8 {
    /// Vectors that `store` writes.
    static var storedVectors: Int { 16 }

    /// Writes the fields' vectors at `p` (`storedVectors` of them), for `SegmentSetup(lanes:_:)`:
    /// reading a lane of the vectors in registers copied all of them to the stack at every read.
    /// The box is stored as `Int32` lanes (converted here 8 at a time, not per segment and tile),
    /// followed by the opaque path's rows (`slantedRows`).
    @inline(__always) func store(_ p: UnsafeMutablePointer<SIMD8<Float>>) {
        p[0] = ax; p[1] = ay; p[2] = abx; p[3] = aby; p[4] = invLen2; p[5] = az; p[6] = dz; p[7] = r
        p[8] = r2
        let x0 = smallInts(px0), x1 = smallInts(px1)
        let raw = UnsafeMutableRawPointer(p)
        raw.storeBytes(of: x0, toByteOffset: 9 * 32, as: SIMD8<Int32>.self)
        raw.storeBytes(of: x1, toByteOffset: 10 * 32, as: SIMD8<Int32>.self)
        raw.storeBytes(of: smallInts(py0), toByteOffset: 11 * 32, as: SIMD8<Int32>.self)
        raw.storeBytes(of: smallInts(py1), toByteOffset: 12 * 32, as: SIMD8<Int32>.self)
        // The box's spans: n = ⌈(px1 − px0 + 1) / 2⌉ a row, from its first column.
        let rows = slantedRows(boxFirst: x0, boxSpans: (x1 &- x0 &+ 2) &>> 1)
        raw.storeBytes(of: rows.start, toByteOffset: 13 * 32, as: SIMD8<Int32>.self)
        raw.storeBytes(of: rows.step, toByteOffset: 14 * 32, as: SIMD8<Int32>.self)
        raw.storeBytes(of: rows.perRow, toByteOffset: 15 * 32, as: SIMD8<Int32>.self)
    }

    /// Where the opaque path's spans lie in each row of the box (`opaqueSpans`): `perRow` spans a
    /// row, those of row `py` from column `min(max(⌈(start + py·step) / 4096⌉, px0), 32 − 2·perRow)`
    /// (`firstColumn`).
    ///
    /// For a segment steep enough that fewer spans hold each row's part of the slab
    /// |distance to the line| ≤ r (which holds the capsule) than the box's width needs, the
    /// spans follow the slab: row `py`'s samples (y = py + 1/8 … py + 7/8) within the slab have
    /// x ≥ c − W, where c is the centre line's x at y = py + 1/2 and W = r·|ab|/|aby| +
    /// 3/8·|abx/aby| its half width over the row, so its first pixel is ⌈c − W − 7/8⌉; from there
    /// ⌈(⌊2W + 3/4⌋ + 1) / 2⌉ spans reach its last, ⌊c + W − 1/8⌋. `start` and `step` are that
    /// first column's bound at row 0 and its change per row in 1/4096 px, rounded down, with W
    /// widened by 1/32 px: enough for the fixed point's error (at most 33/4096 px over a tile) and
    /// the rounding of the kernel's distances for the coordinates allowed here (|a| < 1024). The
    /// clamps move the first span right to the box's first column `px0`, then left where the
    /// last would leave the tile; neither cuts a covered sample off (those lie in the box). Other
    /// segments keep the box's spans: `start` = the box's first column (`boxFirst`, `px0`) · 4096,
    /// `step` 0, `perRow` = `boxSpans`, so that `firstColumn` gives min(px0, 32 − 2·perRow).
    ///
    /// On lines_100k (thin random-walk segments) whole boxes, mostly empty for the diagonal
    /// segments, were 1.47 M spans a frame, these rows 1.27 M; frames alternating in one process,
    /// 1 or 2 threads, ran 6–8 % faster than whole boxes up to 12 columns and row ranges beyond.
    @inline(__always) func slantedRows(boxFirst: SIMD8<Int32>, boxSpans: SIMD8<Int32>)
        -> (start: SIMD8<Int32>, step: SIMD8<Int32>, perRow: SIMD8<Int32>) {
        let zero = V()
        @inline(__always) func magnitude(_ v: V) -> V {
            unsafeBitCast(unsafeBitCast(v, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF, to: V.self)
        }
        let invAby = zero.replacing(with: 1 / aby, where: aby .!= zero)
        let slope = abx * invAby
        let len = (abx * abx + aby * aby).squareRoot()
        let half = r * len * magnitude(invAby) + 0.375 * magnitude(slope) + 1 / 32
        let lead = ax + (0.5 - ay) * slope - half - 0.875
        let columns = smallInts(floor64(vmin(half + half + 0.75, V(repeating: 64))))
        let slabSpans = (columns &+ 2) &>> 1
        // Not level (`invAby` is 0 there: no slab), and small numbers only: |lead| < 1000 keeps
        // `lead · 4096` below 2²² for `smallInts`; `perRow` < `boxSpans` ≤ 16 keeps the spans'
        // first column ≥ 0.
        let small = (magnitude(ax) .< 1024) .& (magnitude(ay) .< 1024) .& (magnitude(slope) .< 64)
            .& (magnitude(lead) .< 1000)
        let slanted = (aby .!= zero) .& small .& (slabSpans .< boxSpans)
        let start = (boxFirst &<< 12).replacing(with: smallInts(floor64(lead * 4096)), where: slanted)
        let step = SIMD8<Int32>().replacing(with: smallInts(floor64(slope * 4096)), where: slanted)
        return (start, step, boxSpans.replacing(with: slabSpans, where: slanted))
    }
}

extension SegmentSetups8 {
    /// The set-ups of `records[0 ..< count]` written at `p` (`store`); returns `valid`. Out of line,
    /// with the set-up inlined into it: the vectors go straight to `p` (returned by value, all 16
    /// went through the stack first).
    @inline(never) static func setUp(_ records: UnsafePointer<SegmentRecord>, count: Int, _ ctx: TileContext,
                                     into p: UnsafeMutablePointer<SIMD8<Float>>) -> UInt32 {
        let lanes = SegmentSetups8(records, count: count, ctx)
        lanes.store(p)
        return lanes.valid
    }

    /// Lane `i` of the set-ups that `store` wrote at `p`, for `SegmentSetup(lane:)`.
    @inline(__always) static func lane(_ p: UnsafePointer<SIMD8<Float>>, _ i: Int) -> UnsafePointer<Float> {
        UnsafeRawPointer(p).assumingMemoryBound(to: Float.self) + i
    }

    /// Lane field `i` (of `store`'s vectors) of the set-up at `lane` as an integer.
    @inline(__always) static func int(_ lane: UnsafePointer<Float>, _ i: Int) -> Int {
        Int(UnsafeRawPointer(lane).load(fromByteOffset: 32 * i, as: Int32.self))
    }

    /// The opaque path's rows (`slantedRows`) of the set-up at `lane`.
    @inline(__always) static func rows(_ lane: UnsafePointer<Float>) -> (start: Int, step: Int, perRow: Int) {
        (int(lane, 13), int(lane, 14), int(lane, 15))
    }

    /// The first column of the spans of the row whose bound (`start + py · step` of `rows`) is
    /// `bound`, in a box from column `px0` with `perRow` spans a row (`slantedRows`).
    @inline(__always) static func firstColumn(bound: Int, px0: Int, perRow: Int) -> Int {
        min(max((bound + 4095) >> 12, px0), tileSize - 2 * perRow)
    }
}

extension SegmentSetup {
    /// The set-up whose fields are 8 floats apart from `f` (`SegmentSetups8.lane`, a valid lane:
    /// its box holds a pixel), without the slab bound (`invAby` and `slope` 0, `slabHalf` +∞: the
    /// opaque path does not use row ranges). Kernels take the lane's address and read the fields
    /// themselves: a set-up built by the caller was written to the stack field by field and read
    /// back.
    @inline(__always) init(lane f: UnsafePointer<Float>) {
        ax = f[0]; ay = f[8]; abx = f[16]; aby = f[24]; invLen2 = f[32]
        az = f[40]; dz = f[48]; r = f[56]; r2 = f[64]
        px0 = SegmentSetups8.int(f, 9); px1 = SegmentSetups8.int(f, 10)
        py0 = SegmentSetups8.int(f, 11); py1 = SegmentSetups8.int(f, 12)
        invAby = 0; slope = 0; slabHalf = .infinity
    }
}
