import ArrowIPC
import RecordingModel

/// `rerun.archetypes.Boxes2D`: axis-aligned rectangles, stored as centers + half sizes.
public struct Boxes2D: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("Boxes2D", [
        ("half_sizes", "HalfSize2D", AT.f32x2), ("centers", "Position2D", AT.f32x2), ("colors", "Color", .uint32),
        ("radii", "Radius", .float32), ("labels", "Text", .utf8), ("show_labels", "ShowLabels", .bool),
        ("draw_order", "DrawOrder", .float32), ("class_ids", "ClassId", .uint16),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    public init(halfSizes: [SIMD2<Float>], centers: [SIMD2<Float>]? = nil, colors: [Color]? = nil, radii: [Radius]? = nil,
                labels: [String]? = nil, showLabels: Bool? = nil, drawOrder: Float? = nil, classIDs: [UInt16]? = nil) {
        self = .update(halfSizes: halfSizes, centers: centers, colors: colors, radii: radii, labels: labels, showLabels: showLabels,
                       drawOrder: drawOrder, classIDs: classIDs)
    }

    /// Boxes from their minimum corners and full sizes (converted: center = min + size/2, half size = size/2).
    public init(mins: [SIMD2<Float>], sizes: [SIMD2<Float>], colors: [Color]? = nil, radii: [Radius]? = nil, labels: [String]? = nil,
                showLabels: Bool? = nil, drawOrder: Float? = nil, classIDs: [UInt16]? = nil) {
        let n = min(mins.count, sizes.count)
        self.init(halfSizes: sizes.prefix(n).map { $0 / 2 }, centers: (0 ..< n).map { mins[$0] + sizes[$0] / 2 }, colors: colors,
                  radii: radii, labels: labels, showLabels: showLabels, drawOrder: drawOrder, classIDs: classIDs)
    }

    /// Boxes from centers and full sizes.
    public init(centers: [SIMD2<Float>], sizes: [SIMD2<Float>], colors: [Color]? = nil, radii: [Radius]? = nil, labels: [String]? = nil,
                showLabels: Bool? = nil, drawOrder: Float? = nil, classIDs: [UInt16]? = nil) {
        self.init(halfSizes: sizes.map { $0 / 2 }, centers: centers, colors: colors, radii: radii, labels: labels, showLabels: showLabels,
                  drawOrder: drawOrder, classIDs: classIDs)
    }

    public static func update(halfSizes: [SIMD2<Float>]? = nil, centers: [SIMD2<Float>]? = nil, colors: [Color]? = nil,
                              radii: [Radius]? = nil, labels: [String]? = nil, showLabels: Bool? = nil, drawOrder: Float? = nil,
                              classIDs: [UInt16]? = nil, clearUnset: Bool = false) -> Boxes2D {
        var a = empty()
        a.put("half_sizes", halfSizes.map(ArrowArray.vec2))
        a.put("centers", centers.map(ArrowArray.vec2))
        a.putInstanceAttributes(radii: radii, colors: colors, labels: labels, showLabels: showLabels, classIDs: classIDs)
        a.put("draw_order", drawOrder.map { .primitive([$0]) })
        return a.applying(clearUnset: clearUnset)
    }
}

/// `rerun.archetypes.Boxes3D`: oriented boxes, stored as centers + half sizes + rotations.
public struct Boxes3D: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("Boxes3D", [
        ("half_sizes", "HalfSize3D", AT.f32x3), ("centers", "Translation3D", AT.f32x3),
        ("rotation_axis_angles", "RotationAxisAngle", AT.rotationAxisAngle), ("quaternions", "RotationQuat", AT.f32x4),
        ("colors", "Color", .uint32), ("radii", "Radius", .float32), ("fill_mode", "FillMode", .uint8), ("labels", "Text", .utf8),
        ("show_labels", "ShowLabels", .bool), ("class_ids", "ClassId", .uint16),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    public init(halfSizes: [SIMD3<Float>], centers: [SIMD3<Float>]? = nil, rotationAxisAngles: [RotationAxisAngle]? = nil,
                quaternions: [Quaternion]? = nil, colors: [Color]? = nil, radii: [Radius]? = nil, fillMode: FillMode? = nil,
                labels: [String]? = nil, showLabels: Bool? = nil, classIDs: [UInt16]? = nil) {
        self = .update(halfSizes: halfSizes, centers: centers, rotationAxisAngles: rotationAxisAngles, quaternions: quaternions,
                       colors: colors, radii: radii, fillMode: fillMode, labels: labels, showLabels: showLabels, classIDs: classIDs)
    }

    /// Boxes from their minimum corners and full sizes (converted to centers + half sizes).
    public init(mins: [SIMD3<Float>], sizes: [SIMD3<Float>], colors: [Color]? = nil, radii: [Radius]? = nil, fillMode: FillMode? = nil,
                labels: [String]? = nil, classIDs: [UInt16]? = nil) {
        let n = min(mins.count, sizes.count)
        self.init(halfSizes: sizes.prefix(n).map { $0 / 2 }, centers: (0 ..< n).map { mins[$0] + sizes[$0] / 2 }, colors: colors,
                  radii: radii, fillMode: fillMode, labels: labels, classIDs: classIDs)
    }

    public static func update(halfSizes: [SIMD3<Float>]? = nil, centers: [SIMD3<Float>]? = nil,
                              rotationAxisAngles: [RotationAxisAngle]? = nil, quaternions: [Quaternion]? = nil, colors: [Color]? = nil,
                              radii: [Radius]? = nil, fillMode: FillMode? = nil, labels: [String]? = nil, showLabels: Bool? = nil,
                              classIDs: [UInt16]? = nil, clearUnset: Bool = false) -> Boxes3D {
        var a = empty()
        a.put("half_sizes", halfSizes.map(ArrowArray.vec3))
        a.put("centers", centers.map(ArrowArray.vec3))
        a.put("rotation_axis_angles", rotationAxisAngles.map(ArrowArray.rotationAxisAngles))
        a.put("quaternions", quaternions.map(ArrowArray.quaternions))
        a.putInstanceAttributes(radii: radii, colors: colors, labels: labels, showLabels: showLabels, classIDs: classIDs)
        a.put("fill_mode", fillMode.map { .primitive([$0.rawValue]) })
        return a.applying(clearUnset: clearUnset)
    }
}
