import Foundation

/// Triangle meshes and image quads.
///
/// Vertex stage (stage 0): every vertex is transformed and snapped once, and its attributes
/// (linear colour × albedo, world-space unit normal, texture coordinates) are stored for the
/// pixels. Binning (stage 1): triangles are checked (indices, zero area, culling), oriented to
/// positive area, clipped when a vertex needs it, and binned. A triangle whose pixel box is at most
/// 2 × 2 pixels (most of a dense mesh) has its 16 samples tested here, exactly, with the kernels'
/// edge functions: it is dropped when it covers none, and otherwise binned with its coverage mask.
/// The SIMD kernels project vertices and bin triangles eight at a time (`TriangleBinning.swift`),
/// with the same operations as the one-at-a-time scalar kernels.
///
/// Kernel (per triangle and tile): edge functions in 1/16 pixel integers with the top-left rule.
/// Per tile, an edge that has the whole box on its inner side is dropped (E ≡ 0), one that has it
/// outside rejects the triangle; the remaining edges cross the box, so their values inside the tile
/// stay below 2³¹ (|A|, |B| < 2¹⁹ from the guard band, box ≤ 512 units). A small triangle skips
/// the edges and uses its mask (the part of its block inside the tile). Depth is a screen-space
/// plane evaluated at each sample; attributes are interpolated perspective-correctly at the pixel
/// centre and the pixel is lit there (per pixel, like the viewer), shaded once and written to its
/// covered samples (for opaque untextured draws with the SIMD kernels, eight small-triangle pixels
/// at a time: `ShadeBatch`).
final class TriangleDraw: PreparedDraw {
    let mesh: MeshBatch
    let frame: FrameSetup
    let phase: Int
    let opacity: Float
    let depthTest: Bool, depthWrite: Bool
    let opaque: Bool
    let vertexCount: Int
    let triangleCount: Int
    /// Transformed vertices; stage-0 jobs write disjoint ranges, later stages only read.
    var storage: VertexStorage
    var chunks: [Bins<TriRecord>] = []
    /// Each chunk's `Bins.tileBox` (written by its binning job), read by `touches`.
    let chunkBoxes: UnsafeMutablePointer<SIMD4<Int32>>
    let clipFromObject: Mat4
    let normalMatrix: Mat4
    let albedo: SIMD3<Float>
    let light: LightModel
    let texture: Texture?
    /// Unlit, untextured, one colour: the packed word every covered sample gets.
    let constantWord: UInt32?
    /// Unlit, white vertex colours and albedo: the texture alone gives the colour.
    let whiteUnlit: Bool
    /// Raw texels of every mipmap level (owned by `texture`, which this draw keeps alive).
    let texelPointers: [UnsafePointer<UInt32>]
    /// SIMD kernels, opaque, untextured, not one colour: small triangles are shaded in batches
    /// (`ShadeBatch`) and binning writes them as sample records or `SmallTri` records
    /// (`SmallTriangleRecords.swift`).
    let compactSmall: Bool

    init(_ mesh: MeshBatch, frame: FrameSetup, pool: BinsPool<TriRecord>, vertexPool: inout [VertexStorage]) {
        self.mesh = mesh
        self.frame = frame
        opacity = sanitizedOpacity(mesh.opacity)
        texture = mesh.texture.flatMap { $0.width > 0 ? $0 : nil }
        let texAlpha = texture?.hasTransparency ?? false
        opaque = opacity == 1 && !texAlpha
        (phase, depthTest, depthWrite) = drawOrdering(layer: mesh.layer, opaque: opaque)
        vertexCount = mesh.positions.count
        triangleCount = mesh.indices.isEmpty ? vertexCount / 3 : mesh.indices.count / 3
        let cam = frame.camera(for: mesh.space)
        clipFromObject = cam.clipFromWorld * mesh.worldFromObject
        normalMatrix = mesh.worldFromObject.inverse?.transposed ?? .identity
        let t = frame.tables
        let a = t.unpack(mesh.albedo.packed)
        albedo = SIMD3(a.x, a.y, a.z)
        light = LightModel(mesh.lighting, hasNormals: !mesh.normals.isEmpty)
        if light.mode == 0 && texture == nil && mesh.colors.count <= 1 && opaque {
            let c = t.unpack(clamped(mesh.colors, 0, .white).packed)
            constantWord = t.pack(c.x * albedo.x, c.y * albedo.y, c.z * albedo.z, 1)
        } else {
            constantWord = nil
        }
        compactSmall = frame.kernels == .simd && texture == nil && opaque && constantWord == nil
        let smallSlots = compactSmall ? triangleCount : 0
        var s = vertexPool.popLast() ?? VertexStorage(capacity: 0)
        if s.capacity < vertexCount || s.smallCapacity < smallSlots {
            s = VertexStorage(capacity: max(vertexCount, s.capacity), smallCapacity: max(smallSlots, s.smallCapacity))
        }
        storage = s
        let n = (triangleCount + chunkSize - 1) / chunkSize
        chunks = (0..<n).map { _ in pool.take() }
        chunkBoxes = .allocate(capacity: max(1, n))
        chunkBoxes.initialize(repeating: SIMD4(1, 1, 0, 0), count: max(1, n))
        whiteUnlit = light.mode == 0 && mesh.albedo.packed | 0xFF00_0000 == 0xFFFF_FFFF
            && mesh.colors.allSatisfy { $0.packed | 0xFF00_0000 == 0xFFFF_FFFF }
        texelPointers = texture?.levels.map { UnsafePointer($0.storage.pointer) } ?? []
    }

