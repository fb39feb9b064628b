/// Filled boxes of opaque triangles without depth test (image quads, backgrounds), and tiles that
/// one such triangle covers entirely.
///
/// Every sample of a filled pixel gets the pixel's one opaque word, so the pixel's resolve is that
/// word: a tile whose last primitive covers it this way is written straight to the output, one word
/// per pixel, with the same bytes as clearing, drawing and resolving it (see `TileCovering`).
extension TriangleDraw: TileCovering {
    /// Every sample of the tile pixels [minX, maxX] × [minY, maxY] gets the pixel's opaque word;
    /// with `out`, the words go to the output pixels instead of the tile's samples.
    func fillBox(_ minX: Int, _ maxX: Int, _ minY: Int, _ maxY: Int, _ shader: inout PixelShader,
                 _ rec: TriRecord, _ v0: ScreenVertex, _ v1: ScreenVertex, _ v2: ScreenVertex,
                 _ src: VertexSource, _ ctx: TileContext, into out: OutputTarget?) {
        prepare(&shader, rec, v0, v1, v2, src)
        if shader.separable, let tx = shader.texels {
            fillSeparable(minX, maxX, minY, maxY, shader, tx, ctx, into: out)
            return
        }
        for py in minY...maxY {
            if let out {
                let row = (out.base + (ctx.y0 + py) * out.rowBytes + ctx.x0 * 4).assumingMemoryBound(to: UInt32.self)
                for px in minX...maxX { row[px] = shader.shadeWord(Float(px) + 0.5, Float(py) + 0.5, ctx.tables) }
                continue
            }
            var p = ctx.color + (((py << tileShift) + minX) << 2)
            for px in minX...maxX {
                let word = shader.shadeWord(Float(px) + 0.5, Float(py) + 0.5, ctx.tables)
                UnsafeMutableRawPointer(p).storeBytes(of: SIMD4<UInt32>(repeating: word), as: SIMD4<UInt32>.self)
                p += 4
            }
        }
    }

    /// `fillBox` for a separable image triangle: texel columns once per box, rows once per row; a
    /// run of consecutive columns (1:1 image pixels) is copied 8 texels at a time.
    private func fillSeparable(_ minX: Int, _ maxX: Int, _ minY: Int, _ maxY: Int, _ shader: PixelShader,
                               _ tx: UnsafePointer<UInt32>, _ ctx: TileContext, into out: OutputTarget?) {
        let n = maxX - minX + 1
        withUnsafeTemporaryAllocation(of: Int.self, capacity: tileSize) { cols in
            var consecutive = true
            for k in 0..<n {
                cols[k] = shader.column(Float(minX + k) + 0.5)
                if k > 0 && cols[k] != cols[k - 1] + 1 { consecutive = false }
            }
            let alpha = SIMD8<UInt32>(repeating: 0xFF00_0000)
            // The texels, and output pixels, of the rows `separableRowsAhead` below the one being filled are asked
            // for ahead.
            let texels = SeparableTexels(shader, tx, cols, n), ahead = separableRowsAhead
            @inline(__always) func ask(_ py: Int) {
                texels.prefetch(row: shader.row(Float(py) + 0.5))
                out?.prefetchRow(ctx.y0 + py, x: ctx.x0 + minX, count: n)
            }
            for py in minY..<min(minY + ahead, maxY + 1) { ask(py) }
            for py in minY...maxY {
                if py + ahead <= maxY { ask(py + ahead) }
                let texRow = tx + shader.row(Float(py) + 0.5) * shader.texWidth
                var k = 0
                if let out {
                    // One word per pixel, straight to the output row.
                    let dst = out.base + (ctx.y0 + py) * out.rowBytes + (ctx.x0 + minX) * 4
                    if consecutive {
                        let run = UnsafeRawPointer(texRow + cols[0])
                        while k + 8 <= n {
                            let v = run.loadUnaligned(fromByteOffset: 4 * k, as: SIMD8<UInt32>.self) | alpha
                            dst.storeBytes(of: v, toByteOffset: 4 * k, as: SIMD8<UInt32>.self)
                            k += 8
                        }
                    }
                    while k < n {
                        dst.storeBytes(of: texRow[cols[k]] | 0xFF00_0000, toByteOffset: 4 * k, as: UInt32.self)
                        k += 1
                    }
                    continue
                }
                let dst = UnsafeMutableRawPointer(ctx.color + (((py << tileShift) + minX) << 2))
                if consecutive {
                    let run = UnsafeRawPointer(texRow + cols[0])
                    while k + 8 <= n {
                        let v = run.loadUnaligned(fromByteOffset: 4 * k, as: SIMD8<UInt32>.self) | alpha
                        for j in 0..<8 {
                            dst.storeBytes(of: SIMD4<UInt32>(repeating: v[j]), toByteOffset: 16 * (k + j), as: SIMD4<UInt32>.self)
                        }
                        k += 8
                    }
                }
                while k < n {
                    dst.storeBytes(of: SIMD4<UInt32>(repeating: texRow[cols[k]] | 0xFF00_0000), toByteOffset: 16 * k,
                                   as: SIMD4<UInt32>.self)
                    k += 1
                }
            }
        }
    }

