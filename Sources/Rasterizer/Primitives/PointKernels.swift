/// `v` with each lane's sign cleared, lane by lane: on lanes it knows are not negative the compiler
/// takes one vector square root, where a vector it cannot prove non-negative (a bit select, or
/// `replacing`) went lane by lane through `sqrtf` (which sets `errno` for negative input).
@inline(__always) func magnitudes(_ v: SIMD8<Float>) -> SIMD8<Float> {
    var m = v
    for j in 0..<8 { m[j] = v[j].magnitude }
    return m
}

/// The depth operations of a point draw as a type, so that the small-point loops are specialised
/// per mode: a `Bool` read from the draw stayed a branch per span, and the lane masks crossing
/// those branches were packed to 16 bits and back on every use.
protocol DepthMode { static var test: Bool { get }; static var write: Bool { get } }
/// Opaque scene draws: depth tested and written.
enum DepthTestWrite: DepthMode { static var test: Bool { true }; static var write: Bool { true } }
/// Overlays: no depth.
enum DepthOff: DepthMode { static var test: Bool { false }; static var write: Bool { false } }

extension PointDraw {
    /// Flat opaque points of tile `t` with the SIMD kernels (see `opaqueSIMD`).
    func directSIMD<S: ShapeConstant, D: DepthMode>(tile t: Int, _ ctx: TileContext, _: S.Type, _: D.Type) {
        // The tile origin as floats once per tile (converted per point, it was reloaded after every store).
        let ox = Float(ctx.x0), oy = Float(ctx.y0)
        chunks.withUnsafeBufferPointer { cs in
            for b in cs {
                b.withRecords(tile: t) { recs in
                    for i in recs.indices {
                        let p = recs[i]
                        opaqueSIMD(p, word: p.color, into: ctx.color, ox, oy, ctx, S.self, D.self)
                    }
                }
            }
        }
    }

    /// One opaque point: `word` into its covered samples of `target` (tile-sized, sample-major as
    /// the colour samples) that pass the depth mode. Below `radius6` the fixed-block kernels
    /// (`smallSquareSIMD` for squares, `blockPointSIMD` for discs and spheres), larger points the
    /// general `pointSIMD`; the reference is `opaqueScalar`.
    @inline(__always)
    func opaqueSIMD<S: ShapeConstant, D: DepthMode>(_ p: PointRecord, word: UInt32, into target: UnsafeMutablePointer<UInt32>,
                                                   _ ox: Float, _ oy: Float, _ ctx: TileContext, _: S.Type, _: D.Type) {
        @inline(__always) func block<B: BlockSize>(_: B.Type) {
            if S.shape == .square { smallSquareSIMD(p, word, target, ox, oy, ctx, B.self, D.self) }
            else { blockPointSIMD(p, word, target, ox, oy, ctx, S.self, B.self, D.self) }
        }
        if p.r < smallRadius { block(Block2x2.self) }
        else if p.r < mediumRadius { block(Block3x4.self) }
        else if p.r < radius4 { block(Block4x4.self) }
        else if p.r < radius5 { block(Block5x6.self) }
        else if p.r < radius6 { block(Block6x6.self) }
        else { pointSIMD(p, ctx, S.self, gradient: false, direct: true, word: word, into: target) }
    }

    /// One opaque disc or sphere of radius < `radius6` over its fixed block (see
    /// `blockOrigin`; squares take `smallSquareSIMD`), `word` into `target`; the reference is
    /// `blockPointScalar`. Masks are combined and applied as integer bits (`old ^ ((old ^ new) & m)`).
    @inline(__always)
    func blockPointSIMD<S: ShapeConstant, B: BlockSize, D: DepthMode>(_ p: PointRecord, _ word: UInt32,
                                                                     _ target: UnsafeMutablePointer<UInt32>,
                                                                     _ ox: Float, _ oy: Float,
                                                                     _ ctx: TileContext, _: S.Type, _: B.Type, _: D.Type) {
        let shape = S.shape, rows = B.rows, spans = B.spans
        let c = SIMD2(p.x, p.y) - SIMD2(ox, oy), r = p.r
        guard let (o, first) = blockOriginSIMD(c, r, rows: rows, spans: spans, aligned: B.aligned) else { return }
        let xr = c.x, yr = c.y
        let r2 = r * r, invR2 = 1 / r2
        let wordV = SIMD8<UInt32>(repeating: word)
        for span in 0..<spans {
            let dx = (SIMD8<Float>(repeating: o.x + Float(2 * span)) + SamplePattern.laneX) - xr
            let dx2 = dx * dx
            for row in 0..<rows {
                let dy = (SIMD8<Float>(repeating: o.y + Float(row)) + SamplePattern.laneY) - yr
                let d2 = dx2 + dy * dy
                var m = maskBits(d2 .<= r2)
                let base = first + (((row << tileShift) + 2 * span) << 2)
                if D.test || D.write {
                    let dp = UnsafeMutableRawPointer(ctx.depth + base)
                    let z = sampleDepth(p, shape, d2, invR2)
                    let old = dp.loadUnaligned(as: SIMD8<Float>.self)
                    if D.test { m &= maskBits(z .< old) }
                    if D.write {
                        let ob = unsafeBitCast(old, to: SIMD8<UInt32>.self), zb = unsafeBitCast(z, to: SIMD8<UInt32>.self)
                        dp.storeBytes(of: ob ^ ((ob ^ zb) & m), as: SIMD8<UInt32>.self)
                    }
                }
                let cp = UnsafeMutableRawPointer(target + base)
                let oc = cp.loadUnaligned(as: SIMD8<UInt32>.self)
                cp.storeBytes(of: oc ^ ((oc ^ wordV) & m), as: SIMD8<UInt32>.self)
            }
        }
    }

