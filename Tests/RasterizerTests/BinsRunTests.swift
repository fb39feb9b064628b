import Testing
@testable import Rasterizer
import TestSupport

/// `Bins.finish` counts and copies runs of equal keys at once (the count and the cursor of a run held in
/// registers): runs of every kind of key, of lengths around the 8-key steps, broken by other keys, must
/// give each tile its records in submission order.
@Suite struct BinsRunTests {
    typealias Tagged = PipelineTests.Tagged

    @Test func runsOfEqualKeysKeepSubmissionOrderPerTile() {
        let grid = TileGrid(width: 300, height: 200)   // 10 × 7 tiles, the last row and column partial
        var rng = SplitMix64(seed: 77)
        let bins = Bins<Tagged>()
        for round in 0..<3 {   // the later rounds reuse the storage
            bins.reset(capacity: 4)
            var expected = [[Int32]](repeating: [], count: grid.count)
            var id: Int32 = 0
            for _ in 0..<400 {
                // A run: one tile (most often, as points in drawing order), 2 side by side, 2 stacked,
                // 2 × 2 (span bits), 3 × 2 (`multiRanges`: every record its own key) or skipped.
                let kind = rng.below(8)
                let x0 = rng.below(grid.tilesX), y0 = rng.below(grid.tilesY)
                let spans = [(0, 0), (0, 0), (0, 0), (1, 0), (0, 1), (1, 1), (2, 1), (0, 0)][kind]
                let range = TileRange(x0: UInt16(x0), y0: UInt16(y0), x1: UInt16(min(x0 + spans.0, grid.tilesX - 1)),
                                      y1: UInt16(min(y0 + spans.1, grid.tilesY - 1)))
                let skipped = kind == 7
                let length = [1, 2, 7, 8, 9, 16, 17, 40][rng.below(8)]
                // Staged one at a time, or 8 at a time (as the 8-wide vertex stages do).
                let step = rng.below(3) == 0 ? 8 : 1
                for _ in 0..<(length + step - 1) / step {
                    let slots = bins.stage(step), first = bins.count
                    for j in 0..<step {
                        slots.records[j] = Tagged(id: id)
                        slots.keys[j] = skipped ? Bins<Tagged>.skipKey : bins.key(range, record: slots.records[j], slot: first + j)
                        if !skipped {
                            for ty in Int(range.y0)...Int(range.y1) {
                                for tx in Int(range.x0)...Int(range.x1) { expected[ty * grid.tilesX + tx].append(id) }
                            }
                        }
                        id += 1
                    }
                    bins.commit(step)
                }
            }
            bins.finish(grid)
            #expect(PipelineTests.misbinnedTiles(bins, expected, grid) == 0, "round \(round)")
            #expect(expected.contains { $0.count > 60 })
        }
    }
}
