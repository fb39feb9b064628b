/// What the default-view heuristics need to know about one entity, gathered over the whole recording.
public struct EntityFacts: Sendable, Equatable {
    public enum ImageKind: Sendable, Equatable { case color, depth, segmentation }

    public struct ImageFact: Sendable, Equatable {
        public var kind: ImageKind
        /// Width × height in pixels; nil when unknown (an undecodable encoded image).
        public var size: SIMD2<Int>?
        public init(kind: ImageKind, size: SIMD2<Int>?) { self.kind = kind; self.size = size }
    }

    public var path: [String]
    /// Has an archetype drawn by a 3D visualizer (Points3D, LineStrips3D, Arrows3D, Boxes3D, Mesh3D, Asset3D, ...).
    public var drawsIn3D = false
    /// Has an archetype drawn by a 2D visualizer (Points2D, LineStrips2D, Arrows2D, Boxes2D, images, ...).
    public var drawsIn2D = false
    /// Ever had a `PinholeProjection`: the entity starts a 2D subspace.
    public var hasPinhole = false
    public var hasViewCoordinates = false
    /// Carries a DisconnectedSpace: its subtree is a space of its own (its own 3D view, cut from its parent's).
    public var isDisconnectedSpace = false
    public var images: [ImageFact] = []
    public var hasScalars = false
    public var hasBarChart = false
    public var hasTensor = false
    public var hasTextDocument = false
    public var hasTextLog = false

    public init(path: [String]) { self.path = path }

    /// Counts for the 3D view class: a 3D archetype, a Pinhole or ViewCoordinates.
    public var indicates3D: Bool { drawsIn3D || hasPinhole || hasViewCoordinates }
}
