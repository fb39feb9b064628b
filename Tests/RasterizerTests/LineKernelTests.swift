import Testing
@testable import Rasterizer
import TestSupport

/// The line kernels' parts: the 8-row range computation against the one-row reference, the
/// two-pixel colour packing against `SRGBTables.pack`, row ranges and the opaque path's slanted
/// rows that never cut a covered sample, and whole pictures of many kinds of strips that the SIMD
/// and scalar kernels must draw identically.
@Suite struct LineKernelTests {
    /// A tile context over fresh buffers (only its origin and size matter for the set-up).
    func context(x0: Int = 0, y0: Int = 0, w: Int = tileSize, h: Int = tileSize, _ body: (TileContext) -> Void) {
        let b = TileBuffers()
        body(TileContext(b, x0: x0, y0: y0, w: w, h: h, tables: .shared))
    }

    /// Random segments around a tile: short thin ones (the bench's), long ones, steep, flat,
    /// zero length, axis-aligned, far outside.
    func segments(_ n: Int, seed: UInt64) -> [SegmentRecord] {
        var rng = SplitMix64(seed: seed)
        var out: [SegmentRecord] = []
        for i in 0..<n {
            let ax = rng.unit() * 48 - 8, ay = rng.unit() * 48 - 8
            let len: Float = i % 5 == 0 ? 60 * rng.unit() : 6 * rng.unit()
            let ang = rng.unit() * 6.2832
            var bx = ax + len * (ang + 1.5708).sinApprox, by = ay + len * ang.sinApprox
            if i % 11 == 0 { bx = ax }                      // vertical
            if i % 13 == 0 { by = ay }                      // horizontal
            if i % 17 == 0 { bx = ax; by = ay }             // a dot
            let r: Float = i % 7 == 0 ? 0.2 + 12 * rng.unit() : 0.3 + 0.8 * rng.unit()
            out.append(SegmentRecord(ax: ax, ay: ay, az: rng.unit(), bx: bx, by: by, bz: rng.unit(), r: r,
                                     c0: 0xFF00_0000 | UInt32(rng.next() & 0xFF_FFFF),
                                     c1: 0xFF00_0000 | UInt32(rng.next() & 0xFF_FFFF)))
        }
        return out
    }

    @Test func eightRowRangesEqualTheOneRowReference() {
        context(w: 32, h: 27) { ctx in
            var checked = 0
            for s in segments(3000, seed: 5) {
                guard let g = SegmentSetup(s, ctx) else { continue }
                var row0 = g.py0
                while row0 <= g.py1 {
                    let (lo, hi) = g.rowRanges8(row0)
                    for j in 0..<min(8, g.py1 - row0 + 1) {
                        let simd: (Int, Int)? = lo[j] <= hi[j] ? (Int(lo[j]), Int(hi[j])) : nil
                        let ref = g.rowRange(row0 + j)
                        #expect(simd?.0 == ref?.0 && simd?.1 == ref?.1, "row \(row0 + j) of \(s)")
                        checked += 1
                    }
                    row0 += 8
                }
            }
            #expect(checked > 5_000)
        }
    }

    /// Whether sample `k` of pixel (px, py) is covered, as the kernels test it.
    func covers(_ g: SegmentSetup, _ px: Int, _ py: Int, _ k: Int) -> Bool {
        let qx = (Float(px) + SamplePattern.laneX[k]) - g.ax
        let qy = (Float(py) + SamplePattern.laneY[k]) - g.ay
        var t = (qx * g.abx + qy * g.aby) * g.invLen2
        t = t < 0 ? 0 : (t > 1 ? 1 : t)
        let ex = qx - t * g.abx, ey = qy - t * g.aby
        return ex * ex + ey * ey <= g.r2
    }

