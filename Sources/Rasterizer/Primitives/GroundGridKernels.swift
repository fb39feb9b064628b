import Foundation

/// The ground grid's kernels: the intensity of 8 pixels at a time (`intensity8`) and its scalar reference
/// (`intensity`), which evaluate the very same expressions lane by lane (no fused operations, the same rounding
/// trick, NaN handled by the same comparisons), so both give identical bytes; and the blend of one lit pixel that
/// both call. The formulas are `GroundGrid`'s; the plane mapping is `GridPlane`'s.
extension GridPlane {
    /// The affine terms of one frame row (pixel centres at `y + 0.5`), and the window depth at its pixels' top-left
    /// corners minus `zxf · x`.
    struct Row {
        let a: Float, b: Float, d: Float, z: Float
    }

    @inline(__always) func row(_ y: Int) -> Row {
        let cy = Double(y) + 0.5
        return Row(a: Float(rowA.x * cy + rowA.y), b: Float(rowB.x * cy + rowB.y), d: Float(rowD.x * cy + rowD.y),
                   z: Float(zy * Double(y) + z0))
    }

    // MARK: scalar reference

    /// The grid's intensity (0…1) at the pixel centre `x` (frame pixels) of `r`'s row.
    @inline(__always) func intensity(_ x: Float, _ r: Row) -> Float {
        let d = dx * x + r.d
        guard d > 0 else { return 0 }                 // behind the eye (also NaN)
        let inv = 1 / d
        let a = (ax * x + r.a) * inv, b = (bx * x + r.b) * inv
        // Pixels per cell along each family: 1 / (|∂a/∂x| + |∂a/∂y|) with ∂a/∂x = (ax − a·dx) / d (one division).
        let ga = abs(ax - a * dx) + abs(ay - a * dy), gb = abs(bx - b * dx) + abs(by - b * dy)
        let q = d / (ga * gb)
        let pa = q * gb, pb = q * ga
        let s = pa < pb ? pa : pb
        let fade10 = unit((s * 10 - fadeLow) * fadeScale)
        guard fade10 > 0 else { return 0 }           // then the regular fade is 0 as well
        let fade = unit((s - fadeLow) * fadeScale)
        let ia = family(a, pa, other: b, centerA, centerB, fade, fade10)
        let ib = family(b, pb, other: a, centerB, centerA, fade, fade10)
        return ia > ib ? ia : ib
    }

    /// One family of lines (`c = k`): the nearest line's and the nearest cardinal line's coverage, faded and mixed.
    @inline(__always) private func family(_ c: Float, _ p: Float, other: Float, _ center: Float, _ otherCenter: Float,
                                          _ fade: Float, _ fade10: Float) -> Float {
        let along = abs(other - otherCenter) <= halfExtent
        let k = roundEven(c), kk = roundEven(c * 0.1) * 10
        let line = along && abs(k - center) <= halfExtent ? unit(half - abs(c - k) * p) : 0
        let cardinalLine = along && abs(kk - center) <= halfExtent ? unit(half - abs(c - kk) * p) : 0
        return line * fade * regular + cardinalLine * fade10 * cardinal
    }

    /// `x` clamped to [0, 1]; NaN gives 0.
    @inline(__always) private func unit(_ x: Float) -> Float { x > 0 ? (x < 1 ? x : 1) : 0 }

    /// The nearest integer (ties to even) for |x| < 2²², `x` itself beyond (whose distance to an integer is then
    /// below 0.5 anyway, and which lies outside any square the grid is drawn in).
    @inline(__always) private func roundEven(_ x: Float) -> Float {
        let r = (x + 12_582_912) - 12_582_912
        return abs(x) < 4_194_304 ? r : x
    }

    // MARK: 8 pixels

