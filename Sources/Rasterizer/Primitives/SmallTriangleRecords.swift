/// Small triangles as the SIMD kernels' tiles read them, for batched draws (opaque, untextured,
/// not one colour: `TriangleDraw.compactSmall`).
///
/// A dense mesh sends hundreds of thousands of triangles of about one pixel to the tiles. Reading
/// each one's vertices and attributes through its indices in the tile stage missed the cache on
/// most of them (tiles visit the mesh out of its order). Binning has them at hand, in submission
/// order. A kept triangle covering one or two samples (nearly all of them in a dense mesh) is binned
/// as one sample record per sample (`compactSampleFlag`: the sample's depth, its pixel's word and
/// its place in the tile, in the 16-byte `TriRecord` itself, `writeSamples`). For the others it
/// writes a `SmallTri` to the draw's `VertexStorage.small` (block, mask, depth plane, and the packed
/// word of each covered pixel) and bins a `TriRecord` naming its slot (`compactSmallFlag`). Words
/// are shaded eight pixels at a time by `WordBatch`. A tile then only depth-tests the samples and
/// writes the words.
///
/// Same pixels as the scalar kernels (which keep the index records): a pixel's word does not
/// depend on the depth test, and every value below is the one the tile computes. Every coordinate
/// difference used (`Float(row) − fy0` here, `Float(py) − g.fy0` in a tile, with `py` the tile row)
/// is a multiple of 1/16 far below 2²⁴, so it is exact and the same number whatever the origin;
/// a sample offset added to it is the same real sum as in a 2-pixel span (`(d + 1) + 0.375 ==
/// d + 1.375`), hence the same float; the depth plane and the shading then run the same operations
/// in the same order.
struct SmallTri {
    /// The block's first pixel in the frame (`SmallTriangle.blockX`, `blockY`).
    var bx: Int16, by: Int16
    /// Covered samples of the block, bit `8 · row + lane` (`TriRecord.smallMask`).
    var mask: UInt16
    /// Vertex 0 relative to the block's corner, in 1/16 pixels (a small triangle's vertices lie
    /// within −1 … 33 units of its block's corner).
    var x0: Int8, y0: Int8
    /// The depth plane (`DepthPlane`).
    var z0: Float, dzdx: Float, dzdy: Float
    /// The packed word of block pixel `k` (`k = 2 · row + column`), set where the pixel is covered.
    var w0: UInt32 = 0, w1: UInt32 = 0, w2: UInt32 = 0, w3: UInt32 = 0

    /// Byte offset of `w0` (the words are read by pixel number).
    static var wordsOffset: Int { 20 }
}

/// Set in `TriRecord.smallMask` (above the 16 coverage bits) when `i0` is a `SmallTri` slot.
let compactSmallFlag: UInt32 = 0x8000_0000

/// `TriRecord.smallMask` of a sample record: a sample of a small triangle of a batched draw that
/// covers one or two samples (most kept triangles of a dense mesh), binned whole with no
/// `SmallTri`: `i0` is the sample's depth (`Float` bits, the value the `SmallTri` path computes for
/// that sample), `i1` its pixel's packed word (stored by `WordBatch` into the staged record, see
/// `writeSamples`), `i2` the sample's index in its tile's buffers. Binned to the one tile holding
/// the sample.
let compactSampleFlag: UInt32 = 0x4000_0000

