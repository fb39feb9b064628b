/// Line strips: every segment is a capsule (the set of samples within `r` of the segment), so joins
/// and caps are round, as in the viewer. Depth and colour are interpolated along the segment by the
/// parameter of the closest point (`t`), colour in linear light.
///
/// A segment after the vertex stage: end points in frame pixels (y down) and window depth, radius in
/// pixels (0 < r ≤ 1e5, finite), packed sRGB8 colours at a and b (alpha 255).
struct SegmentRecord {
    var ax: Float, ay: Float, az: Float
    var bx: Float, by: Float, bz: Float
    var r: Float
    var c0: UInt32, c1: UInt32
}

/// A segment's set-up for one tile, shared by both kernels so that they test the very same numbers:
/// tile-relative end point a, direction ab, 1/|ab|², the sample box, and what the row ranges need.
struct SegmentSetup {
    var ax: Float, ay: Float, abx: Float, aby: Float, invLen2: Float
    var az: Float, dz: Float, r: Float, r2: Float
    /// 1/aby (0 for a horizontal segment).
    var invAby: Float
    /// The slab bound (see `rowRange`): x of the centre line per unit y, and the slab's half width
    /// measured along x plus a safety margin. Where it cannot help or where the numbers are too
    /// large for the margin to cover rounding, the slope is 0 and the half width +∞: the bound is
    /// then (−∞, +∞), so that the row ranges apply it without a branch.
    var slope: Float, slabHalf: Float
    /// Pixels whose samples can be covered (tile-relative, inclusive, clipped to the tile; `px0` is
    /// not rounded to even).
    var px0: Int, px1: Int, py0: Int, py1: Int

    @inline(__always) init?(_ s: SegmentRecord, _ ctx: TileContext) {
        let ax = s.ax - Float(ctx.x0), ay = s.ay - Float(ctx.y0)
        let bx = s.bx - Float(ctx.x0), by = s.by - Float(ctx.y0)
        let r = s.r
        // Pixels whose sample positions (x + 1/8 … x + 7/8) can fall inside the capsule's box.
        let lox = minf(ax, bx) - r - 0.875, hix = maxf(ax, bx) + r - 0.125
        let loy = minf(ay, by) - r - 0.875, hiy = maxf(ay, by) + r - 0.125
        // Clamp in float first: the values may be far outside the tile.
        let x0f = lox > 0 ? lox.rounded(.up) : 0, y0f = loy > 0 ? loy.rounded(.up) : 0
        let x1f = hix < Float(ctx.w - 1) ? hix.rounded(.down) : Float(ctx.w - 1)
        let y1f = hiy < Float(ctx.h - 1) ? hiy.rounded(.down) : Float(ctx.h - 1)
        guard x0f <= x1f, y0f <= y1f else { return nil }
        px0 = Int(x0f); px1 = Int(x1f); py0 = Int(y0f); py1 = Int(y1f)
        self.ax = ax; self.ay = ay; self.r = r
        abx = bx - ax; aby = by - ay
        let len2 = abx * abx + aby * aby
        invLen2 = len2 > 0 ? 1 / len2 : 0
        az = s.az; dz = s.bz - s.az
        r2 = r * r
        invAby = 0; slope = 0; slabHalf = .infinity
        setSlab()
    }

    /// Sets `invAby` and the slab bound from the other fields.
    @inline(__always) mutating func setSlab() {
        invAby = aby != 0 ? 1 / aby : 0
        // Half width of the slab |distance to the line| ≤ r along x: r·|ab|/|aby|. Only worth it for
        // segments steeper than 1:4 and only safe while the numbers are small (the margin of 1/32 px
        // covers the rounding of values below 4096).
        let small = abs(ax) < 4096 && abs(ay) < 4096 && abs(abx) < 4096 && abs(aby) < 4096 && r < 1024
        let useSlab = small && abs(aby) * 4 > abs(abx)
        let len2 = abx * abx + aby * aby
        slope = useSlab ? abx * invAby : 0
        slabHalf = useSlab ? r * len2.squareRoot() * abs(invAby) + 1 / 32 : .infinity
    }

