/// A ground grid draw (`GroundGrid`): the per-frame set-up (the plane's mapping from pixels to cells, the pixel
/// columns each frame row can touch) and the tile entry point; the per-pixel kernels are in GroundGridKernels.swift.
///
/// No vertex stage and no bins: the grid covers a convex region of the screen (the square it ends at, cut by the
/// near plane), known per row once per frame.
final class GroundGridDraw: PreparedDraw {
    let phase = 1
    /// The grid as given.
    let source: GroundGrid
    /// The plane's pixel mapping, nil when nothing of the grid can be seen.
    let plane: GridPlane?
    /// Per frame row: the first and last column the grid can touch (first > last: none).
    let rowFirst: [Int32], rowLast: [Int32]
    /// Per frame row: the plane's terms (`GridPlane.row`), empty when `plane` is nil.
    let rows: [GridPlane.Row]
    /// Per tile row: the union of its rows' column ranges.
    private let bandFirst: [Int32], bandLast: [Int32]
    private let grid: TileGrid
    let blendTables = GridBlendTables()

    init(_ g: GroundGrid, frame: FrameSetup) {
        grid = frame.grid
        source = g
        var outline: [SIMD2<Double>] = []
        let setup = GridPlane(g, camera: frame.camera, outline: &outline)
        var first = [Int32](repeating: 1, count: grid.height), last = [Int32](repeating: 0, count: grid.height)
        if let plane = setup {
            // A lit pixel's centre lies within (lineWidth + 1) / 2 pixels of a line inside the outline.
            let margin = Double(plane.half) + 1
            for y in 0..<grid.height {
                let cy = Double(y) + 0.5
                guard let (lo, hi) = Self.xRange(outline, from: cy - margin, to: cy + margin) else { continue }
                let a = (lo - margin - 0.5).rounded(.up), b = (hi + margin - 0.5).rounded(.down)
                let x0 = max(a, 0), x1 = min(b, Double(grid.width - 1))
                guard x0 <= x1 else { continue }
                first[y] = Int32(x0); last[y] = Int32(x1)
            }
        }
        plane = setup
        let height = grid.height
        rows = setup.map { p in (0..<height).map { p.row($0) } } ?? []
        rowFirst = first; rowLast = last
        var bf = [Int32](repeating: Int32.max, count: grid.tilesY), bl = [Int32](repeating: -1, count: grid.tilesY)
        for y in 0..<grid.height where first[y] <= last[y] {
            let ty = y >> tileShift
            bf[ty] = min(bf[ty], first[y]); bl[ty] = max(bl[ty], last[y])
        }
        bandFirst = bf; bandLast = bl
    }

    /// The x extent of the convex polygon `outline` (pixels) between the rows `lo` and `hi`, nil when none of it
    /// lies there.
    static func xRange(_ outline: [SIMD2<Double>], from lo: Double, to hi: Double) -> (Double, Double)? {
        var minX = Double.infinity, maxX = -Double.infinity
        for i in outline.indices {
            let p = outline[i], q = outline[(i + 1) % outline.count]
            let yMin = min(p.y, q.y), yMax = max(p.y, q.y)
            guard yMax >= lo, yMin <= hi else { continue }
            if p.y == q.y {
                minX = min(minX, p.x, q.x); maxX = max(maxX, p.x, q.x)
                continue
            }
            // The part of the edge between the rows: parameters where y = lo and y = hi, clamped to the edge.
            let ta = (max(lo, yMin) - p.y) / (q.y - p.y), tb = (min(hi, yMax) - p.y) / (q.y - p.y)
            for t in [ta, tb] {
                let x = p.x + min(max(t, 0), 1) * (q.x - p.x)
                minX = min(minX, x); maxX = max(maxX, x)
            }
        }
        return minX <= maxX ? (minX, maxX) : nil
    }

    func jobCount(stage: Int) -> Int { 0 }
    func run(stage: Int, job: Int) {}

    func touches(tile t: Int) -> Bool {
        let tx = t % grid.tilesX, ty = t / grid.tilesX
        let x0 = Int32(tx << tileShift), x1 = x0 + Int32(tileSize - 1)
        return bandFirst[ty] <= x1 && bandLast[ty] >= x0
    }

    func raster(tile t: Int, _ ctx: TileContext, kernels: KernelSet) {
        guard let plane else { return }
        let background = ctx.color[0]
        let memo = GridBlendMemo(background: background, results: blendTables.table(over: background, plane, ctx.tables))
        forEachRow(plane, ctx) { py, first, last, groups, r in
            switch kernels {
            case .simd: plane.rowSIMD(py, first, last, groups, r, ctx, memo)
            case .scalar: plane.rowScalar(py, first, last, groups, r, ctx, memo)
            }
        }
    }

    /// The tile columns `first...last` of frame row `y` that the grid can touch in tile `ctx` (first > last: none).
    @inline(__always) private func span(_ y: Int, _ ctx: TileContext) -> (first: Int, last: Int) {
        (max(Int(rowFirst[y]), ctx.x0) - ctx.x0, min(Int(rowLast[y]), ctx.x0 + ctx.w - 1) - ctx.x0)
    }

