/// Binning eight triangles at a time (the SIMD kernel set).
///
/// A dense mesh is mostly triangles far below a pixel, and most of those cover no sample at all:
/// the per-triangle work before they are dropped is what a frame costs. Here eight consecutive
/// triangles are gathered into lanes; their box, area and orientation are computed lane-wise and,
/// for the small ones (pixel box of at most 2 × 2 pixels), the 16 samples of their block are tested
/// lane-wise with the same edge functions as `TriangleDraw.coverageScalar`, in exact `Int32`
/// arithmetic, so the masks are identical. Only the triangles that survive (a non-empty mask)
/// reach scalar code, in submission order; a lane that needs more (clipping, a box larger than
/// 2 × 2 pixels) takes the per-triangle path of the scalar kernels at its place in the order.
///
/// `Int32` is exact here: for a small lane every vertex lies within 3 pixels (48 units) of the
/// block, so edge coefficients stay below 2⁶ and edge values below 2¹³; other lanes compute values
/// that are not used.
extension TriangleDraw {
    /// Bins triangles `t0 ..< t0 + 8` (all inside the draw); `idx` is the index buffer (empty:
    /// not indexed), `n` the vertex count. With `smallRecords` (a `compactSmall` draw), the kept small
    /// triangles are written there as `SmallTri` records from slot `smallSlot` on (advanced), their
    /// pixels shaded through `words`.
    @inline(__always)
    func binEight(_ t0: Int, _ idx: UnsafeBufferPointer<UInt32>, _ vs: UnsafePointer<ScreenVertex>, _ n: UInt32,
                  _ bins: Bins<TriRecord>, _ grid: TileGrid, _ smallRecords: UnsafeMutablePointer<SmallTri>?,
                  _ smallSlot: inout Int, _ words: inout WordBatch) {
        let i0: SIMD8<UInt32>, i1: SIMD8<UInt32>, i2: SIMD8<UInt32>
        if !idx.isEmpty {
            // Three vector loads split by lane position (blends and one permutation each,
            // instead of 24 element inserts).
            let q = UnsafeRawPointer(idx.baseAddress.unsafelyUnwrapped + 3 * t0)
            let a = q.loadUnaligned(as: SIMD8<UInt32>.self)
            let b = q.loadUnaligned(fromByteOffset: 32, as: SIMD8<UInt32>.self)
            let c = q.loadUnaligned(fromByteOffset: 64, as: SIMD8<UInt32>.self)
            i0 = SIMD8(a[0], a[3], a[6], b[1], b[4], b[7], c[2], c[5])
            i1 = SIMD8(a[1], a[4], a[7], b[2], b[5], c[0], c[3], c[6])
            i2 = SIMD8(a[2], a[5], b[0], b[3], b[6], c[1], c[4], c[7])
        } else {
            i0 = SIMD8<UInt32>(0, 3, 6, 9, 12, 15, 18, 21) &+ UInt32(truncatingIfNeeded: 3 * t0)
            i1 = i0 &+ 1
            i2 = i0 &+ 2
        }
        let nv = SIMD8<UInt32>(repeating: n)
        if !allLanes((i0 .< nv) .& (i1 .< nv) .& (i2 .< nv)) {
            // Some index is out of range (bad input): the per-triangle path skips those.
            for t in t0..<t0 + 8 { binOne(t, idx, vs, n, bins, grid, simd: true) }
            return
        }
        let (ax, ay, aw) = gatherVertices(vs, i0)
        let (bx, by, bw) = gatherVertices(vs, i1)
        let (cx, cy, cw) = gatherVertices(vs, i2)
        // `!(invW > 0)`: the vertex needs clipping (see `ScreenVertex`).
        let zero = SIMD8<Float>()
        let clip = .!((aw .> zero) .& (bw .> zero) .& (cw .> zero))
        // Pixels whose samples (16·p + 2 … 16·p + 14) can lie in the box (as `add`).
        let minX = (lanesMin(ax, bx, cx) &+ 1) &>> 4, maxX = (lanesMax(ax, bx, cx) &- 2) &>> 4
        let minY = (lanesMin(ay, by, cy) &+ 1) &>> 4, maxY = (lanesMax(ay, by, cy) &- 2) &>> 4
        let one = SIMD8<Int32>(repeating: 1)
        let empty = (minX .> maxX) .| (minY .> maxY)
        let small = ((maxX &- minX) .<= one) .& ((maxY &- minY) .<= one)
        let area = (bx &- ax) &* (cy &- ay) &- (cx &- ax) &* (by &- ay)
        let zeroI = SIMD8<Int32>()
        var drop = empty .| (area .== zeroI)
        switch mesh.cull {
        case .none: break
        case .back: drop = drop .| (area .> zeroI)
        case .front: drop = drop .| (area .< zeroI)
        }
        // The triangle's own order when its area is positive, else (a, c, b): the same edges
        // reversed, i.e. negated (both ends of an edge give the same exact edge function).
        let flip = area &>> 31
        let ox = minX &<< 4, oy = minY &<< 4
        let mask = Self.blockCoverage(
            Self.laneEdge(ax, ay, bx, by, ox, oy, flip), Self.laneEdge(bx, by, cx, cy, ox, oy, flip),
            Self.laneEdge(cx, cy, ax, ay, ox, oy, flip))
        // Kept: small, covering a sample, and touching the frame (as `TileGrid.range`).
        let w = SIMD8<Int32>(repeating: Int32(grid.width)), h = SIMD8<Int32>(repeating: Int32(grid.height))
        let inFrame = (maxX .>= zeroI) .& (maxY .>= zeroI) .& (minX .< w) .& (minY .< h)
        let keep = .!clip .& small .& .!drop .& (mask .!= zeroI) .& inFrame
        // Clipped lanes, and boxes over 2 × 2 pixels that are not dropped: the per-triangle path.
        let other = clip .| (.!small .& .!empty)
        let keepBits = laneBits(keep), otherBits = laneBits(other)
        if keepBits | otherBits == 0 { return }
        // Tile range of each lane (valid where kept).
        let tx0 = lanesMax(minX, zeroI, zeroI) &>> Int32(tileShift), ty0 = lanesMax(minY, zeroI, zeroI) &>> Int32(tileShift)
        let tx1 = lanesMin(maxX, w &- 1, w &- 1) &>> Int32(tileShift), ty1 = lanesMin(maxY, h &- 1, h &- 1) &>> Int32(tileShift)
        let pos = area .> zeroI
        let j1 = i2.replacing(with: i1, where: pos), j2 = i1.replacing(with: i2, where: pos)
        withUnsafeTemporaryAllocation(of: SIMD8<UInt32>.self, capacity: 11) { lane in
            lane[0] = i0; lane[1] = j1; lane[2] = j2; lane[3] = SIMD8(truncatingIfNeeded: mask)
            lane[4] = SIMD8(truncatingIfNeeded: tx0); lane[5] = SIMD8(truncatingIfNeeded: ty0)
            lane[6] = SIMD8(truncatingIfNeeded: tx1); lane[7] = SIMD8(truncatingIfNeeded: ty1)
            lane[8] = SIMD8(truncatingIfNeeded: minX); lane[9] = SIMD8(truncatingIfNeeded: minY)
            if smallRecords != nil { lane[10] = unsafeBitCast(Self.laneInverseDet(area, flip), to: SIMD8<UInt32>.self) }
            // (A typed pointer: the raw `load` was left as a call in this large function.)
            let v = UnsafeRawPointer(lane.baseAddress.unsafelyUnwrapped).assumingMemoryBound(to: UInt32.self)
            @inline(__always) func at(_ field: Int, _ j: Int) -> UInt32 { v[8 * field + j] }
            @inline(__always) func range(_ j: Int) -> TileRange {
                TileRange(x0: UInt16(truncatingIfNeeded: at(4, j)), y0: UInt16(truncatingIfNeeded: at(5, j)),
                          x1: UInt16(truncatingIfNeeded: at(6, j)), y1: UInt16(truncatingIfNeeded: at(7, j)))
            }
            /// Writes kept lane `j`'s records to `recs` (from staging slot `slot` on) and their
            /// keys to `keys`; returns how many (0 … 2: sample records, see `writeSamples`).
            @inline(__always) func emit(_ j: Int, _ recs: UnsafeMutablePointer<TriRecord>, _ keys: UnsafeMutablePointer<UInt32>,
                                        slot: Int) -> Int {
                let a = at(0, j), b = at(1, j), c = at(2, j), m = at(3, j)
                let x0 = at(4, j), y0 = at(5, j)
                let oneTile = x0 == at(6, j) && y0 == at(7, j)
                var r = TriRecord(i0: a, i1: b, i2: c, smallMask: m)
                if let smallRecords {
                    let bx = Int32(bitPattern: at(8, j)), by = Int32(bitPattern: at(9, j))
                    let invDet = Float(bitPattern: at(10, j))
                    // At most two covered samples: mask without its lowest bit has at most one.
                    let rest = m & (m &- 1)
                    if rest & (rest &- 1) == 0 {
                        return writeSamples(a, b, c, bx: bx, by: by, mask: m, invDet: invDet, vs, grid, to: recs, keys: keys, &words)
                    }
                    writeSmall(a, b, c, bx: bx, by: by, mask: m, invDet: invDet, vs, to: smallRecords + smallSlot, &words)
                    r = TriRecord(i0: UInt32(truncatingIfNeeded: smallSlot), i1: 0, i2: 0, smallMask: m | compactSmallFlag)
                    smallSlot += 1
                }
                recs.initialize(to: r)
                keys[0] = oneTile ? Bins<TriRecord>.tileKey(x0, y0) : bins.key(range(j), record: r, slot: slot)
                return 1
            }
            // Queued words may point into staged records (sample records): they are stored
            // before staging grows (which moves the records).
            if otherBits != 0 {
                // Rare: lanes in submission order, the others through `binOne` (at most 7 records).
                var todo = keepBits | otherBits
                while todo != 0 {
                    let j = todo.trailingZeroBitCount
                    todo &= todo - 1
                    if !bins.canStage(8) { words.flush(light, frame.tables) }
                    if otherBits & (1 << j) != 0 {
                        binOne(t0 + j, idx, vs, n, bins, grid, simd: true)
                        continue
                    }
                    let slots = bins.stage(2)
                    bins.commit(emit(j, slots.records, slots.keys, slot: bins.count))
                }
                return
            }
            // At most two records per lane.
            if !bins.canStage(16) { words.flush(light, frame.tables) }
            let slots = bins.stage(16)
            var k = 0, todo = keepBits
            while todo != 0 {
                let j = todo.trailingZeroBitCount
                todo &= todo - 1
                k += emit(j, slots.records + k, slots.keys + k, slot: bins.count + k)
            }
            bins.commit(k)
        }
    }