    /// `intensity` for the 8 pixels from frame column `column` on. `checkExtent` false: the caller knows every line
    /// that can light these pixels lies inside the square and their plane coordinates are below 2²¹ in size, so the
    /// extent tests (which would all pass) and the rounding's range test are left out (pass a constant: each value
    /// gives its own code). (It takes the column rather than the centres: where the compiler leaves it out of line,
    /// a SIMD8 argument is passed in 128-bit halves.) Selects are bit operations (`select`, `keep`; see Wide.swift),
    /// and both fades are made before the first use of either: made after the early return, the second was
    /// computed lane by lane in scalar registers. Where no pixel's regular fade is above 0 the regular lines' terms
    /// are +0 and are left out (adding +0 to the cardinal term, itself +0 or more, gives it unchanged).
    @inline(__always) func intensity8(_ column: Int, _ r: Row, checkExtent: Bool) -> SIMD8<Float> {
        let zero = SIMD8<Float>()
        let x = SIMD8(repeating: Float(column)) + SIMD8(0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5)
        let d = dx * x + r.d
        let front = maskBits(d .> 0)
        guard anyBits(front) else { return zero }
        let inv = 1 / d
        let a = (ax * x + r.a) * inv, b = (bx * x + r.b) * inv
        let ga = abs8(ax - a * dx) + abs8(ay - a * dy), gb = abs8(bx - b * dx) + abs8(by - b * dy)
        let q = d / (ga * gb)
        let pa = q * gb, pb = q * ga
        let s = select(maskBits(pa .< pb), pa, pb)
        let fade10 = unit8((s * 10 - fadeLow) * fadeScale)
        let fade = unit8((s - fadeLow) * fadeScale)
        let lit = front & maskBits(fade10 .> 0)
        guard anyBits(lit) else { return zero }
        let regularLines = anyBits(maskBits(fade .> 0))
        let ia = family8(a, pa, other: b, centerA, centerB, fade, fade10, checkExtent, regularLines)
        let ib = family8(b, pb, other: a, centerB, centerA, fade, fade10, checkExtent, regularLines)
        return keep(select(maskBits(ia .> ib), ia, ib), lit)
    }

    /// `family` for 8 pixels (`regularLines` false: the regular lines' terms are left out, every `fade` being 0).
    @inline(__always) private func family8(_ c: SIMD8<Float>, _ p: SIMD8<Float>, other: SIMD8<Float>, _ center: Float,
                                           _ otherCenter: Float, _ fade: SIMD8<Float>, _ fade10: SIMD8<Float>,
                                           _ checkExtent: Bool, _ regularLines: Bool) -> SIMD8<Float> {
        let along = checkExtent ? maskBits(abs8(other - otherCenter) .<= halfExtent) : SIMD8<UInt32>()
        let kk = (checkExtent ? roundEven8(c * 0.1) : roundNear8(c * 0.1)) * 10
        var cardinalLine = unit8(half - abs8(c - kk) * p)
        if checkExtent { cardinalLine = keep(cardinalLine, along & maskBits(abs8(kk - center) .<= halfExtent)) }
        let cardinalTerm = cardinalLine * fade10 * cardinal
        guard regularLines else { return cardinalTerm }
        let k = checkExtent ? roundEven8(c) : roundNear8(c)
        var line = unit8(half - abs8(c - k) * p)
        if checkExtent { line = keep(line, along & maskBits(abs8(k - center) .<= halfExtent)) }
        return line * fade * regular + cardinalTerm
    }

    /// `roundEven` for 8 values.
    @inline(__always) private func roundEven8(_ x: SIMD8<Float>) -> SIMD8<Float> {
        select(maskBits(abs8(x) .< 4_194_304), roundNear8(x), x)
    }

    /// The nearest integers (ties to even) of 8 values below 2²² in size.
    @inline(__always) private func roundNear8(_ x: SIMD8<Float>) -> SIMD8<Float> { (x + 12_582_912) - 12_582_912 }

    /// `unit` for 8 values.
    @inline(__always) private func unit8(_ x: SIMD8<Float>) -> SIMD8<Float> {
        select(maskBits(x .>= 1), SIMD8(repeating: 1), keep(x, maskBits(x .> 0)))
    }

