import ArrowIPC
import RecordingModel

/// `rerun.archetypes.LineStrips3D`: polylines in 3D, one inner array per strip.
public struct LineStrips3D: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("LineStrips3D", [
        ("strips", "LineStrip3D", AT.list(AT.f32x3)), ("radii", "Radius", .float32), ("colors", "Color", .uint32),
        ("labels", "Text", .utf8), ("show_labels", "ShowLabels", .bool), ("class_ids", "ClassId", .uint16),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    public init(strips: [[SIMD3<Float>]], radii: [Radius]? = nil, colors: [Color]? = nil, labels: [String]? = nil,
                showLabels: Bool? = nil, classIDs: [UInt16]? = nil) {
        self = .update(strips: strips, radii: radii, colors: colors, labels: labels, showLabels: showLabels, classIDs: classIDs)
    }

    public static func update(strips: [[SIMD3<Float>]]? = nil, radii: [Radius]? = nil, colors: [Color]? = nil, labels: [String]? = nil,
                              showLabels: Bool? = nil, classIDs: [UInt16]? = nil, clearUnset: Bool = false) -> LineStrips3D {
        var a = empty()
        a.put("strips", strips.map { ArrowArray.strips($0) })
        a.putInstanceAttributes(radii: radii, colors: colors, labels: labels, showLabels: showLabels, classIDs: classIDs)
        return a.applying(clearUnset: clearUnset)
    }
}

/// `rerun.archetypes.LineStrips2D`: polylines in 2D.
public struct LineStrips2D: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("LineStrips2D", [
        ("strips", "LineStrip2D", AT.list(AT.f32x2)), ("radii", "Radius", .float32), ("colors", "Color", .uint32),
        ("labels", "Text", .utf8), ("show_labels", "ShowLabels", .bool), ("draw_order", "DrawOrder", .float32),
        ("class_ids", "ClassId", .uint16),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    public init(strips: [[SIMD2<Float>]], radii: [Radius]? = nil, colors: [Color]? = nil, labels: [String]? = nil,
                showLabels: Bool? = nil, drawOrder: Float? = nil, classIDs: [UInt16]? = nil) {
        self = .update(strips: strips, radii: radii, colors: colors, labels: labels, showLabels: showLabels, drawOrder: drawOrder,
                       classIDs: classIDs)
    }

    public static func update(strips: [[SIMD2<Float>]]? = nil, radii: [Radius]? = nil, colors: [Color]? = nil, labels: [String]? = nil,
                              showLabels: Bool? = nil, drawOrder: Float? = nil, classIDs: [UInt16]? = nil,
                              clearUnset: Bool = false) -> LineStrips2D {
        var a = empty()
        a.put("strips", strips.map { ArrowArray.strips($0) })
        a.putInstanceAttributes(radii: radii, colors: colors, labels: labels, showLabels: showLabels, classIDs: classIDs)
        a.put("draw_order", drawOrder.map { .primitive([$0]) })
        return a.applying(clearUnset: clearUnset)
    }
}

/// `rerun.archetypes.Arrows3D`: vectors drawn from origins (default origin 0).
public struct Arrows3D: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("Arrows3D", [
        ("vectors", "Vector3D", AT.f32x3), ("origins", "Position3D", AT.f32x3), ("radii", "Radius", .float32),
        ("colors", "Color", .uint32), ("labels", "Text", .utf8), ("show_labels", "ShowLabels", .bool), ("class_ids", "ClassId", .uint16),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    public init(vectors: [SIMD3<Float>], origins: [SIMD3<Float>]? = nil, radii: [Radius]? = nil, colors: [Color]? = nil,
                labels: [String]? = nil, showLabels: Bool? = nil, classIDs: [UInt16]? = nil) {
        self = .update(vectors: vectors, origins: origins, radii: radii, colors: colors, labels: labels, showLabels: showLabels,
                       classIDs: classIDs)
    }

    public static func update(vectors: [SIMD3<Float>]? = nil, origins: [SIMD3<Float>]? = nil, radii: [Radius]? = nil,
                              colors: [Color]? = nil, labels: [String]? = nil, showLabels: Bool? = nil, classIDs: [UInt16]? = nil,
                              clearUnset: Bool = false) -> Arrows3D {
        var a = empty()
        a.put("vectors", vectors.map(ArrowArray.vec3))
        a.put("origins", origins.map(ArrowArray.vec3))
        a.putInstanceAttributes(radii: radii, colors: colors, labels: labels, showLabels: showLabels, classIDs: classIDs)
        return a.applying(clearUnset: clearUnset)
    }
}

/// `rerun.archetypes.Arrows2D`: 2D vectors drawn from origins.
public struct Arrows2D: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("Arrows2D", [
        ("vectors", "Vector2D", AT.f32x2), ("origins", "Position2D", AT.f32x2), ("radii", "Radius", .float32),
        ("colors", "Color", .uint32), ("labels", "Text", .utf8), ("show_labels", "ShowLabels", .bool),
        ("draw_order", "DrawOrder", .float32), ("class_ids", "ClassId", .uint16),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    public init(vectors: [SIMD2<Float>], origins: [SIMD2<Float>]? = nil, radii: [Radius]? = nil, colors: [Color]? = nil,
                labels: [String]? = nil, showLabels: Bool? = nil, drawOrder: Float? = nil, classIDs: [UInt16]? = nil) {
        self = .update(vectors: vectors, origins: origins, radii: radii, colors: colors, labels: labels, showLabels: showLabels,
                       drawOrder: drawOrder, classIDs: classIDs)
    }

    public static func update(vectors: [SIMD2<Float>]? = nil, origins: [SIMD2<Float>]? = nil, radii: [Radius]? = nil,
                              colors: [Color]? = nil, labels: [String]? = nil, showLabels: Bool? = nil, drawOrder: Float? = nil,
                              classIDs: [UInt16]? = nil, clearUnset: Bool = false) -> Arrows2D {
        var a = empty()
        a.put("vectors", vectors.map(ArrowArray.vec2))
        a.put("origins", origins.map(ArrowArray.vec2))
        a.putInstanceAttributes(radii: radii, colors: colors, labels: labels, showLabels: showLabels, classIDs: classIDs)
        a.put("draw_order", drawOrder.map { .primitive([$0]) })
        return a.applying(clearUnset: clearUnset)
    }
}
