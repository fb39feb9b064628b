/// Line strips: every segment is a capsule (the set of samples within `r` of the segment), so joins
/// and caps are round, as in the viewer. Depth and colour are interpolated along the segment by the
/// parameter of the closest point (`t`), colour in linear light.
struct SegmentRecord {
    var ax: Float, ay: Float, az: Float
    var bx: Float, by: Float, bz: Float
    var r: Float
    var c0: UInt32, c1: UInt32
}

final class LineDraw: PreparedDraw {
    let batch: LineBatch
    let frame: FrameSetup
    let phase: Int
    let opacity: Float
    let depthTest: Bool, depthWrite: Bool
    let gamma: Bool
    var chunks: [Bins<SegmentRecord>] = []
    /// Strip index ranges (vertex ranges of at least 2 points), in order.
    let strips: [Range<Int>]
    /// Jobs: consecutive strips with about `chunkSize` segments each.
    let jobs: [Range<Int>]
    let clipFromObject: Mat4
    let unitsToPixels: Float
    let objectScale: Float

    init(_ batch: LineBatch, frame: FrameSetup, pool: BinsPool<SegmentRecord>) {
        self.batch = batch
        self.frame = frame
        opacity = sanitizedOpacity(batch.opacity)
        phase = batch.layer == .overlay ? 2 : (opacity < 1 ? 1 : 0)
        depthTest = batch.layer == .scene
        depthWrite = phase == 0
        gamma = batch.blendSpace == .gamma
        let n = batch.positions.count
        var strips: [Range<Int>] = []
        let starts = batch.stripStarts.isEmpty ? [0] : batch.stripStarts
        for (i, s) in starts.enumerated() {
            let e = i + 1 < starts.count ? starts[i + 1] : n
            let lo = max(0, min(s, n)), hi = max(lo, min(e, n))
            strips.append(lo..<hi)        // kept even when short, so strip indices match radii/colours
        }
        self.strips = strips
        var jobs: [Range<Int>] = []
        var first = 0, segs = 0
        for (i, s) in strips.enumerated() {
            segs += max(0, s.count - 1)
            if segs >= chunkSize { jobs.append(first..<i + 1); first = i + 1; segs = 0 }
        }
        if first < strips.count { jobs.append(first..<strips.count) }
        self.jobs = jobs
        let cam = frame.camera(for: batch.space)
        clipFromObject = cam.clipFromWorld * batch.worldFromObject
        unitsToPixels = abs(cam.clipFromCamera[1, 1]) * Float(cam.height) * 0.5
        objectScale = averageScale(batch.worldFromObject)
        chunks = jobs.map { _ in pool.take() }
    }

    func jobCount(stage: Int) -> Int { stage == 0 ? jobs.count : 0 }