extension TriangleDraw {
    /// Writes the `SmallTri` of the positive-area triangle (`i0`, `i1`, `i2`) with block (`bx`,
    /// `by`), coverage `mask` and `1 / det` `invDet` (`TriangleDraw.laneInverseDet`) to `to`, and
    /// queues its covered pixels' shading in `batch`.
    @inline(__always)
    func writeSmall(_ i0: UInt32, _ i1: UInt32, _ i2: UInt32, bx: Int32, by: Int32, mask: UInt32, invDet: Float,
                    _ vs: UnsafePointer<ScreenVertex>, to: UnsafeMutablePointer<SmallTri>, _ batch: inout WordBatch) {
        let v0 = vs[Int(i0)], v1 = vs[Int(i1)], v2 = vs[Int(i2)]
        let ox = bx &<< 4, oy = by &<< 4
        let g = TriangleGeometry(v0, v1, v2, ox: ox, oy: oy, invDet: invDet)
        let dz = DepthPlane(g, v0, v1, v2)
        to.initialize(to: SmallTri(bx: Int16(truncatingIfNeeded: bx), by: Int16(truncatingIfNeeded: by),
                                   mask: UInt16(truncatingIfNeeded: mask),
                                   x0: Int8(truncatingIfNeeded: v0.x &- ox), y0: Int8(truncatingIfNeeded: v0.y &- oy),
                                   z0: dz.z0, dzdx: dz.dzdx, dzdy: dz.dzdy))
        // `weightedAttributes`, then `interpolationTerms` at each covered pixel's centre.
        let a = storage.attributes
        let q0 = v0.invW, q1 = v1.invW, q2 = v2.invW
        let p0 = a[Int(i0)] * SIMD8(repeating: q0), p1 = a[Int(i1)] * SIMD8(repeating: q1)
        let p2 = a[Int(i2)] * SIMD8(repeating: q2)
        let words = UnsafeMutableRawPointer(to) + SmallTri.wordsOffset
        let light = self.light, tables = frame.tables
        for k in 0..<4 where (mask >> UInt32(8 * (k >> 1) + 4 * (k & 1))) & 0xF != 0 {
            let (s, d) = PixelShader.interpolationTerms(g, p0, p1, p2, q0, q1, q2,
                                                        Float(k & 1) + 0.5, Float(k >> 1) + 0.5)
            batch.push(s, d, into: words + 4 * k, also: words + 4 * k, light, tables)
        }
    }

    /// Writes the sample records (`compactSampleFlag`) of the positive-area triangle (`i0`, `i1`,
    /// `i2`) with block (`bx`, `by`) and `1 / det` `invDet` (`TriangleDraw.laneInverseDet`) whose
    /// coverage `mask` has one or two bits to `recs`, their keys to `keys`, and queues the shading
    /// of their pixels in `batch` (one pixel's word lands in the `i1` of the records in it: `recs`
    /// must not move until the batch is flushed). Returns how many records it wrote: samples whose
    /// pixel is outside the frame get none. A record's depth is `compactSmallTriangle`'s for its
    /// sample: the same operations in the same order.
    @inline(__always)
    func writeSamples(_ i0: UInt32, _ i1: UInt32, _ i2: UInt32, bx: Int32, by: Int32, mask: UInt32, invDet: Float,
                      _ vs: UnsafePointer<ScreenVertex>, _ grid: TileGrid, to recs: UnsafeMutablePointer<TriRecord>,
                      keys: UnsafeMutablePointer<UInt32>, _ batch: inout WordBatch) -> Int {
        // Covered samples in the frame (at most two): without the columns (bits 0x0F0F, 0xF0F0)
        // and rows (0x00FF, 0xFF00) of the block outside it.
        let px0 = Int(bx), py0 = Int(by)
        @inline(__always) func outside(_ p: Int, _ n: Int) -> Bool { p < 0 || p >= n }
        let cut = (outside(px0, grid.width) ? 0x0F0F : 0) | (outside(px0 + 1, grid.width) ? 0xF0F0 : 0)
            | (outside(py0, grid.height) ? 0x00FF : 0) | (outside(py0 + 1, grid.height) ? 0xFF00 : 0) as UInt32
        let covered = mask & ~cut
        if covered == 0 { return 0 }
        let rest = covered & (covered &- 1)
        let n = rest == 0 ? 1 : 2
        let first = UInt32(truncatingIfNeeded: covered.trailingZeroBitCount)
        let second = UInt32(truncatingIfNeeded: rest.trailingZeroBitCount) & 15
        let v0 = vs[Int(i0)], v1 = vs[Int(i1)], v2 = vs[Int(i2)]
        let g = TriangleGeometry(v0, v1, v2, ox: bx &<< 4, oy: by &<< 4, invDet: invDet)
        let dz = DepthPlane(g, v0, v1, v2)
        // The records first: a push may shade at once and store the word.
        @inline(__always) func record(_ k: Int, _ bit: UInt32) {
            let row = Int(bit >> 3), col = Int((bit >> 2) & 1), sample = Int(bit & 3)
            let px = px0 + col, py = py0 + row
            let z = (dz.z0 + dz.dzdy * ((Float(row) - g.fy0) + SamplePattern.laneY[sample]))
                + dz.dzdx * ((Float(col) - g.fx0) + SamplePattern.laneX[sample])
            let at = ((((py & (tileSize - 1)) << tileShift) + (px & (tileSize - 1))) << 2) + sample
            recs[k] = TriRecord(i0: z.bitPattern, i1: 0, i2: UInt32(truncatingIfNeeded: at), smallMask: compactSampleFlag)
            keys[k] = Bins<TriRecord>.tileKey(UInt32(truncatingIfNeeded: px >> tileShift),
                                              UInt32(truncatingIfNeeded: py >> tileShift))
        }
        record(0, first)
        if n == 2 { record(1, second) }
        let a = storage.attributes
        let q0 = v0.invW, q1 = v1.invW, q2 = v2.invW
        let p0 = a[Int(i0)] * SIMD8(repeating: q0), p1 = a[Int(i1)] * SIMD8(repeating: q1)
        let p2 = a[Int(i2)] * SIMD8(repeating: q2)
        let word0 = UnsafeMutableRawPointer(recs) + TriRecord.wordOffset
        let word1 = UnsafeMutableRawPointer(recs + (n - 1)) + TriRecord.wordOffset
        // Pixel (bit 2: column, bit 3: row) of each record: one shading when there is one pixel.
        let samePixel = n == 1 || (first ^ second) & 0xC == 0
        let (s, d) = PixelShader.interpolationTerms(g, p0, p1, p2, q0, q1, q2, Float((first >> 2) & 1) + 0.5,
                                                    Float(first >> 3) + 0.5)
        batch.push(s, d, into: word0, also: samePixel ? word1 : word0, light, frame.tables)
        if !samePixel {
            let (s, d) = PixelShader.interpolationTerms(g, p0, p1, p2, q0, q1, q2, Float((second >> 2) & 1) + 0.5,
                                                        Float(second >> 3) + 0.5)
            batch.push(s, d, into: word1, also: word1, light, frame.tables)
        }
        return n
    }