    deinit { chunkBoxes.deallocate() }

    /// Gives the vertex arrays back for the next frame.
    func recycle(into pool: inout [VertexStorage]) {
        pool.append(storage)
        storage = VertexStorage(capacity: 0)
    }

    func jobCount(stage: Int) -> Int {
        stage == 0 ? (vertexCount + chunkSize - 1) / chunkSize : chunks.count
    }

    func run(stage: Int, job: Int) {
        if stage == 0 { transformVertices(job) } else { binTriangles(job) }
    }

    // MARK: vertex stage

    private func transformVertices(_ job: Int) {
        let start = job * chunkSize, end = min(start + chunkSize, vertexCount)
        let w = Float(frame.grid.width), h = Float(frame.grid.height)
        let sv = storage.screen, av = storage.attributes
        let m = clipFromObject
        mesh.positions.withUnsafeBufferPointer { pos in
            var i = start
            if frame.kernels == .simd {
                while i + 8 <= end {
                    projectEight(pos.baseAddress.unsafelyUnwrapped + i, m, width: w, height: h, into: sv + i)
                    i += 8
                }
            }
            while i < end {
                sv[i] = project(m.transformPoint(pos[i]), width: w, height: h)
                i += 1
            }
        }
        writeAttributes(start, end, av)
    }

    /// Attributes of vertices `start ..< end` (see `VertexAttributes`).
    private func writeAttributes(_ start: Int, _ end: Int, _ av: UnsafeMutablePointer<SIMD8<Float>>) {
        let t = frame.tables
        let albedo = self.albedo
        let lit = light.mode != 0
        let identityNormals = normalMatrix == .identity
        let nm = normalMatrix
        mesh.colors.withUnsafeBufferPointer { cols in
            mesh.normals.withUnsafeBufferPointer { nrm in
                mesh.texCoords.withUnsafeBufferPointer { uvs in
                    let nc = cols.count, nn = nrm.count, nu = uvs.count
                    var color = albedo
                    if nc > 0 {
                        let v = t.unpack(cols[0].packed)
                        color = SIMD3(v.x * albedo.x, v.y * albedo.y, v.z * albedo.z)
                    }
                    for i in start..<end {
                        if nc > 1 {
                            let v = t.unpack(cols[i < nc ? i : nc - 1].packed)
                            color = SIMD3(v.x * albedo.x, v.y * albedo.y, v.z * albedo.z)
                        }
                        var n = SIMD3<Float>.zero
                        if lit {
                            let raw = nrm[i < nn ? i : nn - 1]
                            let d = identityNormals ? raw : nm.transformDirection(raw)
                            let len2 = (d * d).sum()
                            if len2 > 0 && len2.isFinite { n = d * (1 / len2.squareRoot()) }
                        }
                        var uv = SIMD2<Float>.zero
                        if nu > 0 {
                            uv = uvs[i < nu ? i : nu - 1]
                            if !uv.x.isFinite { uv.x = 0 }
                            if !uv.y.isFinite { uv.y = 0 }
                        }
                        av[i] = SIMD8(color.x, color.y, color.z, n.x, n.y, n.z, uv.x, uv.y)
                    }
                }
            }
        }
    }

    /// Clip-space position and attributes of vertex `i` (after the vertex stage), for clipping.
    private func clipVertex(_ i: Int) -> ClipVertex {
        ClipVertex(c: clipFromObject.transformPoint(mesh.positions[i]), a: storage.attributes[i])
    }

    // MARK: binning

    private func binTriangles(_ job: Int) {
        let bins = chunks[job]
        let start = job * chunkSize, end = min(start + chunkSize, triangleCount)
        bins.reset(capacity: end - start)
        let grid = frame.grid
        let n = UInt32(truncatingIfNeeded: vertexCount)
        let simd = frame.kernels == .simd
        let vs = UnsafePointer(storage.screen)
        // Slots of this chunk's `SmallTri` records: from `start` on, at most one per triangle.
        let small = compactSmall ? storage.small : nil
        var smallSlot = start
        mesh.indices.withUnsafeBufferPointer { idx in
            withUnsafeTemporaryAllocation(byteCount: WordBatch.byteCount, alignment: 32) { memory in
                var words = WordBatch(memory: memory.baseAddress.unsafelyUnwrapped)
                var t = start
                if simd {
                    while t + 8 <= end {
                        binEight(t, idx, vs, n, bins, grid, small, &smallSlot, &words)
                        t += 8
                    }
                }
                words.flush(light, frame.tables)
                while t < end {
                    binOne(t, idx, vs, n, bins, grid, simd: simd)
                    t += 1
                }
            }
        }
        bins.finish(grid)
        chunkBoxes[job] = bins.tileBox()
    }

