import Foundation
import MediaCodecs
import RecordingModel
import SceneBuilding

/// Renders the frames of a schedule on several threads and hands them to `deliver` (called from those threads,
/// in any order, with the frame index). Workers claim frame indices in increasing order, so a consumer that
/// accepts frames only a bounded distance ahead (like `VideoWriter.submit`) keeps memory bounded.
/// Stops at the first error or when `isCancelled` returns true; rethrows the first error.
struct FramePipeline {
    let session: SceneSession
    let schedule: FrameSchedule
    let workers: Int

    func run(isCancelled: @escaping @Sendable () -> Bool,
             deliver: @escaping @Sendable (RGBAImage, Int) throws -> Void) throws {
        guard let timeline = session.timeline else { return }
        let state = PipelineState()
        let session = self.session, schedule = self.schedule
        DispatchQueue.concurrentPerform(iterations: max(1, workers)) { _ in
            while let k = state.claim(limit: schedule.count), !isCancelled() {
                do {
                    let query = LatestAtQuery(timeline: timeline.name, at: schedule.time(k))
                    let report: ((String) -> Void)? = k == 0 ? { warn($0) } : nil
                    let image = try session.render(query, threads: 1, warnings: report)
                    try deliver(image, k)
                } catch {
                    state.fail(error)
                    return
                }
            }
        }
        if let error = state.error { throw error }
    }
}

/// Frame claiming and the first error, shared by the workers.
private final class PipelineState: @unchecked Sendable {
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

/// "frame 120/400  85.3 fps  ETA 3s" on a terminal's standard error, redrawn in place; silent otherwise.
final class ProgressLine: @unchecked Sendable {
    private let total: Int
    private let enabled: Bool
    private let start = Date()
    private let lock = NSLock()
    private var done = 0
    private var lastDraw = Date.distantPast

    init(total: Int, quiet: Bool) {
        self.total = total
        enabled = !quiet && isatty(STDERR_FILENO) != 0
    }

    func advance() {
        lock.lock(); defer { lock.unlock() }
        done += 1
        guard enabled, done == total || Date().timeIntervalSince(lastDraw) > 0.2 else { return }
        lastDraw = Date()
        let elapsed = Date().timeIntervalSince(start)
        let rate = Double(done) / max(elapsed, 1e-6)
        let eta = Int((Double(total - done) / max(rate, 1e-6)).rounded(.up))
        let line = String(format: "\rframe %d/%d  %.1f fps  ETA %ds   ", done, total, rate, eta)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\n".utf8))
    }
}

/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a cancellation flag and a callback.
final class Interruption: @unchecked Sendable {
    private let lock = NSLock()
    private var fired = false
    private var sources: [DispatchSourceSignal] = []

    init(onInterrupt: @escaping @Sendable () -> Void) {
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler { [weak self] in
                self?.lock.lock(); self?.fired = true; self?.lock.unlock()
                onInterrupt()
            }
            source.resume()
            sources.append(source)
        }
    }

    var isInterrupted: Bool { lock.lock(); defer { lock.unlock() }; return fired }
}