    /// `TriangleGeometry.invDet` of the eight oriented triangles, for the small lanes: `det` is
    /// `x10 · y20 − x20 · y10` of the 1/16-pixel differences scaled by 1/16, and for a small lane
    /// (differences below 2⁶ units) both products and their difference are exact, so `det` is
    /// exactly the oriented snapped area (`area` negated where `flip` is −1) / 256, the float made
    /// here; the division is the scalar one, lane by lane. Other lanes give values not used.
    @inline(__always)
    static func laneInverseDet(_ area: SIMD8<Int32>, _ flip: SIMD8<Int32>) -> SIMD8<Float> {
        1 / (exactFloat((area ^ flip) &- flip) * SIMD8(repeating: 0.003_906_25))
    }

    /// Edge `p → q` of eight triangles relative to their blocks at (`ox`, `oy`) (1/16 pixels),
    /// negated in lanes where `flip` is −1: `(A, B, C)` with the top-left bias folded into C, as
    /// `blockEdge`.
    @inline(__always)
    static func laneEdge(_ px: SIMD8<Int32>, _ py: SIMD8<Int32>, _ qx: SIMD8<Int32>, _ qy: SIMD8<Int32>,
                         _ ox: SIMD8<Int32>, _ oy: SIMD8<Int32>, _ flip: SIMD8<Int32>)
        -> (a: SIMD8<Int32>, b: SIMD8<Int32>, c: SIMD8<Int32>) {
        let a0 = py &- qy, b0 = qx &- px
        let k0 = a0 &* (ox &- px) &+ b0 &* (oy &- py)
        let a = (a0 ^ flip) &- flip, b = (b0 ^ flip) &- flip, k = (k0 ^ flip) &- flip
        let zero = SIMD8<Int32>()
        let topLeft = (a .> zero) .| ((a .== zero) .& (b .> zero))
        // c = k − (topLeft ? 0 : 1); a set mask lane reads as −1.
        return (a, b, k &- 1 &- unsafeBitCast(topLeft, to: SIMD8<Int32>.self))
    }

