import MediaCodecs
import Rasterizer
import RecordingModel

/// Renders pictures of one recording: the planned views laid out in one frame, each below its title bar, at any
/// moment. Build it once per recording (and timeline) and call `render` per picture: it keeps only caches that
/// make later frames cheaper, and can be shared by threads (each `render` uses its own rasterizer).
public struct RecordingRenderer: Sendable {
    public let store: ChunkStore
    public let plan: ViewPlan
    public var composer = PictureComposer()

    /// All views of the recording, in plan order.
    public var views: [ViewSpec] { plan.views.map(\.spec) }

    public init(store: ChunkStore, blueprint: Blueprint? = nil, timeline: TimelineName? = nil) {
        self.store = store
        plan = ViewPlan(store: store, blueprint: blueprint, timeline: timeline)
    }

    public init(store: ChunkStore, plan: ViewPlan) {
        self.store = store
        self.plan = plan
    }

    /// A renderer of only the views matching `specs` (same builders), laid out by the default layout.
    public func restricted(to specs: [ViewSpec]) -> RecordingRenderer {
        let chosen = specs.map { spec in
            var planned = plan.views.first { $0.spec.origin == spec.origin && $0.spec.kind == spec.kind }
                ?? PlannedView(spec: spec, builder: PlannedView.builder(for: spec, timeline: nil))
            planned.spec = spec
            return planned
        }
        var copy = RecordingRenderer(store: store, plan: ViewPlan(views: chosen))
        copy.composer = composer
        return copy
    }

    /// One picture of the plan's views at `query`.
    public func render(query: LatestAtQuery, width: Int, height: Int, pixelsPerPoint: Float = 1,
                       threads: Int = 1) throws -> (image: RGBAImage, warnings: [RenderWarning]) {
        let cells = plan.arrange(in: PixelRect(x: 0, y: 0, width: width, height: height))
        var image = try composer.frame(width: width, height: height,
                                       cells: cells.map { (PictureComposer.Title($0.view), $0.rect) },
                                       pixelsPerPoint: pixelsPerPoint, threads: threads)
        let kind = query.timeline.flatMap { store.timelines[$0]?.timeline.kind }
        let context = ViewContext(store: store, query: query, timelineKind: kind, pixelsPerPoint: pixelsPerPoint,
                                  threads: threads)
        var warnings: [RenderWarning] = []
        let renderer = Renderer()
        for (view, cell) in cells {
            let rect = composer.contentRect(of: cell, pixelsPerPoint: pixelsPerPoint)
            guard !rect.isEmpty else { continue }
            let drawing = view.builder.build(view.spec, width: rect.width, height: rect.height, context: context)
            warnings += drawing.warnings
            let pixels = try renderer.render(drawing.drawList, camera: drawing.camera,
                                             options: RenderOptions(threads: threads, pixelsPerPoint: pixelsPerPoint))
            PictureComposer.blit(pixels, into: &image, at: rect)
        }
        return (image, warnings)
    }
}
