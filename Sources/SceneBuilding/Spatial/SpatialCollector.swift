import Rasterizer
import RecordingModel

/// A label to place after the picture is drawn: an anchor in the view's space and the text's colour.
public struct SpatialLabel: Sendable {
    public var anchor: SIMD3<Double>
    public var text: String
    public var color: RGBA8
}

/// One drawable of a visualizer, before the view decides how to submit it.
public enum SpatialDrawable: Sendable {
    case points(PointBatch)
    case lines(LineBatch)
    case mesh(MeshBatch)
    case image(ImageQuad)
    /// Arrows, built once the camera is known (their UI-point sizes need it).
    case arrows(ArrowGeometry)
}

/// What the visualizers of one view produce: drawables in submission order, the scene's bounds and region of
/// interest (in the view's origin space), labels and warnings.
///
/// 2D drawables carry a layering key (DrawOrder, then visualizer name, then entity path, then submission
/// order); 3D drawables are ordered by depth and submitted as collected.
public struct SpatialCollector: Sendable {
    public struct Layered: Sendable {
        var drawOrder: Float
        var visualizer: String
        var entity: EntityPath
        var sequence: Int
        var drawable: SpatialDrawable
    }

    public private(set) var drawables: [Layered] = []
    /// Union of every entity's bounds.
    public var bounds = BoundingBox.empty
    /// Union of the regions of interest (robust for point clouds), which places the default camera.
    public var regionOfInterest = BoundingBox.empty
    public var labels: [SpatialLabel] = []
    public var warnings: [RenderWarning] = []

    public init() {}

    public mutating func add(_ drawable: SpatialDrawable, entity: EntityPath, visualizer: String, drawOrder: Float = 0) {
        drawables.append(Layered(drawOrder: drawOrder, visualizer: visualizer, entity: entity,
                                 sequence: drawables.count, drawable: drawable))
    }

    /// Adds `local` (entity space) transformed by `originFromEntity` to the bounds and the ROI.
    public mutating func include(_ local: BoundingBox, originFromEntity: Affine3, roi: BoundingBox? = nil) {
        bounds.add(local.transformed(by: originFromEntity))
        regionOfInterest.add((roi ?? local).transformed(by: originFromEntity))
    }

    public mutating func warn(_ entity: EntityPath, _ message: String) {
        warnings.append(RenderWarning(entity: entity, message))
    }

    /// Drawables in 2D stacking order: DrawOrder, then visualizer name, then entity path, then submission.
    public var layeredDrawables: [SpatialDrawable] {
        drawables.sorted {
            ($0.drawOrder, $0.visualizer, $0.entity, $0.sequence) < ($1.drawOrder, $1.visualizer, $1.entity, $1.sequence)
        }.map(\.drawable)
    }

    /// Drawables in submission order.
    public var orderedDrawables: [SpatialDrawable] { drawables.map(\.drawable) }
}

extension SpatialDrawable {
    /// The same drawable moved by `offset` in its world space.
    func translated(by offset: SIMD3<Float>) -> SpatialDrawable {
        let shift = Mat4.translation(offset)
        switch self {
        case .points(var b): b.worldFromObject = shift * b.worldFromObject; return .points(b)
        case .lines(var b): b.worldFromObject = shift * b.worldFromObject; return .lines(b)
        case .mesh(var b): b.worldFromObject = shift * b.worldFromObject; return .mesh(b)
        case .image(var q): q.worldFromObject = shift * q.worldFromObject; return .image(q)
        case .arrows(var a): a.worldFromObject = shift * a.worldFromObject; return .arrows(a)
        }
    }
}

extension DrawList {
    /// Submits a drawable seen through `camera`; `layer` overrides the drawable's own layer when given.
    public mutating func add(_ drawable: SpatialDrawable, camera: Camera, pixelsPerPoint: Float, layer: Layer? = nil) {
        switch drawable {
        case .points(var b): if let layer { b.layer = layer }; add(b)
        case .lines(var b): if let layer { b.layer = layer }; add(b)
        case .mesh(var b): if let layer { b.layer = layer }; add(b)
        case .image(var q): if let layer { q.layer = layer }; add(q)
        case .arrows(let arrows):
            for part in arrows.drawables(camera: camera, pixelsPerPoint: pixelsPerPoint, layer: layer ?? .scene) {
                add(part, camera: camera, pixelsPerPoint: pixelsPerPoint, layer: layer)
            }
        }
    }
}

private func < (a: (Float, String, EntityPath, Int), b: (Float, String, EntityPath, Int)) -> Bool {
    if a.0 != b.0 { return a.0 < b.0 }
    if a.1 != b.1 { return a.1 < b.1 }
    if a.2 != b.2 { return a.2 < b.2 }
    return a.3 < b.3
}
