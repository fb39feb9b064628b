import Foundation
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
    /// The title bars and gaps of the last frame size, reused by every later picture of that size.
    private let frames = FrameBackgroundCache()

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
        try render(source: StoreLatestAt(store: store, query: query), width: width, height: height,
                   pixelsPerPoint: pixelsPerPoint, threads: threads, rasterizer: Renderer())
    }

    /// One picture of the plan's views at `source`'s moment, drawn by `rasterizer` (a renderer kept from frame to
    /// frame reuses its buffers; use one per thread), into `reusing` when it is an array of the picture's size (a
    /// consumed frame's pixels, e.g. from `VideoWriter.recycledPixels`). The same moment gives the same picture
    /// whatever the source and whatever array is reused.
    public func render(source: any LatestAtSource, width: Int, height: Int, pixelsPerPoint: Float = 1,
                       threads: Int = 1, rasterizer: Renderer,
                       reusing spare: consuming [UInt8]? = nil) throws -> (image: RGBAImage, warnings: [RenderWarning]) {
        let cells = plan.arrange(in: PixelRect(x: 0, y: 0, width: width, height: height))
        let titles = cells.map { (PictureComposer.Title($0.view), $0.rect) }
        let key = "\(width)x\(height)@\(pixelsPerPoint) \(composer.titleBars) " + titles.map { "\($0.0.tabs)\($0.0.active)\($0.1)" }.joined()
        let background = try frames.image(for: key) {
            try composer.frame(width: width, height: height, cells: titles, pixelsPerPoint: pixelsPerPoint,
                               threads: threads)
        }
        let contents = cells.map { composer.contentRect(of: $0.rect, pixelsPerPoint: pixelsPerPoint) }
        var image = RGBAImage(width: width, height: height,
                              pixels: Self.copy(background, outside: contents.filter { !$0.isEmpty }, reusing: spare.take()))
        let kind = source.query.timeline.flatMap { store.timelines[$0]?.timeline.kind }
        let context = ViewContext(source: source, timelineKind: kind, pixelsPerPoint: pixelsPerPoint, threads: threads)
        var warnings: [RenderWarning] = []
        let rowBytes = width * 4
        for ((view, _), rect) in zip(cells, contents) {
            guard !rect.isEmpty else { continue }
            let drawing = view.builder.build(view.spec, width: rect.width, height: rect.height, context: context)
            warnings += drawing.warnings
            // Drawn straight into the view's cell of the frame (every pixel of the cell is written).
            try image.pixels.withUnsafeMutableBytes { frame in
                let start = rect.y * rowBytes + rect.x * 4
                let target = UnsafeMutableRawBufferPointer(rebasing: frame[start...])
                try rasterizer.render(drawing.drawList, camera: drawing.camera,
                                      options: RenderOptions(threads: threads, pixelsPerPoint: pixelsPerPoint),
                                      into: target, rowBytes: rowBytes)
            }
        }
        return (image, warnings)
    }

    /// A frame holding `background`'s pixels outside `rects` (non-empty view rectangles): `spare` when it has the
    /// frame's size, else a new array. Inside the rectangles the bytes are left as they were (a previous frame's,
    /// or uninitialised) for the rasterizer, which writes every pixel of a view's rectangle. Copying only the title
    /// bars and gaps saves a whole-frame copy per picture.
    static func copy(_ background: RGBAImage, outside rects: [PixelRect], reusing spare: consuming [UInt8]? = nil) -> [UInt8] {
        let width = background.width, height = background.height, rowBytes = width * 4
        func fill(_ to: UnsafeMutableRawPointer) {
            background.pixels.withUnsafeBytes { src in
                guard let from = src.baseAddress else { return }
                var spans: [(Int, Int)] = []
                for y in 0..<height {
                    spans.removeAll(keepingCapacity: true)
                    for r in rects where r.y <= y && y < r.maxY {
                        let x0 = min(max(r.x, 0), width), x1 = min(max(r.maxX, 0), width)
                        if x0 < x1 { spans.append((x0, x1)) }
                    }
                    spans.sort { $0.0 < $1.0 }
                    spans.append((width, width))
                    var x = 0
                    for (x0, x1) in spans {
                        let at = y * rowBytes + 4 * x
                        if x < x0 { (to + at).copyMemory(from: from + at, byteCount: 4 * (x0 - x)) }
                        x = max(x, x1)
                    }
                }
            }
        }
        // Taken out of the optional, so the array is not shared with it (a shared array would be copied on write).
        if var pixels = spare.take(), pixels.count == rowBytes * height {
            pixels.withUnsafeMutableBytes { if let to = $0.baseAddress { fill(to) } }
            return pixels
        }
        return [UInt8](unsafeUninitializedCapacity: rowBytes * height) { out, count in
            if let to = out.baseAddress { fill(UnsafeMutableRawPointer(to)) }
            count = rowBytes * height
        }
    }
}

/// The last composed frame background (title bars, gaps), keyed by everything it depends on. Thread-safe.
private final class FrameBackgroundCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entry: (key: String, image: RGBAImage)?

    func image(for key: String, make: () throws -> RGBAImage) rethrows -> RGBAImage {
        lock.lock()
        if let entry, entry.key == key { lock.unlock(); return entry.image }
        lock.unlock()
        let image = try make()
        lock.lock(); entry = (key, image); lock.unlock()
        return image
    }
}