    /// Bins triangle `t` on its own; `idx` is the index buffer (empty: not indexed).
    @inline(__always)
    func binOne(_ t: Int, _ idx: UnsafeBufferPointer<UInt32>, _ vs: UnsafePointer<ScreenVertex>, _ n: UInt32,
                _ bins: Bins<TriRecord>, _ grid: TileGrid, simd: Bool) {
        let indexed = !idx.isEmpty
        let i0 = indexed ? idx[3 * t] : UInt32(3 * t)
        let i1 = indexed ? idx[3 * t + 1] : UInt32(3 * t + 1)
        let i2 = indexed ? idx[3 * t + 2] : UInt32(3 * t + 2)
        guard i0 < n, i1 < n, i2 < n else { return }
        let a = vs[Int(i0)], b = vs[Int(i1)], c = vs[Int(i2)]
        if a.needsClipping || b.needsClipping || c.needsClipping {
            clipAndAdd(Int(i0), Int(i1), Int(i2), bins, grid, simd)
        } else {
            add(i0, i1, i2, a, b, c, bins, grid, simd)
        }
    }

    @inline(__always)
    private func add(_ i0: UInt32, _ i1: UInt32, _ i2: UInt32, _ a: ScreenVertex, _ b: ScreenVertex, _ c: ScreenVertex,
                     _ bins: Bins<TriRecord>, _ grid: TileGrid, _ simd: Bool) {
        let area = snappedArea(a, b, c)
        if area == 0 { return }
        switch mesh.cull {
        case .none: break
        case .back: if area > 0 { return }
        case .front: if area < 0 { return }
        }
        // Pixels whose samples (16·p + 2 … 16·p + 14) can lie in the box.
        let minX = (mini(a.x, b.x, c.x) &+ 1) >> 4, maxX = (maxi(a.x, b.x, c.x) &- 2) >> 4
        let minY = (mini(a.y, b.y, c.y) &+ 1) >> 4, maxY = (maxi(a.y, b.y, c.y) &- 2) >> 4
        if minX > maxX || minY > maxY { return }
        var record = area > 0 ? TriRecord(i0: i0, i1: i1, i2: i2, smallMask: 0)
                              : TriRecord(i0: i0, i1: i2, i2: i1, smallMask: 0)
        // A small triangle (box of at most 2 × 2 pixels, most of a dense mesh): its 16 samples
        // are tested now, exactly, with the same edge functions as the kernels.
        if maxX - minX <= 1 && maxY - minY <= 1 {
            let (p, q, r) = area > 0 ? (a, b, c) : (a, c, b)
            let mask = simd ? coverageSIMD(p, q, r, minX, minY) : coverageScalar(p, q, r, minX, minY)
            if mask == 0 { return }
            record.smallMask = mask
        }
        guard let range = grid.range(pixelMinX: Int(minX), minY: Int(minY), maxX: Int(maxX), maxY: Int(maxY))
        else { return }
        bins.add(record, range)
    }

    /// Edge i→j relative to the 2 × 2 block at pixel (bx, by): value at the block's sample lanes,
    /// top-left bias folded in. Coordinates are within a few pixels of the block, so `Int32` is
    /// exact.
    @inline(__always)
    private func blockEdge(_ p: ScreenVertex, _ q: ScreenVertex, _ bx: Int32, _ by: Int32) -> (a: Int32, b: Int32, c: Int32) {
        let a = p.y &- q.y, b = q.x &- p.x
        let topLeft = a > 0 || (a == 0 && b > 0)
        let c = a &* (bx << 4 &- p.x) &+ b &* (by << 4 &- p.y) &- (topLeft ? 0 : 1)
        return (a, b, c)
    }

    /// The samples of the 2 × 2 pixel block at (bx, by) that a positive-area triangle covers
    /// (bit `8 · row + lane`).
    @inline(__always)
    private func coverageSIMD(_ p: ScreenVertex, _ q: ScreenVertex, _ r: ScreenVertex, _ bx: Int32, _ by: Int32) -> UInt32 {
        let e0 = blockEdge(p, q, bx, by), e1 = blockEdge(q, r, bx, by), e2 = blockEdge(r, p, bx, by)
        let lx = SamplePattern.laneXUnits, ly = SamplePattern.laneYUnits
        let o0 = e0.a &* lx &+ e0.b &* ly &+ e0.c, o1 = e1.a &* lx &+ e1.b &* ly &+ e1.c
        let o2 = e2.a &* lx &+ e2.b &* ly &+ e2.c
        let E0 = o0 &+ (e0.b << 4), E1 = o1 &+ (e1.b << 4), E2 = o2 &+ (e2.b << 4)
        // A lane is covered when the sign bit of E0 | E1 | E2 is clear: both rows' bits, one
        // reduction.
        let top = ~((o0 | o1 | o2) &>> 31) & SIMD8<Int32>(1, 2, 4, 8, 16, 32, 64, 128)
        let bottom = ~((E0 | E1 | E2) &>> 31) & SIMD8<Int32>(256, 512, 1024, 2048, 4096, 8192, 16384, 32768)
        let v = top | bottom
        let h4 = v.lowHalf | v.highHalf
        let h2 = h4.lowHalf | h4.highHalf
        return UInt32(truncatingIfNeeded: h2[0] | h2[1])
    }