    /// A sample record (`writeSamples`) in a batched draw's tile: the sample is depth-tested (and
    /// written) and gets the word when it passes, as `compactSmallTriangle` does for one lane.
    @inline(__always)
    func compactSample(_ rec: TriRecord, _ ctx: TileContext) {
        let at = Int(rec.i2)
        let z = Float(bitPattern: rec.i0)
        if depthTest && !(z < ctx.depth[at]) { return }
        if depthWrite { ctx.depth[at] = z }
        ctx.color[at] = rec.i1
    }

    /// The small triangle in slot `rec.i0` of `smalls`, in a batched draw's tile: per pixel of its
    /// block inside the tile, the covered samples are depth-tested (and written) and the passing
    /// ones get the pixel's word. `lx`, `ly`: the sample offsets in a pixel (`SamplePattern.laneX`,
    /// `laneY`, first 4 lanes).
    @inline(__always)
    func compactSmallTriangle(_ rec: TriRecord, _ smalls: UnsafePointer<SmallTri>, _ ctx: TileContext,
                              _ lx: SIMD4<Float>, _ ly: SIMD4<Float>) {
        let tri = smalls + Int(rec.i0)
        let s = tri.pointee
        let bx = Int(s.bx) - ctx.x0, by = Int(s.by) - ctx.y0
        let mask = UInt32(s.mask)
        // (Float(Int(_)): the concrete conversion, as `TriangleGeometry`.)
        let fx0 = Float(Int(s.x0)) * 0.0625, fy0 = Float(Int(s.y0)) * 0.0625
        let z0 = SIMD4<Float>(repeating: s.z0), dzdx = SIMD4<Float>(repeating: s.dzdx)
        let dzdy = SIMD4<Float>(repeating: s.dzdy)
        let words = UnsafeRawPointer(tri) + SmallTri.wordsOffset
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
                // Written whether any lane passes or not (no branch on the depth test's outcome).
                var m = SIMD4<Int32>() &- ((SIMD4<Int32>(repeating: Int32(bitPattern: bits)) &>> shifts) & 1)
                if depthTest { m &= unsafeBitCast(z .< old, to: SIMD4<Int32>.self) }
                if depthWrite {
                    let ob = unsafeBitCast(old, to: SIMD4<Int32>.self), zb = unsafeBitCast(z, to: SIMD4<Int32>.self)
                    dp.storeBytes(of: (ob & ~m) | (zb & m), as: SIMD4<Int32>.self)
                }
                let word = SIMD4<Int32>(repeating: words.load(fromByteOffset: 8 * row + 4 * col, as: Int32.self))
                let cp = UnsafeMutableRawPointer(ctx.color + at)
                let oc = cp.load(as: SIMD4<Int32>.self)
                cp.storeBytes(of: (oc & ~m) | (word & m), as: SIMD4<Int32>.self)
            }
        }
    }
}