    /// The samples of each lane's 2 × 2 block inside all three edges: bit `8 · row + j` for lane
    /// `j` of the block's pixel row `row` (the layout of `TriRecord.smallMask`).
    ///
    /// Two samples per `Int32` lane (SWAR): for sample lane `j`, row 0's edge value + 2¹⁴ in the low
    /// 16 bits and row 1's in the high 16 bits. A small lane's edge values are below 2¹² in
    /// magnitude (vertices within −1 … 33 units of the block, coefficients below 35), so each
    /// biased half stays in [2¹³, 2¹⁵): the halves never carry into each other, and bit 14 (30) is
    /// set exactly when the value is ≥ 0. Everything is linear in the sample position, so the
    /// packed values are built with wrapping arithmetic from packed coefficients `A · 65537`,
    /// `B · 65537` and come out exact (other lanes compute unused values).
    @inline(__always)
    static func blockCoverage(_ e0: (a: SIMD8<Int32>, b: SIMD8<Int32>, c: SIMD8<Int32>),
                              _ e1: (a: SIMD8<Int32>, b: SIMD8<Int32>, c: SIMD8<Int32>),
                              _ e2: (a: SIMD8<Int32>, b: SIMD8<Int32>, c: SIMD8<Int32>)) -> SIMD8<Int32> {
        // Sample lane j at (laneXUnits[j], laneYUnits[j]) = (6, 2) + offset_j; offsets (8, 4),
        // (−4, 8), (4, 12) for lanes 1–3, and lanes 4–7 are lanes 0–3 one pixel (16 units) right.
        @inline(__always) func packed(_ e: (a: SIMD8<Int32>, b: SIMD8<Int32>, c: SIMD8<Int32>))
            -> (SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>) {
            let ap = e.a &+ (e.a &<< 16), bp = e.b &+ (e.b &<< 16)
            let cb = e.c &+ 16384
            let v0 = (cb &+ (cb &<< 16)) &+ (e.b &<< 20) &+ ((ap &<< 2) &+ (ap &<< 1)) &+ (bp &<< 1)
            let ap4 = ap &<< 2, ap8 = ap &<< 3, ap16 = ap &<< 4, bp4 = bp &<< 2, bp8 = bp &<< 3
            let v1 = v0 &+ (ap8 &+ bp4)
            let v2 = v0 &+ (bp8 &- ap4)
            let v3 = v2 &+ (ap8 &+ bp4)
            return (v0, v1, v2, v3, v0 &+ ap16, v1 &+ ap16, v2 &+ ap16, v3 &+ ap16)
        }
        let p = packed(e0), q = packed(e1), r = packed(e2)
        let bits = SIMD8<Int32>(repeating: 0x4000_4000)
        // Inside all three: bits 14 and 30 of the AND; lane j's go to bits j and 16 + j.
        @inline(__always) func lane(_ x: SIMD8<Int32>, _ y: SIMD8<Int32>, _ z: SIMD8<Int32>, _ j: Int32) -> SIMD8<Int32> {
            unsafeBitCast(unsafeBitCast(x & y & z & bits, to: SIMD8<UInt32>.self) &>> UInt32(14 - j), to: SIMD8<Int32>.self)
        }
        let acc = (lane(p.0, q.0, r.0, 0) | lane(p.1, q.1, r.1, 1)) | (lane(p.2, q.2, r.2, 2) | lane(p.3, q.3, r.3, 3))
            | (lane(p.4, q.4, r.4, 4) | lane(p.5, q.5, r.5, 5)) | (lane(p.6, q.6, r.6, 6) | lane(p.7, q.7, r.7, 7))
        return (acc & SIMD8(repeating: 0xFF)) | ((acc &>> 8) & SIMD8(repeating: 0xFF00))
    }
}

