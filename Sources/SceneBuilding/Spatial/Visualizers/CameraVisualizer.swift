import Rasterizer
import RecordingModel

/// A Pinhole in a 3D view (rendering-conventions §8.13): the frustum (rays to the image-plane corners, the
/// image rectangle and the "up" triangle) in #9f9f9f, 1 pt radius lines, and RGB axes at the camera origin of
/// length 0.5 × image-plane distance, drawn in the camera's own frame before the camera_xyz rotation.
enum CameraVisualizer {
    static let name = "Cameras"

    /// The camera model of a pinhole placed in a view, with the image plane at `fallbackDistance` when the
    /// recording does not set one. Nil (with a warning) for unusable intrinsics.
    static func camera(_ pinhole: PinholeView, entity: EntityPath, context: ViewContext, fallbackDistance: Double,
                       into scene: inout SpatialCollector) -> PinholeCamera? {
        let axes = pinhole.cameraXYZ.flatMap { ViewAxes(codes: [$0.x, $0.y, $0.z]) }
            ?? context.view(ViewCoordinatesView.self, entity).flatMap { ViewAxes(codes: [$0.xyz.x, $0.xyz.y, $0.xyz.z]) }
            ?? .rdf
        var resolution = pinhole.resolution.map { SIMD2<Double>(Double($0.x), Double($0.y)) }
        if resolution == nil, let f = context.view(ImageView.self, entity)?.format {
            resolution = [Double(f.width), Double(f.height)]
        }
        let distance = loggedImagePlaneDistance(pinhole) ?? fallbackDistance
        guard let camera = PinholeCamera(imageFromCamera: pinhole.imageFromCamera.map(Double.init), resolution: resolution,
                                         cameraAxes: axes, imagePlaneDistance: distance) else {
            scene.warn(entity, "Pinhole with a zero or non-finite focal length is not drawn")
            return nil
        }
        return camera
    }

    /// The image-plane distance the recording sets, when it is usable.
    static func loggedImagePlaneDistance(_ pinhole: PinholeView) -> Double? {
        pinhole.imagePlaneDistance.map(Double.init).flatMap { $0.isFinite && $0 > 0 ? $0 : nil }
    }

    static func collect(_ camera: PinholeCamera, pinhole: PinholeView, entity: EntityPath, originFromCamera: Affine3,
                        into scene: inout SpatialCollector) {
        let worldFromObject = originFromCamera.mat4
        if let strips = camera.frustumStrips {
            var positions: [SIMD3<Float>] = [], starts: [Int] = []
            for s in strips { starts.append(positions.count); positions += s.map(\.float) }
            let color = pinhole.color.map(RGBA8.init(rerun:)) ?? Theme.frustum
            let radius = pinhole.lineWidth.map { -abs($0) } ?? -1
            scene.add(.lines(LineBatch(positions: positions, stripStarts: starts, radii: [radius], colors: [color],
                                       worldFromObject: worldFromObject)),
                      entity: entity, visualizer: name)
        }
        TransformAxes.collect(length: 0.5 * camera.imagePlaneDistance, originFromFrame: originFromCamera,
                              entity: entity, into: &scene)
    }
}

/// Three arrows from a frame's origin along +X, +Y, +Z in the axis colours, radius 1 pt, heads 10r long and
/// 3r wide (rendering-conventions §8.14).
enum TransformAxes {
    static func collect(length: Double, originFromFrame: Affine3, entity: EntityPath, into scene: inout SpatialCollector) {
        guard length.isFinite, length > 0 else { return }
        let l = Float(length)
        let arrows = ArrowGeometry(origins: [.zero, .zero, .zero], vectors: [[l, 0, 0], [0, l, 0], [0, 0, l]],
                                   radii: [-1], colors: [Theme.axisX, Theme.axisY, Theme.axisZ],
                                   headLengthFactor: 10, headWidthFactor: 3)
        arrows.add(to: &scene, worldFromObject: originFromFrame.mat4, entity: entity, visualizer: "TransformAxes3D")
        scene.include(BoundingBox(min: .zero, max: .zero), originFromEntity: originFromFrame)
    }
}
