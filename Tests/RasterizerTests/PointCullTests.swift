import Testing
@testable import Rasterizer
import TestSupport

/// Hierarchical depth culling of opaque points (`OpaquePointsTile`, `blockSetups` with `farthest`):
/// a record is skipped only when its nearest depth is at or beyond every sample of its block, tiles
/// whose tests cull little rest from testing, and dense clouds, where most records are skipped,
/// draw what the unculled scalar kernels draw.
@Suite struct PointCullTests {
    /// A draw whose records carry their own radii (`PointRecord`s), for calling `blockSetups`.
    static func draw(_ shape: PointShape) -> PointDraw {
        let frame = FrameSetup(grid: TileGrid(width: 64, height: 64), camera: .pixels(width: 64, height: 64),
                               pixelCamera: .pixels(width: 64, height: 64), pixelsPerPoint: 1, tables: .shared, kernels: .simd)
        let batch = PointBatch(positions: [[1, 2, 0], [3, 4, 0]], radii: [-1, -2], shape: shape, shading: .flat,
                               minRadiusPixels: 0, space: .pixels)
        return PointDraw(batch, frame: frame, pool: BinsPool(), flatPool: BinsPool())
    }

    /// `drawn` of `blockSetups` for 8 records in tile (0, 0), unculled and culled by `state`.
    static func drawn<S: ShapeConstant>(_ d: PointDraw, _ recs: [PointRecord], _ state: OpaquePointsTile, _: S.Type)
        -> (all: UInt32, culled: UInt32) {
        recs.withUnsafeBufferPointer { r in
            let lanes = UnsafeMutableRawPointer.allocate(byteCount: BlockSetupLanes.bytes, alignment: 32)
            defer { lanes.deallocate() }
            let all = d.blockSetups(r.baseAddress!, 0, 0, into: lanes, S.self, cull: nil).drawn
            let culled = d.blockSetups(r.baseAddress!, 0, 0, into: lanes, S.self, cull: UnsafePointer(state.farthest)).drawn
            return (all, culled)
        }
    }

