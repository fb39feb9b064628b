/// The ground grid's kernels: the intensity of 8 pixels at a time (`intensity8`) and its scalar reference
/// (`intensity`), which evaluate the very same expressions lane by lane (no fused operations, the same rounding
/// trick, NaN handled by the same comparisons), so both give identical bytes; and the blend of one lit pixel that
/// both call. The formulas are `GroundGrid`'s; the plane mapping is `GridPlane`'s.
extension GridPlane {
    /// The affine terms of one frame row (pixel centres at `y + 0.5`).
    struct Row {
        let a: Float, b: Float, d: Float
    }

    @inline(__always) func row(_ y: Int) -> Row {
        let cy = Double(y) + 0.5
        return Row(a: Float(rowA.x * cy + rowA.y), b: Float(rowB.x * cy + rowB.y), d: Float(rowD.x * cy + rowD.y))
    }

    // MARK: scalar reference

    /// The grid's intensity (0…1) at the pixel centre `x` (frame pixels) of `r`'s row.
    @inline(__always) func intensity(_ x: Float, _ r: Row) -> Float {
        let d = dx * x + r.d
        guard d > 0 else { return 0 }                 // behind the eye (also NaN)
        let inv = 1 / d
        let a = (ax * x + r.a) * inv, b = (bx * x + r.b) * inv
        // Pixels per cell along each family: 1 / (|∂a/∂x| + |∂a/∂y|) with ∂a/∂x = (ax − a·dx) / d.
        let pa = d / (abs(ax - a * dx) + abs(ay - a * dy))
        let pb = d / (abs(bx - b * dx) + abs(by - b * dy))
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

    /// `intensity` for the 8 pixel centres `x`.
    @inline(__always) func intensity8(_ x: SIMD8<Float>, _ r: Row) -> SIMD8<Float> {
        let zero = SIMD8<Float>()
        let d = dx * x + r.d
        let front = d .> 0
        guard anyLane(front) else { return zero }
        let inv = 1 / d
        let a = (ax * x + r.a) * inv, b = (bx * x + r.b) * inv
        let pa = d / (abs8(ax - a * dx) + abs8(ay - a * dy))
        let pb = d / (abs8(bx - b * dx) + abs8(by - b * dy))
        let s = pb.replacing(with: pa, where: pa .< pb)
        let fade10 = unit8((s * 10 - fadeLow) * fadeScale)
        let lit = front .& (fade10 .> 0)
        guard anyLane(lit) else { return zero }
        let fade = unit8((s - fadeLow) * fadeScale)
        let ia = family8(a, pa, other: b, centerA, centerB, fade, fade10)
        let ib = family8(b, pb, other: a, centerB, centerA, fade, fade10)
        let i = ib.replacing(with: ia, where: ia .> ib)
        return zero.replacing(with: i, where: lit)
    }

    @inline(__always) private func family8(_ c: SIMD8<Float>, _ p: SIMD8<Float>, other: SIMD8<Float>, _ center: Float,
                                           _ otherCenter: Float, _ fade: SIMD8<Float>,
                                           _ fade10: SIMD8<Float>) -> SIMD8<Float> {
        let zero = SIMD8<Float>()
        let along = abs8(other - otherCenter) .<= halfExtent
        let k = roundEven8(c), kk = roundEven8(c * 0.1) * 10
        let line = zero.replacing(with: unit8(half - abs8(c - k) * p), where: along .& (abs8(k - center) .<= halfExtent))
        let cardinalLine = zero.replacing(with: unit8(half - abs8(c - kk) * p),
                                          where: along .& (abs8(kk - center) .<= halfExtent))
        return line * fade * regular + cardinalLine * fade10 * cardinal
    }

    @inline(__always) private func unit8(_ x: SIMD8<Float>) -> SIMD8<Float> {
        SIMD8<Float>().replacing(with: x, where: x .> 0).replacing(with: 1, where: x .>= 1)
    }

    @inline(__always) private func abs8(_ x: SIMD8<Float>) -> SIMD8<Float> {
        unsafeBitCast(unsafeBitCast(x, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF, to: SIMD8<Float>.self)
    }

    @inline(__always) private func roundEven8(_ x: SIMD8<Float>) -> SIMD8<Float> {
        let r = (x + 12_582_912) - 12_582_912
        return x.replacing(with: r, where: abs8(x) .< 4_194_304)
    }

    // MARK: groups of 8 pixels

    /// Whether a line can light any of the 8 pixels whose centres are `x + 0.5 … x + 7.5` in `r`'s row; both kernel
    /// sets skip the groups where it cannot. Along a row the plane coordinates are monotonic (a ratio of affine
    /// functions whose denominator keeps its sign), so the group's `a` lies between its values at the two ends;
    /// `|∂a/∂x| + |∂a/∂y|` is at most the largest of `|ax − a·dx|` at the ends plus the same for `y`, over the smaller
    /// `d`. A pixel is lit only within `half` times that of a line (1 % margin for rounding).
    @inline(__always) func groupMayBeLit(_ x: Float, _ r: Row) -> Bool {
        let x0 = x + 0.5, x1 = x + 7.5
        let d0 = dx * x0 + r.d, d1 = dx * x1 + r.d
        guard d0 > 0, d1 > 0 else { return d0 > 0 || d1 > 0 }       // at the horizon: test every pixel
        let i0 = 1 / d0, i1 = 1 / d1
        let inv = (i0 > i1 ? i0 : i1) * (half * 1.01)
        let a0 = (ax * x0 + r.a) * i0, a1 = (ax * x1 + r.a) * i1
        let b0 = (bx * x0 + r.b) * i0, b1 = (bx * x1 + r.b) * i1
        return Self.lineWithin(a0, a1, reach: (maxAbs(ax - a0 * dx, ax - a1 * dx) + maxAbs(ay - a0 * dy, ay - a1 * dy)) * inv)
            || Self.lineWithin(b0, b1, reach: (maxAbs(bx - b0 * dx, bx - b1 * dx) + maxAbs(by - b0 * dy, by - b1 * dy)) * inv)
    }

    @inline(__always) private func maxAbs(_ p: Float, _ q: Float) -> Float {
        let a = abs(p), b = abs(q)
        return a > b ? a : b
    }

    /// Whether an integer lies within `reach` of the interval between `c0` and `c1` (NaN: no).
    @inline(__always) private static func lineWithin(_ c0: Float, _ c1: Float, reach: Float) -> Bool {
        let lo = (c0 < c1 ? c0 : c1) - reach, hi = (c0 < c1 ? c1 : c0) + reach
        return (hi - lo >= 1) || (hi.rounded(.down) >= lo)
    }

    // MARK: rows of a tile

    /// Draws the tile row `py`, tile columns `first...last`, 8 pixels at a time from a multiple of 8.
    func rowSIMD(_ py: Int, _ first: Int, _ last: Int, _ ctx: TileContext, _ memo: inout GridBlendMemo) {
        let r = row(ctx.y0 + py)
        let offsets = SIMD8<Float>(0.5, 1.5, 2.5, 3.5, 4.5, 5.5, 6.5, 7.5)
        var x = first & ~7
        while x <= last {
            guard groupMayBeLit(Float(ctx.x0 + x), r) else { x += 8; continue }
            let i = intensity8(SIMD8(repeating: Float(ctx.x0 + x)) + offsets, r)
            // Intensity in 1/255 steps: i · 255 + 1.5 · 2²³ holds the rounded level in its low bits.
            let q = i * 255 + 12_582_912
            // Lanes of columns first...last (bit masks: integer lane comparisons are not vectorised).
            let from = UInt32(0xFF) << UInt32(max(first - x, 0)), to = UInt32(0xFF) >> UInt32(max(x + 7 - last, 0))
            var bits = laneBits(q .> 12_582_912) & from & to
            if bits != 0 {
                let levels = unsafeBitCast(q, to: SIMD8<UInt32>.self) &- 0x4B40_0000
                while bits != 0 {
                    let j = bits.trailingZeroBitCount
                    bits &= bits - 1
                    blend(Int(levels[j]), x + j, py, ctx, &memo)
                }
            }
            x += 8
        }
    }

    /// The scalar reference of `rowSIMD`: the same groups, one pixel at a time.
    func rowScalar(_ py: Int, _ first: Int, _ last: Int, _ ctx: TileContext, _ memo: inout GridBlendMemo) {
        let r = row(ctx.y0 + py)
        var group = first & ~7
        while group <= last {
            defer { group += 8 }
            guard groupMayBeLit(Float(ctx.x0 + group), r) else { continue }
            for x in max(group, first)...min(group + 7, last) {
                let q = intensity(Float(ctx.x0 + x) + 0.5, r) * 255 + 12_582_912
                if q > 12_582_912 { blend(Int(q.bitPattern &- 0x4B40_0000), x, py, ctx, &memo) }
            }
        }
    }

    /// Blends the line colour at intensity `level` / 255 over the samples of tile pixel (`px`, `py`) that the plane
    /// is in front of (its depth at the sample, clipped to the near plane, below the stored one); depth is not
    /// written.
    @inline(__always) func blend(_ level: Int, _ px: Int, _ py: Int, _ ctx: TileContext, _ memo: inout GridBlendMemo) {
        let base = ((py << tileShift) + px) << 2
        let z = (zxf * Float(ctx.x0 + px) + Float(zy * Double(ctx.y0 + py) + z0)) + sampleDepths
        let old = UnsafeRawPointer(ctx.depth + base).loadUnaligned(as: SIMD4<Float>.self)
        let front = (z .>= 0) .& (z .< old)
        let cp = UnsafeMutableRawPointer(ctx.color + base)
        let colors = cp.loadUnaligned(as: SIMD4<UInt32>.self)
        if memo.background == nil { memo.background = colors[0] }
        let background = memo.background ?? 0
        // Whole-vector tests as two 64-bit words (integer lane comparisons are not vectorised).
        let allFront = unsafeBitCast(front, to: SIMD2<UInt64>.self)
        let differ = unsafeBitCast(colors ^ SIMD4(repeating: background), to: SIMD2<UInt64>.self)
        // The common case: every sample shows the remembered colour and lies behind the plane.
        if allFront[0] & allFront[1] == ~0, differ[0] | differ[1] == 0 {
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

/// A tile's blends of the grid colour over one sample colour (the first one met, usually the background), per
/// intensity level. Blending is a pure function of the level and the sample, so a remembered result is the one
/// that blending again would give.
struct GridBlendMemo {
    var background: UInt32?
    private var results = [UInt32](repeating: 0, count: 256)
    private var known = [Bool](repeating: false, count: 256)

    /// Ready for the next tile (keeps the storage).
    mutating func reset() {
        background = nil
        for i in 0..<256 { known[i] = false }
    }

    /// The grid colour at `level` / 255 blended over `background`.
    @inline(__always) mutating func over(_ level: Int, _ plane: GridPlane, _ tables: SRGBTables) -> UInt32 {
        if known[level] { return results[level] }
        let r = blendLinear(plane.source, alpha: plane.source.w * Float(level) * (1 / 255), over: background ?? 0, tables)
        results[level] = r
        known[level] = true
        return r
    }
}
