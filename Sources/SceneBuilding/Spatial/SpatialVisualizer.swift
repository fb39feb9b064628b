import RecordingModel

/// Where a visualizer's entity is drawn and with which conventions.
public struct VisualizerInput: Sendable {
    public let entity: EntityPath
    /// View space from entity space (the view's origin space: world in 3D, scene pixels in 2D).
    public let originFromEntity: Affine3
    public let context: ViewContext
    /// True when drawn in a 3D view (2D content may still be drawn there, on a camera's image plane).
    public let in3DView: Bool

    public init(entity: EntityPath, originFromEntity: Affine3, context: ViewContext, in3DView: Bool) {
        self.entity = entity; self.originFromEntity = originFromEntity; self.context = context; self.in3DView = in3DView
    }

    /// The annotation context for this entity (found up the hierarchy).
    public var annotations: AnnotationContextView? {
        context.source.annotationContext(for: entity)?.1
    }
}

/// One archetype's drawing: it reads the archetype at the view's moment and adds drawables, bounds and labels.
/// One visualizer per archetype, one file each.
public protocol SpatialVisualizer: Sendable {
    /// Rerun's visualizer name (its alphabetical order breaks 2D draw-order ties).
    static var name: String { get }
    /// Adds the entity's drawing to `scene`; does nothing when the entity does not carry the archetype.
    func collect(_ input: VisualizerInput, into scene: inout SpatialCollector)
}

/// Whether the viewer shows labels by default (rendering-conventions §8.1): when asked to, or when there is
/// exactly one label, or when there are fewer than 30 instances.
func showsLabels(explicit: Bool?, labelCount: Int, instanceCount: Int) -> Bool {
    explicit ?? (labelCount == 1 || instanceCount < 30)
}