    @inline(__always) private func abs8(_ x: SIMD8<Float>) -> SIMD8<Float> {
        unsafeBitCast(unsafeBitCast(x, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF, to: SIMD8<Float>.self)
    }

    // MARK: groups of 8 pixels

    /// The groups of 8 pixels of one tile row that a line can light (bit `g`: tile columns `8g ..< 8g + 8`), and
    /// those of them whose lines all lie inside the grid's square and whose plane coordinates are below 2²¹ in size
    /// (there the extent tests, which would all pass, are left out: `intensity8`'s `checkExtent`). Both kernel sets
    /// draw only the groups in `draw`.
    struct RowGroups: Equatable {
        let draw: UInt32, inside: UInt32

        /// The groups that hold a column of `first...last`.
        @inline(__always) func cut(_ first: Int, _ last: Int) -> RowGroups {
            let span = (UInt32(2) << UInt32(last >> 3)) &- (UInt32(1) << UInt32(first >> 3))
            return RowGroups(draw: draw & span, inside: inside & span)
        }
    }

    /// `RowGroups` of the tile rows with terms `r0` and `r1` (two rows in one 8-lane pass: lanes 0–3 the 4 groups of
    /// `r0`'s row, lanes 4–7 those of `r1`'s; lanes are independent). A group is drawn where it holds a line
    /// (`linesNear`).
    @inline(__always) func groupsToDraw(_ ctx: TileContext, _ r0: Row, _ r1: Row) -> (RowGroups, RowGroups) {
        let starts = SIMD4<Float>(0, 8, 16, 24) + (Float(ctx.x0) + 0.5)
        let x0 = SIMD8(lowHalf: starts, highHalf: starts), x1 = x0 + 7
        @inline(__always) func pair(_ a: Float, _ b: Float) -> SIMD8<Float> {
            SIMD8(lowHalf: SIMD4(repeating: a), highHalf: SIMD4(repeating: b))
        }
        let near = linesNear(x0, x1, d: pair(r0.d, r1.d), a: pair(r0.a, r1.a), b: pair(r0.b, r1.b))
        let draw = laneBits(near.count .> 0)
        // Inside the square, and plane coordinates below 2²¹ in size (see `intensity8`).
        let limit: Float = 2_097_152
        let inside = laneBits((near.aLow .> maxf(centerA - halfExtent, -limit)) .& (near.aHigh .< minf(centerA + halfExtent, limit))
            .& (near.bLow .> maxf(centerB - halfExtent, -limit)) .& (near.bHigh .< minf(centerB + halfExtent, limit))) & draw
        return (RowGroups(draw: draw & 0xF, inside: inside & 0xF), RowGroups(draw: draw >> 4, inside: inside >> 4))
    }

    /// For 8 pixel-centre spans `x0[i]...x1[i]` of rows whose terms are `d`, `a` and `b` (`Row`'s, lane by lane): how
    /// many lines can light a pixel there (an upper bound;
    /// infinity where the plane's horizon falls inside), and the ranges of `a` and `b` within which those lines lie
    /// (unbounded where the count is infinite or 0 for want of numbers).
    /// Along a row the plane coordinates are monotonic (a ratio of affine functions whose denominator keeps its
    /// sign), so they lie between their values at the two ends; `|∂a/∂x| + |∂a/∂y|` is at most the larger of
    /// `|ax − a·dx|` at the ends plus the same for `y`, over the smaller `d`. A pixel is lit only within `half` times
    /// that of a line (1 % margin for rounding).
    @inline(__always) func linesNear(_ x0: SIMD8<Float>, _ x1: SIMD8<Float>, d rd: SIMD8<Float>, a ra: SIMD8<Float>,
                                     b rb: SIMD8<Float>)
        -> (count: SIMD8<Float>, aLow: SIMD8<Float>, aHigh: SIMD8<Float>, bLow: SIMD8<Float>, bHigh: SIMD8<Float>) {
        typealias V = SIMD8<Float>
        let d0 = dx * x0 + rd, d1 = dx * x1 + rd
        let front0 = maskBits(d0 .> 0), front1 = maskBits(d1 .> 0)
        let i0 = 1 / d0, i1 = 1 / d1
        let inv = select(maskBits(i0 .> i1), i0, i1) * (half * 1.01)
        let a0 = (ax * x0 + ra) * i0, a1 = (ax * x1 + ra) * i1
        let b0 = (bx * x0 + rb) * i0, b1 = (bx * x1 + rb) * i1
        @inline(__always) func maxAbs(_ p: V, _ q: V) -> V {
            let a = abs8(p), b = abs8(q)
            return select(maskBits(a .> b), a, b)
        }
        // The interval between `c0` and `c1` widened by `reach` on both sides.
        @inline(__always) func reach(_ c0: V, _ c1: V, _ reach: V) -> (V, V) {
            let less = maskBits(c0 .< c1)
            return (select(less, c0, c1) - reach, select(less, c1, c0) + reach)
        }
        let (aLow, aHigh) = reach(a0, a1, (maxAbs(ax - a0 * dx, ax - a1 * dx) + maxAbs(ay - a0 * dy, ay - a1 * dy)) * inv)
        let (bLow, bHigh) = reach(b0, b1, (maxAbs(bx - b0 * dx, bx - b1 * dx) + maxAbs(by - b0 * dy, by - b1 * dy)) * inv)
        let na = aHigh.rounded(.down) - aLow.rounded(.up) + 1, nb = bHigh.rounded(.down) - bLow.rounded(.up) + 1
        var count = keep(na, maskBits(na .> 0)) + keep(nb, maskBits(nb .> 0))
        // Not numbers: nothing to draw.
        count = keep(count, maskBits(aLow .<= aHigh) & maskBits(bLow .<= bHigh))
        // One end behind the eye: the horizon lies between the ends.
        let bothFront = front0 & front1
        count = select(bothFront, count, keep(V(repeating: .infinity), front0 | front1))
        let bounded = bothFront & maskBits(count .> 0)
        let low = V(repeating: -.infinity), high = V(repeating: .infinity)
        return (count, select(bounded, aLow, low), select(bounded, aHigh, high),
                select(bounded, bLow, low), select(bounded, bHigh, high))
    }

    // MARK: rows of a tile

    /// Draws the tile row `py` (terms `r`), tile columns `first...last`: its `groups` (`groupsToDraw`, cut to the
    /// span).
    func rowSIMD(_ py: Int, _ first: Int, _ last: Int, _ groups: RowGroups, _ r: Row, _ ctx: TileContext,
                 _ memo: GridBlendMemo) {
        litGroupsSIMD(first, last, groups, r, ctx) { x, lit, levels in
            var bits = lit
            if groupShowsOnly(memo.background, x, py, ctx, r) {
                // Every sample of the 8 pixels shows the tile's first colour behind the plane: the remembered
                // blends, as `blend` would give them.
                while bits != 0 {
                    let j = bits.trailingZeroBitCount
                    bits &= bits - 1
                    UnsafeMutableRawPointer(ctx.color + (((py << tileShift) + x + j) << 2))
                        .storeBytes(of: SIMD4(repeating: memo.over(Int(levels[j]), self, ctx.tables)),
                                    as: SIMD4<UInt32>.self)
                }
            }
            while bits != 0 {
                let j = bits.trailingZeroBitCount
                bits &= bits - 1
                blend(Int(levels[j]), x + j, py, r, ctx, memo)
            }
        }
    }

    /// The SIMD walk over the pixels of a tile row (terms `r`), columns `first...last`, in its `groups` (the twin of
    /// `litPixelsScalar`): for each group with a pixel of intensity level (1/255 steps) above 0, `lit(x, bits,
    /// levels)` with the group's first tile column, its lit lanes among columns `first...last` and the levels of its
    /// 8 pixels.
    @inline(__always) func litGroupsSIMD(_ first: Int, _ last: Int, _ groups: RowGroups, _ r: Row,
                                         _ ctx: TileContext, _ lit: (Int, UInt32, SIMD8<UInt32>) -> Void) {
        var draw = groups.draw
        while draw != 0 {
            let g = draw.trailingZeroBitCount
            draw &= draw - 1
            let x = 8 * g
            let i = groups.inside & (1 << UInt32(g)) != 0
                ? intensity8(ctx.x0 + x, r, checkExtent: false) : intensity8(ctx.x0 + x, r, checkExtent: true)
            // Intensity in 1/255 steps: i · 255 + 1.5 · 2²³ holds the rounded level in its low bits.
            let q = i * 255 + 12_582_912
            // Lanes of columns first...last (bit masks: integer lane comparisons are not vectorised).
            let from = UInt32(0xFF) << UInt32(max(first - x, 0)), to = UInt32(0xFF) >> UInt32(max(x + 7 - last, 0))
            let bits = laneBits(q .> 12_582_912) & from & to
            if bits != 0 { lit(x, bits, unsafeBitCast(q, to: SIMD8<UInt32>.self) &- 0x4B40_0000) }
        }
    }

    /// Whether the 32 samples of the tile pixels `x ..< x + 8` of row `py` all hold `color` and lie behind the
    /// plane (the depths `blend` computes, 2 pixels at a time).
    @inline(__always) private func groupShowsOnly(_ color: UInt32, _ x: Int, _ py: Int, _ ctx: TileContext,
                                                  _ r: Row) -> Bool {
        let base = ((py << tileShift) + x) << 2
        let cp = UnsafeRawPointer(ctx.color + base), dp = UnsafeRawPointer(ctx.depth + base)
        let c = SIMD8<UInt32>(repeating: color)
        let pair = SIMD8<Float>(0, 0, 0, 0, 1, 1, 1, 1)
        let offsets = SIMD8<Float>(lowHalf: sampleDepths, highHalf: sampleDepths)
        var differ = SIMD8<UInt32>(), behind = SIMD8<UInt32>(repeating: ~0)
        for m in 0..<4 {
            differ |= cp.loadUnaligned(fromByteOffset: 32 * m, as: SIMD8<UInt32>.self) ^ c
            let z = (zxf * (SIMD8(repeating: Float(ctx.x0 + x + 2 * m)) + pair) + r.z) + offsets
            let old = dp.loadUnaligned(fromByteOffset: 32 * m, as: SIMD8<Float>.self)
            behind &= maskBits((z .>= 0) .& (z .< old))
        }
        return !anyBits(differ) && allBits(behind)
    }

    /// The scalar reference of `rowSIMD`: the same groups, one pixel at a time.
    func rowScalar(_ py: Int, _ first: Int, _ last: Int, _ groups: RowGroups, _ r: Row, _ ctx: TileContext,
                   _ memo: GridBlendMemo) {
        litPixelsScalar(first, last, groups, r, ctx) { level, x in blend(level, x, py, r, ctx, memo) }
    }

    /// The scalar walk over the pixels of a tile row (terms `r`), columns `first...last`, in its `groups`:
    /// `lit(level, x)` for each pixel of intensity level (1/255 steps) above 0, left to right.
    @inline(__always) func litPixelsScalar(_ first: Int, _ last: Int, _ groups: RowGroups, _ r: Row,
                                           _ ctx: TileContext, _ lit: (Int, Int) -> Void) {
        var draw = groups.draw
        while draw != 0 {
            let group = 8 * draw.trailingZeroBitCount
            draw &= draw - 1
            for x in max(group, first)...min(group + 7, last) {
                let q = intensity(Float(ctx.x0 + x) + 0.5, r) * 255 + 12_582_912
                if q > 12_582_912 { lit(Int(q.bitPattern &- 0x4B40_0000), x) }
            }
        }
    }

    /// Blends the line colour at intensity `level` / 255 over the samples of tile pixel (`px`, `py`) that the plane
    /// is in front of (its depth at the sample, clipped to the near plane, below the stored one); depth is not
    /// written.
    @inline(__always) func blend(_ level: Int, _ px: Int, _ py: Int, _ r: Row, _ ctx: TileContext,
                                 _ memo: GridBlendMemo) {
        let base = ((py << tileShift) + px) << 2
        let z = (zxf * Float(ctx.x0 + px) + r.z) + sampleDepths
        let old = UnsafeRawPointer(ctx.depth + base).loadUnaligned(as: SIMD4<Float>.self)
        let front = (z .>= 0) .& (z .< old)
        let cp = UnsafeMutableRawPointer(ctx.color + base)
        let colors = cp.loadUnaligned(as: SIMD4<UInt32>.self)
        let background = memo.background
        // The common case: every sample shows the remembered colour and lies behind the plane.
        if allBits(unsafeBitCast(front, to: SIMD4<UInt32>.self)), !anyBits(colors ^ SIMD4(repeating: background)) {
            cp.storeBytes(of: SIMD4(repeating: memo.over(level, self, ctx.tables)), as: SIMD4<UInt32>.self)
            return
        }
        for k in 0..<4 where front[k] {
            let d = colors[k]
            ctx.color[base + k] = d == background
                ? memo.over(level, self, ctx.tables)
                : blendLinear(source, alpha: source.w * Float(level) * (1 / 255), over: d, ctx.tables)
        }
    }
}

/// The grid colour blended over one sample colour at each intensity level (the tile's first sample as the grid
/// starts: usually the background). Blending is a pure function of the level and the sample, so a table entry is
/// what blending again would give.
struct GridBlendMemo {
    let background: UInt32
    /// 256 results over `background`, or nil (then every blend is computed).
    let results: UnsafePointer<UInt32>?