/// Snapped x, y and 1/w of the vertices `i` (lane by lane; constant lane indices, so that each
/// value goes straight into its lane).
@inline(__always)
func gatherVertices(_ vs: UnsafePointer<ScreenVertex>, _ i: SIMD8<UInt32>) -> (SIMD8<Int32>, SIMD8<Int32>, SIMD8<Float>) {
    let v0 = vs[Int(i[0])], v1 = vs[Int(i[1])], v2 = vs[Int(i[2])], v3 = vs[Int(i[3])]
    let v4 = vs[Int(i[4])], v5 = vs[Int(i[5])], v6 = vs[Int(i[6])], v7 = vs[Int(i[7])]
    return (SIMD8(v0.x, v1.x, v2.x, v3.x, v4.x, v5.x, v6.x, v7.x),
            SIMD8(v0.y, v1.y, v2.y, v3.y, v4.y, v5.y, v6.y, v7.y),
            SIMD8(v0.invW, v1.invW, v2.invW, v3.invW, v4.invW, v5.invW, v6.invW, v7.invW))
}

/// The `Float` of each lane's integer, exact for magnitudes below 2²²: 1.5 · 2²³ + v holds `v` in
/// its low mantissa bits.
@inline(__always) func exactFloat(_ v: SIMD8<Int32>) -> SIMD8<Float> {
    unsafeBitCast(v &+ 0x4B40_0000, to: SIMD8<Float>.self) - 12_582_912
}

