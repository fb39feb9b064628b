/// Small triangles as the SIMD kernels' tiles read them, for batched draws (opaque, untextured,
/// not one colour: `TriangleDraw.compactSmall`).
///
/// A dense mesh sends hundreds of thousands of triangles of about one pixel to the tiles. Reading
/// each one's three vertices through its indices in the tile stage missed the cache on most of
/// them (a third of the tile work). Binning has those vertices at hand, in submission order: for
/// each small triangle it keeps, it writes a `SmallTri` to the draw's `VertexStorage.small` and
/// bins a `TriRecord` that names its slot (`compactSmallFlag`). A tile then reads its small
/// triangles in increasing slot order, and the vertex attributes only for pixels that pass the
/// depth test, eight pixels at a time when the shade batch is flushed (`ShadeBatch.pushDeferred`).
///
/// Depth is tested per pixel: 4 samples, one aligned 16-byte vector. The values are bit for bit
/// those of `smallDepth`'s 2-pixel spans and of the scalar kernels: every coordinate difference
/// below (`Float(row) − fy0` here, `Float(py) − g.fy0` there, with `py` the tile row) is a multiple
/// of 1/16 far below 2²⁴, so it is exact and the same number whatever the origin, and a sample
/// offset added to it is the same real sum (`(d + 1) + 0.375 == d + 1.375`), hence the same float.
/// The depth plane and the interpolation then run the same operations in the same order.
struct SmallTri {
    /// The block's first pixel in the frame (`SmallTriangle.blockX`, `blockY`).
    var bx: Int16, by: Int16
    /// Covered samples of the block, bit `8 · row + lane` (`TriRecord.smallMask`).
    var mask: UInt16
    /// Vertex 0 relative to the block's corner, vertices 1 and 2 relative to vertex 0, in 1/16
    /// pixels (a small triangle's vertices lie within −1 … 33 units of its block's corner).
    var x0: Int8, y0: Int8, x10: Int8, y10: Int8, x20: Int8, y20: Int8
    /// The depth plane (`DepthPlane`).
    var z0: Float, dzdx: Float, dzdy: Float
    /// The vertices' 1/w and indices (for the attributes), in the triangle's oriented order.
    var q0: Float, q1: Float, q2: Float
    var i0: UInt32, i1: UInt32, i2: UInt32

    /// The record of the positive-area triangle (`v0`, `v1`, `v2`) with block (`bx`, `by`) and
    /// coverage `mask`.
    @inline(__always)
    init(_ v0: ScreenVertex, _ v1: ScreenVertex, _ v2: ScreenVertex, _ i0: UInt32, _ i1: UInt32, _ i2: UInt32,
         bx: Int32, by: Int32, mask: UInt32) {
        let ox = bx &<< 4, oy = by &<< 4
        let dz = DepthPlane(TriangleGeometry(v0, v1, v2, ox: ox, oy: oy), v0, v1, v2)
        self.bx = Int16(truncatingIfNeeded: bx); self.by = Int16(truncatingIfNeeded: by)
        self.mask = UInt16(truncatingIfNeeded: mask)
        x0 = Int8(truncatingIfNeeded: v0.x &- ox); y0 = Int8(truncatingIfNeeded: v0.y &- oy)
        x10 = Int8(truncatingIfNeeded: v1.x &- v0.x); y10 = Int8(truncatingIfNeeded: v1.y &- v0.y)
        x20 = Int8(truncatingIfNeeded: v2.x &- v0.x); y20 = Int8(truncatingIfNeeded: v2.y &- v0.y)
        z0 = dz.z0; dzdx = dz.dzdx; dzdy = dz.dzdy
        q0 = v0.invW; q1 = v1.invW; q2 = v2.invW
        self.i0 = i0; self.i1 = i1; self.i2 = i2
    }
}

