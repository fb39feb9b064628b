/// The two line kernels: 8 lanes (2 pixels × 4 samples) at a time, and the scalar reference that
/// tests one sample at a time. Both visit, per row, the columns of `SegmentSetup.rowRange`
/// widened to whole 2-pixel spans (from an even column here; in the opaque SIMD path the spans
/// of `SegmentSetups8.slantedRows`, which hold those columns: the others hold no covered sample),
/// and test every sample with the same expressions (closest-point parameter `t` clamped to
/// [0, 1], squared distance ≤ r², then depth `az + t·dz`), and colour a pixel with
/// `SegmentShade` at the `t` of its centre, so they write identical bytes.
extension LineDraw {
    /// What a kernel does with a covered sample, fixed per draw before the pixel loops.
    struct SpanMode {
        let depthTest: Bool, depthWrite: Bool
        /// Opacity 1: covered samples are overwritten; otherwise blended one by one.
        let opaque: Bool
        let opacity: Float, gamma: Bool
    }

    /// The opaque, depth-tested, depth-writing path over a tile's records (scene lines): set up 8
    /// segments at a time (`SegmentSetups8`), then each one's spans (`opaqueSpans`) in submission
    /// order, specialised per way of colouring.
    @inline(__always) func opaqueSegmentsSIMD(_ records: UnsafeBufferPointer<SegmentRecord>, _ ctx: TileContext,
                                              _ levels: ColourLevels, _ scratch: LineSpanScratch) {
        guard let base = records.baseAddress else { return }
        var i = 0
        while i < records.count {
            let n = min(8, records.count - i)
            var bits = SegmentSetups8.setUp(base + i, count: n, ctx, into: scratch.setups)
            while bits != 0 {
                let k = bits.trailingZeroBitCount
                bits &= bits - 1
                let g = SegmentSetups8.lane(scratch.setups, k)
                let s = base[i + k]
                if s.c0 == s.c1 {
                    opaqueSpans(g, ctx, SolidSpans(s.c0), scratch)
                    continue
                }
                if let one = OneStepSpans(oneLevel: s, ctx.tables, levels) {
                    opaqueSpans(g, ctx, one, scratch)
                    continue
                }
                let shade = SegmentShade(s, ctx.tables, opaque: true, levels: levels)
                if shade.steps == 1 { opaqueSpans(g, ctx, OneStepSpans(shade), scratch) }
                else if shade.steps > 0 { opaqueSpans(g, ctx, SteppedSpans(shade), scratch) }
                else { opaqueSpans(g, ctx, EncodedSpans(shade), scratch) }
            }
            i += n
        }
    }

    /// Every other mode (transparent, overlay, without depth test or write), one segment.
    @inline(__always) func segmentSIMD(_ s: SegmentRecord, _ ctx: TileContext, _ mode: SpanMode, _ levels: ColourLevels) {
        guard let g = SegmentSetup(s, ctx) else { return }
        let shade = SegmentShade(s, ctx.tables, opaque: mode.opaque, levels: levels)
        let solid = mode.opaque && shade.solid
        let solidWords = unsafeBitCast(SIMD8<UInt32>(repeating: shade.word), to: SIMD8<Float>.self)
        var memo = BlendMemo()
        let lx = SamplePattern.laneX, ly = SamplePattern.laneY
        var row0 = g.py0
        while row0 <= g.py1 {
            let (los, his) = g.rowRanges8(row0)
            for j in 0..<min(8, g.py1 - row0 + 1) {
                let rx0 = Int(los[j]), rx1 = Int(his[j])
                if rx0 > rx1 { continue }
                let py = row0 + j
                let qy = (SIMD8<Float>(repeating: Float(py)) + ly) - g.ay
                let qyab = qy * g.aby
                let rowBase = (py << tileShift) << 2
                var px = spanStart(rx0)
                var columns = SIMD8<Float>(repeating: Float(px)) + lx     // exact: small integers + k/8
                repeat {
                    let qx = columns - g.ax
                    var t = (qx * g.abx + qyab) * g.invLen2
                    t.replace(with: 0, where: t .< 0)
                    t.replace(with: 1, where: t .> 1)
                    let ex = qx - t * g.abx, ey = qy - t * g.aby
                    let d2 = ex * ex + ey * ey
                    let base = rowBase + (px << 2)
                    let dp = UnsafeMutableRawPointer(ctx.depth + base)
                    let cp = UnsafeMutableRawPointer(ctx.color + base)
                    let z = g.az + t * g.dz
                    let old = dp.loadUnaligned(as: SIMD8<Float>.self)
                    // Covered and nearer as one compare (one mask feeding the blends; combined
                    // masks cost conversions): an uncovered lane tests +∞ < old, false. A NaN
                    // distance comes only with a NaN t, whose NaN z fails the test as well.
                    let m = mode.depthTest ? z.replacing(with: .infinity, where: d2 .> g.r2) .< old : d2 .<= g.r2
                    // Solid opaque segments store without a branch on the mask (a miss stores
                    // what was there): the mask is too random to predict. Colour words are
                    // blended as floats (one `vblendvps`; the bits are moved, not converted),
                    // the integer forms went lane by lane.
                    if solid {
                        if mode.depthWrite { dp.storeBytes(of: old.replacing(with: z, where: m), as: SIMD8<Float>.self) }
                        let oldColor = cp.loadUnaligned(as: SIMD8<Float>.self)
                        cp.storeBytes(of: oldColor.replacing(with: solidWords, where: m), as: SIMD8<Float>.self)
                    } else if anyLane(m) {
                        if mode.depthWrite { dp.storeBytes(of: old.replacing(with: z, where: m), as: SIMD8<Float>.self) }
                        if mode.opaque {
                            let words = unsafeBitCast(shade.words(g.pixelT(px, py), g.pixelT(px + 1, py), ctx.tables), to: SIMD8<Float>.self)
                            let oldColor = cp.loadUnaligned(as: SIMD8<Float>.self)
                            cp.storeBytes(of: oldColor.replacing(with: words, where: m), as: SIMD8<Float>.self)
                        } else {
                            let bits = laneBits(m)
                            for k in 0..<2 where (bits >> (4 * k)) & 0xF != 0 {
                                Self.blendPixel(shade, g.pixelT(px + k, py), lanes: (bits >> (4 * k)) & 0xF,
                                                at: base + 4 * k, ctx, mode, memo: &memo)
                            }
                        }
                    }
                    px += 2
                    columns += 2
                } while px <= rx1
            }
            row0 += 8
        }
    }