    func run(stage: Int, job: Int) {
        let bins = chunks[job]
        bins.reset(capacity: 1024)
        let m = clipFromObject, grid = frame.grid
        let w = Float(grid.width), h = Float(grid.height)
        let colors = batch.colors, perVertex = batch.colorsPerVertex
        batch.positions.withUnsafeBufferPointer { pos in
            for s in jobs[job] {
                let strip = strips[s]
                guard strip.count >= 2 else { continue }
                let rs = clamped(batch.radii, s, -1.5)
                if rs.isNaN { continue }
                let stripColor = clamped(colors, s, .white).packed | 0xFF00_0000
                var prev = m.transformPoint(pos[strip.lowerBound])
                for v in strip.lowerBound + 1..<strip.upperBound {
                    let cur = m.transformPoint(pos[v])
                    defer { prev = cur }
                    var a = prev, b = cur
                    // Clip against the near plane z = −w.
                    let da = a.z + a.w, db = b.z + b.w
                    if !(da >= 0) && !(db >= 0) { continue }
                    if !(da >= 0) { a = a + (b - a) * (da / (da - db)) }
                    else if !(db >= 0) { b = a + (b - a) * (da / (da - db)) }
                    guard a.w > 0, b.w > 0 else { continue }
                    let ia = 1 / a.w, ib = 1 / b.w
                    let ax = (a.x * ia + 1) * 0.5 * w, ay = (1 - a.y * ia) * 0.5 * h, az = a.z * ia * 0.5 + 0.5
                    let bx = (b.x * ib + 1) * 0.5 * w, by = (1 - b.y * ib) * 0.5 * h, bz = b.z * ib * 0.5 + 0.5
                    guard ax.isFinite, ay.isFinite, az.isFinite, bx.isFinite, by.isFinite, bz.isFinite else { continue }
                    var r: Float
                    if rs < 0 { r = -rs * frame.pixelsPerPoint } else {
                        r = rs * objectScale * unitsToPixels * 0.5 * (ia + ib)
                    }
                    if !(r > 0) { continue }
                    if r > 1e5 { r = 1e5 }
                    guard let range = grid.range(minX: minf(ax, bx) - r - 0.875, minY: minf(ay, by) - r - 0.875,
                                                 maxX: maxf(ax, bx) + r - 0.125, maxY: maxf(ay, by) + r - 0.125)
                    else { continue }
                    let c0 = perVertex ? clamped(colors, v - 1, .white).packed | 0xFF00_0000 : stripColor
                    let c1 = perVertex ? clamped(colors, v, .white).packed | 0xFF00_0000 : stripColor
                    let rec = SegmentRecord(ax: ax, ay: ay, az: az, bx: bx, by: by, bz: bz, r: r, c0: c0, c1: c1)
                    if range.y0 == range.y1 || range.x0 == range.x1 {
                        bins.add(rec, range)
                        continue
                    }
                    // Long segment: per tile row, only the tiles its capsule crosses.
                    for ty in range.y0...range.y1 {
                        let bandLo = Float(Int(ty) << tileShift), bandHi = bandLo + Float(tileSize)
                        guard let (xl, xh) = capsuleXRange(ax, ay, bx, by, r, bandLo, bandHi),
                              let row = grid.range(minX: xl - 0.875, minY: bandLo, maxX: xh - 0.125, maxY: bandLo)
                        else { continue }
                        bins.add(rec, TileRange(x0: max(row.x0, range.x0), y0: ty, x1: min(row.x1, range.x1), y1: ty))
                    }
                }
            }
        }
        bins.finish(grid)
    }

    func touches(tile t: Int) -> Bool {
        for b in chunks where b.touches(tile: t) { return true }
        return false
    }

    func raster(tile t: Int, _ ctx: TileContext, kernels: KernelSet) {
        switch kernels {
        case .simd: each(t) { segmentSIMD($0, ctx) }
        case .scalar: each(t) { segmentScalar($0, ctx) }
        }
    }

    @inline(__always) private func each(_ t: Int, _ body: (SegmentRecord) -> Void) {
        for b in chunks {
            b.withRecords(tile: t) { recs in for r in recs { body(r) } }
        }
    }

    /// Colour at parameter `t` along the segment, linear light, alpha = opacity.
    @inline(__always) private func shade(_ g: Setup, _ t: Float) -> SIMD4<Float> {
        var c = g.c0 + g.dc * t
        c.w = opacity
        return c
    }

    @inline(__always) private func writePixel(_ g: Setup, _ t: Float, lanes mask: UInt32, at base: Int, _ ctx: TileContext) {
        let tb = ctx.tables
        if opacity == 1 {
            let word: UInt32
            if g.solid { word = g.word } else {
                let c = g.c0 + g.dc * t
                word = tb.pack(c.x, c.y, c.z, 1)
            }
            for k in 0..<4 where mask & (1 << k) != 0 { ctx.color[base + k] = word }
        } else {
            let src = shade(g, t)
            let s = BlendSource(linear: src, gamma: gamma, tables: tb)
            for k in 0..<4 where mask & (1 << k) != 0 {
                ctx.color[base + k] = blend(s, alpha: src.w, over: ctx.color[base + k], gamma: gamma, tb)
            }
        }
    }

