/// Draws a `DrawList` into RGBA8 sRGB pixels.
///
/// One frame: (1) every draw is set up for this camera; (2) the vertex stage transforms and bins
/// primitives in fixed-size chunks, in parallel; (3) tiles are drawn in parallel, each from a
/// cleared tile buffer: opaque scene draws, transparent scene draws, overlays (each in submission
/// order), then resolved (4× samples averaged in linear light) straight into the output. Tiles
/// that nothing touches are filled with the background; tiles that only the ground grid touches
/// are drawn straight into the output (`rasterAlone`), or copied from an earlier frame with the
/// same grid and camera (`GridTileCache`). Nothing depends on thread timing: the picture is the
/// same for any thread count and for either kernel set.
///
/// A `Renderer` keeps scratch memory between frames; use one per thread (it is not reentrant).
public final class Renderer: @unchecked Sendable {
    private var tileBuffers: [TileBuffers] = []
    private let pointPool = BinsPool<PointRecord>()
    private let flatPointPool = BinsPool<FlatPointRecord>()
    private let segmentPool = BinsPool<SegmentRecord>()
    private let trianglePool = BinsPool<TriRecord>()
    private var vertexPool: [VertexStorage] = []
    private var workers: WorkerPool?
    private let gridTiles = GridTileCache()
    /// False: tiles that only the ground grid touches go through samples and resolve like any other (for tests that
    /// compare the two paths).
    var drawsGridAloneDirectly = true

    public init() {}

    deinit { workers?.stop() }

    /// The pool for `threads` workers (the caller and `threads − 1` helpers), kept between frames.
    private func pool(threads: Int) -> WorkerPool {
        if let p = workers, p.helpers == threads - 1 { return p }
        workers?.stop()
        let p = WorkerPool(helpers: threads - 1)
        workers = p
        return p
    }

    /// Renders into a new `camera.width × camera.height × 4` byte array (rows top to bottom).
    public func render(_ list: DrawList, camera: Camera, options: RenderOptions = RenderOptions()) throws -> [UInt8] {
        try RenderError.check(camera)
        var out = [UInt8](repeating: 0, count: camera.width * camera.height * 4)
        try out.withUnsafeMutableBytes { try render(list, camera: camera, options: options, into: $0, rowBytes: camera.width * 4) }
        return out
    }

