import Foundation
import Testing
@testable import Rasterizer
import TestSupport

/// The SIMD kernels' small-triangle path (`SmallTri` records written and shaded in binning, depth
/// tested per pixel in tiles, `SmallTriangleRecords.swift`) and its packed block coverage, against
/// the scalar kernels, which keep the index records: random dense meshes with degenerate input,
/// blocks across tile and frame borders, lit and unlit, depth-tested and overlay.
@Suite struct SmallTriangleRecordTests {
    func render(_ list: DrawList, _ camera: Camera, kernels: KernelSet, threads: Int) throws -> [UInt8] {
        try Renderer().render(list, camera: camera, options: RenderOptions(threads: threads, kernels: kernels))
    }

    @Test func packedBlockCoverageMatchesSampleBySampleEdges() {
        var rng = SplitMix64(seed: 21)
        var checked = 0, mismatches = 0, covered = 0
        for _ in 0..<4000 {
            // Eight random triangles within a few pixels of a random point (some degenerate).
            var ax = SIMD8<Int32>(), ay = SIMD8<Int32>(), bx = SIMD8<Int32>(), by = SIMD8<Int32>()
            var cx = SIMD8<Int32>(), cy = SIMD8<Int32>()
            for j in 0..<8 {
                let ox = Int32(rng.next() % 4000) - 2000, oy = Int32(rng.next() % 4000) - 2000
                func c() -> Int32 { Int32(rng.next() % 40) }
                ax[j] = ox + c(); ay[j] = oy + c(); bx[j] = ox + c(); by[j] = oy + c()
                if rng.next() % 8 == 0 { (cx[j], cy[j]) = (bx[j], by[j]) } else { cx[j] = ox + c(); cy[j] = oy + c() }
            }
            let minX = (lanesMin(ax, bx, cx) &+ 1) &>> 4, maxX = (lanesMax(ax, bx, cx) &- 2) &>> 4
            let minY = (lanesMin(ay, by, cy) &+ 1) &>> 4, maxY = (lanesMax(ay, by, cy) &- 2) &>> 4
            let area = (bx &- ax) &* (cy &- ay) &- (cx &- ax) &* (by &- ay)
            let flip = area &>> 31, ox = minX &<< 4, oy = minY &<< 4
            let mask = TriangleDraw.blockCoverage(
                TriangleDraw.laneEdge(ax, ay, bx, by, ox, oy, flip), TriangleDraw.laneEdge(bx, by, cx, cy, ox, oy, flip),
                TriangleDraw.laneEdge(cx, cy, ax, ay, ox, oy, flip))
            for j in 0..<8 where area[j] != 0 && maxX[j] - minX[j] <= 1 && maxY[j] - minY[j] <= 1 {
                // The oriented triangle's edge functions at each sample, with the top-left rule.
                let p = (ax[j], ay[j])
                let (q, r) = area[j] > 0 ? ((bx[j], by[j]), (cx[j], cy[j])) : ((cx[j], cy[j]), (bx[j], by[j]))
                func inside(_ u: (Int32, Int32), _ v: (Int32, Int32), _ sx: Int32, _ sy: Int32) -> Bool {
                    let a = Int64(u.1 - v.1), b = Int64(v.0 - u.0)
                    let e = a * Int64(sx - u.0) + b * Int64(sy - u.1)
                    return e > 0 || (e == 0 && (a > 0 || (a == 0 && b > 0)))
                }
                var expected: Int32 = 0
                for row: Int32 in 0...1 {
                    for lane in 0..<8 {
                        let sx = 16 * minX[j] + SamplePattern.laneXUnits[lane]
                        let sy = 16 * minY[j] + SamplePattern.laneYUnits[lane] + 16 * row
                        if inside(p, q, sx, sy) && inside(q, r, sx, sy) && inside(r, p, sx, sy) {
                            expected |= 1 << (8 * row + Int32(lane))
                        }
                    }
                }
                checked += 1
                if expected != 0 { covered += 1 }
                if mask[j] != expected { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
        #expect(checked > 10_000)
        #expect(covered > 1000)
    }

    /// `laneInverseDet` (the small triangles' `1 / det`, eight lanes at a time, from the snapped
    /// area) against `TriangleGeometry`'s one-triangle division, bit for bit, for small random
    /// triangles of both orientations and every size up to the block's limits.
    @Test func laneInverseDetMatchesTriangleGeometry() {
        var rng = SplitMix64(seed: 33)
        var checked = 0, mismatches = 0
        for _ in 0..<4000 {
            var ax = SIMD8<Int32>(), ay = SIMD8<Int32>(), bx = SIMD8<Int32>(), by = SIMD8<Int32>()
            var cx = SIMD8<Int32>(), cy = SIMD8<Int32>()
            for j in 0..<8 {
                let ox = Int32(rng.next() % 4000) - 2000, oy = Int32(rng.next() % 4000) - 2000
                func c() -> Int32 { Int32(rng.next() % 48) }
                ax[j] = ox + c(); ay[j] = oy + c(); bx[j] = ox + c(); by[j] = oy + c(); cx[j] = ox + c(); cy[j] = oy + c()
            }
            let minX = (lanesMin(ax, bx, cx) &+ 1) &>> 4, maxX = (lanesMax(ax, bx, cx) &- 2) &>> 4
            let minY = (lanesMin(ay, by, cy) &+ 1) &>> 4, maxY = (lanesMax(ay, by, cy) &- 2) &>> 4
            let area = (bx &- ax) &* (cy &- ay) &- (cx &- ax) &* (by &- ay)
            let inv = TriangleDraw.laneInverseDet(area, area &>> 31)
            for j in 0..<8 where area[j] != 0 && maxX[j] - minX[j] <= 1 && maxY[j] - minY[j] <= 1 {
                func v(_ x: Int32, _ y: Int32) -> ScreenVertex { ScreenVertex(x: x, y: y, z: 0.5, invW: 1) }
                let p = v(ax[j], ay[j]), q = v(bx[j], by[j]), r = v(cx[j], cy[j])
                let (v1, v2) = area[j] > 0 ? (q, r) : (r, q)
                let g = TriangleGeometry(p, v1, v2, ox: minX[j] << 4, oy: minY[j] << 4)
                checked += 1
                if g.invDet.bitPattern != inv[j].bitPattern { mismatches += 1 }
            }
        }
        #expect(mismatches == 0)
        #expect(checked > 5000)
    }

    @Test func smallTriangleRecordLayout() {
        #expect(MemoryLayout<SmallTri>.offset(of: \SmallTri.w0) == SmallTri.wordsOffset)
        #expect(MemoryLayout<SmallTri>.stride == 36)
        #expect(MemoryLayout<TriRecord>.offset(of: \TriRecord.i1) == TriRecord.wordOffset)
    }

    /// Tiny triangles (most covering one or two samples: sample records) on the frame's and the
    /// tiles' borders of a 70 × 45 frame, in pixel space, with random depths, repeated triangles of
    /// equal depth (the first one drawn wins) and both orientations, unlit and lit: the SIMD
    /// kernels give the scalar kernels' pixels for 1, 2 and 16 threads.
    @Test(arguments: [false, true])
    func sampleRecordsOnFrameAndTileBordersGiveTheIndexPathsPixels(lit: Bool) throws {
        let w = 70, h = 45
        var rng = SplitMix64(seed: lit ? 8 : 7)
        let edges: [Float] = [-0.7, -0.3, 0.05, 0.4, 0.9, 31.2, 31.7, 32.1, 32.6, 63.8, 64.3]
        let xs = edges + [69.1, 69.6, 69.95, 70.3], ys = edges + [44.1, 44.6, 44.95, 45.3]
        var pos: [SIMD3<Float>] = [], colors: [RGBA8] = [], normals: [SIMD3<Float>] = [], idx: [UInt32] = []
        var one = 0, two = 0
        for x in xs {
            for y in ys {
                for _ in 0..<20 {
                    let c = SIMD3<Float>(x + rng.unit() * 0.5, y + rng.unit() * 0.5, rng.unit() * 1.8 - 0.9)
                    let size = 0.5 + rng.unit() * 1.3
                    var tri: [SIMD3<Float>] = (0..<3).map { _ in
                        c + SIMD3(rng.unit() - 0.5, rng.unit() - 0.5, 0) * SIMD3(size, size, 0)
                    }
                    if rng.next() % 2 == 0 { tri.swapAt(1, 2) }
                    // Samples covered (a statistic of the data, from the snapped corners).
                    let sx = tri.map { Int32(($0.x * 16).rounded()) }, sy = tri.map { Int32(($0.y * 16).rounded()) }
                    let bx = (sx.min()! + 1) >> 4, by = (sy.min()! + 1) >> 4
                    if (sx.max()! - 2) >> 4 - bx <= 1 && (sy.max()! - 2) >> 4 - by <= 1 {
                        let area = (sx[1] - sx[0]) * (sy[2] - sy[0]) - (sx[2] - sx[0]) * (sy[1] - sy[0])
                        let f = SIMD8<Int32>(repeating: area < 0 ? -1 : 0), ox = SIMD8(repeating: bx << 4)
                        let oy = SIMD8(repeating: by << 4)
                        func v(_ k: Int) -> (SIMD8<Int32>, SIMD8<Int32>) { (SIMD8(repeating: sx[k]), SIMD8(repeating: sy[k])) }
                        let (ax, ay) = v(0), (qx, qy) = v(1), (rx, ry) = v(2)
                        let mask = TriangleDraw.blockCoverage(TriangleDraw.laneEdge(ax, ay, qx, qy, ox, oy, f),
                                                              TriangleDraw.laneEdge(qx, qy, rx, ry, ox, oy, f),
                                                              TriangleDraw.laneEdge(rx, ry, ax, ay, ox, oy, f))[0]
                        if area != 0 && mask.nonzeroBitCount == 1 { one += 1 }
                        if area != 0 && mask.nonzeroBitCount == 2 { two += 1 }
                    }
                    let base = UInt32(pos.count)
                    pos += tri
                    for _ in 0..<3 {
                        colors.append(RGBA8(UInt8(rng.next() % 256), UInt8(rng.next() % 256), UInt8(rng.next() % 256)))
                        normals.append([rng.unit() - 0.5, rng.unit() - 0.5, 1])
                    }
                    idx += [base, base + 1, base + 2]
                    // The same triangle again at the same depth, other colours: the first one wins.
                    if rng.next() % 4 == 0 {
                        let again = UInt32(pos.count)
                        pos += tri
                        for _ in 0..<3 { colors.append(RGBA8(250, 250, UInt8(rng.next() % 256))); normals.append([0, 0, 1]) }
                        idx += [again, again + 1, again + 2]
                    }
                }
            }
        }
        #expect(one > 300)
        #expect(two > 40)
        var list = DrawList(background: RGBA8(5, 10, 20))
        list.add(MeshBatch(positions: pos, indices: idx, normals: lit ? normals : [], colors: colors,
                           lighting: lit ? .lambert(direction: [0.3, 0.5, 0.8], ambient: 0.2) : .unlit, space: .pixels))
        let cam = Camera.pixels(width: w, height: h)
        let scalar = try render(list, cam, kernels: .scalar, threads: 2)
        for threads in [1, 2, 16] {
            #expect(scalar == (try render(list, cam, kernels: .simd, threads: threads)), "\(threads) threads")
        }
        let bg = RGBA8(5, 10, 20).packed
        let drawn = scalar.withUnsafeBytes { raw in (0..<w * h).filter { raw.load(fromByteOffset: 4 * $0, as: UInt32.self) != bg }.count }
        #expect(drawn > 40)
    }

    /// `Bins.tileBox`: the box of the tiles that records touch, large records included.
    @Test func binsTileBoxHoldsEveryTouchedTile() {
        let grid = TileGrid(width: 320, height: 200)   // 10 × 7 tiles
        let bins = Bins<TriRecord>()
        bins.reset(capacity: 4)
        bins.finish(grid)
        #expect(bins.tileBox() == SIMD4(1, 1, 0, 0))
        let r = TriRecord(i0: 0, i1: 0, i2: 0, smallMask: 0)
        bins.reset(capacity: 4)
        bins.add(r, TileRange(x0: 3, y0: 2, x1: 3, y1: 2))
        bins.add(r, TileRange(x0: 5, y0: 4, x1: 6, y1: 4))
        bins.finish(grid)
        #expect(bins.tileBox() == SIMD4(3, 2, -6, -4))
        // A record over more than `maxCopies` tiles goes to `large`.
        bins.reset(capacity: 4)
        bins.add(r, TileRange(x0: 4, y0: 3, x1: 4, y1: 3))
        bins.add(r, TileRange(x0: 0, y0: 1, x1: 8, y1: 5))
        bins.finish(grid)
        #expect(bins.tileBox() == SIMD4(0, 1, -8, -5))
        #expect(bins.touches(tile: 1 * 10 + 0) && !bins.touches(tile: 0) && !bins.touches(tile: 6 * 10 + 9))
    }

    /// A dense random mesh over part of a 100 × 70 frame (partial tiles at the right and bottom,
    /// blocks across tile and frame borders), with NaN and infinite vertices, vertices behind the
    /// camera, indices out of range and repeated (zero area).
    static func randomMesh(seed: UInt64, lit: Bool, layer: Layer, transform: Mat4) -> MeshBatch {
        var rng = SplitMix64(seed: seed)
        let n = 70
        var pos: [SIMD3<Float>] = [], normals: [SIMD3<Float>] = [], colors: [RGBA8] = []
        for j in 0...n {
            for i in 0...n {
                let jitter = SIMD3<Float>(rng.unit() - 0.5, rng.unit() - 0.5, rng.unit() - 0.5) * 0.02
                let x = Float(i) / Float(n) * 2.6 - 1.3, z = Float(j) / Float(n) * 2.6 - 1.3
                pos.append(SIMD3(x, 0.2 * Foundation.sin(Float(4 * x)) * Foundation.cos(Float(3 * z)), z) + jitter)
                normals.append([rng.unit() - 0.5, 1, rng.unit() - 0.5])
                colors.append(RGBA8(UInt8(rng.next() % 256), UInt8(rng.next() % 256), UInt8(rng.next() % 256)))
            }
        }
        normals[5] = [0, 0, 0]
        normals[17] = [.nan, 1, 0]
        var idx: [UInt32] = []
        for j in 0..<UInt32(n) {
            for i in 0..<UInt32(n) {
                let a = j * UInt32(n + 1) + i, b = a + UInt32(n + 1)
                idx += rng.next() % 2 == 0 ? [a, b, a + 1, a + 1, b, b + 1] : [a, a + 1, b + 1, a, b + 1, b]
            }
        }
        // Random tiny triangles anywhere (overlapping the mesh, both orientations).
        for _ in 0..<3000 {
            let c = SIMD3<Float>(rng.unit() * 3 - 1.5, rng.unit() * 0.6 - 0.3, rng.unit() * 3 - 1.5)
            let base = UInt32(pos.count)
            for _ in 0..<3 { pos.append(c + SIMD3(rng.unit() - 0.5, rng.unit() - 0.5, rng.unit() - 0.5) * 0.03) }
            normals += [[0, 1, 0], [0.3, 1, 0], [0, 1, 0.3]]
            colors += [RGBA8(200, 40, 40), RGBA8(40, 200, 40), RGBA8(40, 40, 200)]
            idx += [base, base + 1, base + 2]
        }
        // Degenerate input spread over the groups of eight.
        let bad = UInt32(pos.count)
        pos += [[.nan, 0, 0], [0, .infinity, 0], [3, 2.5, 3], [1e9, 0, 0]]
        normals += [[0, 1, 0], [0, 1, 0], [0, 1, 0], [0, 1, 0]]
        colors += [.white, .white, .white, .white]
        for k in stride(from: 0, to: 600, by: 37) {
            let at = 3 * (k * 13 % (idx.count / 3))
            let extra: [[UInt32]] = [[bad, 1, 2], [3, bad + 1, 4], [bad + 2, 50, 51], [bad + 3, 60, 61],
                                     [7, 7, 8], [9, 10, 9], [UInt32(pos.count) + 7, 1, 2], [0, 1, 99_999_999]]
            idx.insert(contentsOf: extra[k % extra.count], at: at)
        }
        // A tail that is not a multiple of eight.
        idx += [11, 12, 13 + UInt32(n + 1), 14, 15 + UInt32(n + 1), 15]
        return MeshBatch(positions: pos, indices: idx, normals: lit ? normals : [], colors: colors,
                         albedo: RGBA8(230, 240, 250), lighting: lit ? .lambert(direction: [0.3, 0.9, 0.3], ambient: 0.15) : .unlit,
                         worldFromObject: transform, layer: layer)
    }

    @Test(arguments: [(UInt64(1), true, Layer.scene), (2, false, .scene), (3, true, .overlay)])
    func smallTriangleRecordsGiveTheIndexPathsPixels(seed: UInt64, lit: Bool, layer: Layer) throws {
        let cam = Camera.perspective(eye: [1.7, 2.0, 1.9], target: [0, 0, 0], fovYDegrees: 55, near: 0.05, far: 20,
                                     width: 100, height: 70)
        let transforms: [Mat4] = [.identity, Mat4.translation([0.05, 0, -0.02]) * Mat4.scale([1.1, 0.9, 1.0])]
        for transform in transforms {
            var list = DrawList(background: RGBA8(5, 10, 20))
            list.add(Self.randomMesh(seed: seed, lit: lit, layer: layer, transform: transform))
            let simd = try render(list, cam, kernels: .simd, threads: 2)
            #expect(simd == (try render(list, cam, kernels: .scalar, threads: 2)), "seed \(seed)")
            for threads in [1, 16] {
                #expect(simd == (try render(list, cam, kernels: .simd, threads: threads)), "seed \(seed), \(threads) threads")
            }
            let bg = RGBA8(5, 10, 20).packed
            let drawn = simd.withUnsafeBytes { raw in (0..<100 * 70).filter { raw.load(fromByteOffset: 4 * $0, as: UInt32.self) != bg }.count }
            #expect(drawn > 100 * 70 / 4, "seed \(seed)")
        }
    }
}