    /// Pixel columns of row `py` whose samples the capsule can cover (inclusive, within
    /// `px0...px1`, first column not rounded), or `nil`. Conservative: the part of the segment
    /// within the row's sample band widened by r, widened by r again along x; for steep segments
    /// also the slab around the centre line across the band. `rowRanges8` computes the same
    /// numbers for 8 rows at once, operation for operation.
    @inline(__always) func rowRange(_ py: Int) -> (Int, Int)? {
        let yLo = Float(py) + 0.125, yHi = Float(py) + 0.875
        var t0: Float = 0, t1: Float = 1
        if aby != 0 {
            // The band's t-interval, from the lesser to the greater of u0, u1 (u1 < u0 when
            // aby < 0); as min and max, not a select on the sign, which the SIMD form branched on.
            let u0 = (yLo - r - ay) * invAby, u1 = (yHi + r - ay) * invAby
            t0 = maxf(t0, minf(u0, u1)); t1 = minf(t1, maxf(u0, u1))
            if !(t0 <= t1) { return nil }
        }
        let xa = ax + abx * t0, xb = ax + abx * t1
        var xl = minf(xa, xb) - r, xh = maxf(xa, xb) + r
        let ca = ax + (yLo - ay) * slope, cb = ax + (yHi - ay) * slope
        xl = maxf(xl, minf(ca, cb) - slabHalf)
        xh = minf(xh, maxf(ca, cb) + slabHalf)
        // First / last column with a sample at or right of xl / left of xh, clamped to the box
        // (in float, before rounding: far values give an empty range either way).
        let l = xl - 0.875, h = xh - 0.125
        let p0 = Float(px0), p1 = Float(px1)
        let lo = l > p0 ? minf(l, 64).rounded(.up) : p0
        let hi = h < p1 ? maxf(h, -64).rounded(.down) : p1
        return lo <= hi ? (Int(lo), Int(hi)) : nil
    }

    /// `rowRange` of rows `py … py + 7` in the lanes: first and last column, `lo > hi` for a row
    /// with nothing to draw.
    @inline(__always) func rowRanges8(_ py: Int) -> (lo: SIMD8<Int32>, hi: SIMD8<Int32>) {
        // Every mask feeds one float blend: combining masks or turning them into integers made
        // the compiler move them lane by lane.
        typealias V = SIMD8<Float>
        let rows = V(repeating: Float(py)) + V(0, 1, 2, 3, 4, 5, 6, 7)
        let yLo = rows + 0.125, yHi = rows + 0.875
        var t0 = V(repeating: 0), t1 = V(repeating: 1)
        if aby != 0 {
            let u0 = (yLo - r - ay) * invAby, u1 = (yHi + r - ay) * invAby
            t0 = vmax(t0, vmin(u0, u1))
            t1 = vmin(t1, vmax(u0, u1))
        }
        let xa = ax + abx * t0, xb = ax + abx * t1
        var xl = vmin(xa, xb) - r, xh = vmax(xa, xb) + r
        let ca = ax + (yLo - ay) * slope, cb = ax + (yHi - ay) * slope
        xl = vmax(xl, vmin(ca, cb) - slabHalf)
        xh = vmin(xh, vmax(ca, cb) + slabHalf)
        let l = xl - 0.875, h = xh - 0.125
        let p0 = V(repeating: Float(px0)), p1 = V(repeating: Float(px1))
        var lo = p0.replacing(with: ceil64(vmin(l, V(repeating: 64))), where: l .> p0)
        let hi = p1.replacing(with: floor64(vmax(h, V(repeating: -64))), where: h .< p1)
        lo = V(repeating: 64).replacing(with: lo, where: t0 .<= t1)    // 64 > hi: nothing to draw
        return (smallInts(lo), smallInts(hi))
    }

    /// `t` of the closest point to the centre of pixel (px, py) (for colour).
    @inline(__always) func pixelT(_ px: Int, _ py: Int) -> Float {
        let qx = (Float(px) + 0.5) - ax, qy = (Float(py) + 0.5) - ay
        let t = (qx * abx + qy * aby) * invLen2
        return t < 0 ? 0 : (t > 1 ? 1 : t)
    }
}

/// A segment's colour for the kernels: linear colour at a and its change to b, or (both ends the
/// same colour) one packed word.
///
/// Opaque colour words: a segment whose channels change by at most `maxSteps` sRGB levels in all
/// (the usual thin-line gradient: a level or two) is *stepped*: its word at `t` is the word at a
/// plus one level for every step whose parameter `stepT` is ≤ `t`, where a step's parameter is
/// where `c0 + dc·t` reaches the linear value at which `SRGB.encode` starts the new level
/// (`ColourLevels`). That is `encode(c0 + dc·t)` up to the rounding of that parameter, and lets
/// the SIMD kernel colour pixels with compares instead of table reads. Other segments encode
/// `c0 + dc·t` per pixel.
struct SegmentShade {
    var c0: SIMD4<Float>, dc: SIMD4<Float>
    var solid: Bool, word: UInt32
    /// Number of steps (0: not stepped, or solid); `stepT[i]` ascending in (0, 1], unused ones +∞;
    /// `stepWord[0]` the word below the first step, `stepWord[i]` from step `i` on.
    var steps: Int
    var stepT: SIMD4<Float>, stepWord: SIMD4<UInt32>

    static var maxSteps: Int { 3 }