    @inline(__always) func over(_ level: Int, _ plane: GridPlane, _ tables: SRGBTables) -> UInt32 {
        if let results { return results[level] }
        return blendLinear(plane.source, alpha: plane.source.w * Float(level) * (1 / 255), over: background, tables)
    }
}

/// The draw's blend tables, one per sample colour that tiles start with (at most `capacity`), made on first use
/// and shared by all tiles of the frame. Thread-safe.
final class GridBlendTables: @unchecked Sendable {
    static let capacity = 8
    private let lock = NSLock()
    private var tables: [(color: UInt32, results: UnsafeMutablePointer<UInt32>)] = []

    /// The table over `color`, nil when `capacity` tables exist already.
    func table(over color: UInt32, _ plane: GridPlane, _ t: SRGBTables) -> UnsafePointer<UInt32>? {
        lock.lock()
        defer { lock.unlock() }
        if let hit = tables.first(where: { $0.color == color }) { return UnsafePointer(hit.results) }
        guard tables.count < Self.capacity else { return nil }
        let results = UnsafeMutablePointer<UInt32>.allocate(capacity: 256)
        for level in 0..<256 {
            results[level] = blendLinear(plane.source, alpha: plane.source.w * Float(level) * (1 / 255), over: color, t)
        }
        tables.append((color, results))
        return UnsafePointer(results)
    }

    deinit {
        for t in tables { t.results.deallocate() }
    }
}