    /// The scalar reference of `coverageSIMD`.
    @inline(__always)
    private func coverageScalar(_ p: ScreenVertex, _ q: ScreenVertex, _ r: ScreenVertex, _ bx: Int32, _ by: Int32) -> UInt32 {
        let e0 = blockEdge(p, q, bx, by), e1 = blockEdge(q, r, bx, by), e2 = blockEdge(r, p, bx, by)
        var mask: UInt32 = 0
        for row: Int32 in 0...1 {
            for j in 0..<8 {
                let x = SamplePattern.laneXUnits[j], y = SamplePattern.laneYUnits[j] &+ (row << 4)
                let E0 = e0.a &* x &+ e0.b &* y &+ e0.c
                let E1 = e1.a &* x &+ e1.b &* y &+ e1.c
                let E2 = e2.a &* x &+ e2.b &* y &+ e2.c
                if E0 | E1 | E2 >= 0 { mask |= 1 << (8 * UInt32(row) + UInt32(j)) }
            }
        }
        return mask
    }

    private func clipAndAdd(_ i0: Int, _ i1: Int, _ i2: Int, _ bins: Bins<TriRecord>, _ grid: TileGrid, _ simd: Bool) {
        let poly = clipPolygon([clipVertex(i0), clipVertex(i1), clipVertex(i2)],
                               width: Float(grid.width), height: Float(grid.height))
        guard poly.count >= 3 else { return }
        let base = UInt32(bins.extraVertices.count)
        bins.extraVertices.append(contentsOf: poly)
        for k in 1..<poly.count - 1 {
            add(base | clippedVertexFlag, (base + UInt32(k)) | clippedVertexFlag, (base + UInt32(k + 1)) | clippedVertexFlag,
                poly[0].s, poly[k].s, poly[k + 1].s, bins, grid, simd)
        }
    }

    func touches(tile t: Int) -> Bool {
        // Most tiles lie outside every chunk's box (one contiguous array), and are answered there.
        let tx = Int32(truncatingIfNeeded: t % frame.grid.tilesX), ty = Int32(truncatingIfNeeded: t / frame.grid.tilesX)
        for j in 0..<chunks.count {
            let b = chunkBoxes[j]
            if b[0] <= tx && b[1] <= ty && b[2] <= -tx && b[3] <= -ty && chunks[j].touches(tile: t) { return true }
        }
        return false
    }

    // MARK: tiles

    /// Where a tile reads a triangle's vertices: the draw's arrays, or a chunk's clipped vertices.
    struct VertexSource {
        let screen: UnsafePointer<ScreenVertex>
        let attributes: UnsafePointer<SIMD8<Float>>
        let extra: UnsafePointer<TriVertex>?

        @inline(__always) func position(_ i: UInt32) -> ScreenVertex {
            i & clippedVertexFlag == 0 ? screen[Int(i)] : extra.unsafelyUnwrapped[Int(i & ~clippedVertexFlag)].s
        }

        @inline(__always) func attributes(_ i: UInt32) -> SIMD8<Float> {
            if i & clippedVertexFlag == 0 {
                return attributes[Int(i)]
            }
            return extra.unsafelyUnwrapped[Int(i & ~clippedVertexFlag)].a.simd
        }
    }

    func raster(tile t: Int, _ ctx: TileContext, kernels: KernelSet) {
        let screen = UnsafePointer(storage.screen), attributes = UnsafePointer(storage.attributes)
        let smalls = UnsafePointer(storage.small)
        // Small triangles of an opaque untextured draw are shaded in batches (SIMD kernels); the
        // draw was binned with `SmallTri` records then (`compactSmall` follows the frame's kernels).
        let lanes = SampleLanes(x: SamplePattern.laneX, y: SamplePattern.laneY)
        let lx = SamplePattern.laneX.lowHalf, ly = SamplePattern.laneY.lowHalf
        withUnsafeTemporaryAllocation(byteCount: ShadeBatch.byteCount, alignment: 32) { memory in
            var batch = ShadeBatch(memory: memory.baseAddress.unsafelyUnwrapped)
            for b in chunks {
                b.withRecords(tile: t) { recs in
                    b.extraVertices.withUnsafeBufferPointer { extra in
                        let src = VertexSource(screen: screen, attributes: attributes, extra: extra.baseAddress)
                        if compactSmall {
                            for r in recs {
                                if r.smallMask == compactSampleFlag {
                                    if batch.count != 0 { batch.flush(light, ctx) }
                                    compactSample(r, ctx)
                                } else if r.smallMask & compactSmallFlag != 0 {
                                    // Queued pixels of earlier triangles are written first.
                                    if batch.count != 0 { batch.flush(light, ctx) }
                                    compactSmallTriangle(r, smalls, ctx, lx, ly)
                                } else {
                                    triangle(r, src, ctx, lanes, &batch)
                                }
                            }
                            return
                        }
                        switch kernels {
                        case .simd: for r in recs { triangle(r, src, ctx, lanes, simd: true) }
                        case .scalar: for r in recs { triangle(r, src, ctx, lanes, simd: false) }
                        }
                    }
                }
            }
            batch.flush(light, ctx)
        }
    }

