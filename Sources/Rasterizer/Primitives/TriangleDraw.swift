import Foundation

/// Triangle meshes and image quads.
///
/// Vertex stage (stage 0): every vertex is transformed, lit (Gouraud, linear light) and snapped
/// once. Binning (stage 1): triangles are checked (indices, zero area, culling, samples hit),
/// oriented to positive area, clipped when a vertex needs it, and binned.
///
/// Kernel (per triangle and tile): edge functions in 1/16 pixel integers with the top-left rule.
/// Per tile, an edge that has the whole box on its inner side is dropped (E ≡ 0), one that has it
/// outside rejects the triangle; the remaining edges cross the box, so their values inside the tile
/// stay below 2³¹ (|A|, |B| < 2¹⁹ from the guard band, box ≤ 512 units). Depth is a screen-space
/// plane evaluated at each sample; colour and texture coordinates are interpolated
/// perspective-correctly at the pixel centre (shaded once per pixel, written to covered samples).
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
    var vertices: UnsafeMutablePointer<TriVertex> { storage.pointer }
    var chunks: [Bins<TriRecord>] = []
    let clipFromObject: Mat4
    let normalMatrix: Mat4
    let albedo: SIMD3<Float>
    let lit: Bool
    let texture: Texture?
    /// Unlit, untextured, one colour: the packed word every covered sample gets.
    let constantWord: UInt32?
    /// Unlit, white vertex colours and albedo: the texture alone gives the colour.
    let whiteUnlit: Bool
    /// Raw texels of every mipmap level (owned by `texture`, which this draw keeps alive).
    let texelPointers: [UnsafePointer<UInt32>]

    init(_ mesh: MeshBatch, frame: FrameSetup, pool: BinsPool<TriRecord>, vertexPool: inout [VertexStorage]) {
        self.mesh = mesh
        self.frame = frame
        opacity = sanitizedOpacity(mesh.opacity)
        texture = mesh.texture.flatMap { $0.width > 0 ? $0 : nil }
        let texAlpha = texture?.hasTransparency ?? false
        opaque = opacity == 1 && !texAlpha
        phase = mesh.layer == .overlay ? 2 : (opaque ? 0 : 1)
        depthTest = mesh.layer == .scene
        depthWrite = phase == 0
        vertexCount = mesh.positions.count
        triangleCount = mesh.indices.isEmpty ? vertexCount / 3 : mesh.indices.count / 3
        let cam = frame.camera(for: mesh.space)
        clipFromObject = cam.clipFromWorld * mesh.worldFromObject
        normalMatrix = mesh.worldFromObject.inverse?.transposed ?? .identity
        let t = frame.tables
        let a = t.unpack(mesh.albedo.packed)
        albedo = SIMD3(a.x, a.y, a.z)
        lit = mesh.lighting != .unlit && !mesh.normals.isEmpty
        if !lit && texture == nil && mesh.colors.count <= 1 && opaque {
            let c = t.unpack(clamped(mesh.colors, 0, .white).packed)
            constantWord = t.pack(c.x * albedo.x, c.y * albedo.y, c.z * albedo.z, 1)
        } else {
            constantWord = nil
        }
        var s = vertexPool.popLast() ?? VertexStorage(capacity: 0)
        if s.capacity < vertexCount { s = VertexStorage(capacity: vertexCount) }
        storage = s
        let n = (triangleCount + chunkSize - 1) / chunkSize
        chunks = (0..<n).map { _ in pool.take() }
        whiteUnlit = !lit && mesh.albedo.packed | 0xFF00_0000 == 0xFFFF_FFFF
            && mesh.colors.allSatisfy { $0.packed | 0xFF00_0000 == 0xFFFF_FFFF }
        texelPointers = texture?.levels.map { UnsafePointer($0.storage.pointer) } ?? []
    }

    /// Gives the vertex array back for the next frame.
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

    /// Lit linear colour, texture coordinates and clip position of vertex `i`.
    @inline(__always) func clipVertex(_ i: Int) -> ClipVertex {
        let t = frame.tables
        let c = clipFromObject.transformPoint(mesh.positions[i])
        var color = albedo
        if !mesh.colors.isEmpty {
            let v = t.unpack(clamped(mesh.colors, i, .white).packed)
            color = SIMD3(v.x * albedo.x, v.y * albedo.y, v.z * albedo.z)
        }
        if lit {
            let n = normalMatrix.transformDirection(clamped(mesh.normals, i, .zero))
            let len2 = (n * n).sum()
            if len2 > 0 && len2.isFinite {
                color = color * lightFactor(n / len2.squareRoot())
            }
        }
        let uv = mesh.texCoords.isEmpty ? SIMD2<Float>.zero : clamped(mesh.texCoords, i, .zero)
        return ClipVertex(c: c, color: color, uv: uv)
    }

    @inline(__always) func lightFactor(_ n: SIMD3<Float>) -> Float {
        @inline(__always) func sat(_ x: Float) -> Float { x > 0 ? (x < 1 ? x : 1) : 0 }
        switch mesh.lighting {
        case .unlit: return 1
        case .viewerRig:
            let l1 = SIMD3<Float>(0.26726124, 0.5345225, 0.8017837)       // normalize(1, 2, 3)
            let l2 = SIMD3<Float>(-0.16903085, -0.50709254, -0.8451542)   // normalize(−1, −3, −5)
            let s = 0.2 + sat((n * l1).sum()) + 0.5 * sat((n * l2).sum())
            return s < 1 ? s : 1
        case .lambert(let dir, let ambient):
            let d = (n * dir).sum()
            return ambient + (1 - ambient) * (d > 0 ? d : 0)
        }
    }

    private func transformVertices(_ job: Int) {
        let start = job * chunkSize, end = min(start + chunkSize, vertexCount)
        let w = Float(frame.grid.width), h = Float(frame.grid.height)
        let out = vertices
        for i in start..<end { out[i] = project(clipVertex(i), width: w, height: h) }
    }

    // MARK: binning

    private func binTriangles(_ job: Int) {
        let bins = chunks[job]
        let start = job * chunkSize, end = min(start + chunkSize, triangleCount)
        bins.reset(capacity: end - start)
        let grid = frame.grid
        let n = UInt32(truncatingIfNeeded: vertexCount)
        let indexed = !mesh.indices.isEmpty
        do {
            let vs = UnsafePointer(vertices)
            mesh.indices.withUnsafeBufferPointer { idx in
                for t in start..<end {
                    let i0 = indexed ? idx[3 * t] : UInt32(3 * t)
                    let i1 = indexed ? idx[3 * t + 1] : UInt32(3 * t + 1)
                    let i2 = indexed ? idx[3 * t + 2] : UInt32(3 * t + 2)
                    guard i0 < n, i1 < n, i2 < n else { continue }
                    let a = vs[Int(i0)], b = vs[Int(i1)], c = vs[Int(i2)]
                    if a.clip | b.clip | c.clip == 0 {
                        add(i0, i1, i2, a, b, c, bins, grid)
                    } else {
                        clipAndAdd(Int(i0), Int(i1), Int(i2), bins, grid)
                    }
                }
            }
        }
        bins.finish(grid)
    }

    @inline(__always)
    private func add(_ i0: UInt32, _ i1: UInt32, _ i2: UInt32, _ a: TriVertex, _ b: TriVertex, _ c: TriVertex,
                     _ bins: Bins<TriRecord>, _ grid: TileGrid) {
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
        // A small triangle (box of at most 2 × 2 pixels, most of a dense mesh) is dropped here
        // unless it covers one of those 16 samples: exact, same edge functions as the kernels.
        if maxX - minX <= 1 && maxY - minY <= 1 {
            let (p, q, r) = area > 0 ? (a, b, c) : (a, c, b)
            let hit = frame.kernels == .simd ? coversSampleSIMD(p, q, r, minX, minY) : coversSampleScalar(p, q, r, minX, minY)
            if !hit { return }
        }
        guard let range = grid.range(pixelMinX: Int(minX), minY: Int(minY), maxX: Int(maxX), maxY: Int(maxY))
        else { return }
        bins.add(area > 0 ? TriRecord(i0: i0, i1: i1, i2: i2) : TriRecord(i0: i0, i1: i2, i2: i1), range)
    }

    /// Edge i→j relative to the 2 × 2 block at pixel (bx, by): value at the block's sample lanes,
    /// top-left bias folded in. Coordinates are within a few pixels of the block, so `Int32` is
    /// exact.
    @inline(__always)
    private func blockEdge(_ p: TriVertex, _ q: TriVertex, _ bx: Int32, _ by: Int32) -> (a: Int32, b: Int32, c: Int32) {
        let a = p.y &- q.y, b = q.x &- p.x
        let topLeft = a > 0 || (a == 0 && b > 0)
        let c = a &* (bx << 4 &- p.x) &+ b &* (by << 4 &- p.y) &- (topLeft ? 0 : 1)
        return (a, b, c)
    }

    /// Whether a positive-area triangle covers a sample of the 2 × 2 pixel block at (bx, by).
    @inline(__always)
    private func coversSampleSIMD(_ p: TriVertex, _ q: TriVertex, _ r: TriVertex, _ bx: Int32, _ by: Int32) -> Bool {
        let e0 = blockEdge(p, q, bx, by), e1 = blockEdge(q, r, bx, by), e2 = blockEdge(r, p, bx, by)
        let lx = SamplePattern.laneXUnits, ly = SamplePattern.laneYUnits
        for row: Int32 in 0...1 {
            let y = ly &+ (row << 4)
            let E0 = e0.a &* lx &+ e0.b &* y &+ e0.c
            let E1 = e1.a &* lx &+ e1.b &* y &+ e1.c
            let E2 = e2.a &* lx &+ e2.b &* y &+ e2.c
            if anyLane((E0 | E1 | E2) .>= SIMD8<Int32>(repeating: 0)) { return true }
        }
        return false
    }

    /// The scalar reference of `coversSampleSIMD`.
    @inline(__always)
    private func coversSampleScalar(_ p: TriVertex, _ q: TriVertex, _ r: TriVertex, _ bx: Int32, _ by: Int32) -> Bool {
        let e0 = blockEdge(p, q, bx, by), e1 = blockEdge(q, r, bx, by), e2 = blockEdge(r, p, bx, by)
        for row: Int32 in 0...1 {
            for j in 0..<8 {
                let x = SamplePattern.laneXUnits[j], y = SamplePattern.laneYUnits[j] &+ (row << 4)
                let E0 = e0.a &* x &+ e0.b &* y &+ e0.c
                let E1 = e1.a &* x &+ e1.b &* y &+ e1.c
                let E2 = e2.a &* x &+ e2.b &* y &+ e2.c
                if E0 | E1 | E2 >= 0 { return true }
            }
        }
        return false
    }

    private func clipAndAdd(_ i0: Int, _ i1: Int, _ i2: Int, _ bins: Bins<TriRecord>, _ grid: TileGrid) {
        let poly = clipPolygon([clipVertex(i0), clipVertex(i1), clipVertex(i2)],
                               width: Float(grid.width), height: Float(grid.height))
        guard poly.count >= 3 else { return }
        let base = UInt32(bins.extraVertices.count)
        bins.extraVertices.append(contentsOf: poly)
        for k in 1..<poly.count - 1 {
            add(base | clippedVertexFlag, (base + UInt32(k)) | clippedVertexFlag, (base + UInt32(k + 1)) | clippedVertexFlag,
                poly[0], poly[k], poly[k + 1], bins, grid)
        }
    }

    func touches(tile t: Int) -> Bool {
        for b in chunks where b.touches(tile: t) { return true }
        return false
    }

    // MARK: tiles

    func raster(tile t: Int, _ ctx: TileContext, kernels: KernelSet) {
        do {
            let vs = UnsafePointer(vertices)
            for b in chunks {
                b.withRecords(tile: t) { recs in
                    b.extraVertices.withUnsafeBufferPointer { extra in
                        @inline(__always) func vertex(_ i: UInt32) -> TriVertex {
                            i & clippedVertexFlag == 0 ? vs[Int(i)] : extra[Int(i & ~clippedVertexFlag)]
                        }
                        switch kernels {
                        case .simd:
                            for r in recs { triangle(vertex(r.i0), vertex(r.i1), vertex(r.i2), ctx, simd: true) }
                        case .scalar:
                            for r in recs { triangle(vertex(r.i0), vertex(r.i1), vertex(r.i2), ctx, simd: false) }
                        }
                    }
                }
            }
        }
    }

    /// Edge `(A, B, C)` in tile-relative 1/16 pixels, top-left bias folded into C.
    private struct Edge { var a: Int32, b: Int32, c: Int32 }

    /// Per tile: edge `i → j` of the triangle, `.none` when the box is outside it (the triangle
    /// misses the box), `E ≡ 0` when the box is inside it.
    @inline(__always)
    private func edge(_ xi: Int32, _ yi: Int32, _ xj: Int32, _ yj: Int32, box: (Int64, Int64, Int64, Int64)) -> Edge? {
        let a = Int64(yi) - Int64(yj), b = Int64(xj) - Int64(xi)
        let topLeft = a > 0 || (a == 0 && b > 0)
        let c = -(a * Int64(xi) + b * Int64(yi)) - (topLeft ? 0 : 1)
        let e00 = a * box.0 + b * box.1 + c
        let e10 = e00 + a * (box.2 - box.0), e01 = e00 + b * (box.3 - box.1), e11 = e10 + b * (box.3 - box.1)
        if e00 < 0 && e10 < 0 && e01 < 0 && e11 < 0 { return nil }
        if e00 >= 0 && e10 >= 0 && e01 >= 0 && e11 >= 0 { return Edge(a: 0, b: 0, c: 0) }
        return Edge(a: Int32(a), b: Int32(b), c: Int32(c))
    }

    @inline(__always)
    private func triangle(_ v0: TriVertex, _ v1: TriVertex, _ v2: TriVertex, _ ctx: TileContext, simd: Bool) {
        let ox = Int32(ctx.x0 << 4), oy = Int32(ctx.y0 << 4)
        let xs = SIMD3<Int32>(v0.x &- ox, v1.x &- ox, v2.x &- ox)
        let ys = SIMD3<Int32>(v0.y &- oy, v1.y &- oy, v2.y &- oy)
        let minX = max(0, Int((mini(xs[0], xs[1], xs[2]) &+ 1) >> 4))
        let maxX = min(ctx.w - 1, Int((maxi(xs[0], xs[1], xs[2]) &- 2) >> 4))
        let minY = max(0, Int((mini(ys[0], ys[1], ys[2]) &+ 1) >> 4))
        let maxY = min(ctx.h - 1, Int((maxi(ys[0], ys[1], ys[2]) &- 2) >> 4))
        guard minX <= maxX, minY <= maxY else { return }
        let box = (Int64(minX << 4), Int64(minY << 4), Int64((maxX + 1) << 4), Int64((maxY + 1) << 4))
        guard let e0 = edge(xs[0], ys[0], xs[1], ys[1], box: box),
              let e1 = edge(xs[1], ys[1], xs[2], ys[2], box: box),
              let e2 = edge(xs[2], ys[2], xs[0], ys[0], box: box) else { return }
        // Depth plane in tile-relative pixels.
        // (Float(Int(_)): the concrete conversion; Float(Int32) goes through a generic path.)
        let fx0 = Float(Int(xs[0])) * 0.0625, fy0 = Float(Int(ys[0])) * 0.0625
        let x10 = Float(Int(xs[1])) * 0.0625 - fx0, y10 = Float(Int(ys[1])) * 0.0625 - fy0
        let x20 = Float(Int(xs[2])) * 0.0625 - fx0, y20 = Float(Int(ys[2])) * 0.0625 - fy0
        let det = x10 * y20 - x20 * y10
        let invDet = 1 / det
        let z10 = v1.z - v0.z, z20 = v2.z - v0.z
        let dzdx = (z10 * y20 - z20 * y10) * invDet
        let dzdy = (z20 * x10 - z10 * x20) * invDet
        let zc = v0.z - dzdx * fx0 - dzdy * fy0
        var shader = PixelShader(draw: self, v0, v1, v2, fx0: fx0, fy0: fy0, x10: x10, y10: y10, x20: x20, y20: y20,
                                 det: det, invDet: invDet)
        if !depthTest && opaque && e0.a | e0.b | e1.a | e1.b | e2.a | e2.b == 0 {
            // The box lies inside all three edges and nothing is depth-tested: every sample of
            // every pixel is covered (big image quads, backgrounds). Shared by both kernel sets.
            for py in minY...maxY {
                var p = ctx.color + (((py << tileShift) + minX) << 2)
                for px in minX...maxX {
                    let word = shader.shadeWord(Float(px) + 0.5, Float(py) + 0.5, ctx.tables)
                    UnsafeMutableRawPointer(p).storeBytes(of: SIMD4<UInt32>(repeating: word), as: SIMD4<UInt32>.self)
                    p += 4
                }
            }
            return
        }
        if simd {
            let lxu = SamplePattern.laneXUnits, lyu = SamplePattern.laneYUnits
            let o0 = e0.a &* lxu &+ e0.b &* lyu, o1 = e1.a &* lxu &+ e1.b &* lyu, o2 = e2.a &* lxu &+ e2.b &* lyu
            for py in minY...maxY {
                let r0 = e0.c &+ e0.b &* Int32(py << 4), r1 = e1.c &+ e1.b &* Int32(py << 4)
                let r2 = e2.c &+ e2.b &* Int32(py << 4)
                let zrow = zc + dzdy * (SIMD8<Float>(repeating: Float(py)) + SamplePattern.laneY)
                var px = minX & ~1
                while px <= maxX {
                    let pxu = Int32(px << 4)
                    let E0 = o0 &+ (r0 &+ e0.a &* pxu), E1 = o1 &+ (r1 &+ e1.a &* pxu), E2 = o2 &+ (r2 &+ e2.a &* pxu)
                    var m = (E0 | E1 | E2) .>= SIMD8<Int32>(repeating: 0)
                    if anyLane(m) {
                        let base = ((py << tileShift) + px) << 2
                        let dp = UnsafeMutableRawPointer(ctx.depth + base)
                        let z = zrow + dzdx * (SIMD8<Float>(repeating: Float(px)) + SamplePattern.laneX)
                        let old = dp.loadUnaligned(as: SIMD8<Float>.self)
                        if depthTest { m = m .& (z .< old) }
                        if anyLane(m) {
                            if depthWrite { dp.storeBytes(of: old.replacing(with: z, where: m), as: SIMD8<Float>.self) }
                            if let word = constantWord {
                                let cp = UnsafeMutableRawPointer(ctx.color + base)
                                let oc = cp.loadUnaligned(as: SIMD8<UInt32>.self)
                                cp.storeBytes(of: oc.replacing(with: SIMD8(repeating: word), where: m), as: SIMD8<UInt32>.self)
                            } else {
                                let bits = laneBits(m)
                                writePixels(bits, px, py, base, &shader, ctx)
                            }
                        }
                    }
                    px += 2
                }
            }
        } else {
            for py in minY...maxY {
                let r0 = e0.c &+ e0.b &* Int32(py << 4), r1 = e1.c &+ e1.b &* Int32(py << 4)
                let r2 = e2.c &+ e2.b &* Int32(py << 4)
                var px = minX & ~1
                while px <= maxX {
                    let pxu = Int32(px << 4)
                    let base = ((py << tileShift) + px) << 2
                    var bits: UInt32 = 0
                    for j in 0..<8 {
                        let lxu = SamplePattern.laneXUnits[j], lyu = SamplePattern.laneYUnits[j]
                        let E0 = (e0.a &* lxu &+ e0.b &* lyu) &+ (r0 &+ e0.a &* pxu)
                        let E1 = (e1.a &* lxu &+ e1.b &* lyu) &+ (r1 &+ e1.a &* pxu)
                        let E2 = (e2.a &* lxu &+ e2.b &* lyu) &+ (r2 &+ e2.a &* pxu)
                        guard (E0 | E1 | E2) >= 0 else { continue }
                        let z = (zc + dzdy * (Float(py) + SamplePattern.laneY[j])) + dzdx * (Float(px) + SamplePattern.laneX[j])
                        if depthTest && !(z < ctx.depth[base + j]) { continue }
                        if depthWrite { ctx.depth[base + j] = z }
                        bits |= 1 << j
                    }
                    if bits != 0 {
                        if let word = constantWord {
                            for j in 0..<8 where bits & (1 << j) != 0 { ctx.color[base + j] = word }
                        } else {
                            writePixels(bits, px, py, base, &shader, ctx)
                        }
                    }
                    px += 2
                }
            }
        }
    }

    /// Shades and writes the covered samples of the span's two pixels.
    @inline(__always)
    private func writePixels(_ bits: UInt32, _ px: Int, _ py: Int, _ base: Int, _ shader: inout PixelShader, _ ctx: TileContext) {
        let t = ctx.tables
        for k in 0..<2 {
            let lanes = (bits >> (4 * k)) & 0xF
            if lanes == 0 { continue }
            let at = base + 4 * k
            if opaque {
                let word = shader.shadeWord(Float(px + k) + 0.5, Float(py) + 0.5, t)
                for s in 0..<4 where lanes & (1 << s) != 0 { ctx.color[at + s] = word }
            } else {
                let src = shader.shade(Float(px + k) + 0.5, Float(py) + 0.5, t)
                let bs = BlendSource(linear: src, tables: t)
                for s in 0..<4 where lanes & (1 << s) != 0 {
                    ctx.color[at + s] = blend(bs, alpha: src.w, over: ctx.color[at + s], gamma: false, t)
                }
            }
        }
    }
}
