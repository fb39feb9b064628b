import Foundation
import MediaCodecs

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