    /// Edge `(A, B, C)` in tile-relative 1/16 pixels, top-left bias folded into C.
    struct Edge { var a: Int32, b: Int32, c: Int32 }

    /// A triangle's three edges at the 8 sample lanes of 2-pixel spans (`SamplePattern`), for the kernels
    /// that walk a box row by row: `row(py)` once per row, then `mask` (SIMD) or `bits` (its scalar
    /// reference, lane by lane) per span; both give the same coverage (exact integer arithmetic).
    struct SpanEdges {
        let e0: Edge, e1: Edge, e2: Edge
        /// Each edge's offset at the 8 lanes from the span's first pixel corner.
        let o0: SIMD8<Int32>, o1: SIMD8<Int32>, o2: SIMD8<Int32>

        @inline(__always) init(_ e0: Edge, _ e1: Edge, _ e2: Edge) {
            self.e0 = e0; self.e1 = e1; self.e2 = e2
            let lxu = SamplePattern.laneXUnits, lyu = SamplePattern.laneYUnits
            o0 = e0.a &* lxu &+ e0.b &* lyu; o1 = e1.a &* lxu &+ e1.b &* lyu; o2 = e2.a &* lxu &+ e2.b &* lyu
        }

        /// The edges at the left end (x = 0) of row `py`'s sample band.
        @inline(__always) func row(_ py: Int) -> SIMD3<Int32> {
            SIMD3(e0.c &+ e0.b &* Int32(py << 4), e1.c &+ e1.b &* Int32(py << 4), e2.c &+ e2.b &* Int32(py << 4))
        }

        /// Lanes of the span at pixel `px` inside all three edges.
        @inline(__always) func mask(_ r: SIMD3<Int32>, _ px: Int) -> LaneMask {
            let pxu = Int32(px << 4)
            let E0 = o0 &+ (r[0] &+ e0.a &* pxu), E1 = o1 &+ (r[1] &+ e1.a &* pxu), E2 = o2 &+ (r[2] &+ e2.a &* pxu)
            return (E0 | E1 | E2) .>= SIMD8<Int32>(repeating: 0)
        }

        /// `mask` one lane at a time, as lane bits (bit `j` = lane `j`).
        @inline(__always) func bits(_ r: SIMD3<Int32>, _ px: Int) -> UInt32 {
            let pxu = Int32(px << 4)
            var covered: UInt32 = 0
            for j in 0..<8 {
                let lxu = SamplePattern.laneXUnits[j], lyu = SamplePattern.laneYUnits[j]
                let E0 = (e0.a &* lxu &+ e0.b &* lyu) &+ (r[0] &+ e0.a &* pxu)
                let E1 = (e1.a &* lxu &+ e1.b &* lyu) &+ (r[1] &+ e1.a &* pxu)
                let E2 = (e2.a &* lxu &+ e2.b &* lyu) &+ (r[2] &+ e2.a &* pxu)
                if (E0 | E1 | E2) >= 0 { covered |= 1 << j }
            }
            return covered
        }
    }

    /// Per tile: edge `i → j` of the triangle, `.none` when the box is outside it (the triangle
    /// misses the box), `E ≡ 0` when the box is inside it.
    @inline(__always)
    func edge(_ xi: Int32, _ yi: Int32, _ xj: Int32, _ yj: Int32, box: (Int64, Int64, Int64, Int64)) -> Edge? {
        let a = Int64(yi) - Int64(yj), b = Int64(xj) - Int64(xi)
        let topLeft = a > 0 || (a == 0 && b > 0)
        let c = -(a * Int64(xi) + b * Int64(yi)) - (topLeft ? 0 : 1)
        let e00 = a * box.0 + b * box.1 + c
        let e10 = e00 + a * (box.2 - box.0), e01 = e00 + b * (box.3 - box.1), e11 = e10 + b * (box.3 - box.1)
        if e00 < 0 && e10 < 0 && e01 < 0 && e11 < 0 { return nil }
        if e00 >= 0 && e10 >= 0 && e01 >= 0 && e11 >= 0 { return Edge(a: 0, b: 0, c: 0) }
        return Edge(a: Int32(a), b: Int32(b), c: Int32(c))
    }

    /// Mask of the lanes whose bit is set in `bits` (bit `j` = lane `j`).
    @inline(__always) private func laneMask(_ bits: UInt32) -> LaneMask {
        let v = SIMD8<Int32>(repeating: Int32(bitPattern: bits)) & SIMD8<Int32>(1, 2, 4, 8, 16, 32, 64, 128)
        return v .!= SIMD8<Int32>(repeating: 0)
    }

    @inline(__always)
    private func triangle(_ rec: TriRecord, _ src: VertexSource, _ ctx: TileContext, _ lanes: SampleLanes, simd: Bool) {
        let v0 = src.position(rec.i0), v1 = src.position(rec.i1), v2 = src.position(rec.i2)
        if rec.smallMask != 0 {
            smallTriangle(rec, v0, v1, v2, src, ctx, lanes, simd: simd)
            return
        }
        generalTriangle(rec, v0, v1, v2, src, ctx, simd: simd)
    }