    /// Pixel columns (first rounded down to even) of row `py` whose samples the capsule can
    /// cover; shared by both kernels.
    @inline(__always) private func rowRange(_ g: Setup, _ py: Int) -> (Int, Int)? {
        // The segment's part within the row's sample band widened by r (as `capsuleXRange`, with
        // the division done once per segment).
        var t0: Float = 0, t1: Float = 1
        if g.aby != 0 {
            var u0 = (Float(py) + 0.125 - g.r - g.ay) * g.invAby, u1 = (Float(py) + 0.875 + g.r - g.ay) * g.invAby
            if u0 > u1 { swap(&u0, &u1) }
            t0 = maxf(t0, u0); t1 = minf(t1, u1)
            if !(t0 <= t1) { return nil }
        }
        let xa = g.ax + g.abx * t0, xb = g.ax + g.abx * t1
        let xl = minf(xa, xb) - g.r, xh = maxf(xa, xb) + g.r
        let lo = (xl - 0.875).rounded(.up), hi = (xh - 0.125).rounded(.down)
        let x0 = lo > Float(g.px0) ? Int(lo) & ~1 : g.px0
        let x1 = hi < Float(g.px1) ? Int(hi) : g.px1
        return x0 <= x1 ? (x0, x1) : nil
    }

    /// Segment set-up shared by both kernels: tile-relative end points, direction, 1/|ab|², box.
    private struct Setup {
        var ax: Float, ay: Float, abx: Float, aby: Float, invLen2: Float, dz: Float, r2: Float, r: Float, invAby: Float
        /// Linear colour at a, its change to b, and (one colour) the packed word.
        var c0: SIMD4<Float>, dc: SIMD4<Float>, solid: Bool, word: UInt32
        var px0: Int, px1: Int, py0: Int, py1: Int
    }

    @inline(__always) private func setup(_ s: SegmentRecord, _ ctx: TileContext) -> Setup? {
        let ax = s.ax - Float(ctx.x0), ay = s.ay - Float(ctx.y0)
        let bx = s.bx - Float(ctx.x0), by = s.by - Float(ctx.y0)
        guard let (px0, px1, py0, py1) = sampleBox(minf(ax, bx) - s.r, minf(ay, by) - s.r,
                                                    maxf(ax, bx) + s.r, maxf(ay, by) + s.r, ctx) else { return nil }
        let abx = bx - ax, aby = by - ay
        let len2 = abx * abx + aby * aby
        let c0 = ctx.tables.unpack(s.c0), c1 = ctx.tables.unpack(s.c1)
        return Setup(ax: ax, ay: ay, abx: abx, aby: aby, invLen2: len2 > 0 ? 1 / len2 : 0, dz: s.bz - s.az,
                     r2: s.r * s.r, r: s.r, invAby: aby != 0 ? 1 / aby : 0, c0: c0, dc: c1 - c0, solid: s.c0 == s.c1, word: s.c0,
                     px0: px0, px1: px1, py0: py0, py1: py1)
    }

