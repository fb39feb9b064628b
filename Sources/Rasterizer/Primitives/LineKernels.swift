/// The two line kernels: 8 lanes (2 pixels × 4 samples) at a time, and the scalar reference that
/// tests one sample at a time. Both visit, per row, the pixels of `SegmentSetup.rowRange` and test
/// every sample with the same expressions (closest-point parameter `t` clamped to [0, 1], squared
/// distance ≤ r², then depth `az + t·dz`), and colour a pixel with `SegmentShade` at the `t` of
/// its centre, so they write identical bytes.
extension LineDraw {
    /// What a kernel does with a covered sample, fixed per draw before the pixel loops.
    struct SpanMode {
        let depthTest: Bool, depthWrite: Bool
        /// Opacity 1: covered samples are overwritten; otherwise blended one by one.
        let opaque: Bool
        let opacity: Float, gamma: Bool
    }

    @inline(__always) func segmentSIMD(_ s: SegmentRecord, _ ctx: TileContext, _ mode: SpanMode) {
        guard let g = SegmentSetup(s, ctx) else { return }
        let k = SpanKernel(g: g, shade: SegmentShade(s, ctx.tables), mode: mode, ctx: ctx)
        var row0 = g.py0
        while row0 <= g.py1 {
            let (los, his) = g.rowRanges8(row0)
            for j in 0..<min(8, g.py1 - row0 + 1) {
                let rx0 = Int(los[j]), rx1 = Int(his[j])
                if rx0 > rx1 { continue }
                let row = SpanRow(g, py: row0 + j, last: rx1)
                // Windows of 4 columns (two spans, so that a thin line's row costs no loop
                // branch) from an even column, so that every 32-byte access is aligned: no
                // cache-line splits, and loads match earlier stores exactly (store forwarding);
                // the last window is moved left to stay inside the tile.
                var lo = rx0
                repeat {
                    let w = min(lo & ~1, tileSize - 4)
                    let loF = Float(lo)
                    k.span(w, row, from: loF)
                    k.span(w + 2, row, from: loF)
                    lo = w + 4
                } while lo <= rx1
            }
            row0 += 8
        }
    }

    @inline(__always) func segmentScalar(_ s: SegmentRecord, _ ctx: TileContext, _ mode: SpanMode) {
        guard let g = SegmentSetup(s, ctx) else { return }
        let shade = SegmentShade(s, ctx.tables)
        for py in g.py0...g.py1 {
            guard let (rx0, rx1) = g.rowRange(py) else { continue }
            for px in rx0...rx1 {
                let base = ((py << tileShift) + px) << 2
                var bits: UInt32 = 0
                for k in 0..<4 {
                    let qx = (Float(px) + SamplePattern.laneX[k]) - g.ax
                    let qy = (Float(py) + SamplePattern.laneY[k]) - g.ay
                    var t = (qx * g.abx + qy * g.aby) * g.invLen2
                    if t < 0 { t = 0 }
                    if t > 1 { t = 1 }
                    let ex = qx - t * g.abx, ey = qy - t * g.aby
                    guard ex * ex + ey * ey <= g.r2 else { continue }
                    let z = g.az + t * g.dz
                    if mode.depthTest && !(z < ctx.depth[base + k]) { continue }
                    if mode.depthWrite { ctx.depth[base + k] = z }
                    bits |= 1 << k
                }
                if bits == 0 { continue }
                if mode.opaque {
                    let word = shade.word(at: g.pixelT(px, py), ctx.tables)
                    for k in 0..<4 where bits & (1 << k) != 0 { ctx.color[base + k] = word }
                } else {
                    Self.blendPixel(shade, g.pixelT(px, py), lanes: bits, at: base, ctx, mode)
                }
            }
        }
    }

    /// A row's part of the span test: sample y relative to a, and its product with aby.
    struct SpanRow {
        let py: Int, qy: SIMD8<Float>, qyab: SIMD8<Float>, rowBase: Int
        /// Last column to draw.
        let last: Float

