/// A draw as the tile loop calls it: through its concrete class and without reference counting. The frame's
/// draws stay alive until its tiles are done (`Renderer.render` holds them), and `Unmanaged`'s guaranteed
/// references neither retain nor release. Called through `any PreparedDraw`, every worker retained and released the
/// same few draws for each tile and call, and the workers contended for their reference counts.
///
/// Each draw class names its case (`PreparedDraw.tileDraw`, below), so a new kind of draw does not compile
/// without one.
struct TileDraw {
    fileprivate enum Kind {
        case points(Unmanaged<PointDraw>)
        case lines(Unmanaged<LineDraw>)
        case triangles(Unmanaged<TriangleDraw>)
        case overlay(Unmanaged<OverlayDraw>)
        case grid(Unmanaged<GroundGridDraw>)
    }

    private let kind: Kind

    fileprivate init(_ kind: Kind) { self.kind = kind }

    /// `PreparedDraw.touches(tile:)`.
    @inline(__always) func touches(tile t: Int) -> Bool {
        switch kind {
        case .points(let d): d._withUnsafeGuaranteedRef { $0.touches(tile: t) }
        case .lines(let d): d._withUnsafeGuaranteedRef { $0.touches(tile: t) }
        case .triangles(let d): d._withUnsafeGuaranteedRef { $0.touches(tile: t) }
        case .overlay(let d): d._withUnsafeGuaranteedRef { $0.touches(tile: t) }
        case .grid(let d): d._withUnsafeGuaranteedRef { $0.touches(tile: t) }
        }
    }

    /// `PreparedDraw.raster(tile:_:kernels:)`.
    @inline(__always) func raster(tile t: Int, _ ctx: TileContext, kernels: KernelSet) {
        switch kind {
        case .points(let d): Self.raster(d, tile: t, ctx, kernels)
        case .lines(let d): Self.raster(d, tile: t, ctx, kernels)
        case .triangles(let d): Self.raster(d, tile: t, ctx, kernels)
        case .overlay(let d): Self.raster(d, tile: t, ctx, kernels)
        case .grid(let d): Self.raster(d, tile: t, ctx, kernels)
        }
    }

    /// One draw's `raster`, kept out of the tile loop: inlined there, the draws' scratch closures had their
    /// captured variables moved to the heap, an allocation per tile.
    @inline(never)
    private static func raster<D: PreparedDraw>(_ d: Unmanaged<D>, tile t: Int, _ ctx: TileContext, _ kernels: KernelSet) {
        d._withUnsafeGuaranteedRef { $0.raster(tile: t, ctx, kernels: kernels) }
    }

    /// Whether the draw can cover whole tiles (`TileCovering`: the triangle draws).
    var covers: Bool { if case .triangles = kind { true } else { false } }

    /// `TileCovering.rasterCover(tile:_:into:)`; false for a draw that does not cover tiles.
    @inline(__always) func rasterCover(tile t: Int, _ ctx: TileContext, into out: OutputTarget?) -> Bool {
        guard case .triangles(let d) = kind else { return false }
        return Self.rasterCover(d, tile: t, ctx, out)
    }

    /// `rasterCover`, kept out of the tile loop like `raster`.
    @inline(never)
    private static func rasterCover(_ d: Unmanaged<TriangleDraw>, tile t: Int, _ ctx: TileContext,
                                    _ out: OutputTarget?) -> Bool {
        d._withUnsafeGuaranteedRef { $0.rasterCover(tile: t, ctx, into: out) }
    }

    /// The draw when it is the ground grid.
    var groundGrid: GroundGridDraw? { if case .grid(let d) = kind { d.takeUnretainedValue() } else { nil } }
}

extension PointDraw { var tileDraw: TileDraw { TileDraw(.points(.passUnretained(self))) } }
extension LineDraw { var tileDraw: TileDraw { TileDraw(.lines(.passUnretained(self))) } }
extension TriangleDraw { var tileDraw: TileDraw { TileDraw(.triangles(.passUnretained(self))) } }
extension OverlayDraw { var tileDraw: TileDraw { TileDraw(.overlay(.passUnretained(self))) } }
extension GroundGridDraw { var tileDraw: TileDraw { TileDraw(.grid(.passUnretained(self))) } }
