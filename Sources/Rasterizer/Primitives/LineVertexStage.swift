extension LineDraw {
    /// The vertex stage of one strip, 8 segments at a time: end points transformed and projected,
    /// radius, box and tiles lane by lane with the operations of `segment` (so the same numbers).
    /// A segment in front of the near plane, finite, of some width and inside one tile row or
    /// column is binned here; one that `segment` would skip for being off the frame, not finite or
    /// of no width is dropped here too; every other (near-plane crossing, behind the camera, tiles
    /// in more than one row and column, not a number) goes through `segment`, in submission order. The records and keys are those
    /// of the scalar stage (`frame.kernels == .scalar`), so the bins are the same.
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
            for i in 0..<8 {
                let v = v0 + (i < n ? i : n - 1)
                let p = input.pos[v - 1], q = input.pos[v]
                px[i] = p.x; py[i] = p.y; pz[i] = p.z
                qx[i] = q.x; qy[i] = q.y; qz[i] = q.z
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
            let oneTile = laneBits((tx0 .== tx1) .& (ty0 .== ty1))
            // One tile row or column: `segment` bins the whole box too.
            let staged = laneBits(simple .& drawn .& ((tx0 .== tx1) .| (ty0 .== ty1)))
            let dropped = laneBits(simple .& .!drawn)
            for i in 0..<n {
                let v = v0 + i
                let bit = UInt32(1) << UInt32(i)
                if staged & bit != 0 {
                    let rec = SegmentRecord(ax: sax[i], ay: say[i], az: saz[i], bx: sbx[i], by: sby[i], bz: sbz[i], r: r[i],
                                            c0: input.color(v - 1), c1: input.color(v))
                    if oneTile & bit != 0 {
                        let slot = bins.stage(1)
                        slot.records[0] = rec
                        slot.keys[0] = Bins<SegmentRecord>.tileKey(UInt32(tx0[i]), UInt32(ty0[i]))
                        bins.commit(1)
                    } else {
                        bins.add(rec, TileRange(x0: UInt16(tx0[i]), y0: UInt16(ty0[i]), x1: UInt16(tx1[i]), y1: UInt16(ty1[i])))
                    }
                } else if dropped & bit == 0 {
                    segment(v, input, bins)
                }
            }
            v0 += n
        }
    }
}
