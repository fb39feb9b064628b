import Rasterizer
import RecordingModel

/// The 2D view (rendering-conventions §7): scene x right and y down, an orthographic camera that fits the visible
/// bounds into the view (letterboxed, centred), the view's drawables stacked by DrawOrder (ties: visualizer name,
/// then entity path) with the painter's algorithm on the overlay layer, and labels on top.
///
/// Visible bounds: the view's `visualBounds` when valid; else the resolution of a Pinhole at the origin (or of
/// an image logged there when the pinhole has none); else the x/y extent of the scene's region of interest when
/// it has a positive area; else [0, 100]².
public struct Spatial2DViewBuilder: ViewBuilder {
    public var visualizers: [any SpatialVisualizer]

    public init(visualizers: [any SpatialVisualizer] = SpatialVisualizers.in2D) { self.visualizers = visualizers }

    public func build(_ view: ViewSpec, width: Int, height: Int, context: ViewContext) -> ViewDrawing {
        let scene = collect(view, context: context)
        let bounds = Self.visibleBounds(view: view, regionOfInterest: scene.regionOfInterest, context: context)
        let camera = Self.camera(showing: bounds, width: width, height: height)
        var list = DrawList(background: Theme.viewBackground)
        for d in scene.layeredDrawables {
            list.add(d, camera: camera, pixelsPerPoint: context.pixelsPerPoint, layer: .overlay)
        }
        SpatialLabels.draw(scene.labels, camera: camera, pixelsPerPoint: context.pixelsPerPoint, into: &list)
        return ViewDrawing(drawList: list, camera: camera, warnings: scene.warnings)
    }

    /// Every visualizer on every entity of the view that lives in the view's 2D space (pinhole subtrees below
    /// the origin are another space and are left out).
    func collect(_ view: ViewSpec, context: ViewContext) -> SpatialCollector {
        let entities = view.entities(in: context.store)
        let visualizers = visualizers.adapted(to: ViewImageCensus.of(entities, context: context))
        var scene = SpatialCollector()
        var resolver = TransformResolver(context: context, origin: view.originPath, is3D: false)
        for entity in entities {
            guard let originFromEntity = resolver.placement(of: entity)?.originFromEntity else { continue }
            let input = VisualizerInput(entity: entity, originFromEntity: originFromEntity, context: context,
                                        in3DView: false)
            for v in visualizers { v.collect(input, into: &scene) }
        }
        scene.warnings += resolver.warnings
        return scene
    }

    /// The rectangle the view must show (before letterboxing).
    static func visibleBounds(view: ViewSpec, regionOfInterest roi: BoundingBox, context: ViewContext) -> Bounds2D {
        if let fixed = view.visualBounds, fixed.isValid { return fixed }
        let origin = view.originPath
        if let pinhole = context.view(PinholeView.self, origin) {
            let size = pinhole.resolution.map { SIMD2<Double>(Double($0.x), Double($0.y)) }
                ?? imageSize(at: origin, context: context)
            if let size {
                let bounds = Bounds2D(min: .zero, max: size)
                if bounds.isValid { return bounds }
            }
        }
        if !roi.isEmpty {
            let bounds = Bounds2D(min: SIMD2(roi.min.x, roi.min.y), max: SIMD2(roi.max.x, roi.max.y))
            if bounds.isValid { return bounds }
        }
        return Bounds2D(min: .zero, max: [100, 100])
    }

    /// The size of an image logged at `entity` (any image archetype), if one is there.
    static func imageSize(at entity: EntityPath, context: ViewContext) -> SIMD2<Double>? {
        let format = context.view(ImageView.self, entity)?.format
            ?? context.view(DepthImageView.self, entity)?.format
            ?? context.view(SegmentationImageView.self, entity)?.format
        if let format { return SIMD2(Double(format.width), Double(format.height)) }
        if let encoded = context.view(EncodedImageView.self, entity),
           let size = withExtendedLifetime(encoded.blob, { EncodedImageHeader.size(of: [UInt8](encoded.blob.bytes)) }) {
            return SIMD2(Double(size.x), Double(size.y))
        }
        return nil
    }

    /// `bounds` grown along one axis so that its aspect ratio matches the viewport's, keeping its centre
    /// (the whole of `bounds` stays visible).
    public static func letterboxed(_ bounds: Bounds2D, width: Int, height: Int) -> Bounds2D {
        let size = bounds.size
        let viewport = SIMD2<Double>(Double(max(width, 1)), Double(max(height, 1)))
        let scale = min(viewport.x / size.x, viewport.y / size.y)  // pixels per scene unit
        let half = viewport / scale / 2
        return Bounds2D(min: bounds.center - half, max: bounds.center + half)
    }

    /// The orthographic camera that maps `bounds` (letterboxed) onto a `width × height` viewport: scene x right,
    /// y down, z = 0 the picture plane (camera space is scene space turned half a turn about x).
    public static func camera(showing bounds: Bounds2D, width: Int, height: Int) -> Camera {
        let visible = letterboxed(bounds, width: width, height: height)
        let cameraFromWorld = Mat4(rowMajor: SIMD16(1, 0, 0, 0,
                                                    0, -1, 0, 0,
                                                    0, 0, -1, 0,
                                                    0, 0, 0, 1))
        let depth = Float(1e9)
        let clipFromCamera = Mat4.orthographic(left: Float(visible.min.x), right: Float(visible.max.x),
                                               bottom: Float(-visible.max.y), top: Float(-visible.min.y),
                                               near: -depth, far: depth)
        return Camera(cameraFromWorld: cameraFromWorld, clipFromCamera: clipFromCamera, width: width, height: height)
    }
}
