/// Points: per point one record (centre in pixels, window depth, radius in pixels, sphere depth
/// amplitude, colour); per tile a kernel that tests the 4 samples of 2 pixels at a time against the
/// disc (or square), then depth, then writes.
///
/// The sphere impostor's depth at a sample is `z − dz · sqrt(1 − d²/r²)`, with `dz` the window-depth
/// difference between the centre and the sphere's front: a linearisation of the true surface that is
/// exact at the centre and the rim. The vertex stage writes the fields as laid out here (x, y, z, r in
/// bytes 0…15, dz and colour in 16…23; `storeRecords`).
struct PointRecord {
    var x: Float, y: Float, z: Float, r: Float, dz: Float
    var color: UInt32
}

/// The record of a flat opaque disc or square of a draw whose points all have one radius below
/// `radius6` (`PointDraw.flatRadius`): 16 bytes, `PointRecord`'s x, y and z then the colour; the
/// radius is the draw's, `dz` 0. A third less to write, sort into tiles and read than a `PointRecord`.
struct FlatPointRecord {
    var x: Float, y: Float, z: Float
    var color: UInt32
}

/// The two point record layouts, for the vertex stage and the opaque kernels (specialised per layout).
protocol PointRecordLayout {
    /// Whether bytes 12…15 hold the radius (`PointRecord`); else the radius is the draw's.
    static var hasRadius: Bool { get }
    /// The record of `p` (whose radius is the draw's one radius for `FlatPointRecord`).
    init(_ p: PointRecord)
    /// The record as a `PointRecord`, with `radius` where the layout has none.
    func full(radius: Float) -> PointRecord
}

extension PointRecord: PointRecordLayout {
    @inline(__always) static var hasRadius: Bool { true }
    @inline(__always) init(_ p: PointRecord) { self = p }
    @inline(__always) func full(radius: Float) -> PointRecord { self }
}

extension FlatPointRecord: PointRecordLayout {
    @inline(__always) static var hasRadius: Bool { false }
    @inline(__always) init(_ p: PointRecord) { self.init(x: p.x, y: p.y, z: p.z, color: p.color) }
    @inline(__always) func full(radius: Float) -> PointRecord {
        PointRecord(x: x, y: y, z: z, r: radius, dz: 0, color: color)
    }
}

/// A point shape as a type, so that the tile loops are specialised per shape (the shape tests
/// then fold away instead of branching per sample).
protocol ShapeConstant { static var shape: PointShape { get } }
enum DiscShape: ShapeConstant { static var shape: PointShape { .disc } }
enum SquareShape: ShapeConstant { static var shape: PointShape { .square } }
enum SphereShape: ShapeConstant { static var shape: PointShape { .sphere } }

/// The fixed pixel blocks of small points (`PointDraw.blockPointSIMD`): rows × 2-pixel spans,
/// starting at an even pixel (`aligned`) or at the box's first.
protocol BlockSize { static var rows: Int { get }; static var spans: Int { get }; static var aligned: Bool { get } }
enum Block2x2: BlockSize { static var rows: Int { 2 }; static var spans: Int { 1 }; static var aligned: Bool { false } }
enum Block3x4: BlockSize { static var rows: Int { 3 }; static var spans: Int { 2 }; static var aligned: Bool { true } }
enum Block4x4: BlockSize { static var rows: Int { 4 }; static var spans: Int { 2 }; static var aligned: Bool { false } }
enum Block5x6: BlockSize { static var rows: Int { 5 }; static var spans: Int { 3 }; static var aligned: Bool { true } }
enum Block6x6: BlockSize { static var rows: Int { 6 }; static var spans: Int { 3 }; static var aligned: Bool { false } }