    /// A solid segment drawn opaque only uses `word`: `c0`/`dc` are left zero.
    @inline(__always) init(_ s: SegmentRecord, _ tables: SRGBTables, opaque: Bool, levels: ColourLevels) {
        solid = s.c0 == s.c1
        word = s.c0
        steps = 0
        stepT = SIMD4(repeating: .infinity)
        stepWord = SIMD4(repeating: s.c0)
        if solid && opaque {
            c0 = .zero; dc = .zero
            return
        }
        c0 = tables.unpack(s.c0)
        dc = tables.unpack(s.c1) - c0
        if solid || !opaque { return }
        findSteps(s.c0, s.c1, levels)
    }

    /// Sets the steps when the channels change by at most `maxSteps` levels in all.
    @inline(__always) private mutating func findSteps(_ lo: UInt32, _ hi: UInt32, _ levels: ColourLevels) {
        // The end bytes are the records' bytes: `encode` gives a byte back from its linear value
        // (the centre of the byte's interval), and `c0 + dc` at t = 1 is that value of c1
        // to within rounding (tested).
        let from = SIMD4<Int32>(Int32(lo & 0xFF), Int32((lo >> 8) & 0xFF), Int32((lo >> 16) & 0xFF), 0)
        let to = SIMD4<Int32>(Int32(hi & 0xFF), Int32((hi >> 8) & 0xFF), Int32((hi >> 16) & 0xFF), 0)
        let change = to &- from
        let total = abs(Int(change.x)) + abs(Int(change.y)) + abs(Int(change.z))
        if total > Self.maxSteps { return }
        // At most 3 (t, delta) pairs, kept sorted by t as they come (equal ts in any order).
        var t0 = Float.infinity, t1 = Float.infinity, t2 = Float.infinity
        var d0: UInt32 = 0, d1: UInt32 = 0, d2: UInt32 = 0
        for ch in 0..<3 {
            let e0 = Int(from[ch]), e1 = Int(to[ch])
            if e0 == e1 { continue }
            let a = c0[ch], d = dc[ch]
            let up = e1 > e0
            let one = UInt32(1) << UInt32(8 * ch)
            let delta = up ? one : 0 &- one
            // Level b starts at levels[b]: rising, the byte reaches b there; falling, it leaves b.
            var b = up ? e0 + 1 : e0
            for _ in 0..<abs(e1 - e0) {
                let q = (levels.start[b] - a) / d
                let t = q < 1 ? q : 1          // also NaN → 1 (cannot happen: d ≠ 0 here)
                if t < t0 { t2 = t1; d2 = d1; t1 = t0; d1 = d0; t0 = t; d0 = delta }
                else if t < t1 { t2 = t1; d2 = d1; t1 = t; d1 = delta }
                else { t2 = t; d2 = delta }
                b += up ? 1 : -1
            }
        }
        let w0 = UInt32(from.x) | UInt32(from.y) << 8 | UInt32(from.z) << 16 | 0xFF00_0000
        let w1 = w0 &+ d0, w2 = w1 &+ d1, w3 = w2 &+ d2
        stepWord = SIMD4(w0, w1, w2, w3)
        stepT = SIMD4(t0, t1, t2, .infinity)
        steps = total
    }

    /// Packed opaque colour at parameter `t`.
    @inline(__always) func word(at t: Float, _ tables: SRGBTables) -> UInt32 {
        if solid { return word }
        if steps > 0 {
            var w = stepWord[0]
            for i in 0..<3 where t >= stepT[i] { w = stepWord[i + 1] }
            return w
        }
        let c = c0 + dc * t
        return tables.pack(c.x, c.y, c.z, 1)
    }

    /// `word(at:)` of every lane's `t` (stepped segments only): compares, no table reads.
    @inline(__always) func steppedWords(_ t: SIMD8<Float>) -> SIMD8<Float> {
        typealias V = SIMD8<Float>
        @inline(__always) func bits(_ w: UInt32) -> V { unsafeBitCast(SIMD8<UInt32>(repeating: w), to: V.self) }
        var w = bits(stepWord[0])
        w = w.replacing(with: bits(stepWord[1]), where: t .>= stepT[0])
        w = w.replacing(with: bits(stepWord[2]), where: t .>= stepT[1])
        w = w.replacing(with: bits(stepWord[3]), where: t .>= stepT[2])
        return w
    }

    /// `word(at:)` of two pixels, each repeated over its 4 sample lanes.
    @inline(__always) func words(_ t0: Float, _ t1: Float, _ tables: SRGBTables) -> SIMD8<UInt32> {
        if steps > 0 {
            return SIMD8(lowHalf: SIMD4(repeating: word(at: t0, tables)), highHalf: SIMD4(repeating: word(at: t1, tables)))
        }
        return encodedWords(t0, t1, tables)
    }

