/// Stack memory of one tile's line drawing, allocated once per tile by `LineDraw.raster` and reused
/// by every segment (allocating it per segment kept the 8-row range computation out of line).
struct LineSpanScratch {
    /// The spans of one 8-row group as `row · 32 + first column` (at most 16 per row), and room for
    /// the 2 entries written past the last row.
    let list: UnsafeMutablePointer<Int32>
    /// Per row `j` of the group: the samples' `qy` at `j`, `qy · aby` at `8 + j`.
    let rowQ: UnsafeMutablePointer<SIMD8<Float>>
    /// Per row `j` of the group: the colouring's row value (`SpanColouring.row`), the span count
    /// at `8 + j` and the first span at `16 + j` (as bit patterns).
    let rowC: UnsafeMutablePointer<Float>
    /// The same for every segment: per column `c`, the lanes' sample x for a span from `c`,
    /// `c + laneX`, at `c`, and `c` in every lane at `32 + c`; per row `py`, the lanes' sample y,
    /// `py + laneY`, at `64 + py`.
    let positions: UnsafePointer<SIMD8<Float>>
    /// The set-ups of 8 records (`SegmentSetups8.store`).
    let setups: UnsafeMutablePointer<SIMD8<Float>>

    @inline(__always) static func with<R>(_ body: (LineSpanScratch) -> R) -> R {
        withUnsafeTemporaryAllocation(of: Int32.self, capacity: 8 * 16 + 2) { list in
            withUnsafeTemporaryAllocation(of: SIMD8<Float>.self, capacity: 16 + 3 * tileSize + SegmentSetups8.storedVectors) { vectors in
                withUnsafeTemporaryAllocation(of: Float.self, capacity: 24) { rowC in
                    let v = vectors.baseAddress!
                    let p = v + 16
                    for c in 0..<tileSize {
                        let columns = SIMD8<Float>(repeating: Float(c))
                        p[c] = columns + SamplePattern.laneX
                        p[tileSize + c] = columns
                        p[2 * tileSize + c] = columns + SamplePattern.laneY
                    }
                    return body(LineSpanScratch(list: list.baseAddress!, rowQ: v, rowC: rowC.baseAddress!, positions: p,
                                                     setups: p + 3 * tileSize))
                }
            }
        }
    }
}

extension LineDraw {
    /// The opaque, depth-tested, depth-writing path (scene lines), specialised per way of
    /// colouring (`SpanColouring`): no mode tests in the loop. Sample positions come from the
    /// per-tile tables of `LineSpanScratch`. Per group of 8 rows, the spans of every
    /// row are listed first (as `row · 32 + first column`, written without branches for rows of up
    /// to 3 spans), then drawn in one loop whose iterations do not depend on each other (measured
    /// as fast as a loop per row on lines_100k; a fixed span count per row, the most any row
    /// needs, was slower: 21 % more spans). A row's spans start at its first column, even or odd
    /// (`rowSpans8`): 32-byte accesses at odd columns are not aligned, but on lines_100k the
    /// spans saved (a row of an even number of columns from an odd one needs one span fewer)
    /// outweigh that. Samples, depth and colours as in the general path and the scalar kernel
    /// (same expressions, which visits other columns: those outside the row range hold no
    /// covered sample): the same pixels.
    @inline(__always)
    func opaqueSpans<C: SpanColouring>(_ lane: UnsafePointer<Float>, _ ctx: TileContext, _ colour: C, _ scratch: LineSpanScratch) {
        let g = SegmentSetup(lane: lane, slab: true)
        let list = scratch.list, rowQ = scratch.rowQ, rowC = scratch.rowC, pos = scratch.positions
        let rowInts = UnsafeMutableRawPointer(rowC).assumingMemoryBound(to: Int32.self)
        var row0 = g.py0
        while row0 <= g.py1 {
            g.rowSpans8(row0, counts: rowInts + 8, firsts: rowInts + 16)
            var n = 0
            let rows = g.py1 - row0 < 8 ? g.py1 - row0 + 1 : 8
            for j in 0..<rows {
                let count = Int(rowInts[8 + j])
                let first = rowInts[16 + j]
                list[n] = first; list[n + 1] = first + 2; list[n + 2] = first + 4
                if count > 3 { for k in 3..<count { list[n + k] = first + Int32(2 * k) } }
                n += count > 0 ? count : 0
                let qy = pos[2 * tileSize + row0 + j] - g.ay
                rowQ[j] = qy
                rowQ[8 + j] = qy * g.aby
                rowC[j] = colour.row(g, row0 + j)
            }
            let group = (row0 << tileShift) << 2
            for i in 0..<n {
                let e = Int(list[i])
                let px = e & (tileSize - 1), j = e >> tileShift
                span(g, ctx, colour, pos, px: px, py: row0 + j, base: group + e << 2, qy: rowQ[j], qyab: rowQ[8 + j],
                     row: rowC[j])
            }
            row0 += 8
        }
    }

    /// Boxes of at most `SegmentSetups8.boxColumns` columns: every span of the box, row by row,
    /// without row ranges or span lists (on lines_100k their set-up cost as much as the spans they
    /// saved: 1.29 M spans a frame here against 0.97 M, 13.8 ms against 15.9, with boxes up to 8).
    /// Spans from the box's first column (`SegmentSetups8.boxFirstColumn`), moved left where the
    /// last would leave the tile, the same count in every row (per-row counts from the slab bound,
    /// 0.89 M spans, ran slower: 17.3 ms, their loop exits mispredicted); samples, depth and colours
    /// as in `opaqueSpans`.
    ///
    /// The box's spans are one loop of rows × spans-per-row iterations whose column wraps back to
    /// the first at the end of a row by selects, not a loop per row: one loop exit per box instead
    /// of one per row (on lines_100k a segment–tile pair is a few rows of 1 to 6 spans). The row's `qy`
    /// is recomputed for every span from the same table entry, so the values are those of the loop
    /// per row. lines_100k, one thread, frames alternating in one process: 2–4 % faster.
    @inline(__always)
    func opaqueBoxSpans<C: SpanColouring>(_ lane: UnsafePointer<Float>, _ ctx: TileContext, _ colour: C, _ scratch: LineSpanScratch) {
        let g = SegmentSetup(lane: lane, slab: false)
        let pos = scratch.positions
        let c0 = SegmentSetups8.boxFirstColumn(lane)
        // Spans per row: from c0 in steps of 2 while the column is ≤ px1 (c0 ≤ px0 ≤ px1).
        let perRow = (g.px1 - c0 + 2) >> 1
        var px = c0, py = g.py0
        for _ in 0..<perRow * (g.py1 - g.py0 + 1) {
            let qy = pos[2 * tileSize + py] - g.ay
            span(g, ctx, colour, pos, px: px, py: py, base: ((py << tileShift) + px) << 2, qy: qy, qyab: qy * g.aby,
                 row: colour.row(g, py))
            px += 2
            let wrap = px > g.px1
            px = wrap ? c0 : px
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