    @Test func slantedRowsHoldEveryCoveredSampleInsideTheTile() {
        // Brute force over the tile's pixels in the frame; tiles inside the frame and cut by its edge.
        for (x0, y0, w, h) in [(64, 32, 32, 32), (32, 0, 19, 11)] {
            context(x0: x0, y0: y0, w: w, h: h) { ctx in
                let recs = (segments(1500, seed: 17) + setupRecords(seed: 3)).map {
                    SegmentRecord(ax: $0.ax + Float(x0), ay: $0.ay + Float(y0), az: $0.az, bx: $0.bx + Float(x0),
                                  by: $0.by + Float(y0), bz: $0.bz, r: $0.r, c0: $0.c0, c1: $0.c1)
                }
                var slanted = 0, spans = 0, boxSpans = 0
                let stored = UnsafeMutablePointer<SIMD8<Float>>.allocate(capacity: SegmentSetups8.storedVectors)
                defer { stored.deallocate() }
                recs.withUnsafeBufferPointer { buf in
                    for i in stride(from: 0, to: buf.count, by: 8) {
                        let n = min(8, buf.count - i)
                        let lanes = SegmentSetups8(buf.baseAddress! + i, count: n, ctx)
                        lanes.store(stored)
                        for k in 0..<n where lanes.valid & (1 << UInt32(k)) != 0 {
                            let lane = SegmentSetups8.lane(stored, k)
                            let g = SegmentSetup(lane: lane)
                            let (start, step, perRow) = SegmentSetups8.rows(lane)
                            let perBoxRow = (g.px1 - g.px0 + 2) / 2
                            if perRow < perBoxRow { slanted += 1 }
                            spans += perRow * (g.py1 - g.py0 + 1)
                            boxSpans += perBoxRow * (g.py1 - g.py0 + 1)
                            for py in 0..<ctx.h {
                                let inBox = (g.py0...g.py1).contains(py)
                                let first = SegmentSetups8.firstColumn(bound: start + py * step, px0: g.px0, perRow: perRow)
                                if inBox {
                                    #expect(perRow >= 1 && first >= 0 && first + 2 * perRow - 1 <= tileSize - 1,
                                            "row \(py): \(perRow) spans from \(first), \(buf[i + k])")
                                }
                                for px in 0..<ctx.w {
                                    for s in 0..<4 where covers(g, px, py, s) {
                                        let held = inBox && first <= px && px <= first + 2 * perRow - 1
                                        #expect(held, "sample \(s) of pixel (\(px), \(py)) outside its row's spans, \(buf[i + k])")
                                    }
                                }
                            }
                        }
                    }
                }
                // The slanted rows are used, and save spans.
                #expect(slanted > 100 && spans < boxSpans * 9 / 10, "\(slanted) slanted, \(spans) spans against \(boxSpans)")
            }
        }
    }

    /// Records for the set-up comparison: the random ones plus extremes (far outside the tile,
    /// huge radius and coordinates, boxes just inside and just outside the tile's edges).
    func setupRecords(seed: UInt64) -> [SegmentRecord] {
        var out = segments(2000, seed: seed)
        let odd: [(Float, Float, Float, Float, Float)] = [
            (-1e30, 5, 1e30, 6, 0.5), (1e7, 1e7, 1e7 + 3, 1e7, 1), (-5000, 10, 5000, 12, 1), (10, 10, 10, 10, 1e5),
            (-0.9, 5, -0.95, 6, 0.01), (31.1, 5, 32.9, 6, 0.01), (5, -0.9, 6, -0.95, 0.01), (16, 16, 16.5, 80, 0.7),
            (-64.5, 3, -64.4, 4, 0.5), (95.5, 3, 96.5, 4, 0.5), (4000, 3, 4100, 200, 0.5), (12, 12, 12, 12.0001, 1023.9),
            (3, 3, 3.0000001, 3, 0.3), (40, -70, -70, 40, 1.5), (0, 0, 31, 31, 2000)]
        for (ax, ay, bx, by, r) in odd {
            out.append(SegmentRecord(ax: ax, ay: ay, az: 0.25, bx: bx, by: by, bz: 0.75, r: r, c0: 0xFF00_00FF, c1: 0xFF00_FF00))
        }
        return out
    }

    @Test func eightSegmentSetUpEqualsTheScalarSetUpLaneByLane() {
        // Tiles at the origin, inside the frame, and cut by the frame's edge (w, h < 32).
        for (x0, y0, w, h) in [(0, 0, 32, 32), (64, 32, 32, 32), (32, 0, 17, 9)] {
            context(x0: x0, y0: y0, w: w, h: h) { ctx in
                let recs = setupRecords(seed: 21).map {
                    SegmentRecord(ax: $0.ax + Float(x0), ay: $0.ay + Float(y0), az: $0.az, bx: $0.bx + Float(x0),
                                  by: $0.by + Float(y0), bz: $0.bz, r: $0.r, c0: $0.c0, c1: $0.c1)
                }
                var valid = 0
                let stored = UnsafeMutablePointer<SIMD8<Float>>.allocate(capacity: SegmentSetups8.storedVectors)
                defer { stored.deallocate() }
                recs.withUnsafeBufferPointer { buf in
                    var i = 0
                    while i < buf.count {
                        // Groups of every size from 1 to 8.
                        let n = min(1 + (i / 8) % 8, buf.count - i)
                        let lanes = SegmentSetups8(buf.baseAddress! + i, count: n, ctx)
                        lanes.store(stored)
                        #expect(lanes.valid >> UInt32(n) == 0)
                        for k in 0..<n {
                            let ref = SegmentSetup(buf[i + k], ctx)
                            let isValid = lanes.valid & (1 << UInt32(k)) != 0
                            #expect(isValid == (ref != nil), "validity of \(buf[i + k])")
                            guard isValid, let ref else { continue }
                            valid += 1
                            // Every field but the row ranges' slab bound, which the lanes leave out.
                            let g = SegmentSetup(lane: SegmentSetups8.lane(stored, k))
                            let same = [g.ax == ref.ax, g.ay == ref.ay, g.abx == ref.abx, g.aby == ref.aby,
                                        g.invLen2 == ref.invLen2, g.az == ref.az, g.dz == ref.dz, g.r == ref.r, g.r2 == ref.r2,
                                        g.px0 == ref.px0, g.px1 == ref.px1, g.py0 == ref.py0, g.py1 == ref.py1]
                            #expect(!same.contains(false), "lane \(k): \(g) vs \(ref)")
                        }
                        i += n
                    }
                }
                #expect(valid > 300, "\(valid) valid set-ups in tile (\(x0), \(y0))")
            }
        }
    }

    @Test func rowRangesHoldEveryCoveredSample() {
        // Brute force over the whole tile: a covered sample outside its row's range would be lost.
        context(x0: 64, y0: 32) { ctx in
            for s in segments(1500, seed: 9) {
                let shifted = SegmentRecord(ax: s.ax + 64, ay: s.ay + 32, az: s.az, bx: s.bx + 64, by: s.by + 32, bz: s.bz,
                                            r: s.r, c0: s.c0, c1: s.c1)
                guard let g = SegmentSetup(shifted, ctx) else { continue }
                for py in 0..<tileSize {
                    let range = (g.py0...g.py1).contains(py) ? g.rowRange(py) : nil
                    for px in 0..<tileSize {
                        for k in 0..<4 where covers(g, px, py, k) {
                            let inside = range.map { $0.0 <= px && px <= $0.1 } ?? false
                            #expect(inside, "sample \(k) of pixel (\(px), \(py)) outside its row range, \(s)")
                        }
                    }
                }
            }
        }
    }

    /// Stepped colours: every pixel's word is the encoding of its interpolated colour, except for a
    /// `t` within rounding of a step, where one channel may be one level off; the eight-lane
    /// compares agree with the scalar `word(at:)` everywhere, steps included.
    @Test func steppedColoursFollowTheEncodingAndAgreeLaneByLane() {
        let tables = SRGBTables.shared
        var rng = SplitMix64(seed: 11)
        var stepped = 0, exact = 0, near = 0
        for i in 0..<20_000 {
            let base = UInt32(truncatingIfNeeded: rng.next()) & 0xFF_FFFF
            // Neighbouring colours: each channel moved by −2…2 levels (clamped to the byte).
            var c1: UInt32 = 0
            for ch in 0..<3 {
                let b = Int((base >> UInt32(8 * ch)) & 0xFF) + Int(rng.next() % 5) - 2
                c1 |= UInt32(min(255, max(0, b))) << UInt32(8 * ch)
            }
            let rec = SegmentRecord(ax: 0, ay: 0, az: 0, bx: 1, by: 0, bz: 0, r: 1, c0: base | 0xFF00_0000, c1: c1 | 0xFF00_0000)
            let shade = SegmentShade(rec, tables, opaque: true, levels: .shared)
            if shade.solid { continue }
            #expect(shade.steps <= SegmentShade.maxSteps)
            guard shade.steps > 0 else { continue }
            stepped += 1
            #expect(shade.word(at: 0, tables) == rec.c0 && shade.word(at: 1, tables) == rec.c1, "\(rec)")
            var ts = SIMD8<Float>()
            for k in 0..<8 {
                // Random parameters, and parameters at and beside the steps.
                let s = shade.stepT[k % max(1, shade.steps)]
                let beside: [Float] = [s, s.nextDown, s.nextUp]
                let random: Float = i % 7 == 0 ? -rng.unit() : rng.unit() * 1.1
                ts[k] = i % 4 == 0 && k < 3 ? beside[k] : random
            }
            let lanes = unsafeBitCast(shade.steppedWords(ts), to: SIMD8<UInt32>.self)
            for k in 0..<8 {
                let t = ts[k], w = shade.word(at: t, tables)
                #expect(lanes[k] == w, "lane \(k), t \(t), \(rec)")
                let tc = t < 0 ? 0 : (t > 1 ? 1 : t)
                let c = shade.c0 + shade.dc * tc
                let ref = tables.pack(c.x, c.y, c.z, 1)
                if ref == w { exact += 1; continue }
                // Off only beside steps: by at most one level per channel, and by no more levels
                // than there are steps within rounding of this t.
                var besideSteps = 0
                for step in 0..<shade.steps where abs(shade.stepT[step] - tc) < 1e-5 { besideSteps += 1 }
                var levels = 0
                for ch in 0..<3 {
                    let shift = UInt32(8 * ch)
                    let a = Int((ref >> shift) & 0xFF), b = Int((w >> shift) & 0xFF)
                    #expect(abs(a - b) <= 1, "channel \(ch): \(ref) vs \(w)")
                    levels += abs(a - b)
                }
                #expect(levels >= 1 && levels <= besideSteps, "t \(tc): \(ref) vs \(w), \(besideSteps) steps beside, \(rec)")
                near += 1
            }
        }
        #expect(stepped > 5_000 && exact > 5 * max(near, 1), "\(stepped) stepped, \(exact) exact, \(near) beside a step")
    }

    /// The one-level colouring taken straight from a record equals the one built from its
    /// `SegmentShade` (step, both words), and exists exactly for records one level apart in one
    /// channel.
    @Test func oneLevelColouringFromTheRecordEqualsTheShadesOneStep() {
        let tables = SRGBTables.shared
        var rng = SplitMix64(seed: 17)
        var oneStep = 0, others = 0
        for i in 0..<60_000 {
            let base = UInt32(truncatingIfNeeded: rng.next()) & 0xFF_FFFF
            var c1: UInt32 = 0
            // Mostly one channel moved by one level (the bench's gradients), else each by −2…2.
            let moved = Int(rng.next() % 3), sign = rng.next() & 1 == 0 ? 1 : -1
            for ch in 0..<3 {
                let move = i % 3 == 0 ? Int(rng.next() % 5) - 2 : (ch == moved ? sign : 0)
                let b = Int((base >> UInt32(8 * ch)) & 0xFF) + move
                c1 |= UInt32(min(255, max(0, b))) << UInt32(8 * ch)
            }
            let rec = SegmentRecord(ax: 0, ay: 0, az: 0, bx: 1, by: 0, bz: 0, r: 1, c0: base | 0xFF00_0000, c1: c1 | 0xFF00_0000)
            let shade = SegmentShade(rec, tables, opaque: true, levels: .shared)
            let direct = OneStepSpans(oneLevel: rec, tables, .shared)
            guard !shade.solid && shade.steps == 1 else {
                #expect(direct == nil, "\(rec): \(shade.steps) steps")
                others += 1
                continue
            }
            guard let direct else { Issue.record("no one-level colouring for \(rec)"); continue }
            let ref = OneStepSpans(shade)
            #expect(direct.step.bitPattern == ref.step.bitPattern, "\(rec): step \(direct.step) vs \(ref.step)")
            #expect(unsafeBitCast(direct.below, to: SIMD8<UInt32>.self) == unsafeBitCast(ref.below, to: SIMD8<UInt32>.self), "\(rec)")
            #expect(unsafeBitCast(direct.above, to: SIMD8<UInt32>.self) == unsafeBitCast(ref.above, to: SIMD8<UInt32>.self), "\(rec)")
            oneStep += 1
        }
        #expect(oneStep > 20_000 && others > 10_000, "\(oneStep) one-step records, \(others) others")
    }

    @Test func twoPixelColourPackingEqualsThePerPixelPack() {
        let tables = SRGBTables.shared
        var rng = SplitMix64(seed: 3)
        let specials: [Float] = [0, -0, 1, 1.5, .infinity, -.infinity, .nan, -1e-9, 1e-9, 1 / 65536, Float(1).nextDown,
                                 Float(1 / 65536).nextDown, 0.5, 0.0031308]
        for i in 0..<20_000 {
            var shade = SegmentShade(SegmentRecord(ax: 0, ay: 0, az: 0, bx: 1, by: 0, bz: 0, r: 1,
                                                   c0: UInt32(truncatingIfNeeded: rng.next()) | 0xFF00_0000,
                                                   c1: UInt32(truncatingIfNeeded: rng.next()) | 0xFF00_0000),
                                     tables, opaque: true, levels: .shared)
            if i < specials.count * specials.count {
                // Colours that are not colours: the packing must still follow `SRGB.encode`.
                let a = specials[i % specials.count], b = specials[i / specials.count]
                shade.c0 = SIMD4(a, b, a, 1); shade.dc = SIMD4(b, 0, -a, 0); shade.solid = false
            }
            let t0 = i % 3 == 0 ? 0 : rng.unit(), t1 = i % 5 == 0 ? 1 : rng.unit()
            let words = shade.encodedWords(t0, t1, tables)
            let c0 = shade.c0 + shade.dc * t0, c1 = shade.c0 + shade.dc * t1
            let w0 = tables.pack(c0.x, c0.y, c0.z, 1), w1 = tables.pack(c1.x, c1.y, c1.z, 1)
            #expect(words == SIMD8(lowHalf: SIMD4(repeating: w0), highHalf: SIMD4(repeating: w1)), "\(shade.c0) \(shade.dc) \(t0) \(t1)")
        }
    }

    /// Many strips of every kind, in world and pixel space, scene and overlay, opaque and
    /// transparent, gamma and linear blending.
    func strips(seed: UInt64) -> DrawList {
        var rng = SplitMix64(seed: seed)
        var list = DrawList(background: RGBA8(5, 10, 20))
        for s in 0..<24 {
            var pos: [SIMD3<Float>] = []
            var p = SIMD3<Float>(rng.unit() - 0.5, rng.unit() - 0.5, rng.unit() - 0.5) * 2
            for _ in 0..<(2 + s * 3) {
                pos.append(p)
                p += SIMD3(rng.unit() - 0.5, rng.unit() - 0.5, rng.unit() - 0.5) * (s % 4 == 0 ? 0.6 : 0.08)
            }
            var cols = (0..<pos.count).map { _ in RGBA8(UInt8(rng.next() & 0xFF), UInt8(rng.next() & 0xFF), UInt8(rng.next() & 0xFF)) }
            if s % 4 == 2 {
                // A slow gradient: segments of one colour, of one step and of two or three steps.
                cols = (0..<pos.count).map { (k: Int) -> RGBA8 in
                    let r = UInt8(100 + k / 2), g = UInt8(60 + k / 3), b = UInt8(220 - k / 4)
                    return RGBA8(r, g, b)
                }
            }
            let radius: Float = s % 3 == 0 ? 0.005 + 0.05 * rng.unit() : -(0.4 + 3 * rng.unit())
            let opacity: Float = s % 5 == 1 ? 0.6 : 1
            list.add(LineBatch(positions: pos, radii: [radius], colors: s % 2 == 0 ? cols : [cols[0]],
                               colorsPerVertex: s % 2 == 0, opacity: opacity,
                               layer: s % 7 == 3 ? .overlay : .scene, blendSpace: s % 6 == 5 ? .gamma : .linear))
        }
        // Pixel-space strips on the tile borders (columns 31/32, rows 31/32) and the frame edge.
        list.add(LineBatch(positions: [[31.3, 2, 0], [31.6, 60, 0], [32.5, 62, 0], [95.5, 63.5, 0]], radii: [-0.8],
                           colors: [RGBA8(255, 0, 0), RGBA8(0, 255, 0), RGBA8(0, 0, 255), RGBA8(255, 255, 0)],
                           colorsPerVertex: true, layer: .overlay, space: .pixels))
        list.add(LineBatch(positions: [[0, 31.5, 0], [96, 32.4, 0]], radii: [-1.4], colors: [RGBA8(200, 200, 255)],
                           layer: .overlay, space: .pixels))
        return list
    }

    @Test func scalarAndSIMDKernelsDrawManyStripsIdentically() throws {
        let camera = Camera.perspective(eye: [1.8, 1.2, 2.4], target: [0, 0, 0], fovYDegrees: 55, near: 0.05, far: 20,
                                        width: 96, height: 64)
        for seed: UInt64 in [1, 2, 3] {
            let list = strips(seed: seed)
            let simd = try Renderer().render(list, camera: camera, options: RenderOptions(threads: 2, kernels: .simd))
            let scalar = try Renderer().render(list, camera: camera, options: RenderOptions(threads: 2, kernels: .scalar))
            let one = try Renderer().render(list, camera: camera, options: RenderOptions(threads: 1, kernels: .simd))
            #expect(simd == scalar, "seed \(seed)")
            #expect(simd == one, "seed \(seed): thread count changed the picture")
            // Something was drawn: more than a twentieth of the pixels differ from the background.
            let bg = RGBA8(5, 10, 20).packed
            let drawn = simd.withUnsafeBytes { raw in (0..<96 * 64).filter { raw.load(fromByteOffset: 4 * $0, as: UInt32.self) != bg }.count }
            #expect(drawn > 96 * 64 / 20, "seed \(seed)")
        }
    }

    /// Strips for the vertex-stage comparison: random walks through the camera (near-plane
    /// crossings, points behind it), long and short segments, NaN and infinite points, one-point
    /// strips, zero, huge and scene-unit widths, fewer colours than vertices, no colours.
    func vertexStageBatches(seed: UInt64) -> [LineBatch] {
        var rng = SplitMix64(seed: seed)
        var out: [LineBatch] = []
        for s in 0..<16 {
            var pos: [SIMD3<Float>] = []
            var starts: [Int] = []
            for _ in 0..<(1 + s % 4) {
                starts.append(pos.count)
                var p = SIMD3<Float>(rng.unit() - 0.5, rng.unit() - 0.5, rng.unit() - 0.5) * 4
                for k in 0..<(1 + Int(rng.next() % 40)) {
                    pos.append(p)
                    p += SIMD3(rng.unit() - 0.5, rng.unit() - 0.5, rng.unit() - 0.5) * (k % 9 == 0 ? 3 : 0.15)
                }
            }
            if s % 5 == 2, pos.count > 3 { pos[pos.count / 2] = SIMD3(.nan, 0, 0) }
            if s % 5 == 3, pos.count > 3 { pos[1] = SIMD3(0, .infinity, 1) }
            let radii: [Float] = [[-1], [-0.3], [0.02], [0], [-1e9], [.nan], [-2.5, 0.05]][s % 7]
            let colors: [RGBA8] = s % 6 == 4 ? [] : (0..<max(1, pos.count - s % 3)).map { _ in
                RGBA8(UInt8(rng.next() & 0xFF), UInt8(rng.next() & 0xFF), UInt8(rng.next() & 0xFF))
            }
            out.append(LineBatch(positions: pos, stripStarts: starts, radii: radii, colors: colors, colorsPerVertex: s % 2 == 0,
                                 space: s % 8 == 7 ? .pixels : .world))
        }
        return out
    }

    @Test func transposeSwapsLanesAndVectors() {
        typealias V = SIMD8<Float>
        func vector(_ i: Int) -> V { V((0..<8).map { Float(10 * i + $0) }) }
        let m: Vectors8 = (vector(0), vector(1), vector(2), vector(3), vector(4), vector(5), vector(6), vector(7))
        let t = transposed(m)
        let out = [t.0, t.1, t.2, t.3, t.4, t.5, t.6, t.7]
        for j in 0..<8 {
            // Vector j of the transpose holds lane j of every vector of m.
            #expect(out[j] == V((0..<8).map { Float(10 * $0 + j) }), "vector \(j): \(out[j])")
        }
    }

    @Test func eightWideVertexStageBinsTheSameRecordsAsTheScalarStage() {
        // Camera inside the strips' cloud: many segments cross the near plane.
        let camera = Camera.perspective(eye: [0.3, 0.2, 0.9], target: [0, 0, 0], fovYDegrees: 70, near: 0.05, far: 20,
                                        width: 200, height: 130)
        var binned = 0
        for batch in vertexStageBatches(seed: 4) {
            var perKernels: [[[UInt8]]] = []
            for kernels in [KernelSet.simd, .scalar] {
                let frame = FrameSetup(grid: TileGrid(width: 200, height: 130), camera: camera,
                                       pixelCamera: .pixels(width: 200, height: 130), pixelsPerPoint: 1.25, tables: .shared,
                                       kernels: kernels)
                let draw = LineDraw(batch, frame: frame, pool: BinsPool<SegmentRecord>())
                for j in 0..<draw.jobCount(stage: 0) { draw.run(stage: 0, job: j) }
                // Every tile's records, in order, as bytes.
                var tiles: [[UInt8]] = []
                for t in 0..<frame.grid.count {
                    var bytes: [UInt8] = []
                    for b in draw.chunks {
                        b.withRecords(tile: t) { recs in bytes += UnsafeRawBufferPointer(recs).map { $0 } }
                    }
                    tiles.append(bytes)
                }
                perKernels.append(tiles)
            }
            #expect(perKernels[0] == perKernels[1], "\(batch.positions.count) vertices, radii \(batch.radii)")
            binned += perKernels[0].reduce(0) { $0 + $1.count } / MemoryLayout<SegmentRecord>.stride
        }
        #expect(binned > 300, "\(binned) records binned")
    }

    @Test func aThinDiagonalSegmentBinsIntoTheTilesItCrosses() throws {
        // A 1 px wide diagonal across a 256×256 frame touches about 15 of the 64 tiles, not all of
        // its bounding box.
        var list = DrawList(background: RGBA8(0, 0, 0))
        list.add(LineBatch(positions: [[4, 4, 0], [252, 252, 0]], radii: [-0.5], layer: .overlay, space: .pixels))
        let camera = Camera.pixels(width: 256, height: 256)
        let frame = FrameSetup(grid: TileGrid(width: 256, height: 256), camera: camera, pixelCamera: camera,
                               pixelsPerPoint: 1, tables: .shared, kernels: .simd)
        guard case .lines(let batch) = list.items[0] else { Issue.record("not a line batch"); return }
        let draw = LineDraw(batch, frame: frame, pool: BinsPool<SegmentRecord>())
        for j in 0..<draw.jobCount(stage: 0) { draw.run(stage: 0, job: j) }
        let touched = (0..<frame.grid.count).filter { draw.touches(tile: $0) }
        #expect(touched.count <= 24 && touched.count >= 8, "\(touched.count) tiles")
        #expect(draw.touches(tile: 0) && draw.touches(tile: 63) && !draw.touches(tile: 7) && !draw.touches(tile: 56))
    }
}