final class PointDraw: PreparedDraw {
    let batch: PointBatch
    let frame: FrameSetup
    let phase: Int
    let opacity: Float
    let depthTest: Bool, depthWrite: Bool
    /// Flat and opaque: the colour word is written as is.
    let directColor: Bool
    var chunks: [Bins<PointRecord>] = []
    /// The draw's one radius in pixels when its points are flat, opaque discs or squares of one screen-space
    /// radius below `radius6` (the vertex stage's radius of every point; then `flatChunks` hold the
    /// records, else `chunks`); 0 otherwise.
    let flatRadius: Float
    var flatChunks: [Bins<FlatPointRecord>] = []
    /// Vertex-stage jobs (chunks of `chunkSize` points).
    let jobs: Int
    // Per-frame constants of the vertex stage.
    let clipFromObject: Mat4
    let clipFromCameraZ: SIMD4<Float>
    let unitsToPixels: Float
    let objectScale: Float
    let minRadius: Float

    init(_ batch: PointBatch, frame: FrameSetup, pool: BinsPool<PointRecord>, flatPool: BinsPool<FlatPointRecord>) {
        self.batch = batch
        self.frame = frame
        opacity = sanitizedOpacity(batch.opacity)
        (phase, depthTest, depthWrite) = drawOrdering(layer: batch.layer, opaque: opacity == 1)
        directColor = batch.shading == .flat && opacity == 1
        let cam = frame.camera(for: batch.space)
        clipFromObject = cam.clipFromWorld * batch.worldFromObject
        let p = cam.clipFromCamera
        clipFromCameraZ = SIMD4(p[0, 2], p[1, 2], p[2, 2], p[3, 2])
        unitsToPixels = abs(p[1, 1]) * Float(cam.height) * 0.5
        objectScale = averageScale(batch.worldFromObject)
        let mr = batch.minRadiusPixels
        minRadius = mr > 0 ? min(mr, 1e5) : 0
        // The vertex stage's radius of a point of screen-space radius `rs` (< 0), as `vertex` computes it.
        var flat: Float = 0
        let rs = batch.radii.count <= 1 ? clamped(batch.radii, 0, -1.5) : 0
        if directColor && batch.shape != .sphere && rs < 0 {
            var r = -rs * frame.pixelsPerPoint
            if r < minRadius { r = minRadius }
            if r > 1e5 { r = 1e5 }
            if r > 0 && r < radius6 { flat = r }
        }
        flatRadius = flat
        jobs = (batch.positions.count + chunkSize - 1) / chunkSize
        if flat > 0 { flatChunks = (0..<jobs).map { _ in flatPool.take() } }
        else { chunks = (0..<jobs).map { _ in pool.take() } }
    }

    func jobCount(stage: Int) -> Int { stage == 0 ? jobs : 0 }

    func run(stage: Int, job: Int) {
        if flatRadius > 0 { vertexStage(job, flatChunks[job]) } else { vertexStage(job, chunks[job]) }
    }

    /// The vertex stage of chunk `job` into `bins`.
    private func vertexStage<R: PointRecordLayout>(_ job: Int, _ bins: Bins<R>) {
        let start = job * chunkSize, end = min(start + chunkSize, batch.positions.count)
        bins.reset(capacity: end - start)
        batch.positions.withUnsafeBufferPointer { pos in batch.colors.withUnsafeBufferPointer { cols in
            var i = start
            if frame.kernels == .simd {
                while i + 8 <= end {
                    vertices8(pos, cols, i, bins)
                    i += 8
                }
            }
            while i < end {
                vertex(pos, cols, i, bins)
                i += 1
            }
        } }
        bins.finish(frame.grid)
    }

    /// Radius of point `i` as given (Rerun's signed encoding).
    @inline(__always) private func givenRadius(_ i: Int) -> Float {
        batch.radii.count <= 1 ? clamped(batch.radii, 0, -1.5) : clamped(batch.radii, i, -1.5)
    }

    /// Packed opaque colour of point `i`.
    @inline(__always) private func color(_ cols: UnsafeBufferPointer<RGBA8>, _ i: Int) -> UInt32 {
        let last = cols.count - 1
        return last < 0 ? 0xFFFF_FFFF : cols[i < last ? i : last].packed | 0xFF00_0000
    }

