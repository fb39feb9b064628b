/// Stack memory of one tile's opaque line drawing, allocated once per tile by `LineDraw.raster`
/// and reused by every segment.
struct LineSpanScratch {
    /// The same for every segment: per column `c`, the lanes' sample x for a span from `c`,
    /// `c + laneX`, at `c`, and `c` in every lane at `32 + c`; per row `py`, the lanes' sample y,
    /// `py + laneY`, at `64 + py`.
    let positions: UnsafePointer<SIMD8<Float>>
    /// The set-ups of 8 records (`SegmentSetups8.store`).
    let setups: UnsafeMutablePointer<SIMD8<Float>>

    @inline(__always) static func with<R>(_ body: (LineSpanScratch) -> R) -> R {
        withUnsafeTemporaryAllocation(of: SIMD8<Float>.self, capacity: 3 * tileSize + SegmentSetups8.storedVectors) { vectors in
            let p = vectors.baseAddress!
            for c in 0..<tileSize {
                let columns = SIMD8<Float>(repeating: Float(c))
                p[c] = columns + SamplePattern.laneX
                p[tileSize + c] = columns
                p[2 * tileSize + c] = columns + SamplePattern.laneY
            }
            return body(LineSpanScratch(positions: p, setups: p + 3 * tileSize))
        }
    }
}

extension LineDraw {
    /// The opaque, depth-tested, depth-writing path (scene lines), specialised per way of
    /// colouring (`SpanColouring`): no mode tests in the loop. The same number of spans in every
    /// row of the box, placed per row by `SegmentSetups8.slantedRows` (along the segment for
    /// steep ones, else across the box), so each holds its row's covered samples; samples,
    /// depth and colours as in the general path and the scalar kernel (same expressions, which
    /// visits other columns: those outside its row ranges hold no covered sample): the same
    /// pixels. Sample positions come from the per-tile tables of `LineSpanScratch`.
    ///
    /// The spans are one loop of rows × spans-per-row iterations that moves to the next row's
    /// first column by selects, not a loop per row: one loop exit per segment and tile instead
    /// of one per row (on lines_100k a segment–tile pair is a few rows of 1 to 6 spans;
    /// per-row span counts ran slower, their loop exits mispredicted). The row's `qy` is
    /// recomputed for every span from the same table entry, so the values are those of a loop
    /// per row.
    @inline(__always)
    func opaqueSpans<C: SpanColouring>(_ lane: UnsafePointer<Float>, _ ctx: TileContext, _ colour: C, _ scratch: LineSpanScratch) {
        let g = SegmentSetup(lane: lane)
        let pos = scratch.positions
        let (start, step, perRow) = SegmentSetups8.rows(lane)
        @inline(__always) func first(_ f: Int) -> Int { SegmentSetups8.firstColumn(bound: f, px0: g.px0, perRow: perRow) }
        // Row py's bound, start + py · step, kept up to date by adding.
        var f = start + g.py0 * step
        var px = first(f), py = g.py0, k = 0
        for _ in 0..<perRow * (g.py1 - g.py0 + 1) {
            let qy = pos[2 * tileSize + py] - g.ay
            span(g, ctx, colour, pos, px: px, py: py, base: ((py << tileShift) + px) << 2, qy: qy, qyab: qy * g.aby,
                 row: colour.row(g, py))
            k += 1
            let wrap = k == perRow
            k = wrap ? 0 : k
            f = wrap ? f + step : f
            px = wrap ? first(f) : px + 2
            py = wrap ? py + 1 : py
        }
    }

    /// One 2-pixel span at column `px` of tile row `py` (`base`: its first sample): the capsule and
    /// depth tests of its 8 samples, then the depth and colour words where both pass. `qy` and
    /// `qyab` are the row's sample offsets from the segment's start and their product with its
    /// direction, `row` the colouring's row value.
    @inline(__always)
    private func span<C: SpanColouring>(_ g: SegmentSetup, _ ctx: TileContext, _ colour: C, _ pos: UnsafePointer<SIMD8<Float>>,
                                        px: Int, py: Int, base: Int, qy: SIMD8<Float>, qyab: SIMD8<Float>, row: Float) {
        typealias V = SIMD8<Float>
        let qx = pos[px] - g.ax
        var t = (qx * g.abx + qyab) * g.invLen2
        t.replace(with: 0, where: t .< 0)
        t.replace(with: 1, where: t .> 1)
        let ex = qx - t * g.abx, ey = qy - t * g.aby
        let d2 = ex * ex + ey * ey
        let dp = UnsafeMutableRawPointer(ctx.depth + base)
        let cp = UnsafeMutableRawPointer(ctx.color + base)
        let z = g.az + t * g.dz
        let old = dp.loadUnaligned(as: V.self)
        // Covered and nearer as one compare (see `segmentSIMD`).
        let m = z.replacing(with: .infinity, where: d2 .> g.r2) .< old
        dp.storeBytes(of: old.replacing(with: z, where: m), as: V.self)
        let words = colour.words(g, pos[tileSize + px], px, py, row, ctx.tables)
        let oldColor = cp.loadUnaligned(as: V.self)
        cp.storeBytes(of: oldColor.replacing(with: words, where: m), as: V.self)
    }
}
