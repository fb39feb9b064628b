/// `SegmentSetup.init` of 8 records at once, one record per lane, with the very same operations
/// lane by lane (so the same numbers: `SegmentSetup(lanes:_:)` of a lane, through `store`, equals `SegmentSetup(_:_:)`
/// of its record, tested), for tiles that draw many short segments: the set-up per segment and
/// tile was a third of the line kernels' time, mostly branches and scalar conversions.
///
/// The sample box is rounded with `ceil64`/`floor64` after clamping to ±64, which changes no box
/// that holds a pixel: a first column above 64 or a last one below −64 leaves the box empty
/// either way (the tile is at most 32 wide).
///
/// The slab bound (`invAby`, `slope`, `slabHalf`) is left out: only the row ranges of boxes wider
/// than `boxColumns` use it (a few % of lines_100k's pairs), and `SegmentSetup(lane:slab:)` computes it
/// for them from the lane's other fields (its division and square root were a fifth of this
/// set-up).
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
    static var storedVectors: Int { 14 }

    /// Writes the fields' vectors at `p` (`storedVectors` of them), for `SegmentSetup(lanes:_:)`:
    /// reading a lane of the vectors in registers copied all of them to the stack at every read.
    /// The box is stored as `Int32` lanes (converted here 8 at a time, not per segment and tile),
    /// followed by the first column of the box path's spans (`boxFirstColumn`).
    @inline(__always) func store(_ p: UnsafeMutablePointer<SIMD8<Float>>) {
        p[0] = ax; p[1] = ay; p[2] = abx; p[3] = aby; p[4] = invLen2; p[5] = az; p[6] = dz; p[7] = r
        p[8] = r2
        let x0 = smallInts(px0), x1 = smallInts(px1)
        let raw = UnsafeMutableRawPointer(p)
        raw.storeBytes(of: x0, toByteOffset: 9 * 32, as: SIMD8<Int32>.self)
        raw.storeBytes(of: x1, toByteOffset: 10 * 32, as: SIMD8<Int32>.self)
        raw.storeBytes(of: smallInts(py0), toByteOffset: 11 * 32, as: SIMD8<Int32>.self)
        raw.storeBytes(of: smallInts(py1), toByteOffset: 12 * 32, as: SIMD8<Int32>.self)
        // Spans from the box's first column, moved left where the last would leave the tile:
        // min(px0, 32 − 2n) with n = ⌈(px1 − px0 + 1) / 2⌉ spans per row.
        let n = (x1 &- x0 &+ 2) &>> 1
        let latest = SIMD8<Int32>(repeating: Int32(tileSize)) &- (n &+ n)
        let first = latest &+ ((x0 &- latest) & ((x0 &- latest) &>> 31))
        raw.storeBytes(of: first, toByteOffset: 13 * 32, as: SIMD8<Int32>.self)
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

    /// The widest box (in columns) that the opaque path draws whole (`opaqueBoxSpans`): wider
    /// ones go through row ranges (`opaqueSpans`). On lines_100k, 12 (at most 6 spans a row) ran
    /// 2.7 % faster than 8 (10.57-10.68 against 10.85-11.08 ms on one thread, alternating), and
    /// 16, 24 or every box no faster than 12; dna the same (0.46 ms). Row ranges keep long
    /// diagonal segments from drawing their whole box (a 32-column one: 16 spans a row).
    static var boxColumns: Int { 12 }

    /// Whether the box of the set-up at `lane` (`lane(_:_:)`) is at most `boxColumns` wide.
    @inline(__always) static func narrowBox(_ lane: UnsafePointer<Float>) -> Bool { int(lane, 10) - int(lane, 9) < boxColumns }

    /// The first column of the box path's spans (`opaqueBoxSpans`) for the set-up at `lane`.
    @inline(__always) static func boxFirstColumn(_ lane: UnsafePointer<Float>) -> Int { int(lane, 13) }
}

extension SegmentSetup {
    /// Lane `i` of the set-ups that `SegmentSetups8.store` wrote at `p` (a valid lane: its box
    /// holds a pixel), with the slab bound.
    @inline(__always) init(lanes p: UnsafePointer<SIMD8<Float>>, _ i: Int) {
        self.init(lane: SegmentSetups8.lane(p, i), slab: true)
    }

    /// The set-up whose fields are 8 floats apart from `f` (`SegmentSetups8.lane`, a valid lane).
    /// Kernels take the lane's address and read the fields themselves: a set-up built by the
    /// caller was written to the stack field by field and read back. `slab`: with the slab bound
    /// (`setSlab`, as `init(_:_:)` computes it), else without (`invAby` and `slope` 0, `slabHalf`
    /// +∞: for kernels that do not use row ranges).
    @inline(__always) init(lane f: UnsafePointer<Float>, slab: Bool) {
        ax = f[0]; ay = f[8]; abx = f[16]; aby = f[24]; invLen2 = f[32]
        az = f[40]; dz = f[48]; r = f[56]; r2 = f[64]
        px0 = SegmentSetups8.int(f, 9); px1 = SegmentSetups8.int(f, 10)
        py0 = SegmentSetups8.int(f, 11); py1 = SegmentSetups8.int(f, 12)
        invAby = 0; slope = 0; slabHalf = .infinity
        if slab { setSlab() }
    }
}
