import ArrowIPC
import RecordingModel

/// `rerun.archetypes.Points3D`: a 3D point cloud.
public struct Points3D: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("Points3D", [
        ("positions", "Position3D", AT.f32x3), ("radii", "Radius", .float32), ("colors", "Color", .uint32),
        ("labels", "Text", .utf8), ("show_labels", "ShowLabels", .bool), ("class_ids", "ClassId", .uint16),
        ("keypoint_ids", "KeypointId", .uint16), ("point_shading", "PointShading", .uint8),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    /// Points at `positions`; every other field is optional (one value is broadcast to all points).
    public init(positions: [SIMD3<Float>], radii: [Radius]? = nil, colors: [Color]? = nil, labels: [String]? = nil,
                showLabels: Bool? = nil, classIDs: [UInt16]? = nil, keypointIDs: [UInt16]? = nil, pointShading: PointShading? = nil) {
        self = .update(positions: positions, radii: radii, colors: colors, labels: labels, showLabels: showLabels,
                       classIDs: classIDs, keypointIDs: keypointIDs, pointShading: pointShading)
    }

    /// Only the given fields (Python's `from_fields`); with `clearUnset` the others are written empty.
    public static func update(positions: [SIMD3<Float>]? = nil, radii: [Radius]? = nil, colors: [Color]? = nil, labels: [String]? = nil,
                              showLabels: Bool? = nil, classIDs: [UInt16]? = nil, keypointIDs: [UInt16]? = nil,
                              pointShading: PointShading? = nil, clearUnset: Bool = false) -> Points3D {
        var a = empty()
        a.put("positions", positions.map(ArrowArray.vec3))
        a.putInstanceAttributes(radii: radii, colors: colors, labels: labels, showLabels: showLabels, classIDs: classIDs)
        a.put("keypoint_ids", keypointIDs.map { .primitive($0) })
        a.put("point_shading", pointShading.map { .primitive([$0.rawValue]) })
        return a.applying(clearUnset: clearUnset)
    }
}

/// `rerun.archetypes.Points2D`: 2D points (image space).
public struct Points2D: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("Points2D", [
        ("positions", "Position2D", AT.f32x2), ("radii", "Radius", .float32), ("colors", "Color", .uint32),
        ("labels", "Text", .utf8), ("show_labels", "ShowLabels", .bool), ("draw_order", "DrawOrder", .float32),
        ("class_ids", "ClassId", .uint16), ("keypoint_ids", "KeypointId", .uint16),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    public init(positions: [SIMD2<Float>], radii: [Radius]? = nil, colors: [Color]? = nil, labels: [String]? = nil,
                showLabels: Bool? = nil, drawOrder: Float? = nil, classIDs: [UInt16]? = nil, keypointIDs: [UInt16]? = nil) {
        self = .update(positions: positions, radii: radii, colors: colors, labels: labels, showLabels: showLabels,
                       drawOrder: drawOrder, classIDs: classIDs, keypointIDs: keypointIDs)
    }

    public static func update(positions: [SIMD2<Float>]? = nil, radii: [Radius]? = nil, colors: [Color]? = nil, labels: [String]? = nil,
                              showLabels: Bool? = nil, drawOrder: Float? = nil, classIDs: [UInt16]? = nil, keypointIDs: [UInt16]? = nil,
                              clearUnset: Bool = false) -> Points2D {
        var a = empty()
        a.put("positions", positions.map(ArrowArray.vec2))
        a.putInstanceAttributes(radii: radii, colors: colors, labels: labels, showLabels: showLabels, classIDs: classIDs)
        a.put("draw_order", drawOrder.map { .primitive([$0]) })
        a.put("keypoint_ids", keypointIDs.map { .primitive($0) })
        return a.applying(clearUnset: clearUnset)
    }
}
