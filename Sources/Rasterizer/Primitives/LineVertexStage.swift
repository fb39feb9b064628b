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
        // The vertices' values of the group before (lane 7: the next group's first segment's start).
        var before: StripVertices8? = nil
        var v0 = strip.lowerBound + 1
        while v0 < strip.upperBound {
            let n = min(8, strip.upperBound - v0)
            @inline(__always) func load(_ first: Int) -> StripVertices8 {
                // Vertices first … first + 7 (lanes from n on repeat the last one).
                var x = V(), y = V(), z = V()
                if n == 8 {
                    // Positions are 16 bytes apart (x, y, z, padding): de-interleaved.
                    let p = UnsafeRawPointer(input.pos.baseAddress! + first)
                    let pa = p.loadUnaligned(as: SIMD16<Float>.self), pb = p.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
                    x = V(lowHalf: pa.evenHalf.evenHalf, highHalf: pb.evenHalf.evenHalf)
                    y = V(lowHalf: pa.oddHalf.evenHalf, highHalf: pb.oddHalf.evenHalf)
                    z = V(lowHalf: pa.evenHalf.oddHalf, highHalf: pb.evenHalf.oddHalf)
                } else {
                    for i in 0..<8 {
                        let p = input.pos[first + (i < n ? i : n - 1)]
                        x[i] = p.x; y[i] = p.y; z[i] = p.z
                    }
                }
                return StripVertices8(x, y, z, mm, w: w, h: h)
            }
            // Segment ends: vertices v0 … v0 + 7, and the starts v0 − 1 … v0 + 6 (the ends moved one
            // lane up after the first group: every vertex is transformed once).
            let b = load(v0)
            let a = before.map { b.movedUp(after: $0) } ?? load(v0 - 1)
            before = b
            // In front of the near plane at both ends, w > 0: `segment` neither clips nor skips.
            let simple = unsafeBitCast(a.front & b.front, to: LaneMask.self)
            let ia = a.inv, ib = b.inv
            let sax = a.x, say = a.y, saz = a.z, sbx = b.x, sby = b.y, sbz = b.z
            let finite = unsafeBitCast(a.finite & b.finite, to: LaneMask.self)
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

/// What the vertex stage needs of 8 vertices (one per lane): `LineDraw.segment`'s operations on
/// each end point, done once per vertex (a vertex ends one segment and starts the next).
struct StripVertices8 {
    typealias V = SIMD8<Float>
    /// In front of the near plane (z + w ≥ 0) and w > 0: all ones, else 0.
    var front: SIMD8<UInt32>
    /// Projected x, y, z all finite: all ones, else 0.
    var finite: SIMD8<UInt32>
    /// 1/w, and `LineDraw.Projected`'s frame pixels and window depth.
    var inv: V, x: V, y: V, z: V

    /// Object-space points transformed by the row-major 4 × 4 `m` (`Mat4.transformPoint`, row by
    /// row) and projected into a `w` × `h` frame.
    @inline(__always) init(_ px: V, _ py: V, _ pz: V, _ m: SIMD16<Float>, w: Float, h: Float) {
        @inline(__always) func clip(_ k: Int) -> V { m[4 * k] * px + m[4 * k + 1] * py + m[4 * k + 2] * pz + m[4 * k + 3] }
        let cx = clip(0), cy = clip(1), cz = clip(2), cw = clip(3)
        let zero = V(repeating: 0)
        front = maskBits((cz + cw) .>= zero) & maskBits(cw .> zero)
        inv = 1 / cw
        x = (cx * inv + 1) * 0.5 * w
        y = (1 - cy * inv) * 0.5 * h
        z = cz * inv * 0.5 + 0.5
        finite = maskBits(isFinite(x)) & maskBits(isFinite(y)) & maskBits(isFinite(z))
    }

    private init(front: SIMD8<UInt32>, finite: SIMD8<UInt32>, inv: V, x: V, y: V, z: V) {
        self.front = front; self.finite = finite; self.inv = inv; self.x = x; self.y = y; self.z = z
    }

    /// These vertices one lane up, lane 0 taken from lane 7 of `previous`: the starts of the
    /// segments that these vertices end, when `previous` held the 8 vertices before them.
    @inline(__always) func movedUp(after previous: StripVertices8) -> StripVertices8 {
        @inline(__always) func up(_ v: V, _ p: V) -> V { V(p[7], v[0], v[1], v[2], v[3], v[4], v[5], v[6]) }
        @inline(__always) func up(_ v: SIMD8<UInt32>, _ p: SIMD8<UInt32>) -> SIMD8<UInt32> {
            SIMD8(p[7], v[0], v[1], v[2], v[3], v[4], v[5], v[6])
        }
        return StripVertices8(front: up(front, previous.front), finite: up(finite, previous.finite), inv: up(inv, previous.inv),
                              x: up(x, previous.x), y: up(y, previous.y), z: up(z, previous.z))
    }
}