    /// `triangle` for the SIMD kernels of a batched draw (see `ShadeBatch`): the batch is flushed
    /// before the general path writes colour.
    @inline(__always)
    private func triangle(_ rec: TriRecord, _ src: VertexSource, _ ctx: TileContext, _ lanes: SampleLanes,
                          _ batch: inout ShadeBatch) {
        let v0 = src.position(rec.i0), v1 = src.position(rec.i1), v2 = src.position(rec.i2)
        if rec.smallMask != 0 {
            smallTriangle(rec, v0, v1, v2, src, ctx, lanes, &batch)
            return
        }
        batch.flush(light, ctx)
        generalTriangle(rec, v0, v1, v2, src, ctx, simd: true)
    }

    /// The part of a small triangle's block inside the tile, as a 2-pixel span: its first tile
    /// pixel `sx` (kept within the 32-pixel row so that the span's 8 lanes are in the buffer) and
    /// the coverage mask moved to the span's lanes (bit `8 · row + lane`), without pixels outside
    /// the tile's part of the frame. `by` is the block's first row.
    @inline(__always)
    private func blockSpan(_ mask: UInt32, _ bx: Int, _ by: Int, _ ctx: TileContext) -> (sx: Int, mask: UInt32) {
        var m = mask
        if by < 0 { m &= 0xFF00 }
        if by + 1 >= ctx.h { m &= 0x00FF }
        if bx < 0 { return (0, (m >> 4) & 0x0F0F) }     // the block's second column is tile pixel 0
        if bx + 1 >= ctx.w { m &= 0x0F0F }
        if bx == tileSize - 1 { return (bx - 1, (m << 4) & 0xF0F0) }
        return (bx, m)
    }

    /// A small triangle: the binned mask gives coverage (see `blockSpan` for blocks across the
    /// tile's border). Depth is tested (and written) per row of the block; the scalar kernels and
    /// unbatched draws shade the passing pixels at once.
    @inline(__always)
    private func smallTriangle(_ rec: TriRecord, _ v0: ScreenVertex, _ v1: ScreenVertex, _ v2: ScreenVertex,
                               _ src: VertexSource, _ ctx: TileContext, _ lanes: SampleLanes, simd: Bool) {
        let (sx, by, g, passed) = smallDepth(rec, v0, v1, v2, ctx, lanes, simd: simd)
        if passed.0 | passed.1 == 0 { return }
        if texture == nil && opaque {
            // The common mesh case, shaded from values in registers (see `PixelShader.litWord`).
            let (p0, p1, p2, q0, q1, q2) = weightedAttributes(rec, v0, v1, v2, src)
            let light = self.light, t = ctx.tables
            eachCoveredPixel(passed, sx, by) { px, py, lanes in
                let a = PixelShader.interpolate(g, p0, p1, p2, q0, q1, q2, Float(px) + 0.5, Float(py) + 0.5)
                let word = PixelShader.litWord(a, light, t)
                let at = ((py << tileShift) + px) << 2
                for s in 0..<4 where lanes & (1 << s) != 0 { ctx.color[at + s] = word }
            }
            return
        }
        var shader = PixelShader(draw: self, g)
        for row in 0..<2 {
            let bits = row == 0 ? passed.0 : passed.1
            if bits == 0 { continue }
            let py = by + row
            writePixels(bits, sx, py, ((py << tileShift) + sx) << 2, &shader, rec, v0, v1, v2, src, ctx)
        }
    }

    /// `smallTriangle` for a batched draw: passing pixels are queued.
    @inline(__always)
    private func smallTriangle(_ rec: TriRecord, _ v0: ScreenVertex, _ v1: ScreenVertex, _ v2: ScreenVertex,
                               _ src: VertexSource, _ ctx: TileContext, _ lanes: SampleLanes,
                               _ batch: inout ShadeBatch) {
        let (sx, by, g, passed) = smallDepth(rec, v0, v1, v2, ctx, lanes, simd: true)
        if passed.0 | passed.1 == 0 { return }
        let (p0, p1, p2, q0, q1, q2) = weightedAttributes(rec, v0, v1, v2, src)
        eachCoveredPixel(passed, sx, by) { px, py, lanes in
            let (s, d) = PixelShader.interpolationTerms(g, p0, p1, p2, q0, q1, q2, Float(px) + 0.5, Float(py) + 0.5)
            batch.push(s, d, at: ((py << tileShift) + px) << 2, lanes: lanes, light, ctx)
        }
    }

    /// The corners' attributes times their `1/w`, and the `1/w`s: the inputs of perspective-correct interpolation.
    @inline(__always)
    private func weightedAttributes(_ rec: TriRecord, _ v0: ScreenVertex, _ v1: ScreenVertex, _ v2: ScreenVertex,
                                    _ src: VertexSource)
        -> (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, Float, Float, Float) {
        let q0 = v0.invW, q1 = v1.invW, q2 = v2.invW
        return (src.attributes(rec.i0) * SIMD8(repeating: q0), src.attributes(rec.i1) * SIMD8(repeating: q1),
                src.attributes(rec.i2) * SIMD8(repeating: q2), q0, q1, q2)
    }