    /// Renders into caller-owned memory: `camera.height` rows of `camera.width` RGBA8 pixels,
    /// `rowBytes` apart (≥ 4 · width). Every pixel of that rectangle is written.
    public func render(_ list: DrawList, camera: Camera, options: RenderOptions = RenderOptions(),
                       into target: UnsafeMutableRawBufferPointer, rowBytes: Int) throws {
        try RenderError.check(camera)
        guard rowBytes >= camera.width * 4, target.count >= (camera.height - 1) * rowBytes + camera.width * 4,
              let base = target.baseAddress else {
            throw RenderError.targetTooSmall(bytes: target.count, needed: (camera.height - 1) * max(rowBytes, 0) + camera.width * 4)
        }
        let threads = max(1, min(options.threads, 256))
        let frame = FrameSetup(grid: TileGrid(width: camera.width, height: camera.height), camera: camera,
                               pixelCamera: .pixels(width: camera.width, height: camera.height),
                               pixelsPerPoint: options.pixelsPerPoint.isFinite && options.pixelsPerPoint > 0
                                   ? options.pixelsPerPoint : 1,
                               tables: .shared, kernels: options.kernels)
        let draws = prepare(list, frame)
        defer { recycle(draws) }
        let pool = pool(threads: threads)

        for stage in 0..<2 {
            var jobs: [(Int, Int)] = []
            for (d, draw) in draws.enumerated() {
                for j in 0..<draw.jobCount(stage: stage) { jobs.append((d, j)) }
            }
            pool.run(jobs.count) { j, _ in
                let (d, job) = jobs[j]
                draws[d].run(stage: stage, job: job)
            }
        }

        // Phase order: opaque scene, transparent scene, overlay; submission order inside each.
        let ordered = (0..<3).flatMap { ph in draws.filter { $0.phase == ph } }.map(\.tileDraw)
        while tileBuffers.count < threads { tileBuffers.append(TileBuffers()) }
        let buffers = tileBuffers
        let grid = frame.grid
        let output = OutputTarget(base: base, rowBytes: rowBytes)
        let background = list.background.packed
        let kernels = options.kernels
        // Tiles that only the ground grid touches are the same while the camera stands still.
        let grids = ordered.indices.filter { ordered[$0].groundGrid != nil }
        let gridSlot = grids.count == 1 ? grids[0] : -1
        let gridDraw = gridSlot >= 0 ? ordered[gridSlot].groundGrid : nil
        // Unretained in the tile loop, like the draws (`TileDraw`): the cache keeps its entry and `draws` the grid.
        let kept = gridDraw.flatMap {
            gridTiles.entry(for: .init(grid: $0.source, camera: camera, background: background, kernels: kernels), grid: grid)
        }.map(Unmanaged.passUnretained)
        let gridAlone = (drawsGridAloneDirectly ? gridDraw : nil).map(Unmanaged.passUnretained)
        let colors = buffers.map(\.color), depths = buffers.map(\.depth), coarses = buffers.map(\.coarse)
        /// Tile `t`, which `ordered[first]` is the first draw to touch.
        func drawTile(_ t: Int, worker: Int, first: Int) {
            let tx = t % grid.tilesX, ty = t / grid.tilesX
            let x0 = tx << tileShift, y0 = ty << tileShift
            let ctx = TileContext(color: colors[worker], depth: depths[worker], coarse: coarses[worker], x0: x0, y0: y0,
                                  w: min(tileSize, grid.width - x0), h: min(tileSize, grid.height - y0),
                                  tables: frame.tables)
            var last = ordered.count - 1
            while !ordered[last].touches(tile: t) { last -= 1 }
            // A tile of the ground grid alone: kept from an earlier frame, or drawn straight into the output.
            let gridOnly = first == gridSlot && last == gridSlot
            if gridOnly, let kept, kept._withUnsafeGuaranteedRef({ $0.copy(tile: t, ctx, into: output) }) { return }
            if gridOnly, let gridAlone {
                gridAlone._withUnsafeGuaranteedRef { $0.rasterAlone(ctx, background: background, into: output, kernels: kernels) }
                kept?._withUnsafeGuaranteedRef { $0.keep(tile: t, ctx, from: output) }
                return
            }
            // The last draw that covers the whole tile hides the clear and every draw before it.
            // Where it is the last draw, its words go straight to the output; otherwise into the
            // samples (only depth is cleared) and the later draws follow.
            var start = first, covered = false
            var d = last
            while d >= first && !covered {
                if ordered[d].covers, d == last || ordered[d].touches(tile: t),
                   ordered[d].rasterCover(tile: t, ctx, into: d == last ? output : nil) {
                    if d == last { return }
                    covered = true
                    start = d + 1
                }
                d -= 1
            }
            if covered { ctx.clearDepth() } else { ctx.clear(background: background) }
            for d in start..<ordered.count where ordered[d].touches(tile: t) {
                ordered[d].raster(tile: t, ctx, kernels: kernels)
            }
            ctx.resolve(into: output)
            if gridOnly { kept?._withUnsafeGuaranteedRef { $0.keep(tile: t, ctx, from: output) } }
        }
        // Tiles go out in runs of consecutive indices. Within a run, the tiles of one tile row that no draw
        // touches are filled with the background together, a store run per pixel row across all of them
        // (tile by tile, lines_100k's 1850 untouched tiles cost a tenth of its frame; row spans made it 3.3 %
        // faster, depth_640x480 3.5 %, dna 2.2 %, two threads).
        pool.runRanges(grid.count) { tiles, worker in
            var unfilled = tiles.lowerBound    // the first untouched tile not yet filled
            @inline(__always) func fillUntouched(to end: Int) {
                if unfilled < end {
                    let tx = unfilled % grid.tilesX, y0 = (unfilled / grid.tilesX) << tileShift
                    output.fill(background, x: (tx << tileShift)..<min((tx + end - unfilled) << tileShift, grid.width),
                                y: y0..<min(y0 + tileSize, grid.height))
                }
                unfilled = end
            }
            for t in tiles {
                var first = 0
                while first < ordered.count && !ordered[first].touches(tile: t) { first += 1 }
                if first < ordered.count {
                    fillUntouched(to: t)
                    drawTile(t, worker: worker, first: first)
                    unfilled = t + 1
                } else if (t + 1) % grid.tilesX == 0 {
                    fillUntouched(to: t + 1)
                }
            }
            fillUntouched(to: tiles.upperBound)
        }
    }

    private func prepare(_ list: DrawList, _ frame: FrameSetup) -> [any PreparedDraw] {
        list.items.map { item -> any PreparedDraw in
            switch item {
            case .points(let b): return PointDraw(b, frame: frame, pool: pointPool, flatPool: flatPointPool)
            case .lines(let b): return LineDraw(b, frame: frame, pool: segmentPool)
            case .mesh(let b): return TriangleDraw(b, frame: frame, pool: trianglePool, vertexPool: &vertexPool)
            case .rect(let r): return OverlayDraw(.rect(r), frame: frame)
            case .glyphs(let g): return OverlayDraw(.glyphs(g), frame: frame)
            case .groundGrid(let g): return GroundGridDraw(g, frame: frame)
            }
        }
    }

    private func recycle(_ draws: [any PreparedDraw]) {
        for case let d as TriangleDraw in draws { d.recycle(into: &vertexPool) }
        pointPool.recycle()
        flatPointPool.recycle()
        segmentPool.recycle()
        trianglePool.recycle()
    }
}

/// Why a frame cannot be rendered.
public enum RenderError: Error, Equatable {
    /// Width or height outside 1…`maxFrameSide`.
    case invalidSize(width: Int, height: Int)
    /// The output buffer cannot hold the frame.
    case targetTooSmall(bytes: Int, needed: Int)

    static func check(_ c: Camera) throws {
        guard (1...maxFrameSide).contains(c.width), (1...maxFrameSide).contains(c.height) else {
            throw RenderError.invalidSize(width: c.width, height: c.height)
        }
    }
}
