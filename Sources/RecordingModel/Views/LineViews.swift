/// LineStrips3D: one instance per strip; colors, radii, class ids clamped per strip.
public struct LineStrips3DView: ArchetypeView {
    public static let archetype = "LineStrips3D"
    public static let components = ["strips", "colors", "radii", "labels", "class_ids", "show_labels"].map(c)

    public var strips: [[SIMD3<Float>]]
    public var colors: Clamped<UInt32>
    public var radii: Clamped<Float>
    public var labels: [String]
    public var classIDs: Clamped<UInt16>
    public var showLabels: Bool?

    public init?(_ r: LatestAtResults) {
        guard let s = r[Self.c("strips")] else { return nil }
        strips = s.strips(size: 3).map { f in (0 ..< f.count / 3).map { SIMD3(f[3 * $0], f[3 * $0 + 1], f[3 * $0 + 2]) } }
        (colors, radii, labels, classIDs, showLabels) = r.instanceAttributes(Self.c)
    }

    public var count: Int { strips.count }
}

/// LineStrips2D: as LineStrips3D in the plane, plus a draw order.
public struct LineStrips2DView: ArchetypeView {
    public static let archetype = "LineStrips2D"
    public static let components = ["strips", "colors", "radii", "labels", "class_ids", "show_labels", "draw_order"].map(c)

    public var strips: [[SIMD2<Float>]]
    public var colors: Clamped<UInt32>
    public var radii: Clamped<Float>
    public var labels: [String]
    public var classIDs: Clamped<UInt16>
    public var showLabels: Bool?
    public var drawOrder: Float?

    public init?(_ r: LatestAtResults) {
        guard let s = r[Self.c("strips")] else { return nil }
        strips = s.strips(size: 2).map { f in (0 ..< f.count / 2).map { SIMD2(f[2 * $0], f[2 * $0 + 1]) } }
        (colors, radii, labels, classIDs, showLabels) = r.instanceAttributes(Self.c)
        drawOrder = r.first(Self.c("draw_order")) { $0.scalars(Float.self) }
    }

    public var count: Int { strips.count }
}

/// Arrows3D: `vectors` drive the count; origins (default 0) and the rest are clamped.
public struct Arrows3DView: ArchetypeView {
    public static let archetype = "Arrows3D"
    public static let components = ["vectors", "origins", "colors", "radii", "labels", "class_ids", "show_labels"].map(c)

    public var vectors: [SIMD3<Float>]
    public var origins: Clamped<SIMD3<Float>>
    public var colors: Clamped<UInt32>
    public var radii: Clamped<Float>
    public var labels: [String]
    public var classIDs: Clamped<UInt16>
    public var showLabels: Bool?

    public init?(_ r: LatestAtResults) {
        guard let v = r[Self.c("vectors")] else { return nil }
        vectors = v.vec3()
        origins = Clamped(r.get(Self.c("origins")) { $0.vec3() })
        (colors, radii, labels, classIDs, showLabels) = r.instanceAttributes(Self.c)
    }

    public var count: Int { vectors.count }
}

/// Arrows2D: as Arrows3D in the plane, plus a draw order.
public struct Arrows2DView: ArchetypeView {
    public static let archetype = "Arrows2D"
    public static let components = ["vectors", "origins", "colors", "radii", "labels", "class_ids", "show_labels", "draw_order"].map(c)

    public var vectors: [SIMD2<Float>]
    public var origins: Clamped<SIMD2<Float>>
    public var colors: Clamped<UInt32>
    public var radii: Clamped<Float>
    public var labels: [String]
    public var classIDs: Clamped<UInt16>
    public var showLabels: Bool?
    public var drawOrder: Float?

    public init?(_ r: LatestAtResults) {
        guard let v = r[Self.c("vectors")] else { return nil }
        vectors = v.vec2()
        origins = Clamped(r.get(Self.c("origins")) { $0.vec2() })
        (colors, radii, labels, classIDs, showLabels) = r.instanceAttributes(Self.c)
        drawOrder = r.first(Self.c("draw_order")) { $0.scalars(Float.self) }
    }

    public var count: Int { vectors.count }
}