    @inline(__always) func segmentScalar(_ s: SegmentRecord, _ ctx: TileContext, _ mode: SpanMode, _ levels: ColourLevels) {
        guard let g = SegmentSetup(s, ctx) else { return }
        let shade = SegmentShade(s, ctx.tables, opaque: mode.opaque, levels: levels)
        var memo = BlendMemo()
        for py in g.py0...g.py1 {
            guard let (rx0, rx1) = g.rowRange(py) else { continue }
            // The columns of the SIMD kernel's 2-pixel spans.
            for px in spanStart(rx0)...(rx1 | 1) {
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
                    Self.blendPixel(shade, g.pixelT(px, py), lanes: bits, at: base, ctx, mode, memo: &memo)
                }
            }
        }
    }

    /// First column of a row's 2-pixel spans: even, so that every 32-byte access is aligned (no
    /// cache-line splits; loads match earlier stores exactly, for store forwarding). The last
    /// span ends at an odd column ≤ 31, inside the tile buffer.
    @inline(__always) func spanStart(_ rx0: Int) -> Int { rx0 & ~1 }

    /// The last blend of a segment: `output` is its colour blended over `input`. Blending is a pure function of
    /// the source and the sample, so a sample equal to `input` under the same source gets `output` unchanged.
    struct BlendMemo {
        var input: UInt32 = 0, output: UInt32 = 0
        var valid = false
        /// The source was the same for every pixel (a one-colour segment at a finite `t`).
        var sharedSource = false
    }

    /// Blends the segment's colour at `t` over the samples of one pixel set in `mask` (4 bits). A sample equal
    /// to the last blended one under the same source reuses its result (the usual case: a transparent line over
    /// a flat background); the values are the same as blending every sample.
    @inline(__always) static func blendPixel(_ shade: SegmentShade, _ t: Float, lanes mask: UInt32, at base: Int,
                                      _ ctx: TileContext, _ mode: SpanMode, memo: inout BlendMemo) {
        let shared = shade.solid && t.isFinite
        if !shared || !memo.sharedSource { memo.valid = false }
        memo.sharedSource = shared
        let tb = ctx.tables
        let src = shade.linear(at: t, opacity: mode.opacity)
        let s = BlendSource(linear: src, gamma: mode.gamma, tables: tb)
        for k in 0..<4 where mask & (1 << k) != 0 {
            let d = ctx.color[base + k]
            if !memo.valid || d != memo.input {
                memo.input = d
                memo.output = blend(s, alpha: src.w, over: d, gamma: mode.gamma, tb)
                memo.valid = true
            }
            ctx.color[base + k] = memo.output
        }
    }
}

/// How the opaque line path colours a 2-pixel span (lanes as `SamplePattern`): the colour words
/// of `SegmentShade.word(at:)` at each pixel's `SegmentSetup.pixelT`. `row` is computed once per
/// row and handed to every span of it.
protocol SpanColouring {
    func row(_ g: SegmentSetup, _ py: Int) -> Float
    /// `columns`: the span's first column in every lane.
    func words(_ g: SegmentSetup, _ columns: SIMD8<Float>, _ px: Int, _ py: Int, _ row: Float, _ tables: SRGBTables) -> SIMD8<Float>
}