    /// The triangle that covers tile `t` and comes after every other triangle of the draw that
    /// draws in it (later ones that miss the tile, binned by their box, are passed over), and its
    /// chunk; `nil` when there is none.
    private func coverRecord(tile t: Int, _ ctx: TileContext) -> (TriRecord, Bins<TriRecord>)? {
        for b in chunks.reversed() {
            var found: (TriRecord, Bins<TriRecord>)??
            b.withRecords(tile: t) { recs in
                withSource(b) { src in
                    for rec in recs.reversed() {
                        // A small triangle's coverage is its mask: it is not passed over.
                        if rec.smallMask != 0 { found = .some(nil); return }
                        switch coverage(rec, src, ctx) {
                        case .none: continue
                        case .partial: found = .some(nil); return
                        case .full: found = (rec, b); return
                        }
                    }
                }
            }
            if let found { return found }
        }
        return nil
    }

    private enum TileCoverage { case none, partial, full }

    /// How a large triangle meets the tile's pixel box: outside one of its edges (it draws
    /// nothing there, as `generalTriangle` rejects it), inside all three (every sample covered),
    /// or crossing.
    private func coverage(_ rec: TriRecord, _ src: VertexSource, _ ctx: TileContext) -> TileCoverage {
        let v0 = src.position(rec.i0), v1 = src.position(rec.i1), v2 = src.position(rec.i2)
        let ox = Int32(ctx.x0 << 4), oy = Int32(ctx.y0 << 4)
        let box = (Int64(0), Int64(0), Int64(ctx.w << 4), Int64(ctx.h << 4))
        guard let e0 = edge(v0.x &- ox, v0.y &- oy, v1.x &- ox, v1.y &- oy, box: box),
              let e1 = edge(v1.x &- ox, v1.y &- oy, v2.x &- ox, v2.y &- oy, box: box),
              let e2 = edge(v2.x &- ox, v2.y &- oy, v0.x &- ox, v0.y &- oy, box: box) else { return .none }
        return e0.a | e0.b | e1.a | e1.b | e2.a | e2.b == 0 ? .full : .partial
    }

    @inline(__always)
    private func withSource<R>(_ b: Bins<TriRecord>, _ body: (VertexSource) -> R) -> R {
        b.extraVertices.withUnsafeBufferPointer { extra in
            body(VertexSource(screen: UnsafePointer(storage.screen), attributes: UnsafePointer(storage.attributes), extra: extra.baseAddress))
        }
    }

    /// An opaque draw without depth test or write with a triangle that covers the tile after all
    /// others that draw in it: `generalTriangle` would fill the whole tile box with it.
    func rasterCover(tile t: Int, _ ctx: TileContext, into out: OutputTarget?) -> Bool {
        guard opaque && !depthTest && !depthWrite, let (rec, b) = coverRecord(tile: t, ctx) else { return false }
        withSource(b) { src in
            let v0 = src.position(rec.i0), v1 = src.position(rec.i1), v2 = src.position(rec.i2)
            var shader = PixelShader(draw: self, TriangleGeometry(v0, v1, v2, ox: Int32(ctx.x0 << 4), oy: Int32(ctx.y0 << 4)))
            fillBox(0, ctx.w - 1, 0, ctx.h - 1, &shader, rec, v0, v1, v2, src, ctx, into: out)
        }
        return true
    }
}

