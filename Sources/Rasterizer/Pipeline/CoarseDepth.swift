/// The farthest depth of each 4×4-pixel block of a tile (8 × 8 blocks), so that an opaque,
/// depth-tested primitive lying behind every sample of the blocks it can touch is skipped before
/// its kernel runs.
///
/// Invariant: each entry is ≥ every depth sample of its block. `resetCoarseDepth` (called by the
/// depth clear) sets the entries to the clear value 1; `refreshCoarseDepth` lowers them to the
/// blocks' true maxima. Between refreshes the entries may be stale (too far), never too near:
/// every kernel writes depth only where its sample passes the "less" test (`z < old`, so a depth
/// sample never grows), and no draw writes depth without that test (`drawOrdering`).
///
/// A primitive whose every sample's depth is ≥ `coarseFarthest` of its pixel box fails every
/// depth test there: skipping it leaves the same samples. Callers must compare a lower bound of
/// the depths their kernel can compute (the same float expressions, not an idealised minimum), and
/// a NaN bound must not skip (compare with `>=`, which is false for NaN).
enum CoarseDepth {
    /// log2 of the block side in pixels.
    static let blockShift = 2
    /// Blocks per tile row (and column).
    static let blocksPerRow = tileSize >> blockShift
    /// Entries per tile.
    static let count = blocksPerRow * blocksPerRow
}

extension TileContext {
    /// Every block's farthest depth := 1 (the depth clear value).
    @inline(__always) func resetCoarseDepth() {
        let one = SIMD8<Float>(repeating: 1)
        let p = UnsafeMutableRawPointer(coarse)
        for i in stride(from: 0, to: CoarseDepth.count * 4, by: 32) { p.storeBytes(of: one, toByteOffset: i, as: SIMD8<Float>.self) }
    }

    /// Recomputes every block's farthest depth from the tile's depth samples (all of the tile's
    /// 32 × 32 pixels: those outside `w × h` keep the clear value 1, so edge blocks never hide).
    func refreshCoarseDepth() {
        let rowFloats = tileSize * samplesPerPixel                  // 128: one pixel row's samples
        let blockFloats = samplesPerPixel << CoarseDepth.blockShift  // 16: one block row's samples in a pixel row
        for by in 0..<CoarseDepth.blocksPerRow {
            let top = UnsafeRawPointer(depth + (by << CoarseDepth.blockShift) * rowFloats)
            for bx in 0..<CoarseDepth.blocksPerRow {
                var m = SIMD8<Float>(repeating: 0)
                for r in 0..<(1 << CoarseDepth.blockShift) {
                    let at = (r * rowFloats + bx * blockFloats) * 4
                    m = pointwiseMax(m, pointwiseMax(top.load(fromByteOffset: at, as: SIMD8<Float>.self),
                                                     top.load(fromByteOffset: at + 32, as: SIMD8<Float>.self)))
                }
                coarse[by * CoarseDepth.blocksPerRow + bx] = m.max()
            }
        }
    }

    /// The farthest depth over the blocks that hold the tile-relative pixel box [px0, px1] ×
    /// [py0, py1] (inclusive, inside the tile, px0 ≤ px1, py0 ≤ py1): every depth sample of those
    /// pixels is ≤ it.
    @inline(__always) func coarseFarthest(px0: Int, py0: Int, px1: Int, py1: Int) -> Float {
        let s = CoarseDepth.blockShift
        var m: Float = 0
        for by in (py0 >> s)...(py1 >> s) {
            let row = coarse + by * CoarseDepth.blocksPerRow
            for bx in (px0 >> s)...(px1 >> s) { m = max(m, row[bx]) }
        }
        return m
    }
}
