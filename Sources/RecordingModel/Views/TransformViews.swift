/// Transform3D, resolved as an atomic group (rendering-conventions §4.4): the newest row holding any field
/// defines them all; fields absent from that row are nil. Compose as
/// `translation · axisAngle · quaternion · scale · mat3x3` (§5.2), inverted when `relation == 2` (ChildFromParent).
public struct Transform3DView: ArchetypeView {
    public static let archetype = "Transform3D"
    public static let components = ["translation", "rotation_axis_angle", "quaternion", "scale", "mat3x3", "relation",
                                    "parent_frame", "child_frame"].map(c)
    public static let atomicGroups = [components]

    public var translation: SIMD3<Float>?
    public var rotationAxisAngle: RotationAxisAngle?
    /// xyzw.
    public var quaternion: SIMD4<Float>?
    public var scale: SIMD3<Float>?
    /// Column-major.
    public var mat3x3: [Float]?
    /// 1 ParentFromChild (default), 2 ChildFromParent.
    public var relation: UInt8?
    public var parentFrame: String?
    public var childFrame: String?

    public init?(_ r: LatestAtResults) {
        guard !r.cells.isEmpty else { return nil }
        translation = r.first(Self.c("translation")) { $0.vec3() }
        rotationAxisAngle = r.first(Self.c("rotation_axis_angle")) { $0.rotationAxisAngles() }
        quaternion = r.first(Self.c("quaternion")) { $0.vec4() }
        scale = r.first(Self.c("scale")) { $0.vec3() }
        mat3x3 = r.first(Self.c("mat3x3")) { $0.mat3() }
        relation = r.first(Self.c("relation")) { $0.scalars(UInt8.self) }
        parentFrame = r.first(Self.c("parent_frame")) { $0.strings() }
        childFrame = r.first(Self.c("child_frame")) { $0.strings() }
    }
}

/// InstancePoses3D (atomic group): per-instance poses; the count is the longest list, the others clamped.
public struct InstancePoses3DView: ArchetypeView {
    public static let archetype = "InstancePoses3D"
    public static let components = ["translations", "rotation_axis_angles", "quaternions", "scales", "mat3x3"].map(c)
    public static let atomicGroups = [components]

    public var translations: Clamped<SIMD3<Float>>
    public var rotationAxisAngles: Clamped<RotationAxisAngle>
    public var quaternions: Clamped<SIMD4<Float>>
    public var scales: Clamped<SIMD3<Float>>
    public var mat3x3: Clamped<[Float]>

    public init?(_ r: LatestAtResults) {
        guard !r.cells.isEmpty else { return nil }
        translations = Clamped(r.get(Self.c("translations")) { $0.vec3() })
        rotationAxisAngles = Clamped(r.get(Self.c("rotation_axis_angles")) { $0.rotationAxisAngles() })
        quaternions = Clamped(r.get(Self.c("quaternions")) { $0.vec4() })
        scales = Clamped(r.get(Self.c("scales")) { $0.vec3() })
        mat3x3 = Clamped(r.get(Self.c("mat3x3")) { $0.mat3() })
    }

    public var count: Int {
        max(translations.values.count, rotationAxisAngles.values.count, quaternions.values.count, scales.values.count, mat3x3.values.count)
    }
}

/// Pinhole: the projection fields form an atomic group; `camera_xyz` and the drawing fields are looked up
/// on their own.
public struct PinholeView: ArchetypeView {
    public static let archetype = "Pinhole"
    public static let groupFields = ["image_from_camera", "resolution", "parent_frame", "child_frame"].map(c)
    public static let components = groupFields + ["camera_xyz", "image_plane_distance", "color", "line_width"].map(c)
    public static let atomicGroups = [groupFields]

    /// Column-major 3×3: fx = [0], fy = [4], cx = [6], cy = [7].
    public var imageFromCamera: [Float]
    /// (width, height) in pixels.
    public var resolution: SIMD2<Float>?
    /// Axis codes X, Y, Z (nil = RDF).
    public var cameraXYZ: SIMD3<UInt8>?
    public var imagePlaneDistance: Float?
    public var color: UInt32?
    public var lineWidth: Float?

    public init?(_ r: LatestAtResults) {
        guard let m = r.first(Self.c("image_from_camera"), { $0.mat3() }) else { return nil }
        imageFromCamera = m
        resolution = r.first(Self.c("resolution")) { $0.vec2() }
        cameraXYZ = r.first(Self.c("camera_xyz")) { $0.u8x3() }
        imagePlaneDistance = r.first(Self.c("image_plane_distance")) { $0.scalars(Float.self) }
        color = r.first(Self.c("color")) { $0.scalars(UInt32.self) }
        lineWidth = r.first(Self.c("line_width")) { $0.scalars(Float.self) }
    }
}

/// ViewCoordinates: one axis code per X, Y, Z (1 Up, 2 Down, 3 Right, 4 Left, 5 Forward, 6 Back).
public struct ViewCoordinatesView: ArchetypeView {
    public static let archetype = "ViewCoordinates"
    public static let components = [c("xyz")]

    public var xyz: SIMD3<UInt8>

    public init?(_ r: LatestAtResults) {
        guard let v = r.first(Self.c("xyz"), { $0.u8x3() }) else { return nil }
        xyz = v
    }
}

/// Clear: whether the clear also applies to descendants. A Clear hides itself under the Clear rule, so read
/// it with `ClearView.latest(in:entity:query:)` (which ignores Clears) rather than `ChunkStore.view`.
public struct ClearView: ArchetypeView {
    public static let archetype = "Clear"
    public static let components = [ClearQuery.component]

    public var isRecursive: Bool

    public init?(_ r: LatestAtResults) {
        guard let v = r.first(ClearQuery.component, { $0.bools() }) else { return nil }
        isRecursive = v
    }

    /// The entity's own newest Clear at `query`, if any.
    public static func latest(in store: ChunkStore, entity: EntityPath, query: LatestAtQuery) -> ClearView? {
        store.latestAtIgnoringClears(ClearQuery.component, entity: entity, query: query)
            .flatMap { ClearView(LatestAtResults(entityPath: entity, cells: [ClearQuery.component: $0])) }
    }
}
