import Foundation
import Rasterizer
import RecordingModel

/// The 3D view (rendering-conventions §5–§8): every 3D visualizer on the entities in the view's own space,
/// cameras as frusta with their 2D content on the image plane, the ground grid, labels on top; seen from the
/// view's fixed eye or from the viewer's default eye on the scene's region of interest.
public struct Spatial3DViewBuilder: ViewBuilder {
    /// The visualizers of data in 3D space.
    public var visualizers3D: [any SpatialVisualizer]
    /// The visualizers of 2D data, drawn on a camera's image plane.
    public var visualizers2D: [any SpatialVisualizer]
    /// Draws the depth images under a camera as point clouds.
    public var depthClouds: any DepthCloudDrawing

    public init(visualizers3D: [any SpatialVisualizer] = SpatialVisualizers.in3D,
                visualizers2D: [any SpatialVisualizer] = SpatialVisualizers.in2D,
                depthClouds: any DepthCloudDrawing = SpatialVisualizers.depthClouds) {
        self.visualizers3D = visualizers3D; self.visualizers2D = visualizers2D; self.depthClouds = depthClouds
    }

    public func build(_ view: ViewSpec, width: Int, height: Int, context: ViewContext) -> ViewDrawing {
        var scene = SpatialCollector()
        var resolver = TransformResolver(context: context, origin: view.originPath, is3D: true)
        var cameras: [(entity: EntityPath, pose: Affine3, pinhole: PinholeView)] = []
        var imageSpaceEntities: [(entity: EntityPath, pinhole: EntityPath, imageFromEntity: Affine3)] = []
        for entity in view.entities(in: context.store) {
            guard let placement = resolver.placement(of: entity) else { continue }
            if let originFromEntity = placement.originFromEntity {
                let input = VisualizerInput(entity: entity, originFromEntity: originFromEntity, context: context,
                                            in3DView: true)
                for v in visualizers3D { v.collect(input, into: &scene) }
            }
            if let camera = placement.camera {
                cameras.append((entity, camera.originFromCamera, camera.pinhole))
                scene.include(BoundingBox(min: .zero, max: .zero), originFromEntity: camera.originFromCamera)
            }
            if let space = placement.imageSpace {
                imageSpaceEntities.append((entity, space.pinhole, space.imageFromEntity))
            }
        }
        // 2D content and frusta do not count for the region of interest that sizes the image plane.
        // Depth clouds are 3D data: they count for the region of interest that sizes the image planes, so the
        // cameras' models are made first and get the fallback image-plane distance afterwards.
        var models: [EntityPath: (PinholeCamera, Affine3)] = [:]
        for c in cameras {
            guard let model = CameraVisualizer.camera(c.pinhole, entity: c.entity, context: context,
                                                      fallbackDistance: 1, into: &scene) else { continue }
            models[c.entity] = (model, c.pose)
            for item in imageSpaceEntities where item.pinhole == c.entity {
                depthClouds.collect(entity: item.entity, camera: model, originFromCamera: c.pose, context: context,
                                    into: &scene)
            }
        }
        let fallbackDistance = PinholeCamera.fallbackImagePlaneDistance(roiDiagonal: scene.regionOfInterest.diagonal)
        for c in cameras {
            guard var model = models[c.entity]?.0 else { continue }
            let pose = c.pose
            if CameraVisualizer.loggedImagePlaneDistance(c.pinhole) == nil {
                model.imagePlaneDistance = fallbackDistance
                models[c.entity] = (model, pose)
            }
            if c.entity != view.originPath {
                CameraVisualizer.collect(model, pinhole: c.pinhole, entity: c.entity, originFromCamera: pose,
                                         into: &scene)
            }
        }
        // Each camera's 2D content is stacked in DrawOrder on its image plane, each layer nudged towards the
        // camera so the layers never fight in the depth buffer. It does not count for the region of interest.
        let census = ViewImageCensus.of(imageSpaceEntities.map(\.entity), context: context)
        let planeVisualizers = visualizers2D.adapted(to: census)
        for (pinhole, (model, pose)) in models.sorted(by: { $0.key < $1.key }) {
            var plane = SpatialCollector()
            for item in imageSpaceEntities where item.pinhole == pinhole {
                let input = VisualizerInput(entity: item.entity,
                                            originFromEntity: pose * model.cameraFromImage * item.imageFromEntity,
                                            context: context, in3DView: true)
                for v in planeVisualizers { v.collect(input, into: &plane) }
            }
            let towardsCamera = normalized(pose.applyLinear(model.cameraAxes.fromRDF.applyLinear([0, 0, -1])))
            let layerStep = 1e-3 * model.imagePlaneDistance
            for (rank, drawable) in plane.layeredDrawables.enumerated() {
                scene.add(drawable.translated(by: (Double(rank) * layerStep * towardsCamera).float), entity: pinhole,
                          visualizer: "ImagePlane")
            }
            scene.bounds.add(plane.bounds)
            scene.warnings += plane.warnings
        }
        scene.warnings += resolver.warnings

        let axes = context.viewAxes(at: view.originPath)
        let eye = view.eye ?? Eye.viewerDefault(regionOfInterest: scene.regionOfInterest, axes: axes)
        let camera = Self.camera(eye: eye, bounds: scene.bounds, width: width, height: height)
        var list = DrawList(background: Theme.viewBackground)
        for d in scene.orderedDrawables { list.add(d, camera: camera, pixelsPerPoint: context.pixelsPerPoint) }
        list.add(WorldGrid.grid(eye: eye, axes: axes, pixelsPerPoint: context.pixelsPerPoint))
        SpatialLabels.draw(scene.labels, camera: camera, pixelsPerPoint: context.pixelsPerPoint, into: &list)
        return ViewDrawing(drawList: list, camera: camera, warnings: scene.warnings)
    }

    /// A perspective camera for `eye`: near plane 0.01 (or 1e-4 × the eye distance for large scenes), far plane
    /// beyond everything in `bounds` and the grid.
    static func camera(eye: Eye, bounds: BoundingBox, width: Int, height: Int) -> Camera {
        let distance = dot(eye.target - eye.position, eye.target - eye.position).squareRoot()
        var far = 1000 * max(distance, 1)
        for corner in bounds.corners {
            let d = corner - eye.position
            far = max(far, 2 * dot(d, d).squareRoot())
        }
        let near = max(Eye.nearPlane, 1e-4 * distance)
        return .perspective(eye: eye.position.float, target: eye.target.float, up: eye.up.float,
                            fovYDegrees: Float(eye.fovY * 180 / .pi), near: Float(near), far: Float(far),
                            width: width, height: height)
    }
}

