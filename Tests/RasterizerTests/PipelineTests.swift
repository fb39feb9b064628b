import Testing
@testable import Rasterizer
import TestSupport

/// The frame pipeline's parts against simple references: the 8-pixel resolve, the binning of
/// records into tiles, the 8-wide point vertex stage.
@Suite struct PipelineTests {
    @Test func resolveMatchesThePerPixelAverage() {
        let buffers = TileBuffers()
        var rng = SplitMix64(seed: 11)
        let palette: [UInt32] = [0xFF00_0000, 0xFF10_20F0, 0x80FF_FFFF, 0xFF00_FF00, 0x0000_0000]
        for (w, h) in [(32, 32), (13, 7), (5, 32), (24, 1)] {
            // Pixel kinds: uniform, one odd sample, random samples.
            for i in 0..<tileSize * tileSize {
                let kind = rng.below(3)
                let base = palette[rng.below(palette.count)]
                for k in 0..<4 {
                    buffers.color[4 * i + k] = kind == 0 ? base
                        : kind == 1 ? (k == rng.below(4) ? palette[rng.below(palette.count)] : base)
                        : UInt32(truncatingIfNeeded: rng.next())
                }
            }
            let ctx = TileContext(buffers, x0: 3, y0: 2, w: w, h: h, tables: .shared)
            let rowBytes = 4 * 40
            var out = [UInt8](repeating: 0xAB, count: rowBytes * 40)
            out.withUnsafeMutableBytes { ctx.resolve(into: OutputTarget(base: $0.baseAddress!, rowBytes: rowBytes)) }
            var mismatches = 0, untouchedWrong = 0
            out.withUnsafeBytes { raw in
                for y in 0..<40 {
                    for x in 0..<40 {
                        let got = raw.load(fromByteOffset: y * rowBytes + 4 * x, as: UInt32.self)
                        guard (3..<3 + w).contains(x), (2..<2 + h).contains(y) else {
                            if got != 0xABAB_ABAB { untouchedWrong += 1 }
                            continue
                        }
                        let s = buffers.color + 4 * ((y - 2) * tileSize + (x - 3))
                        let want = s[0] == s[1] && s[0] == s[2] && s[0] == s[3]
                            ? s[0] : resolvePixel(at: s, .shared)
                        if got != want { mismatches += 1 }
                    }
                }
            }
            #expect(mismatches == 0, "tile \(w)×\(h)")
            #expect(untouchedWrong == 0, "tile \(w)×\(h) wrote outside its pixels")
        }
    }

    struct Tagged { var id: Int32 }

    /// How many tiles of `bins` (after `finish`) do not hold exactly the ids `expected[t]` in that order, or answer
    /// `touches` otherwise than their list's being non-empty.
    static func misbinnedTiles(_ bins: Bins<Tagged>, _ expected: [[Int32]], _ grid: TileGrid) -> Int {
        var wrong = 0
        for t in 0..<grid.count {
            var got: [Int32] = []
            bins.withRecords(tile: t) { recs in got.append(contentsOf: recs.map(\.id)) }
            if got != expected[t] { wrong += 1 }
            if bins.touches(tile: t) != !expected[t].isEmpty { wrong += 1 }
        }
        return wrong
    }

    @Test func binsKeepSubmissionOrderPerTileForEveryKindOfRecord() {
        let grid = TileGrid(width: 300, height: 200)   // 10 × 7 tiles, the last row and column partial
        var rng = SplitMix64(seed: 5)
        let bins = Bins<Tagged>()
        for round in 0..<2 {   // the second round reuses the storage
            bins.reset(capacity: 4)
            var expected = [[Int32]](repeating: [], count: grid.count)
            var id: Int32 = 0
            func note(_ r: TileRange) {
                for ty in Int(r.y0)...Int(r.y1) { for tx in Int(r.x0)...Int(r.x1) { expected[ty * grid.tilesX + tx].append(id) } }
            }
            func randomRange() -> TileRange {
                let kind = rng.below(10)
                let x0 = rng.below(grid.tilesX), y0 = rng.below(grid.tilesY)
                // One tile; 2 side by side, 2 stacked or 2 × 2 (keys with span bits); 3 × 2 or 3 × 3
                // (`multiRanges`); or many (large).
                let spans = [(0, 0), (0, 0), (0, 0), (0, 0), (1, 0), (0, 1), (1, 1), (1, 1), (2, 1 + rng.below(2)),
                             (grid.tilesX, grid.tilesX)]
                let (sx, sy) = spans[kind]
                return TileRange(x0: UInt16(x0), y0: UInt16(y0), x1: UInt16(min(x0 + sx, grid.tilesX - 1)),
                                 y1: UInt16(min(y0 + sy, grid.tilesY - 1)))
            }
            for _ in 0..<3000 + round * 500 {
                if rng.below(4) == 0 {
                    // A block of 8 staged at once; some skipped.
                    let slots = bins.stage(8), first = bins.count
                    for j in 0..<8 {
                        slots.records[j] = Tagged(id: id)
                        if rng.below(5) == 0 {
                            slots.keys[j] = Bins<Tagged>.skipKey
                        } else {
                            let r = randomRange()
                            slots.keys[j] = bins.key(r, record: slots.records[j], slot: first + j)
                            note(r)
                        }
                        id += 1
                    }
                    bins.commit(8)
                } else {
                    let r = randomRange()
                    bins.add(Tagged(id: id), r)
                    note(r)
                    id += 1
                }
            }
            bins.finish(grid)
            #expect(Self.misbinnedTiles(bins, expected, grid) == 0, "round \(round)")
            #expect(expected.contains { $0.count > 40 })   // the large records did reach tiles
        }
    }

