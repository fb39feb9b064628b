/// A line-strip draw: the vertex stage (clip, project, bin segments into tiles) and the tile
/// entry point; the segment set-up is in LineSetup.swift, the kernels in LineKernels.swift.
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
    /// Read once per draw (a global's lazy initialisation check stays out of the kernels).
    let levels = ColourLevels.shared

    init(_ batch: LineBatch, frame: FrameSetup, pool: BinsPool<SegmentRecord>) {
        self.batch = batch
        self.frame = frame
        opacity = sanitizedOpacity(batch.opacity)
        (phase, depthTest, depthWrite) = drawOrdering(layer: batch.layer, opaque: opacity == 1)
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
        let perVertex = batch.colorsPerVertex
        batch.positions.withUnsafeBufferPointer { pos in
            batch.colors.withUnsafeBufferPointer { colors in
                for s in jobs[job] {
                    let strip = strips[s]
                    guard strip.count >= 2 else { continue }
                    let rs = clamped(batch.radii, s, -1.5)
                    if rs.isNaN { continue }
                    let stripColor = clamped(batch.colors, s, .white).packed | 0xFF00_0000
                    let input = StripInput(pos: pos, colors: colors, perVertex: perVertex, stripColor: stripColor, rs: rs)
                    if frame.kernels == .simd {
                        stripWide(strip, input, bins)
                    } else {
                        for v in strip.lowerBound + 1..<strip.upperBound { segment(v, input, bins) }
                    }
                }
            }
        }
        bins.finish(frame.grid)
    }

    /// What the vertex stage reads for one strip.
    struct StripInput {
        let pos: UnsafeBufferPointer<SIMD3<Float>>
        let colors: UnsafeBufferPointer<RGBA8>
        let perVertex: Bool
        /// The strip's colour (opaque), for strips without per-vertex colours.
        let stripColor: UInt32
        /// The strip's radius (`LineBatch.radii`: negative in points, positive in scene units).
        let rs: Float

        /// Opaque colour word of vertex `v` (the last colour for vertices past the end, white
        /// without colours).
        @inline(__always) func color(_ v: Int) -> UInt32 {
            perVertex ? clamped(colors, v, .white).packed | 0xFF00_0000 : stripColor
        }
    }

    /// The segment from vertex `v − 1` to `v`: clipped against the near plane, projected, given
    /// its radius in pixels, and binned (skipped when it is behind the camera, not finite, of no
    /// width or off the frame). The scalar vertex stage, and the wide one's fallback.
    @inline(__always) func segment(_ v: Int, _ input: StripInput, _ bins: Bins<SegmentRecord>) {
        let m = clipFromObject, grid = frame.grid
        let w = Float(grid.width), h = Float(grid.height)
        var a = m.transformPoint(input.pos[v - 1]), b = m.transformPoint(input.pos[v])
        // Clip against the near plane z = −w.
        let da = a.z + a.w, db = b.z + b.w
        if !(da >= 0) && !(db >= 0) { return }
        if !(da >= 0) { a = a + (b - a) * (da / (da - db)) }
        else if !(db >= 0) { b = a + (b - a) * (da / (da - db)) }
        guard a.w > 0, b.w > 0 else { return }
        let pa = Projected(a, w, h), pb = Projected(b, w, h)
        let ia = pa.inv, ib = pb.inv
        let ax = pa.x, ay = pa.y, az = pa.z
        let bx = pb.x, by = pb.y, bz = pb.z
        guard ax.isFinite, ay.isFinite, az.isFinite, bx.isFinite, by.isFinite, bz.isFinite else { return }
        let rs = input.rs
        var r: Float
        if rs < 0 { r = -rs * frame.pixelsPerPoint } else {
            r = rs * objectScale * unitsToPixels * 0.5 * (ia + ib)
        }
        if !(r > 0) { return }
        if r > 1e5 { r = 1e5 }
        guard let range = grid.range(minX: minf(ax, bx) - r - 0.875, minY: minf(ay, by) - r - 0.875,
                                     maxX: maxf(ax, bx) + r - 0.125, maxY: maxf(ay, by) + r - 0.125)
        else { return }
        let rec = SegmentRecord(ax: ax, ay: ay, az: az, bx: bx, by: by, bz: bz, r: r, c0: input.color(v - 1), c1: input.color(v))
        if range.y0 == range.y1 || range.x0 == range.x1 {
            bins.add(rec, range)
            return
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

    /// A clip-space point in frame pixels (y down) and window depth, with 1/w.
    struct Projected {
        var x: Float, y: Float, z: Float, inv: Float

        init(x: Float, y: Float, z: Float, inv: Float) { self.x = x; self.y = y; self.z = z; self.inv = inv }

        @inline(__always) init(_ p: SIMD4<Float>, _ w: Float, _ h: Float) {
            inv = 1 / p.w
            x = (p.x * inv + 1) * 0.5 * w
            y = (1 - p.y * inv) * 0.5 * h
            z = p.z * inv * 0.5 + 0.5
        }
    }

    func touches(tile t: Int) -> Bool {
        for b in chunks where b.touches(tile: t) { return true }
        return false
    }

    func raster(tile t: Int, _ ctx: TileContext, kernels: KernelSet) {
        let mode = SpanMode(depthTest: depthTest, depthWrite: depthWrite, opaque: opacity == 1,
                            opacity: opacity, gamma: gamma)
        let levels = self.levels
        switch kernels {
        case .simd:
            if mode.opaque && mode.depthTest && mode.depthWrite {
                LineSpanScratch.with { scratch in
                    for b in chunks { b.withRecords(tile: t) { opaqueSegmentsSIMD($0, ctx, levels, scratch) } }
                }
            } else {
                each(t) { segmentSIMD($0, ctx, mode, levels) }
            }
        case .scalar: each(t) { segmentScalar($0, ctx, mode, levels) }
        }
    }

    @inline(__always) private func each(_ t: Int, _ body: (SegmentRecord) -> Void) {
        for b in chunks {
            b.withRecords(tile: t) { recs in for r in recs { body(r) } }
        }
    }
}
