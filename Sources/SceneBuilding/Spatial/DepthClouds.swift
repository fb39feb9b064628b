import Rasterizer
import RecordingModel

/// Depth images under a camera in a 3D view, drawn as point clouds only (rendering-conventions §8.11): texel
/// (u, v) (integer coordinates) at depth d = raw / meter back-projects to ((u − cx)·d/fx, (v − cy)·d/fy, d) in
/// the camera's RDF frame, placed with `originFromCamera · R(camera_xyz ← RDF)`; 2D transforms between the
/// pinhole and the image are ignored, as in the viewer. Texels with d ≤ 0 or non-finite d are skipped.
/// Points are flat-coloured spheres (no gradient) of radius `point_fill_ratio · d · tan(fov_y/2) / (H/2)`,
/// coloured by the colormap over the depth range. Clouds are kept for the next frames (`clouds`).
public struct DepthClouds: DepthCloudDrawing {
    public static let name = "DepthImage"
    public init() {}

    /// What a back-projected cloud depends on besides the depth image's bytes.
    private struct BackProjection: Hashable {
        let format: ImageFormatDescription
        let intrinsics: PinholeIntrinsics
        let meter: Float?
        let colormap: Colormap
        let range: ClosedRange<Float>?
        let fillRatio: Float
    }

    /// A back-projected cloud as it is drawn: camera-RDF positions, radii, colours and their bounds.
    private struct Prepared: Sendable {
        let positions: [SIMD3<Float>]
        let radii: [Float]
        let colors: [RGBA8]
        let box: BoundingBox

        init(_ cloud: DepthCloud) {
            positions = cloud.positionsRDF
            radii = cloud.radii
            colors = cloud.colors.map(RGBA8.init)
            var box = BoundingBox.empty
            for p in cloud.positionsRDF { box.add(p.double) }
            self.box = box
        }
    }

    /// The clouds of the depth images drawn lately: a depth image logged once, or at a lower rate than a video's
    /// frames, is back-projected once. Eight at most (a 640 × 480 image's cloud holds about 7 MB).
    private static let clouds = BlobCache<Result<Prepared, any Error>>(capacity: 8)

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
        let key = BackProjection(format: format, intrinsics: intrinsics, meter: meter, colormap: style.colormap,
                                 range: style.range, fillRatio: fillRatio)
        let prepared = Self.clouds.value(for: view.buffer, variant: key) {
            Result {
                try withExtendedLifetime(view.buffer) {
                    try Prepared(DepthImageDecoder.backProject(view.buffer.bytes, format: format, intrinsics: intrinsics,
                                                               meter: meter, colormap: style.colormap,
                                                               depthRange: style.range, fillRatio: fillRatio))
                }
            }
        }
        let cloud: Prepared
        switch prepared {
        case .success(let c): cloud = c
        case .failure(let error):
            scene.warn(entity, "depth image not drawn: \(error)")
            return
        }
        guard !cloud.positions.isEmpty else { return }
        let originFromRDF = originFromCamera * camera.cameraAxes.fromRDF
        scene.add(.points(PointBatch(positions: cloud.positions, radii: cloud.radii, colors: cloud.colors, shape: .disc,
                                     shading: .flat, worldFromObject: originFromRDF.mat4)),
                  entity: entity, visualizer: Self.name)
        scene.include(cloud.box, originFromEntity: originFromRDF)
    }
}