    @Test func pointVertexStageGivesTheSamePictureEightWideAndScalar() throws {
        // Awkward points (NaN, infinities, behind the camera, near the frame edges, radii of every
        // sign and size), a count that leaves a tail, fewer colours than points.
        var rng = SplitMix64(seed: 21)
        var positions: [SIMD3<Float>] = []
        var radii: [Float] = []
        for i in 0..<4099 {
            var p = SIMD3<Float>(rng.unit() * 4 - 2, rng.unit() * 3 - 1.5, rng.unit() * 4 - 2)
            switch i % 97 {
            case 3: p.x = .nan
            case 5: p.y = .infinity
            case 7: p = [4, 3, 4]                  // at the camera
            case 11: p = [8, 6, 8]                 // behind it
            default: break
            }
            positions.append(p)
            let r: Float
            switch rng.below(12) {
            case 0: r = -rng.unit() * 6
            case 1: r = 0
            case 2: r = .nan
            case 3: r = 1e9
            case 4: r = -0.2
            default: r = rng.unit() * 0.02
            }
            radii.append(r)
        }
        radii[radii.count - 1] = 0.004   // the last point is an ordinary one (tail)
        let colors: [RGBA8] = (0..<3000).map { (i: Int) -> RGBA8 in
            let lo = UInt8(truncatingIfNeeded: i), hi = UInt8(truncatingIfNeeded: i >> 4)
            return RGBA8(lo, hi, 255 &- lo)
        }
        let camera = Camera.perspective(eye: [4, 3, 4], target: .zero, fovYDegrees: 60, near: 0.05, far: 20,
                                        width: 333, height: 211)
        for shape in [PointShape.disc, .square, .sphere] {
            for shading in [PointShading.flat, .gradient] {
                for (constant, rs) in [(false, radii), (true, [Float(0.003)])] {
                    var list = DrawList(background: RGBA8(5, 10, 20))
                    list.add(PointBatch(positions: positions, radii: rs, colors: colors, shape: shape, shading: shading))
                    let simd = try Renderer().render(list, camera: camera, options: RenderOptions(threads: 2, kernels: .simd))
                    let scalar = try Renderer().render(list, camera: camera, options: RenderOptions(threads: 1, kernels: .scalar))
                    #expect(simd == scalar, "\(shape), \(shading), constant radius \(constant)")
                    let bg = RGBA8(5, 10, 20).packed
                    let drawn = simd.withUnsafeBytes { raw in (0..<333 * 211).filter { raw.load(fromByteOffset: 4 * $0, as: UInt32.self) != bg }.count }
                    #expect(drawn > 2000, "\(shape), \(shading), constant radius \(constant)")
                }
            }
        }
    }

    @Test func anEmptyFrameIsTheBackground() throws {
        let bg = RGBA8(1, 2, 3, 200)
        for (w, h) in [(1, 1), (33, 65), (640, 480)] {
            let px = try Renderer().render(DrawList(background: bg), camera: .pixels(width: w, height: h),
                                           options: RenderOptions(threads: 2))
            let all = px.withUnsafeBytes { raw in (0..<w * h).allSatisfy { raw.load(fromByteOffset: 4 * $0, as: UInt32.self) == bg.packed } }
            #expect(all, "\(w)×\(h)")
        }
    }
}
