import Rasterizer
import RecordingModel

/// Depth images under a camera in a 3D view, drawn as point clouds only (rendering-conventions §8.11): texel
/// (u, v) (integer coordinates) at depth d = raw / meter back-projects to ((u − cx)·d/fx, (v − cy)·d/fy, d) in
/// the camera's RDF frame, placed with `originFromCamera · R(camera_xyz ← RDF)`; 2D transforms between the
/// pinhole and the image are ignored, as in the viewer. Texels with d ≤ 0 or non-finite d are skipped.
/// Points are flat-coloured spheres (no gradient) of radius `point_fill_ratio · d · tan(fov_y/2) / (H/2)`,
/// coloured by the colormap over the depth range.
public struct DepthClouds: DepthCloudDrawing {
    public static let name = "DepthImage"
    public init() {}

    public func collect(entity: EntityPath, camera: PinholeCamera, originFromCamera: Affine3, context: ViewContext,
                        into scene: inout SpatialCollector) {
        guard let view = context.view(DepthImageView.self, entity),
              let format = ImageQuads.format(view.format, entity: entity, into: &scene) else { return }
        let style = DepthStyle(view, entity: entity, into: &scene)
        var fillRatio: Float = 1
        if let logged = view.pointFillRatio {
            if logged.isFinite && logged >= 0 { fillRatio = logged } else {
                scene.warn(entity, "point_fill_ratio \(logged) is not usable; 1 used")
            }
        }
        var meter: Float?
        if let logged = view.meter {
            if logged.isFinite && logged > 0 { meter = logged } else {
                scene.warn(entity, "meter \(logged) is not usable; the default used")
            }
        }
        let intrinsics = PinholeIntrinsics(fx: Float(camera.fx), fy: Float(camera.fy), cx: Float(camera.cx),
                                           cy: Float(camera.cy), resolutionHeight: camera.resolution.map { Float($0.y) })
        let cloud: DepthCloud
        do {
            cloud = try withExtendedLifetime(view.buffer) {
                try DepthImageDecoder.backProject(view.buffer.bytes, format: format, intrinsics: intrinsics, meter: meter,
                                                  colormap: style.colormap, depthRange: style.range, fillRatio: fillRatio)
            }
        } catch {
            scene.warn(entity, "depth image not drawn: \(error)")
            return
        }
        guard !cloud.positionsRDF.isEmpty else { return }
        let originFromRDF = originFromCamera * camera.cameraAxes.fromRDF
        scene.add(.points(PointBatch(positions: cloud.positionsRDF, radii: cloud.radii, colors: cloud.colors.map(RGBA8.init),
                                     shape: .disc, shading: .flat, worldFromObject: originFromRDF.mat4)),
                  entity: entity, visualizer: Self.name)
        var box = BoundingBox.empty
        for p in cloud.positionsRDF { box.add(p.double) }
        scene.include(box, originFromEntity: originFromRDF)
    }
}
