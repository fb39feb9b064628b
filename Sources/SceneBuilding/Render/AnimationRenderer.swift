import Foundation
import MediaCodecs
import Rasterizer
import RecordingModel

/// Renders the frames of a schedule on several threads and hands each to `deliver` (called on those threads, in
/// any order, with its index). Workers claim indices in increasing order, so a consumer that accepts frames only a
/// bounded distance ahead (`VideoWriter.submit`) keeps memory bounded, and each worker's frame times increase, so
/// its `Worker` walks the store forward (a frame's cost does not grow with the recording's length). Each frame is
/// rendered single-threaded: the pictures are the same as `RecordingRenderer.render` gives for that moment with any
/// thread count.
public struct AnimationRenderer: Sendable {
    public let renderer: RecordingRenderer
    public let timeline: TimelineName
    public let schedule: FrameSchedule
    public let width: Int
    public let height: Int
    public var pixelsPerPoint: Float = 1

    public init(renderer: RecordingRenderer, timeline: TimelineName, schedule: FrameSchedule,
                width: Int, height: Int, pixelsPerPoint: Float = 1) {
        self.renderer = renderer; self.timeline = timeline; self.schedule = schedule
        self.width = width; self.height = height; self.pixelsPerPoint = pixelsPerPoint
    }

    /// What one rendering thread keeps from frame to frame: a forward walk through the store (its frames' times
    /// increase) and a rasterizer whose buffers are reused. Frame k is the same picture as
    /// `RecordingRenderer.render` gives at `schedule.time(k)`, in any order of frames.
    public struct Worker: Sendable {
        public let animation: AnimationRenderer
        /// nil: every frame searches the store afresh (the snapshot path, for comparisons).
        private let walk: LatestAtWalk?
        private let rasterizer = Renderer()

        public init(_ animation: AnimationRenderer, forwardQueries: Bool = true) {
            self.animation = animation
            walk = forwardQueries ? LatestAtWalk(store: animation.renderer.store, timeline: animation.timeline) : nil
        }

        /// The picture of frame `k` and its warnings, drawn into `spare` when it has the frame's size (see
        /// `RecordingRenderer.render(source:width:height:pixelsPerPoint:threads:rasterizer:reusing:)`).
        public func frame(_ k: Int, reusing spare: consuming [UInt8]? = nil) throws -> (image: RGBAImage, warnings: [RenderWarning]) {
            let time = animation.schedule.time(k)
            let source: any LatestAtSource = walk?.at(time)
                ?? StoreLatestAt(store: animation.renderer.store, query: LatestAtQuery(timeline: animation.timeline, at: time))
            return try animation.renderer.render(source: source, width: animation.width, height: animation.height,
                                                 pixelsPerPoint: animation.pixelsPerPoint, threads: 1,
                                                 rasterizer: rasterizer, reusing: spare.take())
        }
    }

    /// Renders every frame on `workers` threads; stops at the first error (rethrown) or when `isCancelled()`.
    /// Frames are drawn into arrays taken from `buffers` where it has one of the frame's size (a consumer that
    /// gives each frame's pixels back once done with them saves an allocation per frame).
    public func run(workers: Int, buffers: PixelBufferPool? = nil, isCancelled: @escaping @Sendable () -> Bool = { false },
                    deliver: @escaping @Sendable (_ image: RGBAImage, _ index: Int, _ warnings: [RenderWarning]) throws -> Void)
        throws {
        let state = ClaimState()
        DispatchQueue.concurrentPerform(iterations: max(1, workers)) { _ in
            let worker = Worker(self)
            while let k = state.claim(limit: schedule.count), !isCancelled() {
                do {
                    let (image, warnings) = try worker.frame(k, reusing: buffers?.take(count: width * height * 4))
                    try deliver(image, k, warnings)
                } catch {
                    state.fail(error)
                    return
                }
            }
        }
        if let error = state.error { throw error }
    }

    /// Renders every frame and encodes it into `writer`, in order; returns the writer's summary.
    /// On error the writer is cancelled (its file never appears) and the error rethrown.
    public func export(to writer: VideoWriter, workers: Int, isCancelled: @escaping @Sendable () -> Bool = { false },
                       progress: @escaping @Sendable (_ index: Int, _ warnings: [RenderWarning]) -> Void = { _, _ in })
        throws -> VideoSummary {
        do {
            try run(workers: workers, buffers: writer.recycledPixels, isCancelled: isCancelled) { image, k, warnings in
                try writer.submit(image, index: k)
                progress(k, warnings)
            }
            if isCancelled() { throw CancellationError() }
            return try writer.finish()
        } catch {
            writer.cancel()
            throw error
        }
    }
}

/// Frame claiming and the first error, shared by the workers.
private final class ClaimState: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private(set) var error: Error?

    func claim(limit: Int) -> Int? {
        lock.lock(); defer { lock.unlock() }
        guard error == nil, next < limit else { return nil }
        defer { next += 1 }
        return next
    }

    func fail(_ e: Error) {
        lock.lock(); defer { lock.unlock() }
        if error == nil { error = e }
    }
}
