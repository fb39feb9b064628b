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

/// The larger of `a` and `b` lane by lane, `b` where `a` is NaN (a bit select: `pointwiseMax` was a call).
@inline(__always) func farther(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> { select(maskBits(a .> b), a, b) }

extension TileContext {
    /// Every block's farthest depth := 1 (the depth clear value).
    @inline(__always) func resetCoarseDepth() {
        let one = SIMD8<Float>(repeating: 1)
        let p = UnsafeMutableRawPointer(coarse)
        for i in stride(from: 0, to: CoarseDepth.count * 4, by: 32) { p.storeBytes(of: one, toByteOffset: i, as: SIMD8<Float>.self) }
    }

    /// Recomputes every block's farthest depth from the tile's depth samples (all of the tile's
    /// 32 × 32 pixels: those outside `w × h` keep the clear value 1, so edge blocks never hide).
    /// The maximum with 0 as its start (an upper bound of depths below 0 too), NaN samples left
    /// out (no depth is less than NaN, so nothing changes them). A block row's 8 maxima are
    /// reduced together, as lanes, and stored as one vector (the generic `pointwiseMax` and
    /// `max()` were calls, 14 % of points_10m's time with a refresh per 512 records).
    func refreshCoarseDepth() {
        typealias V = SIMD8<Float>
        let rowBytes = tileSize * samplesPerPixel * 4   // 512: one pixel row's samples
        let side = 1 << CoarseDepth.blockShift
        for by in 0..<CoarseDepth.blocksPerRow {
            let top = UnsafeRawPointer(depth) + by * side * rowBytes
            // Each block's 4 × 4 pixels' samples folded into one vector (a block row's pixel row is 2 vectors).
            @inline(__always) func block(_ bx: Int) -> V {
                var m = V()
                for r in 0..<side {
                    let at = r * rowBytes + bx * 64
                    m = farther(farther(top.loadUnaligned(fromByteOffset: at, as: V.self), top.loadUnaligned(fromByteOffset: at + 32, as: V.self)), m)
                }
                return m
            }
            // Pairs of blocks' halves, then lanes of one 16-lane vector's even and odd lanes, thrice.
            @inline(__always) func halves(_ a: V, _ c: V) -> V {
                farther(V(lowHalf: a.lowHalf, highHalf: c.lowHalf), V(lowHalf: a.highHalf, highHalf: c.highHalf))
            }
            @inline(__always) func pairs(_ a: V, _ c: V) -> V {
                let x = SIMD16(lowHalf: a, highHalf: c)
                return farther(x.evenHalf, x.oddHalf)
            }
            let q01 = halves(block(0), block(1)), q23 = halves(block(2), block(3))
            let q45 = halves(block(4), block(5)), q67 = halves(block(6), block(7))
            let m = pairs(pairs(q01, q23), pairs(q45, q67))
            UnsafeMutableRawPointer(coarse + by * CoarseDepth.blocksPerRow).storeBytes(of: m, as: V.self)
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