/// Whether every lane is set.
@inline(__always) func allLanes(_ m: LaneMask) -> Bool { laneBits(m) == 0xFF }

/// Lane-wise minimum and maximum of three vectors (bit selects, see `select`).
@inline(__always) func lanesMin(_ a: SIMD8<Int32>, _ b: SIMD8<Int32>, _ c: SIMD8<Int32>) -> SIMD8<Int32> {
    let m = select(maskBits(b .< a), b, a)
    return select(maskBits(c .< m), c, m)
}

@inline(__always) func lanesMax(_ a: SIMD8<Int32>, _ b: SIMD8<Int32>, _ c: SIMD8<Int32>) -> SIMD8<Int32> {
    let m = select(maskBits(b .> a), b, a)
    return select(maskBits(c .> m), c, m)
}

/// `project(m.transformPoint(p), …)` of eight positions, lane by lane with the same operations in
/// the same order (so the snapped vertices are the scalar kernels' bit for bit).
@inline(__always)
func projectEight(_ p: UnsafePointer<SIMD3<Float>>, _ m: Mat4, width: Float, height: Float,
                  into out: UnsafeMutablePointer<ScreenVertex>) {
    let x = SIMD8(p[0].x, p[1].x, p[2].x, p[3].x, p[4].x, p[5].x, p[6].x, p[7].x)
    let y = SIMD8(p[0].y, p[1].y, p[2].y, p[3].y, p[4].y, p[5].y, p[6].y, p[7].y)
    let z = SIMD8(p[0].z, p[1].z, p[2].z, p[3].z, p[4].z, p[5].z, p[6].z, p[7].z)
    @inline(__always) func row(_ r: Int) -> SIMD8<Float> {
        let e = m.m
        return SIMD8(repeating: e[4 * r]) * x + SIMD8(repeating: e[4 * r + 1]) * y
            + SIMD8(repeating: e[4 * r + 2]) * z + SIMD8(repeating: e[4 * r + 3])
    }
    let cx = row(0), cy = row(1), cz = row(2), cw = row(3)
    let zero = SIMD8<Float>(), inf = SIMD8<Float>(repeating: .infinity)
    let invW = 1 / cw
    let px = (cx * invW + 1) * 0.5 * width
    let py = (1 - cy * invW) * 0.5 * height
    let wz = cz * invW * 0.5 + 0.5
    let g = guardBandPixels
    var ok = (cw .> zero) .& (cz .>= -cw) .& (cw .< inf)
    ok = ok .& (px .>= SIMD8(repeating: -g)) .& (px .<= SIMD8(repeating: width + g))
    ok = ok .& (py .>= SIMD8(repeating: -g)) .& (py .<= SIMD8(repeating: height + g))
    ok = ok .& (wz .> -inf) .& (wz .< inf) .& (invW .> zero)
    // snapToSixteenth, lane-wise.
    let sx = unsafeBitCast(px * 16 + 12_582_912, to: SIMD8<Int32>.self) &- 0x4B40_0000
    let sy = unsafeBitCast(py * 16 + 12_582_912, to: SIMD8<Int32>.self) &- 0x4B40_0000
    let keep = unsafeBitCast(ok, to: SIMD8<Int32>.self)
    let ox = sx & keep, oy = sy & keep
    let oz = unsafeBitCast(unsafeBitCast(wz, to: SIMD8<Int32>.self) & keep, to: SIMD8<Float>.self)
    let ow = unsafeBitCast(unsafeBitCast(invW, to: SIMD8<Int32>.self) & keep, to: SIMD8<Float>.self)
    for j in 0..<8 { out[j] = ScreenVertex(x: ox[j], y: oy[j], z: oz[j], invW: ow[j]) }
}