    /// One opaque square of radius < `radius6` over its fixed block (see `blockOrigin`), `word`
    /// into `target`: a sample is inside when it is inside both the square's columns and its rows (the scalar
    /// reference, `sampleScalar`, makes the same comparisons), so the column masks are made once
    /// per point and the row mask once per row. Masks stay 32-bit lane bits and are applied as
    /// `old ^ ((old ^ new) & m)`; samples outside the square are rewritten with their own values.
    @inline(__always)
    func smallSquareSIMD<B: BlockSize, D: DepthMode>(_ p: PointRecord, _ word: UInt32, _ target: UnsafeMutablePointer<UInt32>,
                                                     _ ox: Float, _ oy: Float, _ ctx: TileContext, _: B.Type, _: D.Type) {
        let rows = B.rows, spans = B.spans
        let c = SIMD2(p.x, p.y) - SIMD2(ox, oy), r = p.r
        guard let (o, first) = blockOriginSIMD(c, r, rows: rows, spans: spans, aligned: B.aligned) else { return }
        let xr = c.x, yr = c.y
        @inline(__always) func inside(_ d: SIMD8<Float>) -> SIMD8<UInt32> { maskBits(d .>= -r) & maskBits(d .<= r) }
        let fx = o.x, fy = o.y
        @inline(__always) func column(_ span: Int) -> SIMD8<UInt32> {
            spans > span ? inside((SIMD8<Float>(repeating: fx + Float(2 * span)) + SamplePattern.laneX) - xr) : SIMD8()
        }
        let mx0 = column(0), mx1 = column(1), mx2 = column(2), mx3 = column(3)
        let z = SIMD8<Float>(repeating: p.z), zb = unsafeBitCast(z, to: SIMD8<UInt32>.self)
        let wordV = SIMD8<UInt32>(repeating: word)
        let depth = UnsafeMutableRawPointer(ctx.depth + first)
        let color = UnsafeMutableRawPointer(target + first)
        let rowBytes = tileSize * samplesPerPixel * 4
        for row in 0..<rows {
            let my = inside((SIMD8<Float>(repeating: fy + Float(row)) + SamplePattern.laneY) - yr)
            for span in 0..<spans {
                var m = (span == 0 ? mx0 : span == 1 ? mx1 : span == 2 ? mx2 : mx3) & my
                let offset = row * rowBytes + span * 32
                if D.test || D.write {
                    let old = depth.loadUnaligned(fromByteOffset: offset, as: SIMD8<Float>.self)
                    if D.test { m &= maskBits(z .< old) }
                    if D.write {
                        let ob = unsafeBitCast(old, to: SIMD8<UInt32>.self)
                        depth.storeBytes(of: ob ^ ((ob ^ zb) & m), toByteOffset: offset, as: SIMD8<UInt32>.self)
                    }
                }
                let oc = color.loadUnaligned(fromByteOffset: offset, as: SIMD8<UInt32>.self)
                color.storeBytes(of: oc ^ ((oc ^ wordV) & m), toByteOffset: offset, as: SIMD8<UInt32>.self)
            }
        }
    }

    /// `blockOrigin` (the same block, or `nil` in the same cases) with the box's four ends in one
    /// vector and one branch: ⌈a⌉ is −⌊−a⌋, and rounding to nearest is symmetric, so (r − xr) + 0.875
    /// is exactly −((xr − r) − 0.875). `c` is the centre in tile pixels (xr, yr). Returns the
    /// block's first pixel as floats (`Float(px)` of the kernels) and its first sample's index.
    /// The box's ends are small integers (the point touches the tile), so their sums are exact.
    @inline(__always)
    func blockOriginSIMD(_ c: SIMD2<Float>, _ r: Float, rows: Int, spans: Int, aligned: Bool) -> (SIMD2<Float>, Int)? {
        let u = (SIMD4<Float>(repeating: r) + SIMD4(-c.x, -c.y, c.x, c.y)) + SIMD4(0.875, 0.875, -0.125, -0.125)
        let f = u.rounded(.down)
        // (−lox, −loy) and (hix, hiy): empty when hi < 0, lo ≥ tileSize or lo > hi.
        let neg = f.lowHalf, hi = f.highHalf
        let empty = (hi .< 0) .| (neg .<= -Float(tileSize)) .| ((hi + neg) .< 0)
        if unsafeBitCast(empty, to: UInt64.self) != 0 { return nil }
        // (lox, loy) as integers (whole numbers below 2²²: plus 1.5 · 2²³, their low bits); at
        // least 0, x rounded down to even for aligned blocks, at most the last block in the tile.
        let magic = SIMD2<Int32>(repeating: 0x4B40_0000)
        var o = unsafeBitCast(12_582_912 - neg, to: SIMD2<Int32>.self) &- magic
        o &= ~(o &>> 31)
        o &= SIMD2(aligned ? ~1 : ~0, ~0)
        let over = o &- SIMD2(Int32(tileSize - 2 * spans), Int32(tileSize - rows))
        o &-= over & ~(over &>> 31)
        let first = (Int(o.y) << tileShift + Int(o.x)) * samplesPerPixel
        return (unsafeBitCast(o &+ magic, to: SIMD2<Float>.self) - 12_582_912, first)
    }
}