    /// `words` of a segment that is not stepped: the interpolation and the
    /// sRGB encoding (`SRGB.encode`'s rules: NaN and below 2⁻¹⁶ → 0, 1 and above → 255) done for
    /// both pixels' channels at once; only the table reads are one by one. Not for solid shades.
    @inline(__always) func encodedWords(_ t0: Float, _ t1: Float, _ tables: SRGBTables) -> SIMD8<UInt32> {
        typealias V = SIMD8<Float>
        let c = V(lowHalf: c0 + dc * t0, highHalf: c0 + dc * t1)
        // The table covers [2⁻¹⁶, 1) (`SRGB.encodeTable`); every lane reads it at its value
        // clamped into that domain (NaN reads the bottom), then the float compares that
        // `SRGB.encode` makes on the bits pick 0 (NaN, negative, below 2⁻¹⁶) or 255 (1 and up).
        // Each mask feeds one float blend (integer masks went lane by lane).
        let low = V(repeating: 1 / 65536)
        let inDomain = vmin(vmax(c, low), V(repeating: Float(1).nextDown))
        let idx = (unsafeBitCast(inDomain, to: SIMD8<Int32>.self) &>> 13) &- (0x3780_0000 &>> 13)   // `SRGB.encodeShift`, `encodeLowBits`
        let e = tables.encode
        let looked = V(Float(e[Int(idx[0])]), Float(e[Int(idx[1])]), Float(e[Int(idx[2])]), 0,
                       Float(e[Int(idx[4])]), Float(e[Int(idx[5])]), Float(e[Int(idx[6])]), 0)
        let bytes = smallInts(V(repeating: 0).replacing(with: looked, where: c .>= low)
            .replacing(with: V(repeating: 255), where: c .>= 1))
        let w0 = UInt32(bytes[0]) | UInt32(bytes[1]) << 8 | UInt32(bytes[2]) << 16 | 0xFF00_0000
        let w1 = UInt32(bytes[4]) | UInt32(bytes[5]) << 8 | UInt32(bytes[6]) << 16 | 0xFF00_0000
        return SIMD8(lowHalf: SIMD4(repeating: w0), highHalf: SIMD4(repeating: w1))
    }

    /// Linear colour at parameter `t` with alpha `opacity`.
    @inline(__always) func linear(at t: Float, opacity: Float) -> SIMD4<Float> {
        var c = c0 + dc * t
        c.w = opacity
        return c
    }
}

// Lane-wise forms of `minf`/`maxf` (same result lane by lane, NaN included: the second argument
// wins) and of rounding, for values of magnitude ≤ 64, exact as the scalar `rounded`.
@inline(__always) func vmin(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> { b.replacing(with: a, where: a .< b) }
@inline(__always) func vmax(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> { b.replacing(with: a, where: a .> b) }
/// 1.5·2²³: adding it rounds a float of magnitude < 2²² to an integer (nearest, ties to even).
@inline(__always) var roundingMagic: Float { 12_582_912 }
@inline(__always) func ceil64(_ x: SIMD8<Float>) -> SIMD8<Float> {
    let n = (x + roundingMagic) - roundingMagic
    return n.replacing(with: n + 1, where: n .< x)
}
@inline(__always) func floor64(_ x: SIMD8<Float>) -> SIMD8<Float> {
    let n = (x + roundingMagic) - roundingMagic
    return n.replacing(with: n - 1, where: n .> x)
}
/// Integer-valued floats of magnitude < 2²² to `Int32`.
@inline(__always) func smallInts(_ x: SIMD8<Float>) -> SIMD8<Int32> {
    unsafeBitCast(x + roundingMagic, to: SIMD8<Int32>.self) &- 0x4B40_0000     // the bits of `roundingMagic`
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

/// Where each sRGB level starts in linear light under `SRGB.encode`: `start[b]` is the smallest
/// float that encodes to `b` or more (b in 1…255; `start[0]` is 0). Built once from the encode
/// table: a level starts at the first table bucket holding it (2⁻¹⁶ for the levels of the first
/// bucket), or at 1 for levels the table never reaches (1 and above encode to 255).
struct ColourLevels: @unchecked Sendable {
    let start: UnsafePointer<Float>

    static let shared: ColourLevels = {
        let out = UnsafeMutablePointer<Float>.allocate(capacity: 256)
        out.initialize(repeating: 1, count: 256)
        out[0] = 0
        let table = SRGB.encodeTable
        let low = SRGB.encodeLowBits >> SRGB.encodeShift
        var reached = 0
        for (i, v) in table.enumerated() where Int(v) > reached {
            let at = Float(bitPattern: (low + UInt32(i)) << SRGB.encodeShift)
            for b in reached + 1...Int(v) { out[b] = at }
            reached = Int(v)
        }
        return ColourLevels(start: out)
    }()
}