/// Set in `TriRecord.smallMask` (above the 16 coverage bits) when `i0` is a `SmallTri` slot.
let compactSmallFlag: UInt32 = 0x8000_0000

extension TriangleDraw {
    /// The small triangle in slot `rec.i0` of `smalls`, in a batched draw's tile: per pixel of its
    /// block inside the tile, the covered samples are depth-tested (and written), and a pixel with
    /// passing samples is queued with its interpolation weights. `lx`, `ly`: the sample offsets
    /// in a pixel (`SamplePattern.laneX`, `laneY`, first 4 lanes).
    @inline(__always)
    func compactSmallTriangle(_ rec: TriRecord, _ smalls: UnsafePointer<SmallTri>, _ ctx: TileContext,
                              _ lx: SIMD4<Float>, _ ly: SIMD4<Float>, _ batch: inout ShadeBatch) {
        let tri = smalls + Int(rec.i0)
        let s = tri.pointee
        let bx = Int(s.bx) - ctx.x0, by = Int(s.by) - ctx.y0
        let mask = UInt32(s.mask)
        // (Float(Int(_)): the concrete conversion, as `TriangleGeometry`.)
        let fx0 = Float(Int(s.x0)) * 0.0625, fy0 = Float(Int(s.y0)) * 0.0625
        let z0 = SIMD4<Float>(repeating: s.z0), dzdx = SIMD4<Float>(repeating: s.dzdx)
        let dzdy = SIMD4<Float>(repeating: s.dzdy)
        let shifts = SIMD4<Int32>(0, 1, 2, 3)
        for row in 0..<2 {
            let rowBits = (mask >> (8 * UInt32(row))) & 0xFF
            let py = by + row
            if rowBits == 0 || py < 0 || py >= ctx.h { continue }
            let zr = z0 + dzdy * (SIMD4<Float>(repeating: Float(row) - fy0) + ly)
            for col in 0..<2 {
                let bits = (rowBits >> (4 * UInt32(col))) & 0xF
                let px = bx + col
                if bits == 0 || px < 0 || px >= ctx.w { continue }
                let z = zr + dzdx * (SIMD4<Float>(repeating: Float(col) - fx0) + lx)
                let at = ((py << tileShift) + px) << 2
                let dp = UnsafeMutableRawPointer(ctx.depth + at)
                let old = dp.load(as: SIMD4<Float>.self)
                // All ones in the covered lanes that pass (integer operations, see `ShadeBatch`).
                var m = SIMD4<Int32>() &- ((SIMD4<Int32>(repeating: Int32(bitPattern: bits)) &>> shifts) & 1)
                if depthTest { m &= unsafeBitCast(z .< old, to: SIMD4<Int32>.self) }
                let halves = unsafeBitCast(m, to: SIMD2<UInt64>.self)
                if halves[0] | halves[1] == 0 { continue }
                if depthWrite {
                    let ob = unsafeBitCast(old, to: SIMD4<Int32>.self), zb = unsafeBitCast(z, to: SIMD4<Int32>.self)
                    dp.storeBytes(of: (ob & ~m) | (zb & m), as: SIMD4<Int32>.self)
                }
                // `PixelShader.interpolationTerms`' weights at the pixel centre (exact differences).
                let dx = (Float(col) + 0.5) - fx0, dy = (Float(row) + 0.5) - fy0
                let x10 = Float(Int(s.x10)) * 0.0625, y10 = Float(Int(s.y10)) * 0.0625
                let x20 = Float(Int(s.x20)) * 0.0625, y20 = Float(Int(s.y20)) * 0.0625
                let det = x10 * y20 - x20 * y10
                let e1 = dx * y20 - dy * x20
                let e2 = dy * x10 - dx * y10
                let e0 = det - e1 - e2
                batch.pushDeferred(tri, e0, e1, e2, at: at, covered: unsafeBitCast(m, to: SIMD4<UInt32>.self), light, ctx)
            }
        }
    }
}