    @Test func recordsAreHiddenOnlyBehindEverySampleOfTheirBlock() {
        let b = TileBuffers()
        let ctx = TileContext(b, x0: 0, y0: 0, w: tileSize, h: tileSize, tables: .shared)
        ctx.clear(background: 0)
        // Pixels left of x = 16 at depth 0.5, the others cleared (1).
        for y in 0..<tileSize { for x in 0..<16 { for k in 0..<4 { b.depth[4 * (y * tileSize + x) + k] = 0.5 } } }
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: OpaquePointsTile.scratchBytes, alignment: 32)
        defer { scratch.deallocate() }
        var state = OpaquePointsTile(scratch: scratch)
        state.refresh(ctx)
        #expect(state.culling)
        func rec(_ x: Float, _ z: Float, dz: Float = 0, r: Float = 1.3) -> PointRecord {
            PointRecord(x: x, y: 6.3, z: z, r: r, dz: dz, color: 0)
        }
        // Behind, at, in front of the samples; NaN; over the edge into the far pixels; behind but
        // not below `radius6` (drawn by the large-point path, never in `drawn`); a 2 × 2 block
        // behind; a 6 × 6 block behind but over 3 coarse blocks across (not tested).
        let discs = [rec(6.3, 0.6), rec(6.3, 0.5), rec(6.3, 0.4), rec(6.3, .nan), rec(14.6, 0.6), rec(6.3, 0.9, r: 3),
                     rec(3.1, 0.7, r: 0.4), rec(9.8, 0.75, r: 2.3)]
        let d = Self.draw(.disc)
        let (all, culled) = Self.drawn(d, discs, state, DiscShape.self)
        #expect(all == 0b1101_1111)
        #expect(culled == 0b1001_1100, "hidden: behind or at the block's farthest depth, never NaN or partly over far samples")
        // Spheres: the nearest depth is z − dz (the front of the cap), so a centre behind the
        // samples with its front in front of them is drawn.
        let spheres = [rec(6.3, 0.6, dz: 0.2), rec(6.3, 0.6, dz: 0.05), rec(6.3, 0.5, dz: 0), rec(6.3, 0.52, dz: 0.03),
                       rec(6.3, 0.56, dz: 0.05), rec(6.3, 0.7, dz: 0.1), rec(14.6, 0.9, dz: 0.1), rec(6.3, 0.45, dz: 0)]
        let (sAll, sCulled) = Self.drawn(Self.draw(.sphere), spheres, state, SphereShape.self)
        #expect(sAll == 0xFF)
        #expect(sCulled == 0b1100_1001)
        // Without a refresh nothing is hidden: the farthest depths are the clear value 1.
        ctx.clearDepth()
        state.refresh(ctx)
        #expect(Self.drawn(d, discs, state, DiscShape.self).culled == all)
    }

    /// A tile tests while its tests cull at least a third of the records, and after an interval
    /// that culled less it draws `restIntervals` intervals without tests or refreshes.
    @Test func tilesThatCullLittleRestFromTesting() {
        let b = TileBuffers()
        let ctx = TileContext(b, x0: 0, y0: 0, w: tileSize, h: tileSize, tables: .shared)
        ctx.clear(background: 0)
        let scratch = UnsafeMutableRawPointer.allocate(byteCount: OpaquePointsTile.scratchBytes, alignment: 32)
        defer { scratch.deallocate() }
        let n = OpaquePointsTile.interval
        var state = OpaquePointsTile(scratch: scratch)
        // The first interval was drawn without tests: refresh.
        state.since = n
        state.nextInterval(ctx)
        #expect(state.culling && state.since == 0 && state.drawn == 0)
        // Two thirds drawn (a third culled): keep testing.
        state.since = n; state.drawn = 2 * n / 3
        state.nextInterval(ctx)
        #expect(state.culling && state.since == 0)
        // More drawn: rest; the next call comes after `restIntervals` intervals of records.
        state.since = n; state.drawn = 2 * n / 3 + 2
        state.nextInterval(ctx)
        #expect(!state.culling && n - state.since == OpaquePointsTile.restIntervals * n)
        state.since = n
        state.nextInterval(ctx)
        #expect(state.culling && state.since == 0 && state.drawn == 0)
    }

    /// Dense points in a few tiles (thousands of records per tile, so the coarse depths are
    /// refreshed and most records hidden), every shape, flat and gradient-shaded, radii of every
    /// block class and above `radius6`: the SIMD kernels must draw what the unculled scalar ones draw.
    @Test func denseCloudsMatchTheScalarKernels() throws {
        let camera = Camera.pixels(width: 80, height: 40)
        var rng = SplitMix64(seed: 21)
        var pos: [SIMD3<Float>] = [], cols: [RGBA8] = [], rs: [Float] = []
        let radii = PointKernelTests.smallRadii + [4, 6.5]
        for k in 0..<24_000 {
            let x = Float(rng.below(80 * 64)) / 64, y = Float(rng.below(40 * 64)) / 64
            // Depth from −0.9 to 0.5 (some equal), nearer on average later, so that later points show too.
            // The first 6000 from 0.5 to −0.9 in order (each nearer than almost all before it), so that
            // the tests cull little and tiles rest; the others mostly behind them, culled.
            let jitter = Float(rng.below(101)) / 100
            let z = k < 6000 ? 0.5 - 1.4 * Float(k) / 6000 + jitter / 100 : jitter - 0.5 - Float(k) / 60_000
            pos.append([x, y, z])
            cols.append(RGBA8(UInt8(truncatingIfNeeded: k), UInt8(truncatingIfNeeded: k >> 3), UInt8(truncatingIfNeeded: k >> 6)))
            rs.append(-radii[rng.below(radii.count)])
        }
        for shape in [PointShape.disc, .square, .sphere] {
            for shading in [PointShading.flat, .gradient] {
                var list = DrawList(background: PointKernelTests.background)
                list.add(PointBatch(positions: pos, radii: rs, colors: cols, shape: shape, shading: shading,
                                    minRadiusPixels: 0, space: .pixels))
                let img = try PointKernelTests.renderAllWays(list, camera)
                #expect(PointKernelTests.drawnCount(img) == 80 * 40, "\(shape) \(shading)")
            }
        }
    }
}
