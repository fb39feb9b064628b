import RecordingModel

/// Where an entity's data sits in a view, from the transform tree at one moment (rendering-conventions §5).
///
/// * `originFromEntity`: for data drawn in the view's own space (3D data in a 3D view, 2D data in a 2D view);
///   nil for entities inside a Pinhole's 2D subspace in a 3D view.
/// * `imageSpace`: for 2D data below a Pinhole in a 3D view: the pinhole entity and `imageFromEntity`
///   (the transforms between the pinhole and the entity, in image pixels).
/// * `camera`: set on the pinhole entity itself in a 3D view: its pose `originFromCamera` and intrinsics.
public struct EntityPlacement: Sendable {
    public var originFromEntity: Affine3?
    public var imageSpace: (pinhole: EntityPath, imageFromEntity: Affine3)?
    public var camera: (originFromCamera: Affine3, pinhole: PinholeView)?
}

/// Resolves placements for the entities of one view, walking the entity tree down from the view's origin.
/// Transforms on the origin itself and above it are not applied (everything is relative to the origin).
public struct TransformResolver {
    public let context: ViewContext
    public let origin: EntityPath
    /// In 2D views a Pinhole below the origin cuts its subtree off (its data is in another space).
    public let is3D: Bool
    private(set) var warnings: [RenderWarning] = []
    private var cache: [EntityPath: EntityPlacement?] = [:]

    public init(context: ViewContext, origin: EntityPath, is3D: Bool) {
        self.context = context; self.origin = origin; self.is3D = is3D
    }

    /// The placement of `entity`, or nil when it is not below the origin or sits in a space the view cannot show.
    public mutating func placement(of entity: EntityPath) -> EntityPlacement? {
        if let cached = cache[entity] { return cached }
        let result = resolve(entity)
        cache[entity] = result
        return result
    }

    private mutating func resolve(_ entity: EntityPath) -> EntityPlacement? {
        guard entity.parts.starts(with: origin.parts) else { return nil }
        if entity == origin {
            // A 2D view whose origin is a pinhole draws in that pinhole's image space: identity from here.
            return EntityPlacement(originFromEntity: .identity, imageSpace: nil, camera: nil)
        }
        guard let parent = entity.parent, let up = placement(of: parent) else { return nil }
        // A DisconnectedSpace cuts the entity's subtree off from its parent's space: views above it skip it.
        if context.isDisconnectedSpace(entity) { return nil }
        let local = localTransform(entity)
        let pinhole = context.view(PinholeView.self, entity)
        if let imageSpace = up.imageSpace {
            // Inside a 2D subspace of a 3D view; a nested pinhole is not followed.
            guard pinhole == nil else { return nil }
            return EntityPlacement(originFromEntity: nil,
                                   imageSpace: (imageSpace.pinhole, imageSpace.imageFromEntity * local), camera: nil)
        }
        guard let parentFromOrigin = up.originFromEntity else { return nil }
        let originFromEntity = parentFromOrigin * local
        guard let pinhole else {
            return EntityPlacement(originFromEntity: originFromEntity, imageSpace: nil, camera: nil)
        }
        guard is3D else { return nil }
        return EntityPlacement(originFromEntity: nil, imageSpace: (entity, .identity),
                               camera: (originFromEntity, pinhole))
    }

    /// `parentFromEntity` from the entity's Transform3D (identity when none, or when invalid, with a warning).
    private mutating func localTransform(_ entity: EntityPath) -> Affine3 {
        guard let t = context.view(Transform3DView.self, entity) else { return .identity }
        let parts = TransformParts(
            translation: t.translation?.double,
            axisAngle: t.rotationAxisAngle.map { (axis: $0.axis.double, angle: Double($0.angle)) },
            quaternion: t.quaternion.map { SIMD4<Double>(Double($0.x), Double($0.y), Double($0.z), Double($0.w)) },
            scale: t.scale?.double,
            mat3x3: t.mat3x3?.map(Double.init),
            childFromParent: t.relation == 2)
        do {
            return try parts.matrix()
        } catch {
            warnings.append(RenderWarning(entity: entity, "invalid Transform3D (\(error)), drawn without it"))
            return .identity
        }
    }
}
