/// A draw as the tile loop calls it: through its concrete class and without reference counting. The frame's
/// draws stay alive until its tiles are done (`Renderer.render` holds them), and `Unmanaged`'s guaranteed
/// references neither retain nor release. Called through `any PreparedDraw`, every worker retained and released the
/// same few draws for each tile and call, and the workers contended for their reference counts.
struct TileDraw {
    private enum Kind {
        case points(Unmanaged<PointDraw>)
        case lines(Unmanaged<LineDraw>)
        case triangles(Unmanaged<TriangleDraw>)
        case overlay(Unmanaged<OverlayDraw>)
        case grid(Unmanaged<GroundGridDraw>)
        /// A kind this list does not name: called as a protocol, with reference counting.
        case other(any PreparedDraw)
    }

    private let kind: Kind

    /// `draw` must outlive every call made through this value.
    init(_ draw: any PreparedDraw) {
        switch draw {
        case let d as PointDraw: kind = .points(.passUnretained(d))
        case let d as LineDraw: kind = .lines(.passUnretained(d))
        case let d as TriangleDraw: kind = .triangles(.passUnretained(d))
        case let d as OverlayDraw: kind = .overlay(.passUnretained(d))
        case let d as GroundGridDraw: kind = .grid(.passUnretained(d))
        default: kind = .other(draw)
        }
    }

    /// `PreparedDraw.touches(tile:)`.
    @inline(__always) func touches(tile t: Int) -> Bool {
        switch kind {
        case .points(let d): d._withUnsafeGuaranteedRef { $0.touches(tile: t) }
        case .lines(let d): d._withUnsafeGuaranteedRef { $0.touches(tile: t) }
        case .triangles(let d): d._withUnsafeGuaranteedRef { $0.touches(tile: t) }
        case .overlay(let d): d._withUnsafeGuaranteedRef { $0.touches(tile: t) }
        case .grid(let d): d._withUnsafeGuaranteedRef { $0.touches(tile: t) }
        case .other(let d): d.touches(tile: t)
        }
    }

    /// `PreparedDraw.raster(tile:_:kernels:)`.
    @inline(__always) func raster(tile t: Int, _ ctx: TileContext, kernels: KernelSet) {
        switch kind {
        case .points(let d): d._withUnsafeGuaranteedRef { $0.raster(tile: t, ctx, kernels: kernels) }
        case .lines(let d): d._withUnsafeGuaranteedRef { $0.raster(tile: t, ctx, kernels: kernels) }
        case .triangles(let d): d._withUnsafeGuaranteedRef { $0.raster(tile: t, ctx, kernels: kernels) }
        case .overlay(let d): d._withUnsafeGuaranteedRef { $0.raster(tile: t, ctx, kernels: kernels) }
        case .grid(let d): d._withUnsafeGuaranteedRef { $0.raster(tile: t, ctx, kernels: kernels) }
        case .other(let d): d.raster(tile: t, ctx, kernels: kernels)
        }
    }

    /// Whether the draw can cover whole tiles (`TileCovering`).
    var covers: Bool {
        switch kind {
        case .triangles: true
        case .other(let d): d is any TileCovering
        default: false
        }
    }

    /// `TileCovering.rasterCover(tile:_:into:)`; false for a draw that is not a `TileCovering`.
    @inline(__always) func rasterCover(tile t: Int, _ ctx: TileContext, into out: OutputTarget?) -> Bool {
        switch kind {
        case .triangles(let d): d._withUnsafeGuaranteedRef { $0.rasterCover(tile: t, ctx, into: out) }
        case .other(let d): (d as? any TileCovering)?.rasterCover(tile: t, ctx, into: out) ?? false
        default: false
        }
    }

    /// The draw when it is the ground grid.
    var groundGrid: GroundGridDraw? {
        if case .grid(let d) = kind { d.takeUnretainedValue() } else { nil }
    }
}