/// One word for the whole segment.
struct SolidSpans: SpanColouring {
    let words: SIMD8<Float>
    @inline(__always) init(_ word: UInt32) {
        words = unsafeBitCast(SIMD8<UInt32>(repeating: word), to: SIMD8<Float>.self)
    }
    @inline(__always) func row(_ g: SegmentSetup, _ py: Int) -> Float { 0 }
    @inline(__always) func words(_ g: SegmentSetup, _ columns: SIMD8<Float>, _ px: Int, _ py: Int, _ row: Float,
                                 _ tables: SRGBTables) -> SIMD8<Float> { words }
}

/// A stepped segment: each lane's pixel `t` (computed as `pixelT` does, before the clamp, which
/// does not change how it compares with steps in (0, 1]) against the steps.
struct SteppedSpans: SpanColouring {
    let shade: SegmentShade
    @inline(__always) init(_ shade: SegmentShade) { self.shade = shade }
    /// The pixel centres' share of `pixelT`'s dot product.
    @inline(__always) func row(_ g: SegmentSetup, _ py: Int) -> Float { ((Float(py) + 0.5) - g.ay) * g.aby }
    @inline(__always) func words(_ g: SegmentSetup, _ columns: SIMD8<Float>, _ px: Int, _ py: Int, _ row: Float,
                                 _ tables: SRGBTables) -> SIMD8<Float> {
        let centres = SIMD8<Float>(0.5, 0.5, 0.5, 0.5, 1.5, 1.5, 1.5, 1.5)
        let t = (((columns + centres) - g.ax) * g.abx + row) * g.invLen2
        return shade.steppedWords(t)
    }
}

/// A segment of one step (the usual thin-line gradient: one level in one channel): `SteppedSpans`
/// with the one compare that can change the word (`SegmentShade`'s unused steps are at +∞ and
/// repeat the last word, so their compares never change it).
struct OneStepSpans: SpanColouring {
    let step: Float
    let below: SIMD8<Float>, above: SIMD8<Float>
    @inline(__always) init(_ shade: SegmentShade) {
        step = shade.stepT[0]
        below = unsafeBitCast(SIMD8<UInt32>(repeating: shade.stepWord[0]), to: SIMD8<Float>.self)
        above = unsafeBitCast(SIMD8<UInt32>(repeating: shade.stepWord[1]), to: SIMD8<Float>.self)
    }

    /// The same colouring straight from a record whose colours differ by one level in one
    /// channel, `nil` for any other record: `SegmentShade.findSteps`'s one step (the same
    /// operations: the channel's linear value at a, its change, and the level's start), without
    /// unpacking both colours and sorting steps (a third of lines_100k's segment–tile pairs;
    /// equal to `init(SegmentShade(…))`, tested).
    @inline(__always) init?(oneLevel s: SegmentRecord, _ tables: SRGBTables, _ levels: ColourLevels) {
        let differ = (s.c0 ^ s.c1) & 0xFF_FFFF
        if differ == 0 { return nil }
        let shift = UInt32(differ.trailingZeroBitCount) & ~7
        if differ >> shift > 0xFF { return nil }        // more than one channel changes
        let e0 = Int((s.c0 >> shift) & 0xFF), e1 = Int((s.c1 >> shift) & 0xFF)
        let up = e1 > e0
        if (up ? e1 - e0 : e0 - e1) != 1 { return nil }
        let a = tables.decode[e0], d = tables.decode[e1] - a
        let q = (levels.start[up ? e1 : e0] - a) / d
        step = q < 1 ? q : 1
        let w0 = (s.c0 & 0xFF_FFFF) | 0xFF00_0000, one = UInt32(1) << shift
        below = unsafeBitCast(SIMD8<UInt32>(repeating: w0), to: SIMD8<Float>.self)
        above = unsafeBitCast(SIMD8<UInt32>(repeating: up ? w0 &+ one : w0 &- one), to: SIMD8<Float>.self)
    }
    @inline(__always) func row(_ g: SegmentSetup, _ py: Int) -> Float { ((Float(py) + 0.5) - g.ay) * g.aby }
    @inline(__always) func words(_ g: SegmentSetup, _ columns: SIMD8<Float>, _ px: Int, _ py: Int, _ row: Float,
                                 _ tables: SRGBTables) -> SIMD8<Float> {
        let centres = SIMD8<Float>(0.5, 0.5, 0.5, 0.5, 1.5, 1.5, 1.5, 1.5)
        let t = (((columns + centres) - g.ax) * g.abx + row) * g.invLen2
        return below.replacing(with: above, where: t .>= step)
    }
}

/// Any other segment: each pixel's colour encoded through the table.
struct EncodedSpans: SpanColouring {
    let shade: SegmentShade
    @inline(__always) init(_ shade: SegmentShade) { self.shade = shade }
    @inline(__always) func row(_ g: SegmentSetup, _ py: Int) -> Float { 0 }
    @inline(__always) func words(_ g: SegmentSetup, _ columns: SIMD8<Float>, _ px: Int, _ py: Int, _ row: Float,
                                 _ tables: SRGBTables) -> SIMD8<Float> {
        unsafeBitCast(shade.encodedWords(g.pixelT(px, py), g.pixelT(px + 1, py), tables), to: SIMD8<Float>.self)
    }
}
