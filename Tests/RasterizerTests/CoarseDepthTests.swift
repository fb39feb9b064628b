import Testing
@testable import Rasterizer
import TestSupport

/// The blocks' farthest depths: exact maxima after a refresh, an upper bound for any pixel box,
/// and the clear value after a depth clear.
@Suite struct CoarseDepthTests {
    /// Depth samples with random values, runs of the clear value and NaN-free extremes.
    func randomDepths(_ b: TileBuffers, _ rng: inout SplitMix64) {
        for i in 0..<tileSize * tileSize * samplesPerPixel {
            switch rng.below(8) {
            case 0: b.depth[i] = 1
            case 1: b.depth[i] = 0
            default: b.depth[i] = Float(rng.below(1 << 20)) / Float(1 << 20)
            }
        }
    }

    func sample(_ b: TileBuffers, x: Int, y: Int, k: Int) -> Float { b.depth[4 * (y * tileSize + x) + k] }

    @Test func refreshGivesEachBlocksMaximum() {
        var rng = SplitMix64(seed: 11)
        let b = TileBuffers()
        let ctx = TileContext(b, x0: 0, y0: 0, w: tileSize, h: tileSize, tables: .shared)
        for _ in 0..<4 {
            randomDepths(b, &rng)
            // Some blocks entirely near, so that their maximum is below 1.
            for y in 8..<16 { for x in 0..<12 { for k in 0..<4 { b.depth[4 * (y * tileSize + x) + k] = 0.25 + Float(x + k) / 64 } } }
            ctx.refreshCoarseDepth()
            let side = 1 << CoarseDepth.blockShift
            for by in 0..<CoarseDepth.blocksPerRow {
                for bx in 0..<CoarseDepth.blocksPerRow {
                    var m: Float = 0
                    for y in by * side..<(by + 1) * side {
                        for x in bx * side..<(bx + 1) * side { for k in 0..<4 { m = max(m, sample(b, x: x, y: y, k: k)) } }
                    }
                    #expect(b.coarse[by * CoarseDepth.blocksPerRow + bx] == m, "block \(bx),\(by)")
                }
            }
        }
    }

    @Test func farthestBoundsEverySampleOfAnyBox() {
        var rng = SplitMix64(seed: 12)
        let b = TileBuffers()
        let ctx = TileContext(b, x0: 0, y0: 0, w: tileSize, h: tileSize, tables: .shared)
        randomDepths(b, &rng)
        for y in 0..<20 { for x in 4..<30 { for k in 0..<4 { b.depth[4 * (y * tileSize + x) + k] = Float(x * y) / 1024 } } }
        ctx.refreshCoarseDepth()
        var tight = 0
        for _ in 0..<2000 {
            let x0 = rng.below(tileSize), y0 = rng.below(tileSize)
            let x1 = min(tileSize - 1, x0 + rng.below(6)), y1 = min(tileSize - 1, y0 + rng.below(6))
            let f = ctx.coarseFarthest(px0: x0, py0: y0, px1: x1, py1: y1)
            var m: Float = 0
            for y in y0...y1 { for x in x0...x1 { for k in 0..<4 { m = max(m, sample(b, x: x, y: y, k: k)) } } }
            #expect(f >= m)
            if f < 1 { tight += 1 }
        }
        #expect(tight > 100, "the near region must give bounds below the clear value")
    }

    @Test func depthClearResetsTheBlocks() {
        let b = TileBuffers()
        let ctx = TileContext(b, x0: 0, y0: 0, w: tileSize, h: tileSize, tables: .shared)
        for i in 0..<tileSize * tileSize * samplesPerPixel { b.depth[i] = 0.5 }
        ctx.refreshCoarseDepth()
        #expect(ctx.coarseFarthest(px0: 0, py0: 0, px1: tileSize - 1, py1: tileSize - 1) == 0.5)
        ctx.clearDepth()
        for i in 0..<CoarseDepth.count { #expect(b.coarse[i] == 1) }
        ctx.clear(background: 0)
        ctx.refreshCoarseDepth()
        #expect(ctx.coarseFarthest(px0: 3, py0: 3, px1: 9, py1: 4) == 1)
    }
}
