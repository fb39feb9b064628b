import ArrowIPC
import RecordingModel

/// `rerun.archetypes.Transform3D`: the transform from this entity's frame to its parent's.
///
/// The viewer composes `translation · rotation_axis_angle · quaternion · scale · mat3x3` whatever order the
/// fields are given in, and treats the fields as one group: the newest row holding any of them replaces the
/// whole transform (rendering-conventions §4.4).
public struct Transform3D: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("Transform3D", [
        ("translation", "Translation3D", AT.f32x3), ("rotation_axis_angle", "RotationAxisAngle", AT.rotationAxisAngle),
        ("quaternion", "RotationQuat", AT.f32x4), ("scale", "Scale3D", AT.f32x3), ("mat3x3", "TransformMat3x3", AT.f32x9),
        ("relation", "TransformRelation", .uint8), ("child_frame", "TransformFrameId", .utf8), ("parent_frame", "TransformFrameId", .utf8),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    /// A transform from the given parts; only the given fields are written.
    /// `scale` is per axis; `uniformScale` is stored as three equal values (as the Python SDK does).
    public init(translation: SIMD3<Float>? = nil, rotation: Rotation3D? = nil, rotationAxisAngle: RotationAxisAngle? = nil,
                quaternion: Quaternion? = nil, scale: SIMD3<Float>? = nil, uniformScale: Float? = nil, mat3x3: Mat3x3? = nil,
                relation: TransformRelation? = nil, childFrame: String? = nil, parentFrame: String? = nil) {
        var axisAngle = rotationAxisAngle
        var quat = quaternion
        switch rotation {
        case .axisAngle(let r)?: axisAngle = r
        case .quaternion(let q)?: quat = q
        case nil: break
        }
        self = .update(translation: translation, rotationAxisAngle: axisAngle, quaternion: quat,
                       scale: scale ?? uniformScale.map { SIMD3(repeating: $0) }, mat3x3: mat3x3, relation: relation,
                       childFrame: childFrame, parentFrame: parentFrame)
    }

    public static func update(translation: SIMD3<Float>? = nil, rotationAxisAngle: RotationAxisAngle? = nil, quaternion: Quaternion? = nil,
                              scale: SIMD3<Float>? = nil, mat3x3: Mat3x3? = nil, relation: TransformRelation? = nil,
                              childFrame: String? = nil, parentFrame: String? = nil, clearUnset: Bool = false) -> Transform3D {
        var a = empty()
        a.put("translation", translation.map { .vec3([$0]) })
        a.put("rotation_axis_angle", rotationAxisAngle.map { .rotationAxisAngles([$0]) })
        a.put("quaternion", quaternion.map { .quaternions([$0]) })
        a.put("scale", scale.map { .vec3([$0]) })
        a.put("mat3x3", mat3x3.map { .mat3x3([$0]) })
        a.put("relation", relation.map { .primitive([$0.rawValue]) })
        a.put("child_frame", childFrame.map { .utf8([$0]) })
        a.put("parent_frame", parentFrame.map { .utf8([$0]) })
        return a.applying(clearUnset: clearUnset)
    }
}

/// `rerun.archetypes.InstancePoses3D`: one pose per instance of the entity's other archetypes (instancing).
public struct InstancePoses3D: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("InstancePoses3D", [
        ("translations", "Translation3D", AT.f32x3), ("rotation_axis_angles", "RotationAxisAngle", AT.rotationAxisAngle),
        ("quaternions", "RotationQuat", AT.f32x4), ("scales", "Scale3D", AT.f32x3), ("mat3x3", "TransformMat3x3", AT.f32x9),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    public init(translations: [SIMD3<Float>]? = nil, rotationAxisAngles: [RotationAxisAngle]? = nil, quaternions: [Quaternion]? = nil,
                scales: [SIMD3<Float>]? = nil, mat3x3: [Mat3x3]? = nil) {
        self = .update(translations: translations, rotationAxisAngles: rotationAxisAngles, quaternions: quaternions, scales: scales,
                       mat3x3: mat3x3)
    }

    public static func update(translations: [SIMD3<Float>]? = nil, rotationAxisAngles: [RotationAxisAngle]? = nil,
                              quaternions: [Quaternion]? = nil, scales: [SIMD3<Float>]? = nil, mat3x3: [Mat3x3]? = nil,
                              clearUnset: Bool = false) -> InstancePoses3D {
        var a = empty()
        a.put("translations", translations.map(ArrowArray.vec3))
        a.put("rotation_axis_angles", rotationAxisAngles.map(ArrowArray.rotationAxisAngles))
        a.put("quaternions", quaternions.map(ArrowArray.quaternions))
        a.put("scales", scales.map(ArrowArray.vec3))
        a.put("mat3x3", mat3x3.map(ArrowArray.mat3x3))
        return a.applying(clearUnset: clearUnset)
    }
}
