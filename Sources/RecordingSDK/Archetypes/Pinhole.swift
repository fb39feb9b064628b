import ArrowIPC
import Foundation
import RecordingModel

/// `rerun.archetypes.Pinhole`: camera intrinsics; below it lies a 2D image space.
///
/// The SDK conveniences are converted exactly as rerun-sdk 0.41 does: focal length + principal point +
/// width/height become `image_from_camera` (column-major `[fx,0,0, 0,fy,0, cx,cy,1]`) and `resolution`;
/// `fovY` + `aspectRatio` become a resolution of `aspectRatio × 1` and `f = 0.5 / tan(fovY / 2)`.
public struct Pinhole: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("Pinhole", [
        ("image_from_camera", "PinholeProjection", AT.f32x9), ("resolution", "Resolution", AT.f32x2),
        ("camera_xyz", "ViewCoordinates", AT.u8x3), ("child_frame", "TransformFrameId", .utf8), ("parent_frame", "TransformFrameId", .utf8),
        ("image_plane_distance", "ImagePlaneDistance", .float32), ("color", "Color", .uint32), ("line_width", "Radius", .float32),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    /// From the projection matrix itself.
    public init(imageFromCamera: Mat3x3, resolution: SIMD2<Float>? = nil, cameraXYZ: ViewCoordinates? = nil,
                imagePlaneDistance: Float? = nil, color: Color? = nil, lineWidth: Radius? = nil) {
        self = .update(imageFromCamera: imageFromCamera, resolution: resolution, cameraXYZ: cameraXYZ,
                       imagePlaneDistance: imagePlaneDistance, color: color, lineWidth: lineWidth)
    }

    /// From focal lengths in pixels (x, y), the image size and the principal point (default: the image centre).
    public init(focalLength: SIMD2<Double>, width: Double, height: Double, principalPoint: SIMD2<Double>? = nil,
                cameraXYZ: ViewCoordinates? = nil, imagePlaneDistance: Float? = nil, color: Color? = nil, lineWidth: Radius? = nil) {
        let c = principalPoint ?? SIMD2(width / 2, height / 2)
        let m = Mat3x3(rows: [[Float(focalLength.x), 0, Float(c.x)], [0, Float(focalLength.y), Float(c.y)], [0, 0, 1]])
        self.init(imageFromCamera: m, resolution: SIMD2(Float(width), Float(height)), cameraXYZ: cameraXYZ,
                  imagePlaneDistance: imagePlaneDistance, color: color, lineWidth: lineWidth)
    }

    /// From one focal length for both axes.
    public init(focalLength: Double, width: Double, height: Double, principalPoint: SIMD2<Double>? = nil,
                cameraXYZ: ViewCoordinates? = nil, imagePlaneDistance: Float? = nil, color: Color? = nil, lineWidth: Radius? = nil) {
        self.init(focalLength: SIMD2(focalLength, focalLength), width: width, height: height, principalPoint: principalPoint,
                  cameraXYZ: cameraXYZ, imagePlaneDistance: imagePlaneDistance, color: color, lineWidth: lineWidth)
    }

    /// From the vertical field of view (radians) and the aspect ratio (width / height).
    public init(fovY: Double, aspectRatio: Double, cameraXYZ: ViewCoordinates? = nil, imagePlaneDistance: Float? = nil,
                color: Color? = nil, lineWidth: Radius? = nil) {
        let f = 0.5 / tan(fovY * 0.5)
        self.init(focalLength: SIMD2(f, f), width: aspectRatio, height: 1, cameraXYZ: cameraXYZ, imagePlaneDistance: imagePlaneDistance,
                  color: color, lineWidth: lineWidth)
    }

    public static func update(imageFromCamera: Mat3x3? = nil, resolution: SIMD2<Float>? = nil, cameraXYZ: ViewCoordinates? = nil,
                              imagePlaneDistance: Float? = nil, color: Color? = nil, lineWidth: Radius? = nil,
                              childFrame: String? = nil, parentFrame: String? = nil, clearUnset: Bool = false) -> Pinhole {
        var a = empty()
        a.put("image_from_camera", imageFromCamera.map { .mat3x3([$0]) })
        a.put("resolution", resolution.map { .vec2([$0]) })
        a.put("camera_xyz", cameraXYZ.map { .viewCoordinates([$0]) })
        a.put("image_plane_distance", imagePlaneDistance.map { .primitive([$0]) })
        a.put("color", color.map { .colors([$0]) })
        a.put("line_width", lineWidth.map { .radii([$0]) })
        a.put("child_frame", childFrame.map { .utf8([$0]) })
        a.put("parent_frame", parentFrame.map { .utf8([$0]) })
        return a.applying(clearUnset: clearUnset)
    }
}

/// A `ViewCoordinates` value is also the `rerun.archetypes.ViewCoordinates` archetype (one field, `xyz`),
/// so `rec.log("world", ViewCoordinates.rightHandZUp, static: true)` works as in Python.
extension ViewCoordinates: Archetype {
    public static let schema = ArchetypeSchema.builtin("ViewCoordinates", [("xyz", "ViewCoordinates", AT.u8x3)])
    public var archetypeName: String { Self.schema.name }
    public var componentBatches: [ComponentBatch] {
        [ComponentBatch(descriptor: Self.schema.descriptor(Self.schema.fields[0]), array: .viewCoordinates([self]))]
    }
}

/// `DisconnectedSpace`: this entity's space is not connected to its parent's.
///
/// rerun-sdk 0.41 no longer has this archetype (rendering-conventions §5.1), so it is written the way the
/// last SDKs that had it would name it in today's descriptor scheme: component
/// `DisconnectedSpace:disconnected_space`, archetype `rerun.archetypes.DisconnectedSpace`, component type
/// `rerun.components.DisconnectedSpace`, one `bool`. Rerun's viewer ignores it (an unknown column); this
/// project's scene builder treats `true` as a split of the transform tree, like a Pinhole without projection.
public struct DisconnectedSpace: Archetype, Hashable {
    public static let schema = ArchetypeSchema(name: "rerun.archetypes.DisconnectedSpace", fields: [
        ArchetypeField("disconnected_space", "rerun.components.DisconnectedSpace", .bool),
    ])
    /// The component identifier readers look for.
    public static let component = "DisconnectedSpace:disconnected_space"

    /// `false` reconnects the entity to its parent.
    public var isDisconnected: Bool

    public init(_ isDisconnected: Bool = true) { self.isDisconnected = isDisconnected }

    public var archetypeName: String { Self.schema.name }
    public var componentBatches: [ComponentBatch] {
        [ComponentBatch(descriptor: Self.schema.descriptor(Self.schema.fields[0]), array: .bools([isDisconnected]))]
    }
}