    /// Calls `body(px, py, lanes)` for each pixel of the 2 × 2 block at (`sx`, `by`) with passing samples, row by
    /// row (`passed`: the rows' 8 lane bits, 4 per pixel); `lanes` holds that pixel's 4 bits.
    @inline(__always)
    private func eachCoveredPixel(_ passed: (UInt32, UInt32), _ sx: Int, _ by: Int, _ body: (Int, Int, UInt32) -> Void) {
        for row in 0..<2 {
            let bits = row == 0 ? passed.0 : passed.1
            if bits == 0 { continue }
            for k in 0..<2 {
                let lanes = (bits >> (4 * UInt32(k))) & 0xF
                if lanes != 0 { body(sx + k, by + row, lanes) }
            }
        }
    }

    /// Depth test (and write) of a small triangle's covered samples: the span's first pixel and
    /// row, the geometry, and the lanes that passed in each row of the block.
    @inline(__always)
    private func smallDepth(_ rec: TriRecord, _ v0: ScreenVertex, _ v1: ScreenVertex, _ v2: ScreenVertex,
                            _ ctx: TileContext, _ lanes: SampleLanes, simd: Bool) -> (Int, Int, TriangleGeometry, (UInt32, UInt32)) {
        let bx = Int(SmallTriangle.blockX(v0, v1, v2)) - ctx.x0, by = Int(SmallTriangle.blockY(v0, v1, v2)) - ctx.y0
        let (sx, mask) = blockSpan(rec.smallMask, bx, by, ctx)
        let g = TriangleGeometry(v0, v1, v2, ox: Int32(ctx.x0 << 4), oy: Int32(ctx.y0 << 4))
        if mask == 0 { return (sx, by, g, (0, 0)) }
        let dz = DepthPlane(g, v0, v1, v2)
        var passed: (UInt32, UInt32) = (0, 0)
        for row in 0..<2 {
            let rowBits = (mask >> (8 * UInt32(row))) & 0xFF
            if rowBits == 0 { continue }
            let py = by + row
            let base = ((py << tileShift) + sx) << 2
            let bits = simd ? depthTestSIMD(laneMask(rowBits), dz.span(g, sx, py, laneX: lanes.x, laneY: lanes.y), base, ctx)
                            : depthSpanScalar(rowBits, dz, g, sx, py, base, ctx)
            if row == 0 { passed.0 = bits } else { passed.1 = bits }
        }
        return (sx, by, g, passed)
    }

    /// Depth test (and write) of the covered lanes `m` of the span at tile pixel (px, py); the
    /// lanes that pass, as bits. Constant-colour draws also write their colour here.
    @inline(__always)
    private func depthSpanSIMD(_ m: LaneMask, _ dz: DepthPlane, _ g: TriangleGeometry, _ px: Int, _ py: Int, _ base: Int,
                               _ ctx: TileContext) -> UInt32 {
        depthTestSIMD(m, dz.span(g, px, py), base, ctx)
    }

    /// Depth test (and write) of depths `z` in the covered lanes `m` of the span at `base`.
    @inline(__always)
    private func depthTestSIMD(_ m: LaneMask, _ z: SIMD8<Float>, _ base: Int, _ ctx: TileContext) -> UInt32 {
        var m = m
        let dp = UnsafeMutableRawPointer(ctx.depth + base)
        let old = dp.loadUnaligned(as: SIMD8<Float>.self)
        if depthTest { m = m .& (z .< old) }
        if !anyLane(m) { return 0 }
        if depthWrite { dp.storeBytes(of: old.replacing(with: z, where: m), as: SIMD8<Float>.self) }
        if let word = constantWord {
            let cp = UnsafeMutableRawPointer(ctx.color + base)
            let oc = cp.loadUnaligned(as: SIMD8<UInt32>.self)
            cp.storeBytes(of: oc.replacing(with: SIMD8(repeating: word), where: m), as: SIMD8<UInt32>.self)
            return 0
        }
        return laneBits(m)
    }

    /// The scalar reference of `depthSpanSIMD`, for covered lanes `bits`.
    @inline(__always)
    private func depthSpanScalar(_ covered: UInt32, _ dz: DepthPlane, _ g: TriangleGeometry, _ px: Int, _ py: Int,
                                 _ base: Int, _ ctx: TileContext) -> UInt32 {
        var bits: UInt32 = 0
        for j in 0..<8 where covered & (1 << j) != 0 {
            let z = dz.lane(g, px, py, j)
            if depthTest && !(z < ctx.depth[base + j]) { continue }
            if depthWrite { ctx.depth[base + j] = z }
            bits |= 1 << j
        }
        if let word = constantWord {
            for j in 0..<8 where bits & (1 << j) != 0 { ctx.color[base + j] = word }
            return 0
        }
        return bits
    }

