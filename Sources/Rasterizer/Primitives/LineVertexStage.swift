extension LineDraw {
    /// The vertex stage of one strip, 8 segments at a time: end points transformed and projected,
    /// radius, box and tiles lane by lane with the operations of `segment` (so the same numbers).
    /// A segment in front of the near plane, finite, of some width and inside one tile row or
    /// column is binned here; one that `segment` would skip for being off the frame, not finite or
    /// of no width is dropped here too; every other (near-plane crossing, behind the camera, tiles
    /// in more than one row and column, not a number) goes through `segment`, in submission order.
    /// A whole group of 8 whose segments are all binned or dropped here is staged at once
    /// (`stage8`, the dropped ones with `Bins.skipKey`); other groups segment by segment. Each
    /// tile gets the records of the scalar stage (`frame.kernels == .scalar`), in the same order.
    func stripWide(_ strip: Range<Int>, _ input: StripInput, _ bins: Bins<SegmentRecord>) {
        typealias V = SIMD8<Float>
        let mm = clipFromObject.m
        let grid = frame.grid
        let w = Float(grid.width), h = Float(grid.height)
        let rs = input.rs
        // `segment`'s radius: −rs · pixelsPerPoint, or rs · objectScale · unitsToPixels · 0.5 · (ia + ib).
        let pointRadius = -rs * frame.pixelsPerPoint
        let sceneScale = rs * objectScale * unitsToPixels * 0.5
        let zero = V(repeating: 0)
        var v0 = strip.lowerBound + 1
        while v0 < strip.upperBound {
            let n = min(8, strip.upperBound - v0)
            var px = V(), py = V(), pz = V(), qx = V(), qy = V(), qz = V()
            if n == 8 {
                // Positions are 16 bytes apart (x, y, z, padding): de-interleave vertices
                // v0 − 1 … v0 + 6 and v0 … v0 + 7.
                let p = UnsafeRawPointer(input.pos.baseAddress! + (v0 - 1)), q = UnsafeRawPointer(input.pos.baseAddress! + v0)
                let pa = p.loadUnaligned(as: SIMD16<Float>.self), pb = p.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
                let qa = q.loadUnaligned(as: SIMD16<Float>.self), qb = q.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
                px = V(lowHalf: pa.evenHalf.evenHalf, highHalf: pb.evenHalf.evenHalf)
                py = V(lowHalf: pa.oddHalf.evenHalf, highHalf: pb.oddHalf.evenHalf)
                pz = V(lowHalf: pa.evenHalf.oddHalf, highHalf: pb.evenHalf.oddHalf)
                qx = V(lowHalf: qa.evenHalf.evenHalf, highHalf: qb.evenHalf.evenHalf)
                qy = V(lowHalf: qa.oddHalf.evenHalf, highHalf: qb.oddHalf.evenHalf)
                qz = V(lowHalf: qa.evenHalf.oddHalf, highHalf: qb.evenHalf.oddHalf)
            } else {
                for i in 0..<8 {
                    let v = v0 + (i < n ? i : n - 1)
                    let p = input.pos[v - 1], q = input.pos[v]
                    px[i] = p.x; py[i] = p.y; pz[i] = p.z
                    qx[i] = q.x; qy[i] = q.y; qz[i] = q.z
                }
            }
            // `Mat4.transformPoint`, row by row.
            @inline(__always) func clip(_ k: Int, _ x: V, _ y: V, _ z: V) -> V {
                mm[4 * k] * x + mm[4 * k + 1] * y + mm[4 * k + 2] * z + mm[4 * k + 3]
            }
            let ax = clip(0, px, py, pz), ay = clip(1, px, py, pz), az = clip(2, px, py, pz), aw = clip(3, px, py, pz)
            let bx = clip(0, qx, qy, qz), by = clip(1, qx, qy, qz), bz = clip(2, qx, qy, qz), bw = clip(3, qx, qy, qz)
            // In front of the near plane at both ends, w > 0: `segment` neither clips nor skips.
            let simple = ((az + aw) .>= zero) .& ((bz + bw) .>= zero) .& (aw .> zero) .& (bw .> zero)
            // `Projected`.
            let ia = 1 / aw, ib = 1 / bw
            let sax = (ax * ia + 1) * 0.5 * w, say = (1 - ay * ia) * 0.5 * h, saz = az * ia * 0.5 + 0.5
            let sbx = (bx * ib + 1) * 0.5 * w, sby = (1 - by * ib) * 0.5 * h, sbz = bz * ib * 0.5 + 0.5
            let finite = isFinite(sax) .& isFinite(say) .& isFinite(saz) .& isFinite(sbx) .& isFinite(sby) .& isFinite(sbz)
            var r = rs < 0 ? V(repeating: pointRadius) : sceneScale * (ia + ib)
            let wide = r .> zero
            r.replace(with: 1e5, where: r .> 1e5)
            // `TileGrid.range` of the sample box.
            let minX = vmin(sax, sbx) - r - 0.875, minY = vmin(say, sby) - r - 0.875
            let maxX = vmax(sax, sbx) + r - 0.125, maxY = vmax(say, sby) + r - 0.125
            let inFrame = (maxX .>= zero) .& (maxY .>= zero) .& (minX .< w) .& (minY .< h) .& (minX .<= maxX) .& (minY .<= maxY)
            let lastX = V(repeating: w - 1), lastY = V(repeating: h - 1)
            let tx0 = tileIndex(zero.replacing(with: minX, where: minX .> zero))
            let ty0 = tileIndex(zero.replacing(with: minY, where: minY .> zero))
            let tx1 = tileIndex(lastX.replacing(with: maxX, where: maxX .< lastX))
            let ty1 = tileIndex(lastY.replacing(with: maxY, where: maxY .< lastY))
            let drawn = finite .& wide .& inFrame
            // One tile row or column: `segment` bins the whole box too.
            let staged = laneBits(simple .& drawn .& ((tx0 .== tx1) .| (ty0 .== ty1)))
            let dropped = laneBits(simple .& .!drawn)
            if n == 8 && staged | dropped == 0xFF {
                let c0: SIMD8<UInt32>, c1: SIMD8<UInt32>
                if !input.perVertex {
                    c0 = SIMD8(repeating: input.stripColor); c1 = c0
                } else if v0 + 8 <= input.colors.count {
                    let c = UnsafeRawPointer(input.colors.baseAddress! + (v0 - 1))
                    c0 = c.loadUnaligned(as: SIMD8<UInt32>.self) | 0xFF00_0000
                    c1 = c.loadUnaligned(fromByteOffset: 4, as: SIMD8<UInt32>.self) | 0xFF00_0000
                } else {
                    var a = SIMD8<UInt32>(), b = SIMD8<UInt32>()
                    for i in 0..<8 { a[i] = input.color(v0 + i - 1); b[i] = input.color(v0 + i) }
                    c0 = a; c1 = b
                }
                stage8((sax, say, saz, sbx, sby, sbz, r, unsafeBitCast(c0, to: V.self)), c1,
                       tiles: (tx0, ty0, tx1, ty1), dropped: dropped, bins)
            } else {
                for i in 0..<n {
                    let v = v0 + i
                    let bit = UInt32(1) << UInt32(i)
                    if staged & bit != 0 {
                        let rec = SegmentRecord(ax: sax[i], ay: say[i], az: saz[i], bx: sbx[i], by: sby[i], bz: sbz[i], r: r[i],
                                                c0: input.color(v - 1), c1: input.color(v))
                        bins.add(rec, TileRange(x0: UInt16(tx0[i]), y0: UInt16(ty0[i]), x1: UInt16(tx1[i]), y1: UInt16(ty1[i])))
                    } else if dropped & bit == 0 {
                        segment(v, input, bins)
                    }
                }
            }
            v0 += n
        }
    }

    /// Stages 8 segments at once: `fields` are the records' first 8 fields (a, b, r, c0 as bits)
    /// lane by lane, `c1` the last; lanes in `dropped` get `Bins.skipKey`, the others the key of
    /// their tiles (`tx0 … tx1` × `ty0 … ty1`, one row or column). The records are written from
    /// an 8 × 8 transpose (`transposed`), 32 + 4 bytes each (lane by lane, the vectors went through
    /// the stack field by field).
    @inline(__always)
    private func stage8(_ fields: Vectors8, _ c1: SIMD8<UInt32>,
                        tiles: (SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>, SIMD8<Int32>), dropped: UInt32,
                        _ bins: Bins<SegmentRecord>) {
        typealias V = SIMD8<Float>
        let rows = transposed(fields)
        let slots = bins.stage(8), first = bins.count
        let out = UnsafeMutableRawPointer(slots.records), stride = MemoryLayout<SegmentRecord>.stride
        out.storeBytes(of: rows.0, toByteOffset: 0, as: V.self)
        out.storeBytes(of: rows.1, toByteOffset: stride, as: V.self)
        out.storeBytes(of: rows.2, toByteOffset: 2 * stride, as: V.self)
        out.storeBytes(of: rows.3, toByteOffset: 3 * stride, as: V.self)
        out.storeBytes(of: rows.4, toByteOffset: 4 * stride, as: V.self)
        out.storeBytes(of: rows.5, toByteOffset: 5 * stride, as: V.self)
        out.storeBytes(of: rows.6, toByteOffset: 6 * stride, as: V.self)
        out.storeBytes(of: rows.7, toByteOffset: 7 * stride, as: V.self)
        for j in 0..<8 { out.storeBytes(of: c1[j], toByteOffset: j * stride + 32, as: UInt32.self) }
        // Tile keys with the span bits for segments on 2 tiles; longer rows or columns of tiles
        // through `Bins.key`.
        let (tx0, ty0, tx1, ty1) = tiles
        let skip = unsafeBitCast((SIMD8<Int32>(repeating: Int32(bitPattern: dropped)) &<< SIMD8<Int32>(31, 30, 29, 28, 27, 26, 25, 24)) &>> 31,
                                 to: SIMD8<UInt32>.self)
        bins.writeKeys8(slots, first: first, tx0, ty0, tx1, ty1, skip: skip, kept: ~dropped & 0xFF)
        bins.commit(8)
    }
}