    @inline(__always) private func segmentSIMD(_ s: SegmentRecord, _ ctx: TileContext) {
        guard let g = setup(s, ctx) else { return }
        let lx = SamplePattern.laneX, ly = SamplePattern.laneY
        for py in g.py0...g.py1 {
            let qy = (SIMD8<Float>(repeating: Float(py)) + ly) - g.ay
            guard let (rx0, rx1) = rowRange(g, py) else { continue }
            var px = rx0
            while px <= rx1 {
                let qx = (SIMD8<Float>(repeating: Float(px)) + lx) - g.ax
                var t = (qx * g.abx + qy * g.aby) * g.invLen2
                t.replace(with: 0, where: t .< 0)
                t.replace(with: 1, where: t .> 1)
                let ex = qx - t * g.abx, ey = qy - t * g.aby
                var m = (ex * ex + ey * ey) .<= g.r2
                if anyLane(m) {
                    let base = ((py << tileShift) + px) << 2
                    let dp = UnsafeMutableRawPointer(ctx.depth + base)
                    let z = s.az + t * g.dz
                    let old = dp.loadUnaligned(as: SIMD8<Float>.self)
                    if depthTest { m = m .& (z .< old) }
                    if anyLane(m) {
                        if depthWrite { dp.storeBytes(of: old.replacing(with: z, where: m), as: SIMD8<Float>.self) }
                        let bits = laneBits(m)
                        for k in 0..<2 where (bits >> (4 * k)) & 0xF != 0 {
                            writePixel(g, pixelT(g, px + k, py), lanes: (bits >> (4 * k)) & 0xF, at: base + 4 * k, ctx)
                        }
                    }
                }
                px += 2
            }
        }
    }

    /// `t` of the closest point to a pixel centre (for colour).
    @inline(__always) private func pixelT(_ g: Setup, _ px: Int, _ py: Int) -> Float {
        let qx = (Float(px) + 0.5) - g.ax, qy = (Float(py) + 0.5) - g.ay
        let t = (qx * g.abx + qy * g.aby) * g.invLen2
        return t < 0 ? 0 : (t > 1 ? 1 : t)
    }

    @inline(__always) private func segmentScalar(_ s: SegmentRecord, _ ctx: TileContext) {
        guard let g = setup(s, ctx) else { return }
        for py in g.py0...g.py1 {
            guard let (rx0, rx1) = rowRange(g, py) else { continue }
            var px = rx0
            while px <= rx1 {
                let base = ((py << tileShift) + px) << 2
                var bits: UInt32 = 0
                for j in 0..<8 {
                    let qx = (Float(px) + SamplePattern.laneX[j]) - g.ax
                    let qy = (Float(py) + SamplePattern.laneY[j]) - g.ay
                    var t = (qx * g.abx + qy * g.aby) * g.invLen2
                    if t < 0 { t = 0 }
                    if t > 1 { t = 1 }
                    let ex = qx - t * g.abx, ey = qy - t * g.aby
                    guard ex * ex + ey * ey <= g.r2 else { continue }
                    let z = s.az + t * g.dz
                    if depthTest && !(z < ctx.depth[base + j]) { continue }
                    if depthWrite { ctx.depth[base + j] = z }
                    bits |= 1 << j
                }
                for k in 0..<2 where (bits >> (4 * k)) & 0xF != 0 {
                    writePixel(g, pixelT(g, px + k, py), lanes: (bits >> (4 * k)) & 0xF, at: base + 4 * k, ctx)
                }
                px += 2
            }
        }
    }
}

/// A conservative x-interval of the capsule (segment a–b, radius r) within the horizontal band
/// [lo, hi]: the part of the segment inside [lo − r, hi + r], widened by r. `nil` when it misses.
@inline(__always)
func capsuleXRange(_ ax: Float, _ ay: Float, _ bx: Float, _ by: Float, _ r: Float, _ lo: Float, _ hi: Float) -> (Float, Float)? {
    let dy = by - ay
    var t0: Float = 0, t1: Float = 1
    if dy != 0 {
        var u0 = (lo - r - ay) / dy, u1 = (hi + r - ay) / dy
        if u0 > u1 { swap(&u0, &u1) }
        t0 = maxf(t0, u0); t1 = minf(t1, u1)
        guard t0 <= t1 else { return nil }
    } else {
        guard ay >= lo - r, ay <= hi + r else { return nil }
    }
    let x0 = ax + (bx - ax) * t0, x1 = ax + (bx - ax) * t1
    return (minf(x0, x1) - r, maxf(x0, x1) + r)
}