    @inline(__always)
    private func generalTriangle(_ rec: TriRecord, _ v0: ScreenVertex, _ v1: ScreenVertex, _ v2: ScreenVertex,
                                 _ src: VertexSource, _ ctx: TileContext, simd: Bool) {
        let ox = Int32(ctx.x0 << 4), oy = Int32(ctx.y0 << 4)
        let xs = SIMD3<Int32>(v0.x &- ox, v1.x &- ox, v2.x &- ox)
        let ys = SIMD3<Int32>(v0.y &- oy, v1.y &- oy, v2.y &- oy)
        let minX = max(0, Int((mini(xs[0], xs[1], xs[2]) &+ 1) >> 4))
        let maxX = min(ctx.w - 1, Int((maxi(xs[0], xs[1], xs[2]) &- 2) >> 4))
        let minY = max(0, Int((mini(ys[0], ys[1], ys[2]) &+ 1) >> 4))
        let maxY = min(ctx.h - 1, Int((maxi(ys[0], ys[1], ys[2]) &- 2) >> 4))
        guard minX <= maxX, minY <= maxY else { return }
        // Edges are dropped when they hold over this box, so it spans whole 2-pixel spans: the
        // kernels test the pixel beside an odd `minX` or an even `maxX` too.
        let box = (Int64((minX & ~1) << 4), Int64(minY << 4), Int64(((maxX | 1) + 1) << 4), Int64((maxY + 1) << 4))
        guard let e0 = edge(xs[0], ys[0], xs[1], ys[1], box: box),
              let e1 = edge(xs[1], ys[1], xs[2], ys[2], box: box),
              let e2 = edge(xs[2], ys[2], xs[0], ys[0], box: box) else { return }
        let g = TriangleGeometry(v0, v1, v2, ox: ox, oy: oy)
        var shader = PixelShader(draw: self, g)
        if !depthTest && opaque && e0.a | e0.b | e1.a | e1.b | e2.a | e2.b == 0 {
            // The box lies inside all three edges and nothing is depth-tested: every sample of
            // every pixel is covered (big image quads, backgrounds). Shared by both kernel sets.
            fillBox(minX, maxX, minY, maxY, &shader, rec, v0, v1, v2, src, ctx, into: nil)
            return
        }
        if !depthTest && !depthWrite && opaque && texture != nil {
            // An image edge (no depth): nearest texels of a separable image fetched per box.
            prepare(&shader, rec, v0, v1, v2, src)
            if shader.separable, let tx = shader.texels {
                fillSeparableEdges(e0, e1, e2, minX, maxX, minY, maxY, shader, tx, ctx, simd: simd)
                return
            }
        }
        let dz = DepthPlane(g, v0, v1, v2)
        let edges = SpanEdges(e0, e1, e2)
        if simd {
            for py in minY...maxY {
                let r = edges.row(py)
                var px = minX & ~1
                while px <= maxX {
                    let m = edges.mask(r, px)
                    if anyLane(m) {
                        let base = ((py << tileShift) + px) << 2
                        let bits = depthSpanSIMD(m, dz, g, px, py, base, ctx)
                        if bits != 0 { writePixels(bits, px, py, base, &shader, rec, v0, v1, v2, src, ctx) }
                    }
                    px += 2
                }
            }
        } else {
            for py in minY...maxY {
                let r = edges.row(py)
                var px = minX & ~1
                while px <= maxX {
                    let base = ((py << tileShift) + px) << 2
                    let covered = edges.bits(r, px)
                    if covered != 0 {
                        let bits = depthSpanScalar(covered, dz, g, px, py, base, ctx)
                        if bits != 0 { writePixels(bits, px, py, base, &shader, rec, v0, v1, v2, src, ctx) }
                    }
                    px += 2
                }
            }
        }
    }

    @inline(__always)
    func prepare(_ shader: inout PixelShader, _ rec: TriRecord, _ v0: ScreenVertex, _ v1: ScreenVertex,
                 _ v2: ScreenVertex, _ src: VertexSource) {
        if !shader.ready {
            shader.prepare(v0, v1, v2, src.attributes(rec.i0), src.attributes(rec.i1), src.attributes(rec.i2))
        }
    }

    /// Shades and writes the covered samples of the span's two pixels.
    @inline(__always)
    private func writePixels(_ bits: UInt32, _ px: Int, _ py: Int, _ base: Int, _ sh: inout PixelShader,
                             _ rec: TriRecord, _ v0: ScreenVertex, _ v1: ScreenVertex, _ v2: ScreenVertex,
                             _ src: VertexSource, _ ctx: TileContext) {
        prepare(&sh, rec, v0, v1, v2, src)
        let t = ctx.tables
        for k in 0..<2 {
            let lanes = (bits >> (4 * k)) & 0xF
            if lanes == 0 { continue }
            let at = base + 4 * k
            if opaque {
                let word = sh.shadeWord(Float(px + k) + 0.5, Float(py) + 0.5, t)
                if lanes == 0xF {
                    UnsafeMutableRawPointer(ctx.color + at).storeBytes(of: SIMD4<UInt32>(repeating: word), as: SIMD4<UInt32>.self)
                } else {
                    for s in 0..<4 where lanes & (1 << s) != 0 { ctx.color[at + s] = word }
                }
            } else {
                let c = sh.shade(Float(px + k) + 0.5, Float(py) + 0.5, t)
                let bs = BlendSource(linear: c, tables: t)
                for s in 0..<4 where lanes & (1 << s) != 0 {
                    ctx.color[at + s] = blend(bs, alpha: c.w, over: ctx.color[at + s], gamma: false, t)
                }
            }
        }
    }
}
