/// Everything one frame draws, in submission order.
///
/// World-space draws are seen through the `Camera` given to `Renderer.render`; overlays and 2D
/// content use pixel coordinates by drawing through `Camera.pixels`, or the `RectShape`/text
/// calls, which are always in pixels. Phases (see `Layer`): opaque scene draws, then transparent
/// scene draws, then overlays, each in submission order.
public struct DrawList: Sendable {
    enum Item: Sendable {
        case points(PointBatch)
        case lines(LineBatch)
        case mesh(MeshBatch)
        case rect(RectShape)
        case glyphs(GlyphRun)
        case groundGrid(GroundGrid)
    }

    /// Colour every pixel starts with (sRGB, straight alpha).
    public var background: RGBA8
    private(set) var items: [Item] = []

    public init(background: RGBA8 = RGBA8(0, 0, 0, 255)) { self.background = background }

    /// Number of draws submitted so far.
    public var count: Int { items.count }

    public mutating func add(_ points: PointBatch) { items.append(.points(points)) }
    public mutating func add(_ lines: LineBatch) { items.append(.lines(lines)) }
    public mutating func add(_ mesh: MeshBatch) { items.append(.mesh(mesh)) }
    public mutating func add(_ rect: RectShape) { items.append(.rect(rect)) }
    public mutating func add(_ grid: GroundGrid) { items.append(.groundGrid(grid)) }

    /// An image quad, drawn as two textured, unlit triangles.
    public mutating func add(_ image: ImageQuad) {
        let o = image.origin, x = image.xAxis, y = image.yAxis
        items.append(.mesh(MeshBatch(
            positions: [o, o + x, o + y, o + x + y], indices: [0, 2, 1, 1, 2, 3],
            texCoords: [[0, 0], [1, 0], [0, 1], [1, 1]], texture: image.texture, filter: image.filter,
            albedo: .white, lighting: .unlit, worldFromObject: image.worldFromObject,
            opacity: image.opacity, layer: image.layer, space: image.space)))
    }

    /// A 2D polyline in pixels (overlay layer): a line strip of `width` pixels with round joins
    /// and caps; `closed` adds the segment back to the first point.
    public mutating func addPolyline(_ points: [SIMD2<Float>], width: Float, color: RGBA8, closed: Bool = false,
                                     blendSpace: BlendSpace = .gamma) {
        var p = points.map { SIMD3<Float>($0.x, $0.y, 0) }
        if closed, let first = p.first, p.count > 2 { p.append(first) }
        items.append(.lines(LineBatch(positions: p, radii: [width / 2], colors: [color],
                                      opacity: Float(color.a) / 255, layer: .overlay, blendSpace: blendSpace,
                                      space: .pixels)))
    }

    /// Text in pixels (overlay layer), laid out now with `label.font`.
    public mutating func add(_ label: TextLabel) {
        let run = label.layout()
        if let pill = run.pill { items.append(.rect(pill)) }
        items.append(.glyphs(run))
    }
}
