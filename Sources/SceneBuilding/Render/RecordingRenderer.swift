import MediaCodecs
import Rasterizer
import RecordingModel

/// Renders pictures of one recording: the views (from the defaults, or the blueprint), laid out in one frame,
/// at any moment. Build it once per recording and call `render` for each picture; it holds no per-picture state
/// and can be shared by threads (each `render` uses its own rasterizer).
public struct RecordingRenderer: Sendable {
    public let store: ChunkStore
    /// All views of the recording, in layout order.
    public let views: [ViewSpec]
    /// Builders per view class; classes without one are skipped with a warning.
    public var builders: [ViewKind: any ViewBuilder]
    public var composer = PictureComposer()

    public static let defaultBuilders: [ViewKind: any ViewBuilder] = [
        .spatial3D: Spatial3DViewBuilder(), .spatial2D: Spatial2DViewBuilder(),
    ]

    public init(store: ChunkStore, views: [ViewSpec]? = nil, builders: [ViewKind: any ViewBuilder] = defaultBuilders) {
        self.store = store
        self.views = views ?? ViewHeuristics.defaultViews(for: EntityFacts.gather(from: store))
        self.builders = builders
    }

    /// One picture of `views` (default: all) at `query`.
    public func render(_ views: [ViewSpec]? = nil, query: LatestAtQuery, width: Int, height: Int,
                       pixelsPerPoint: Float = 1, threads: Int = 1) throws -> (image: RGBAImage, warnings: [RenderWarning]) {
        let chosen = views ?? self.views
        let frameRect = PixelRect(x: 0, y: 0, width: width, height: height)
        let cells = chosen.count == 1 ? [(chosen[0], frameRect)] : DefaultLayout.arrange(chosen, in: frameRect)
        var image = try composer.frame(width: width, height: height, cells: cells.map { ($0.0.name, $0.1) },
                                       pixelsPerPoint: pixelsPerPoint, threads: threads)
        let kind = query.timeline.flatMap { store.timelines[$0]?.timeline.kind }
        let context = ViewContext(store: store, query: query, timelineKind: kind, pixelsPerPoint: pixelsPerPoint,
                                  threads: threads)
        var warnings: [RenderWarning] = []
        let renderer = Renderer()
        for (view, cell) in cells {
            let rect = composer.contentRect(of: cell, pixelsPerPoint: pixelsPerPoint)
            guard !rect.isEmpty else { continue }
            guard let builder = builders[view.kind] else {
                warnings.append(RenderWarning(entity: nil, "\(view.kind.rawValue) views are not drawn yet: \(view)"))
                continue
            }
            let drawing = builder.build(view, width: rect.width, height: rect.height, context: context)
            warnings += drawing.warnings
            let pixels = try renderer.render(drawing.drawList, camera: drawing.camera,
                                             options: RenderOptions(threads: threads, pixelsPerPoint: pixelsPerPoint))
            PictureComposer.blit(pixels, into: &image, at: rect)
        }
        return (image, warnings)
    }
}
