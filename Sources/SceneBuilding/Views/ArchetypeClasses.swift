/// Which view class draws which archetype (rendering-conventions §14.2), by short archetype name.
public enum ArchetypeClasses {
    /// Archetypes drawn by a 3D visualizer.
    public static let spatial3D: Set<String> = [
        "Points3D", "LineStrips3D", "Arrows3D", "Boxes3D", "Ellipsoids3D", "Capsules3D", "Cylinders3D", "Mesh3D",
        "Asset3D", "TransformAxes3D", "GaussianSplats3D", "GridMap",
    ]
    /// Archetypes drawn by a 2D visualizer.
    public static let spatial2D: Set<String> = [
        "Points2D", "LineStrips2D", "Arrows2D", "Boxes2D", "Ellipses2D", "Image", "EncodedImage", "DepthImage",
        "EncodedDepthImage", "SegmentationImage", "VideoStream", "VideoFrameReference",
    ]
    public static let colorImages: Set<String> = ["Image", "EncodedImage", "VideoStream", "VideoFrameReference"]
    public static let depthImages: Set<String> = ["DepthImage", "EncodedDepthImage"]
}