    /// The vertex stage of point `i` (the reference; `vertices8` computes the same, 8 at a time).
    @inline(__always)
    private func vertex<R: PointRecordLayout>(_ pos: UnsafeBufferPointer<SIMD3<Float>>, _ cols: UnsafeBufferPointer<RGBA8>,
                                              _ i: Int, _ bins: Bins<R>) {
        let grid = frame.grid
        let w = Float(grid.width), h = Float(grid.height)
        let c = clipFromObject.transformPoint(pos[i])
        // In front of the near plane (z ≥ −w) and finite; NaN fails every comparison.
        guard c.w > 0, c.z >= -c.w, c.w < .infinity, abs(c.x) < .infinity, abs(c.y) < .infinity else { return }
        let invW = 1 / c.w
        let x = (c.x * invW + 1) * 0.5 * w
        let y = (1 - c.y * invW) * 0.5 * h
        let z = c.z * invW * 0.5 + 0.5
        let rs = givenRadius(i)
        var r = rs < 0 ? -rs * frame.pixelsPerPoint : rs * objectScale * unitsToPixels * invW
        if r.isNaN { return }
        if r < minRadius { r = minRadius }
        if r > 1e5 { r = 1e5 }
        if !(r > 0) { return }
        guard let range = grid.range(minX: x - r - 0.875, minY: y - r - 0.875, maxX: x + r - 0.125, maxY: y + r - 0.125),
              x.isFinite, y.isFinite, z.isFinite else { return }
        var dz: Float = 0
        if batch.shape == .sphere {
            // World radius of the sphere, then the depth of its front point.
            let rw = r / (unitsToPixels * invW)
            let zf = c.z + rw * clipFromCameraZ.z, wf = c.w + rw * clipFromCameraZ.w
            if wf > 0 {
                let front = zf / wf * 0.5 + 0.5
                let d = z - front
                if d > 0 && d.isFinite { dz = d }
            }
        }
        bins.add(R(PointRecord(x: x, y: y, z: z, r: r, dz: dz, color: color(cols, i))), range)
    }