    /// Tile `ctx`'s rows that the grid can touch, top to bottom: `body(py, first, last, groups, row)` with the
    /// row's span of tile columns, the groups of 8 pixels to draw there (`groupsToDraw`, cut to the span; rows are
    /// taken two at a time for it) and its terms.
    @inline(__always) func forEachRow(_ plane: GridPlane, _ ctx: TileContext,
                                      _ body: (Int, Int, Int, GridPlane.RowGroups, GridPlane.Row) -> Void) {
        var py = 0
        while py < ctx.h {
            let y = ctx.y0 + py, second = py + 1 < ctx.h
            let (f0, l0) = span(y, ctx)
            let (f1, l1) = second ? span(y + 1, ctx) : (1, 0)
            if f0 <= l0 || f1 <= l1 {
                let r0 = rows[y], r1 = second ? rows[y + 1] : r0
                let (g0, g1) = plane.groupsToDraw(ctx, r0, r1)
                if f0 <= l0 { body(py, f0, l0, g0.cut(f0, l0), r0) }
                if f1 <= l1 { body(py + 1, f1, l1, g1.cut(f1, l1), r1) }
            }
            py += 2
        }
    }
}

/// The grid plane seen through one camera: per pixel, the plane coordinates in cells, measured from a local
/// origin near the eye (so that they stay small where lines are far apart on screen), and the window depth.
///
/// The plane point `(a, b)` (cells from the local origin) projects to the pixel `(x, y)` with
/// `(x·w, y·w, w) = G·(a, b, 1)`; so `(a/w, b/w, 1/w) = G⁻¹·(x, y, 1)` is affine in the pixel and
/// `a = (A·(x, y, 1)) / (D·(x, y, 1))` (`A`, `D` rows of `G⁻¹`). Its derivatives follow from the quotient rule:
/// `∂a/∂x = (A.x − a·D.x) / (D·(x, y, 1))`, likewise for `y` and `b`. The plane is in front of the camera where
/// `D·(x, y, 1) = 1/w > 0`. Window depth `z/w` is affine in the pixel too.
struct GridPlane {
    // Pixel x coefficients of A (for a), B (for b) and D (for 1/w), as Float; the rest of each row is per row.
    let ax: Float, bx: Float, dx: Float
    let ay: Float, by: Float, dy: Float
    /// Row coefficients in Double: the row's constant term is `xy · (y + 0.5) + x0`.
    let rowA: SIMD2<Double>, rowB: SIMD2<Double>, rowD: SIMD2<Double>
    /// Window depth at a pixel's top-left corner `zx · x + zy · y + z0`, and at its 4 samples relative to that.
    let zxf: Float, zy: Double, z0: Double
    let sampleDepths: SIMD4<Float>
    /// Square the grid ends at, in local cells.
    let centerA: Float, centerB: Float, halfExtent: Float
    /// `(lineWidth + 1) / 2`: coverage is `half − distance in pixels`.
    let half: Float
    let fadeLow: Float, fadeScale: Float
    let cardinal: Float, regular: Float
    /// The line colour in linear light, alpha at full strength.
    let source: SIMD4<Float>

