import RecordingModel

/// Draws the depth images of a camera's subspace as point clouds in 3D views (rendering-conventions §8.11).
public protocol DepthCloudDrawing: Sendable {
    func collect(entity: EntityPath, camera: PinholeCamera, originFromCamera: Affine3, context: ViewContext,
                 into scene: inout SpatialCollector)
}

/// The visualizers each view class runs, in a fixed order.
public enum SpatialVisualizers {
    public static let in3D: [any SpatialVisualizer] = [
        Points3DVisualizer(), LineStrips3DVisualizer(), Arrows3DVisualizer(), Boxes3DVisualizer(), Mesh3DVisualizer(),
        Asset3DVisualizer(), TransformAxes3DVisualizer(),
    ]
    public static let in2D: [any SpatialVisualizer] = [
        DepthImageVisualizer(), ImageVisualizer(), EncodedImageVisualizer(), SegmentationImageVisualizer(),
        Boxes2DVisualizer(), LineStrips2DVisualizer(), Arrows2DVisualizer(), Points2DVisualizer(),
    ]
    public static let depthClouds: any DepthCloudDrawing = DepthClouds()
}