    /// `vertex` for points `i ..< i + 8`, lane by lane the same operations (so the same bits), with
    /// the tests as masks; all 8 are staged in order, the culled ones with `Bins.skipKey`.
    @inline(__always)
    private func vertices8<R: PointRecordLayout>(_ pos: UnsafeBufferPointer<SIMD3<Float>>, _ cols: UnsafeBufferPointer<RGBA8>,
                                                 _ i: Int, _ bins: Bins<R>) {
        typealias V = SIMD8<Float>
        let grid = frame.grid
        let w = Float(grid.width), h = Float(grid.height)
        // Positions are 16 bytes apart (x, y, z, padding): de-interleave 8 of them.
        let raw = UnsafeRawPointer(pos.baseAddress! + i)
        let a = raw.loadUnaligned(as: SIMD16<Float>.self), b = raw.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self)
        let px = V(lowHalf: a.evenHalf.evenHalf, highHalf: b.evenHalf.evenHalf)
        let py = V(lowHalf: a.oddHalf.evenHalf, highHalf: b.oddHalf.evenHalf)
        let pz = V(lowHalf: a.evenHalf.oddHalf, highHalf: b.evenHalf.oddHalf)
        let m = clipFromObject.m
        @inline(__always) func row(_ k: Int) -> V {
            V(repeating: m[4 * k]) * px + V(repeating: m[4 * k + 1]) * py + V(repeating: m[4 * k + 2]) * pz
                + V(repeating: m[4 * k + 3])
        }
        let cx = row(0), cy = row(1), cz = row(2), cw = row(3)
        let inf = V(repeating: .infinity)
        var ok = maskBits((cw .> 0) .& (cz .>= -cw) .& (cw .< inf))
        ok &= maskBits(isFinite(cx) .& isFinite(cy))
        let invW = 1 / cw
        let x = (cx * invW + 1) * 0.5 * w
        let y = (1 - cy * invW) * 0.5 * h
        let z = cz * invW * 0.5 + 0.5
        var rs = V(repeating: givenRadius(i))
        if batch.radii.count > 1 { for j in 0..<8 { rs[j] = givenRadius(i + j) } }
        let screen = rs * -frame.pixelsPerPoint
        var r = (rs * objectScale) * unitsToPixels * invW
        r.replace(with: screen, where: rs .< 0)
        ok &= maskBits(r .== r)
        r.replace(with: minRadius, where: r .< minRadius)
        r.replace(with: 1e5, where: r .> 1e5)
        ok &= maskBits(r .> 0)
        // `TileGrid.range` of the sample box, then the tiles.
        let minX = x - r - 0.875, minY = y - r - 0.875, maxX = x + r - 0.125, maxY = y + r - 0.125
        ok &= maskBits((maxX .>= 0) .& (maxY .>= 0) .& (minX .< w) .& (minY .< h) .& (minX .<= maxX) .& (minY .<= maxY))
        ok &= maskBits(isFinite(x) .& isFinite(y) .& isFinite(z))
        let okBits = laneBits(unsafeBitCast(ok, to: LaneMask.self))
        if okBits == 0 { return }
        let lastX = V(repeating: Float(grid.width - 1)), lastY = V(repeating: Float(grid.height - 1))
        let tx0 = tileIndex(minX.replacing(with: 0, where: .!(minX .> 0)))
        let ty0 = tileIndex(minY.replacing(with: 0, where: .!(minY .> 0)))
        let tx1 = tileIndex(maxX.replacing(with: lastX, where: .!(maxX .< lastX)))
        let ty1 = tileIndex(maxY.replacing(with: lastY, where: .!(maxY .< lastY)))
        var dz = V(repeating: 0)
        if batch.shape == .sphere {
            let rw = r / (unitsToPixels * invW)
            let zf = cz + rw * clipFromCameraZ.z, wf = cw + rw * clipFromCameraZ.w
            let d = z - (zf / wf * 0.5 + 0.5)
            dz.replace(with: d, where: (wf .> 0) .& (d .> 0) .& isFinite(d))
        }
        var col = SIMD8<UInt32>()
        if i + 8 <= cols.count {
            col = UnsafeRawPointer(cols.baseAddress! + i).loadUnaligned(as: SIMD8<UInt32>.self) | 0xFF00_0000
        } else {
            for j in 0..<8 { col[j] = color(cols, i + j) }
        }
        // All 8 are staged; the culled ones with `skipKey`.
        let slots = bins.stage(8), first = bins.count
        if R.hasRadius {
            storeRecords(x, y, z, r, dz, col, to: UnsafeMutableRawPointer(slots.records).assumingMemoryBound(to: PointRecord.self))
        } else {
            storeFlatRecords(x, y, z, col, to: UnsafeMutableRawPointer(slots.records).assumingMemoryBound(to: FlatPointRecord.self))
        }
        // Tile keys with the span bits for points on 2 or 2 × 2 tiles; wider ones through `Bins.key`.
        bins.writeKeys8(slots, first: first, tx0, ty0, tx1, ty1, skip: ~ok, kept: okBits)
        bins.commit(8)
    }

    /// Writes the 8 records of lanes (x, y, z, r, dz, colour) to `to`: pairs of lanes interleaved
    /// by unpack shuffles, then 16 + 8 bytes per record (written field by field, the lanes were
    /// spilled to the stack and read back one by one).
    @inline(__always)
    private func storeRecords(_ x: SIMD8<Float>, _ y: SIMD8<Float>, _ z: SIMD8<Float>, _ r: SIMD8<Float>,
                              _ dz: SIMD8<Float>, _ col: SIMD8<UInt32>, to records: UnsafeMutablePointer<PointRecord>) {
        let c = unsafeBitCast(col, to: SIMD8<Float>.self)
        let xyL = unpackLo(x, y), xyH = unpackHi(x, y), zrL = unpackLo(z, r), zrH = unpackHi(z, r)
        let dcL = unpackLo(dz, c), dcH = unpackHi(dz, c)
        let out = UnsafeMutableRawPointer(records), stride = MemoryLayout<PointRecord>.stride
        for j in 0..<8 {
            let (xy, zr, dc) = j & 2 == 0 ? (xyL, zrL, dcL) : (xyH, zrH, dcH)
            let k = (j & 1) * 2 + (j >> 2) * 4
            out.storeBytes(of: SIMD4(xy[k], xy[k + 1], zr[k], zr[k + 1]), toByteOffset: stride * j, as: SIMD4<Float>.self)
            out.storeBytes(of: SIMD2(dc[k], dc[k + 1]), toByteOffset: stride * j + 16, as: SIMD2<Float>.self)
        }
    }

    /// `storeRecords` for `FlatPointRecord`s: (x, y, z, colour) of each lane, 16 bytes each.
    @inline(__always)
    private func storeFlatRecords(_ x: SIMD8<Float>, _ y: SIMD8<Float>, _ z: SIMD8<Float>, _ col: SIMD8<UInt32>,
                                  to records: UnsafeMutablePointer<FlatPointRecord>) {
        let c = unsafeBitCast(col, to: SIMD8<Float>.self)
        let xyL = unpackLo(x, y), xyH = unpackHi(x, y), zcL = unpackLo(z, c), zcH = unpackHi(z, c)
        let out = UnsafeMutableRawPointer(records), stride = MemoryLayout<FlatPointRecord>.stride
        for j in 0..<8 {
            let (xy, zc) = j & 2 == 0 ? (xyL, zcL) : (xyH, zcH)
            let k = (j & 1) * 2 + (j >> 2) * 4
            out.storeBytes(of: SIMD4(xy[k], xy[k + 1], zc[k], zc[k + 1]), toByteOffset: stride * j, as: SIMD4<Float>.self)
        }
    }

    func touches(tile t: Int) -> Bool {
        for b in chunks where b.touches(tile: t) { return true }
        for b in flatChunks where b.touches(tile: t) { return true }
        return false
    }

    func raster(tile t: Int, _ ctx: TileContext, kernels: KernelSet) {
        // Paths chosen here, once per draw and tile; each shape gets its own specialised loops.
        switch batch.shape {
        case .disc: raster(t, ctx, kernels, DiscShape.self)
        case .square: raster(t, ctx, kernels, SquareShape.self)
        case .sphere: raster(t, ctx, kernels, SphereShape.self)
        }
    }

    private func raster<S: ShapeConstant>(_ t: Int, _ ctx: TileContext, _ kernels: KernelSet, _: S.Type) {
        let gradient = batch.shading == .gradient
        switch (kernels, directColor) {
        case (.simd, true):
            // Direct colour is opaque, and `drawOrdering` gives opaque scene draws depth test and
            // write, overlays neither.
            assert(depthTest == depthWrite)
            if depthTest { directSIMD(tile: t, ctx, S.self, DepthTestWrite.self) }
            else { directSIMD(tile: t, ctx, S.self, DepthOff.self) }
        case (.simd, false):
            if gradient && opacity == 1 && jobs < maxShadedLists {
                assert(depthTest == depthWrite)
                if depthTest { gradientSIMD(tile: t, ctx, S.self, DepthTestWrite.self) }
                else { gradientSIMD(tile: t, ctx, S.self, DepthOff.self) }
            } else {
                each(t) { pointSIMD($0, ctx, S.self, gradient: gradient, direct: false, word: 0, into: ctx.color) }
            }
        case (.scalar, true): each(t) { opaqueScalar($0, ctx, S.self, gradient: false) }
        case (.scalar, false):
            if gradient && opacity == 1 { each(t) { opaqueScalar($0, ctx, S.self, gradient: true) } }
            else { each(t) { pointScalar($0, ctx, S.self, gradient: gradient, direct: false) } }
        }
    }

    @inline(__always) private func each(_ t: Int, _ body: (PointRecord) -> Void) {
        chunks.withUnsafeBufferPointer { cs in
            for b in cs {
                b.withRecords(tile: t) { recs in for r in recs { body(r) } }
            }
        }
        flatChunks.withUnsafeBufferPointer { cs in
            for b in cs {
                b.withRecords(tile: t) { recs in for r in recs { body(r.full(radius: flatRadius)) } }
            }
        }
    }

    /// Colour of a pixel whose centre is (`cx`, `cy`) in tile pixels: the gradient shade at the
    /// centre's distance, or flat.
    @inline(__always) private func shade(_ p: PointRecord, _ cx: Float, _ cy: Float, xr: Float, yr: Float,
                                         gradient: Bool, _ t: SRGBTables) -> SIMD4<Float> {
        var c = t.unpack(p.color)
        if gradient {
            let dx = cx - xr, dy = cy - yr
            let rho = (dx * dx + dy * dy).squareRoot() / p.r
            let v = 1.2 - rho
            let s = max(0.4, (v > 0 ? v : 0).squareRoot())
            c = SIMD4(c.x * s, c.y * s, c.z * s, 1)
        }
        c.w = opacity
        return c
    }

    /// Writes a pixel's covered samples (lanes `lane0 ..< lane0 + 4` of `mask`).
    @inline(__always) private func writePixel(_ src: SIMD4<Float>, lanes mask: UInt32, at base: Int, _ ctx: TileContext) {
        let t = ctx.tables
        if opacity == 1 {
            let word = t.pack(src.x, src.y, src.z, 1)
            for k in 0..<4 where mask & (1 << k) != 0 { ctx.color[base + k] = word }
        } else {
            let s = BlendSource(linear: src, tables: t)
            for k in 0..<4 where mask & (1 << k) != 0 {
                ctx.color[base + k] = blend(s, alpha: src.w, over: ctx.color[base + k], gamma: false, t)
            }
        }
    }

    /// The general point kernel: 2-pixel spans over the point's sample box. `direct` writes `word`
    /// into the covered samples of `target` (a colour word into the colour samples, or a point's
    /// id into `gradientSIMD`'s id samples); otherwise each covered pixel is shaded and written
    /// (or blended) into the colour samples.
    @inline(__always)
    func pointSIMD<S: ShapeConstant>(_ p: PointRecord, _ ctx: TileContext, _: S.Type, gradient: Bool, direct: Bool,
                                     word: UInt32, into target: UnsafeMutablePointer<UInt32>) {
        let shape = S.shape
        let xr = p.x - Float(ctx.x0), yr = p.y - Float(ctx.y0), r = p.r
        guard let (px0, px1, py0, py1) = sampleBox(xr - r, yr - r, xr + r, yr + r, ctx) else { return }
        let r2 = r * r, invR2 = 1 / r2
        let lx = SamplePattern.laneX, ly = SamplePattern.laneY
        let wordV = SIMD8<UInt32>(repeating: word)
        for py in py0...py1 {
            let dy = (SIMD8<Float>(repeating: Float(py)) + ly) - yr
            let dy2 = dy * dy
            var px = px0
            while px <= px1 {
                let dx = (SIMD8<Float>(repeating: Float(px)) + lx) - xr
                let d2 = dx * dx + dy2
                var m: SIMDMask<SIMD8<Int32>>
                if shape == .square {
                    m = (dx .>= -r) .& (dx .<= r) .& (dy .>= -r) .& (dy .<= r)
                } else {
                    m = d2 .<= r2
                }
                if anyLane(m) {
                    let base = ((py << tileShift) + px) << 2
                    let dp = UnsafeMutableRawPointer(ctx.depth + base)
                    let z = sampleDepth(p, shape, d2, invR2)
                    let old = dp.loadUnaligned(as: SIMD8<Float>.self)
                    if depthTest { m = m .& (z .< old) }
                    if anyLane(m) {
                        if depthWrite { dp.storeBytes(of: old.replacing(with: z, where: m), as: SIMD8<Float>.self) }
                        if direct {
                            let cp = UnsafeMutableRawPointer(target + base)
                            let oc = cp.loadUnaligned(as: SIMD8<UInt32>.self)
                            cp.storeBytes(of: oc.replacing(with: wordV, where: m), as: SIMD8<UInt32>.self)
                        } else {
                            let bits = laneBits(m)
                            for k in 0..<2 where (bits >> (4 * k)) & 0xF != 0 {
                                let src = shade(p, Float(px + k) + 0.5, Float(py) + 0.5, xr: xr, yr: yr,
                                                gradient: gradient, ctx.tables)
                                writePixel(src, lanes: (bits >> (4 * k)) & 0xF, at: base + 4 * k, ctx)
                            }
                        }
                    }
                }
                px += 2
            }
        }
    }

    /// Below these radii a point's samples lie within 2 × 2 (box width 2r + 0.75 < 2), 3 × 3,
    /// 4 × 4, 5 × 5 or 6 × 6 pixels, so `blockPoint*` test a fixed block of `rows` rows × `spans`
    /// 2-pixel spans (`Block2x2` … `Block6x6`), without branches on the shape of the box (they mispredicted on most of
    /// points_1m's points). The three larger bounds keep 1/256 px from the exact ones (2.5 − 0.75
    /// over 2 and so on), far more than the rounding of the box's ends in tile coordinates.
    let smallRadius: Float = 0.625
    let mediumRadius: Float = 1.125
    let radius4: Float = 1.62109375
    let radius5: Float = 2.12109375
    let radius6: Float = 2.62109375

    /// First pixel of the fixed block of a small point (clamped so the block stays inside the tile
    /// buffer; samples outside the point's box are never covered).
    @inline(__always) func blockOrigin(_ xr: Float, _ yr: Float, _ r: Float, rows: Int, spans: Int, aligned: Bool) -> (Int, Int)? {
        let lox = (xr - r - 0.875).rounded(.up), loy = (yr - r - 0.875).rounded(.up)
        let hix = (xr + r - 0.125).rounded(.down), hiy = (yr + r - 0.125).rounded(.down)
        guard hix >= 0, hiy >= 0, lox < Float(tileSize), loy < Float(tileSize), lox <= hix, loy <= hiy else { return nil }
        // Aligned blocks start at an even pixel (2 · spans pixels hold any box of 2 · spans − 1
        // pixels): aligned accesses let the next point's loads forward from these stores
        // (unaligned overlaps stalled the depth scene's neighbouring squares). The others hold a
        // box of 2 · spans pixels with one span less than aligned: the 2-pixel box, the 4- and
        // 6-pixel boxes of the points 1.125…1.62 and 2.12…2.62 px across (most of a dense
        // cloud's points, whose neighbours in drawing order are seldom neighbours on screen).
        let x = lox > 0 ? min(aligned ? Int(lox) & ~1 : Int(lox), tileSize - 2 * spans) : 0
        let y = loy > 0 ? min(Int(loy), tileSize - rows) : 0
        return (x, y)
    }

    /// Depth of 8 samples at squared distances `d2` from the centre: the record's depth, brought forward over a
    /// sphere's cap for sphere impostors (the SIMD form of `sampleScalar`'s depth).
    @inline(__always)
    func sampleDepth(_ p: PointRecord, _ shape: PointShape, _ d2: SIMD8<Float>, _ invR2: Float) -> SIMD8<Float> {
        let z = SIMD8<Float>(repeating: p.z)
        guard shape == .sphere else { return z }
        let q = 1 - d2 * invR2
        // `q < 0 ? 0 : q` through `magnitudes` (the same bits: the lanes are +0, positive or NaN)
        // so that the square root is one vector instruction.
        return z - p.dz * magnitudes(select(maskBits(q .< 0), SIMD8<Float>(), q)).squareRoot()
    }

    /// One sample of the scalar kernels (lane `j` of the 2-pixel span at `px`, row `py`): inside the shape, then
    /// the depth test at `i`, the depth written when it passes. True when the sample is to be coloured.
    @inline(__always)
    private func sampleScalar(_ p: PointRecord, _ shape: PointShape, _ px: Int, _ py: Int, lane j: Int,
                              xr: Float, yr: Float, at i: Int, _ ctx: TileContext) -> Bool {
        let r = p.r, r2 = r * r, invR2 = 1 / r2
        let dx = (Float(px) + SamplePattern.laneX[j]) - xr
        let dy = (Float(py) + SamplePattern.laneY[j]) - yr
        let d2 = dx * dx + dy * dy
        let inside = shape == .square ? (dx >= -r && dx <= r && dy >= -r && dy <= r) : d2 <= r2
        if !inside { return false }
        var z = p.z
        if shape == .sphere {
            var q = 1 - d2 * invR2
            if q < 0 { q = 0 }
            z = z - p.dz * q.squareRoot()
        }
        if depthTest && !(z < ctx.depth[i]) { return false }
        if depthWrite { ctx.depth[i] = z }
        return true
    }

    /// The scalar reference of `opaqueRecords` (flat) and of `gradientSIMD` (`gradient`): an opaque
    /// point's covered samples over the same pixels (fixed blocks below `radius6`, else the
    /// sample box), each point shaded and written in drawing order.
    @inline(__always)
    private func opaqueScalar<S: ShapeConstant>(_ p: PointRecord, _ ctx: TileContext, _: S.Type, gradient: Bool) {
        if p.r < smallRadius { blockPointScalar(p, ctx, S.self, Block2x2.self, gradient: gradient) }
        else if p.r < mediumRadius { blockPointScalar(p, ctx, S.self, Block3x4.self, gradient: gradient) }
        else if p.r < radius4 { blockPointScalar(p, ctx, S.self, Block4x4.self, gradient: gradient) }
        else if p.r < radius5 { blockPointScalar(p, ctx, S.self, Block5x6.self, gradient: gradient) }
        else if p.r < radius6 { blockPointScalar(p, ctx, S.self, Block6x6.self, gradient: gradient) }
        else { pointScalar(p, ctx, S.self, gradient: gradient, direct: !gradient) }
    }

    @inline(__always)
    private func blockPointScalar<S: ShapeConstant, B: BlockSize>(_ p: PointRecord, _ ctx: TileContext, _: S.Type, _: B.Type,
                                                                 gradient: Bool) {
        let shape = S.shape, rows = B.rows, spans = B.spans
        let xr = p.x - Float(ctx.x0), yr = p.y - Float(ctx.y0), r = p.r
        guard let (bx, py0) = blockOrigin(xr, yr, r, rows: rows, spans: spans, aligned: B.aligned) else { return }
        for span in 0..<spans {
          let px = bx + 2 * span
          for py in py0..<py0 + rows {
            let base = ((py << tileShift) + px) << 2
            var bits: UInt32 = 0
            for j in 0..<8 {
                if sampleScalar(p, shape, px, py, lane: j, xr: xr, yr: yr, at: base + j, ctx) { bits |= 1 << j }
            }
            if !gradient {
                for j in 0..<8 where bits & (1 << j) != 0 { ctx.color[base + j] = p.color }
                continue
            }
            for k in 0..<2 where (bits >> (4 * k)) & 0xF != 0 {
                let src = shade(p, Float(px + k) + 0.5, Float(py) + 0.5, xr: xr, yr: yr, gradient: true, ctx.tables)
                writePixel(src, lanes: (bits >> (4 * k)) & 0xF, at: base + 4 * k, ctx)
            }
          }
        }
    }

    /// The scalar reference of `pointSIMD`: the same arithmetic, one lane at a time.
    @inline(__always)
    private func pointScalar<S: ShapeConstant>(_ p: PointRecord, _ ctx: TileContext, _: S.Type, gradient: Bool, direct: Bool) {
        let shape = S.shape
        let xr = p.x - Float(ctx.x0), yr = p.y - Float(ctx.y0), r = p.r
        guard let (px0, px1, py0, py1) = sampleBox(xr - r, yr - r, xr + r, yr + r, ctx) else { return }
        for py in py0...py1 {
            var px = px0
            while px <= px1 {
                let base = ((py << tileShift) + px) << 2
                var bits: UInt32 = 0
                for j in 0..<8 {
                    if sampleScalar(p, shape, px, py, lane: j, xr: xr, yr: yr, at: base + j, ctx) { bits |= 1 << j }
                }
                if bits != 0 {
                    if direct {
                        for j in 0..<8 where bits & (1 << j) != 0 { ctx.color[base + j] = p.color }
                    } else {
                        for k in 0..<2 where (bits >> (4 * k)) & 0xF != 0 {
                            let src = shade(p, Float(px + k) + 0.5, Float(py) + 0.5, xr: xr, yr: yr,
                                            gradient: gradient, ctx.tables)
                            writePixel(src, lanes: (bits >> (4 * k)) & 0xF, at: base + 4 * k, ctx)
                        }
                    }
                }
                px += 2
            }
        }
    }
}