    /// The plane mapping, and in `outline` the square the grid ends at in pixels (convex, cut by the near plane);
    /// nil when nothing can be seen (bad numbers, a plane seen edge-on, the square behind the camera).
    init?(_ g: GroundGrid, camera: Camera, outline: inout [SIMD2<Double>]) {
        let finite = [g.xAxis.x, g.xAxis.y, g.xAxis.z, g.yAxis.x, g.yAxis.y, g.yAxis.z, g.spacing, g.center.x,
                      g.center.y, g.halfExtent].allSatisfy(\.isFinite)
        guard finite, g.spacing > 0, g.halfExtent >= 0, g.lineWidth > 0, g.lineWidth.isFinite, g.color.a > 0,
              g.invisibleSpacing.isFinite, g.visibleSpacing.isFinite else { return nil }
        let m = camera.clipFromWorld
        func clip(_ p: SIMD3<Double>, _ w: Double) -> SIMD4<Double> {
            var r = SIMD4<Double>()
            for i in 0..<4 {
                r[i] = Double(m[i, 0]) * p.x + Double(m[i, 1]) * p.y + Double(m[i, 2]) * p.z + Double(m[i, 3]) * w
            }
            return r
        }
        // Local origin: the cell corner nearest the eye's foot on the plane, a multiple of 10 so that cardinal
        // lines stay the multiples of 10.
        var foot = g.center
        if let eye = camera.worldFromCamera {
            let e = SIMD3<Double>(Double(eye[0, 3]), Double(eye[1, 3]), Double(eye[2, 3]))
            let f = SIMD2((e * g.xAxis).sum(), (e * g.yAxis).sum()) / g.spacing
            if f.x.isFinite, f.y.isFinite, abs(f.x) < 1e15, abs(f.y) < 1e15 { foot = f }
        }
        let origin = 10 * (foot / 10).rounded(.toNearestOrEven)
        let colA = clip(g.xAxis * g.spacing, 0), colB = clip(g.yAxis * g.spacing, 0)
        let col0 = clip((origin.x * g.xAxis + origin.y * g.yAxis) * g.spacing, 1)
        let w = Double(camera.width), h = Double(camera.height)
        func pixelRows(_ c: SIMD4<Double>) -> SIMD3<Double> { [(c.x + c.w) * 0.5 * w, (c.w - c.y) * 0.5 * h, c.w] }
        // G's columns: the pixel-homogeneous images of one cell along a, one along b, and the local origin.
        let g0 = pixelRows(colA), g1 = pixelRows(colB), g2 = pixelRows(col0)
        guard let inv = invert3(g0, g1, g2) else { return nil }
        // inv.0/1/2: rows A, B, D of G⁻¹ as (x, y, 1) coefficients.
        let (rA, rB, rD) = inv
        ax = Float(rA.x); ay = Float(rA.y); rowA = [rA.y, rA.z]
        bx = Float(rB.x); by = Float(rB.y); rowB = [rB.y, rB.z]
        dx = Float(rD.x); dy = Float(rD.y); rowD = [rD.y, rD.z]
        // z_ndc = (colA.z, colB.z, col0.z) · G⁻¹ · (x, y, 1); window depth = 0.5 · z_ndc + 0.5.
        let zRow = colA.z * rA + colB.z * rB + col0.z * rD
        let zx = 0.5 * zRow.x, zyd = 0.5 * zRow.y
        zxf = Float(zx); zy = zyd; z0 = 0.5 * zRow.z + 0.5
        let lx = SamplePattern.laneX, ly = SamplePattern.laneY
        sampleDepths = SIMD4((0..<4).map { Float(zx * Double(lx[$0]) + zyd * Double(ly[$0])) })
        let c = g.center - origin
        centerA = Float(c.x); centerB = Float(c.y)
        halfExtent = Float(min(g.halfExtent, 1e30))
        half = (g.lineWidth + 1) / 2
        fadeLow = g.invisibleSpacing
        fadeScale = g.visibleSpacing > g.invisibleSpacing ? 1 / (g.visibleSpacing - g.invisibleSpacing) : .greatestFiniteMagnitude
        cardinal = min(max(g.cardinalBlend, 0), 1)
        regular = 1 - cardinal
        let t = SRGBTables.shared
        source = [t.decode[Int(g.color.r)], t.decode[Int(g.color.g)], t.decode[Int(g.color.b)], Float(g.color.a) / 255]

        // The square's outline: its corners (local cells) in clip space, cut by the near plane z + w ≥ 0.
        let n = g.halfExtent
        let corners: [SIMD2<Double>] = [[c.x - n, c.y - n], [c.x + n, c.y - n], [c.x + n, c.y + n], [c.x - n, c.y + n]]
        let clipped = corners.map { col0 + $0.x * colA + $0.y * colB }
        var kept: [SIMD4<Double>] = []
        for i in clipped.indices {
            let p = clipped[i], q = clipped[(i + 1) % clipped.count]
            let dp = p.z + p.w, dq = q.z + q.w
            if dp >= 0 { kept.append(p) }
            if (dp >= 0) != (dq >= 0) { kept.append(p + (q - p) * (dp / (dp - dq))) }
        }
        outline = kept.compactMap { p -> SIMD2<Double>? in
            guard p.w > 0 else { return nil }
            let s = SIMD2((p.x / p.w + 1) * 0.5 * w, (1 - p.y / p.w) * 0.5 * h)
            return s.x.isFinite && s.y.isFinite ? s : nil
        }
        guard outline.count >= 3 else { return nil }
    }
}

/// `(G⁻¹ rows)` for the 3×3 matrix with columns `c0, c1, c2`, or nil when it is singular (relative to its size) or
/// not finite: the plane is seen edge-on.
func invert3(_ c0: SIMD3<Double>, _ c1: SIMD3<Double>, _ c2: SIMD3<Double>)
    -> (SIMD3<Double>, SIMD3<Double>, SIMD3<Double>)? {
    func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
        [a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x]
    }
    func length(_ v: SIMD3<Double>) -> Double { (v * v).sum().squareRoot() }
    // For M = [c0 c1 c2], the rows of M⁻¹ are (c1 × c2, c2 × c0, c0 × c1) / det.
    let r0 = cross(c1, c2), r1 = cross(c2, c0), r2 = cross(c0, c1)
    let det = (c0 * r0).sum()
    guard det.isFinite, abs(det) > 1e-9 * length(c0) * length(c1) * length(c2) else { return nil }
    let k = 1 / det
    let rows = (r0 * k, r1 * k, r2 * k)
    guard [rows.0, rows.1, rows.2].allSatisfy({ $0.x.isFinite && $0.y.isFinite && $0.z.isFinite }) else { return nil }
    return rows
}
