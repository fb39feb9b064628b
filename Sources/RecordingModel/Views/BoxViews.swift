/// Boxes2D: centers and half sizes; the instance count is the longer of the two (the other is clamped).
public struct Boxes2DView: ArchetypeView {
    public static let archetype = "Boxes2D"
    public static let components = ["centers", "half_sizes", "colors", "radii", "labels", "class_ids", "show_labels", "draw_order"].map(c)

    public var centers: Clamped<SIMD2<Float>>
    public var halfSizes: Clamped<SIMD2<Float>>
    public var colors: Clamped<UInt32>
    public var radii: Clamped<Float>
    public var labels: [String]
    public var classIDs: Clamped<UInt16>
    public var showLabels: Bool?
    public var drawOrder: Float?

    public init?(_ r: LatestAtResults) {
        guard let h = r[Self.c("half_sizes")] else { return nil }
        halfSizes = Clamped(h.vec2())
        centers = Clamped(r.get(Self.c("centers")) { $0.vec2() })
        (colors, radii, labels, classIDs, showLabels) = r.instanceAttributes(Self.c)
        drawOrder = r.first(Self.c("draw_order")) { $0.scalars(Float.self) }
    }

    public var count: Int { max(centers.values.count, halfSizes.values.count) }
}

/// Boxes3D: the instance count is the longest of centers, half sizes, quaternions and axis-angles
/// (rendering-conventions §5.3); every list is clamped.
public struct Boxes3DView: ArchetypeView {
    public static let archetype = "Boxes3D"
    public static let components = ["centers", "half_sizes", "quaternions", "rotation_axis_angles", "colors", "radii", "labels",
                                    "class_ids", "show_labels", "fill_mode"].map(c)

    public var centers: Clamped<SIMD3<Float>>
    public var halfSizes: Clamped<SIMD3<Float>>
    /// xyzw.
    public var quaternions: Clamped<SIMD4<Float>>
    public var rotationAxisAngles: Clamped<RotationAxisAngle>
    public var colors: Clamped<UInt32>
    public var radii: Clamped<Float>
    public var labels: [String]
    public var classIDs: Clamped<UInt16>
    public var showLabels: Bool?
    /// 1 MajorWireframe, 2 DenseWireframe, 3 Solid, 4 TransparentFillMajorWireframe.
    public var fillMode: UInt8?

    public init?(_ r: LatestAtResults) {
        guard let h = r[Self.c("half_sizes")] else { return nil }
        halfSizes = Clamped(h.vec3())
        centers = Clamped(r.get(Self.c("centers")) { $0.vec3() })
        quaternions = Clamped(r.get(Self.c("quaternions")) { $0.vec4() })
        rotationAxisAngles = Clamped(r.get(Self.c("rotation_axis_angles")) { $0.rotationAxisAngles() })
        (colors, radii, labels, classIDs, showLabels) = r.instanceAttributes(Self.c)
        fillMode = r.first(Self.c("fill_mode")) { $0.scalars(UInt8.self) }
    }

    public var count: Int {
        max(centers.values.count, halfSizes.values.count, quaternions.values.count, rotationAxisAngles.values.count)
    }
}