        @inline(__always) init(_ g: SegmentSetup, py: Int, last: Int) {
            self.py = py
            qy = (SIMD8<Float>(repeating: Float(py)) + SamplePattern.laneY) - g.ay
            qyab = qy * g.aby
            rowBase = (py << tileShift) << 2
            self.last = Float(last)
        }
    }

    /// The 8-lane test of one segment in one tile.
    struct SpanKernel {
        let g: SegmentSetup, shade: SegmentShade, mode: SpanMode, ctx: TileContext
        let solid: Bool, solidWords: SIMD8<UInt32>

        @inline(__always) init(g: SegmentSetup, shade: SegmentShade, mode: SpanMode, ctx: TileContext) {
            self.g = g; self.shade = shade; self.mode = mode; self.ctx = ctx
            solid = mode.opaque && shade.solid
            solidWords = SIMD8(repeating: shade.word)
        }

        /// The 2-pixel span at column `px` of `row`; only its pixels from column `first` to the
        /// row's last are drawn.
        @inline(__always) func span(_ px: Int, _ row: SpanRow, from first: Float) {
            let pxF = Float(px)
            let qx = (SIMD8<Float>(repeating: pxF) + SamplePattern.laneX) - g.ax
            var t = (qx * g.abx + row.qyab) * g.invLen2
            t.replace(with: 0, where: t .< 0)
            t.replace(with: 1, where: t .> 1)
            let ex = qx - t * g.abx, ey = row.qy - t * g.aby
            let column = SIMD8<Float>(repeating: pxF) + SIMD8<Float>(0, 0, 0, 0, 1, 1, 1, 1)
            var m = ((ex * ex + ey * ey) .<= g.r2) .& (column .>= first) .& (column .<= row.last)
            let base = row.rowBase + (px << 2)
            let dp = UnsafeMutableRawPointer(ctx.depth + base)
            let z = g.az + t * g.dz
            let old = dp.loadUnaligned(as: SIMD8<Float>.self)
            if mode.depthTest { m = m .& (z .< old) }
            // Stores without a branch on the mask (a miss stores what was there): the mask is
            // too random to predict.
            if mode.depthWrite { dp.storeBytes(of: old.replacing(with: z, where: m), as: SIMD8<Float>.self) }
            if solid {
                storeWords(solidWords, m, at: base)
            } else if anyLane(m) {
                if mode.opaque {
                    storeWords(shade.words(g.pixelT(px, row.py), g.pixelT(px + 1, row.py), ctx.tables), m, at: base)
                } else {
                    let bits = laneBits(m)
                    for k in 0..<2 where (bits >> (4 * k)) & 0xF != 0 {
                        LineDraw.blendPixel(shade, g.pixelT(px + k, row.py), lanes: (bits >> (4 * k)) & 0xF, at: base + 4 * k, ctx, mode)
                    }
                }
            }
        }

        /// Writes `words` into the colour samples of the span at `base` where `m` is set.
        @inline(__always) func storeWords(_ words: SIMD8<UInt32>, _ m: LaneMask, at base: Int) {
            let cp = UnsafeMutableRawPointer(ctx.color + base)
            // Blended as floats: one `vblendvps` (the bits are moved, not converted); the integer
            // forms went lane by lane.
            let old = cp.loadUnaligned(as: SIMD8<Float>.self)
            cp.storeBytes(of: old.replacing(with: unsafeBitCast(words, to: SIMD8<Float>.self), where: m), as: SIMD8<Float>.self)
        }
    }

    /// Blends the segment's colour at `t` over the samples of one pixel set in `mask` (4 bits).
    @inline(__always) static func blendPixel(_ shade: SegmentShade, _ t: Float, lanes mask: UInt32, at base: Int,
                                      _ ctx: TileContext, _ mode: SpanMode) {
        let tb = ctx.tables
        let src = shade.linear(at: t, opacity: mode.opacity)
        let s = BlendSource(linear: src, gamma: mode.gamma, tables: tb)
        for k in 0..<4 where mask & (1 << k) != 0 {
            ctx.color[base + k] = blend(s, alpha: src.w, over: ctx.color[base + k], gamma: mode.gamma, tb)
        }
    }
}
