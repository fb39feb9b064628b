/// Points3D: `positions` drive the instance count; the other lists are clamped (`Clamped`).
public struct Points3DView: ArchetypeView {
    public static let archetype = "Points3D"
    public static let components = ["positions", "colors", "radii", "labels", "class_ids", "keypoint_ids", "show_labels", "point_shading"].map(c)

    public var positions: [SIMD3<Float>]
    /// `0xRRGGBBAA`.
    public var colors: Clamped<UInt32>
    /// Positive = scene units, negative = UI points.
    public var radii: Clamped<Float>
    public var labels: [String]
    public var classIDs: Clamped<UInt16>
    public var keypointIDs: Clamped<UInt16>
    public var showLabels: Bool?
    /// 1 Gradient, 2 Flat.
    public var pointShading: UInt8?

    public init?(_ r: LatestAtResults) {
        guard let p = r[Self.c("positions")] else { return nil }
        positions = p.vec3()
        (colors, radii, labels, classIDs, showLabels) = r.instanceAttributes(Self.c)
        keypointIDs = Clamped(r.get(Self.c("keypoint_ids")) { $0.scalars(UInt16.self) })
        pointShading = r.first(Self.c("point_shading")) { $0.scalars(UInt8.self) }
    }

    public var count: Int { positions.count }
}

/// Points2D: as Points3D in the plane, plus a draw order.
public struct Points2DView: ArchetypeView {
    public static let archetype = "Points2D"
    public static let components = ["positions", "colors", "radii", "labels", "class_ids", "keypoint_ids", "show_labels", "draw_order"].map(c)

    public var positions: [SIMD2<Float>]
    public var colors: Clamped<UInt32>
    public var radii: Clamped<Float>
    public var labels: [String]
    public var classIDs: Clamped<UInt16>
    public var keypointIDs: Clamped<UInt16>
    public var showLabels: Bool?
    public var drawOrder: Float?

    public init?(_ r: LatestAtResults) {
        guard let p = r[Self.c("positions")] else { return nil }
        positions = p.vec2()
        (colors, radii, labels, classIDs, showLabels) = r.instanceAttributes(Self.c)
        keypointIDs = Clamped(r.get(Self.c("keypoint_ids")) { $0.scalars(UInt16.self) })
        drawOrder = r.first(Self.c("draw_order")) { $0.scalars(Float.self) }
    }

    public var count: Int { positions.count }
}