/// Rows ahead of the one being filled whose texels (and output pixels) a separable fill asks for. A tile's rows
/// are short runs far apart in the image and in the output, which the hardware prefetchers do not follow: the
/// copy waited on each row's lines. image_4k (2 threads, frames alternating in one process): 3, 6, 8, 10 and 16
/// rows ahead took 0.79–0.83, 0.78–0.80, 0.73–0.75, 0.76–0.77 and 0.81 of the time without.
@inline(__always) var separableRowsAhead: Int { 8 }

/// The texels that the rows of a separable image triangle read over one tile (columns `cols[0 ..< n]`, which
/// are monotonic), for prefetching: the run from the first column to the last, when it is at most 4 texels a
/// pixel (a fill at 1:1 or from a mip level reads most of its run; nearest sampling of a far larger image
/// reads a few texels of a long run, and nothing is asked for).
struct SeparableTexels {
    /// The run's first texel in texel row 0, and the bytes from one texel row to the next.
    let first: UnsafeRawPointer
    let rowBytes: Int
    /// The run's bytes; 0 when nothing is asked for.
    let bytes: Int

    @inline(__always) init(_ shader: PixelShader, _ tx: UnsafePointer<UInt32>, _ cols: UnsafeMutableBufferPointer<Int>, _ n: Int) {
        first = UnsafeRawPointer(tx + min(cols[0], cols[n - 1]))
        rowBytes = 4 * shader.texWidth
        let run = abs(cols[n - 1] - cols[0]) + 1
        bytes = run <= 4 * n ? 4 * run : 0
    }

    /// Asks for the run's texels in texel row `row` (a hint).
    @inline(__always) func prefetch(row: Int) {
        if bytes > 0 { prefetchRun(first + row * rowBytes, bytes: bytes, write: false) }
    }
}

extension TriangleDraw {
    /// The covered samples of a separable image triangle in the tile pixels [minX, maxX] ×
    /// [minY, maxY] (edges crossing the box, no depth): the same coverage as `generalTriangle`'s
    /// kernels (`simd` picks the set) and the same words as `PixelShader.shadeWord`, with texel
    /// columns fetched once per box and rows once per row.
    func fillSeparableEdges(_ e0: Edge, _ e1: Edge, _ e2: Edge, _ minX: Int, _ maxX: Int, _ minY: Int, _ maxY: Int,
                            _ shader: PixelShader, _ tx: UnsafePointer<UInt32>, _ ctx: TileContext, simd: Bool) {
        let x0 = minX & ~1
        // Whole 2-pixel spans (the last span's second pixel is still inside the 32-pixel buffer).
        let n = ((maxX - x0) | 1) + 1
        withUnsafeTemporaryAllocation(of: Int.self, capacity: tileSize) { cols in
            for k in 0..<n { cols[k] = shader.column(Float(x0 + k) + 0.5) }
            let edges = SpanEdges(e0, e1, e2)
            let texels = SeparableTexels(shader, tx, cols, n), ahead = separableRowsAhead
            @inline(__always) func ask(_ py: Int) { texels.prefetch(row: shader.row(Float(py) + 0.5)) }
            for py in minY..<min(minY + ahead, maxY + 1) { ask(py) }
            for py in minY...maxY {
                if py + ahead <= maxY { ask(py + ahead) }
                let texRow = tx + shader.row(Float(py) + 0.5) * shader.texWidth
                let r = edges.row(py)
                var px = x0
                while px <= maxX {
                    let base = ((py << tileShift) + px) << 2
                    let w0 = texRow[cols[px - x0]] | 0xFF00_0000, w1 = texRow[cols[px - x0 + 1]] | 0xFF00_0000
                    if simd {
                        let m = edges.mask(r, px)
                        if anyLane(m) {
                            let cp = UnsafeMutableRawPointer(ctx.color + base)
                            let words = SIMD8(lowHalf: SIMD4<UInt32>(repeating: w0), highHalf: SIMD4<UInt32>(repeating: w1))
                            let oc = cp.loadUnaligned(as: SIMD8<UInt32>.self)
                            cp.storeBytes(of: oc.replacing(with: words, where: m), as: SIMD8<UInt32>.self)
                        }
                    } else {
                        let covered = edges.bits(r, px)
                        for j in 0..<8 where covered & (1 << j) != 0 { ctx.color[base + j] = j < 4 ? w0 : w1 }
                    }
                    px += 2
                }
            }
        }
    }
}
