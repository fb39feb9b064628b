import RecordingModel

/// How many colour and depth images a view holds. The viewer makes a colour image half transparent when a depth
/// image shares its view, and a segmentation image half transparent when any colour or depth image does
/// (rendering-conventions §8.10, §8.12).
public struct ViewImageCensus: Sendable, Equatable {
    /// Image and EncodedImage entities.
    public var colorImages: Int
    public var depthImages: Int

    public init(colorImages: Int = 0, depthImages: Int = 0) {
        self.colorImages = colorImages; self.depthImages = depthImages
    }

    /// Counts the images among `entities` at `context`'s moment.
    public static func of(_ entities: [EntityPath], context: ViewContext) -> ViewImageCensus {
        var census = ViewImageCensus()
        for e in entities {
            if context.view(ImageView.self, e) != nil || context.view(EncodedImageView.self, e) != nil {
                census.colorImages += 1
            }
            if context.view(DepthImageView.self, e) != nil { census.depthImages += 1 }
        }
        return census
    }

    /// Default opacity of a colour image: 0.5 over a depth image, else 1.
    public var colorImageOpacity: Float { depthImages > 0 ? 0.5 : 1 }
    /// Default opacity of a segmentation image: 0.5 over a colour or depth image, else 1.
    public var segmentationOpacity: Float { colorImages + depthImages > 0 ? 0.5 : 1 }
}

/// A visualizer whose defaults depend on the other images of the view (`ViewImageCensus`).
public protocol ImageCensusDependent: SpatialVisualizer {
    /// The same visualizer, for a view holding `census`.
    func with(_ census: ViewImageCensus) -> Self
}

extension Array where Element == any SpatialVisualizer {
    /// The visualizers set up for a view holding `census` (those that do not care are unchanged).
    public func adapted(to census: ViewImageCensus) -> [any SpatialVisualizer] {
        map { visualizer in
            guard let dependent = visualizer as? any ImageCensusDependent else { return visualizer }
            return dependent.with(census)
        }
    }
}
