import Foundation
import Synchronization

/// Helper threads that a `Renderer` keeps between the stages of a frame and between frames.
///
/// A frame runs three short parallel stages; waking sleeping threads for each one (as
/// `DispatchQueue.concurrentPerform` does) costs tens of microseconds, which is most of a small
/// frame. So the helpers spin for a moment after a stage before they sleep, and a new stage finds
/// them awake. `run` calls `body(job, worker)` for every job in `0..<jobs`; the calling thread is
/// worker 0, helpers are 1…`helpers`. Which worker runs which job varies; callers make results
/// independent of it (each job writes only its own outputs, each worker only its own scratch).
///
/// Not reentrant: one `run` at a time (a `Renderer` is used by one thread at a time).
final class WorkerPool: @unchecked Sendable {
    /// Helper threads besides the caller.
    let helpers: Int
    /// Bumped once per `run`; helpers wait for it to change.
    private let generation = Atomic<UInt64>(0)
    /// The next job to hand out in the current run.
    private let next = Atomic<Int>(0)
    /// Places for helpers in the current run: a helper that takes one (the count was > 0) runs jobs
    /// and then counts itself in `finished`; the caller closes the places when it runs out of jobs,
    /// so a helper that wakes late (a busy machine) is not waited for and takes no part.
    private let places = Atomic<Int>(0)
    /// Helpers that took a place in the current run and are done.
    private let finished = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    private let sleep = NSCondition()
    /// The current run's job count and body; written before `generation` is bumped (release),
    /// read by helpers after they see the new generation (acquire).
    private var jobs = 0
    private var body: UncheckedBox<(Range<Int>, Int) -> Void>?

    /// How long a helper keeps polling for the next run before it sleeps. Polls yield the CPU, so
    /// spinning helpers do not hold up other threads when there are more threads than cores.
    private static let spinTime = Duration.microseconds(100)
    /// Runs handed out per worker over what is left of a stage's jobs (guided scheduling).
    private static let chunkDivisor = 8

    init(helpers: Int) {
        self.helpers = helpers
        for worker in stride(from: 1, through: helpers, by: 1) {
            Thread.detachNewThread { [self] in helperLoop(worker: worker) }
        }
    }

    /// Ends the helpers after they finish what they are doing. The pool is unusable afterwards.
    func stop() {
        stopping.store(true, ordering: .releasing)
        sleep.lock()
        sleep.broadcast()
        sleep.unlock()
    }

    /// Runs every job on the caller and the helpers; returns when all are done.
    func run(_ jobCount: Int, _ work: (Int, Int) -> Void) {
        runRanges(jobCount) { jobs, worker in for j in jobs { work(j, worker) } }
    }

    /// `run`, with each worker's jobs given as the runs of consecutive indices it takes
    /// (`work(jobs, worker)`), for callers that do something once per run (the renderer's tile
    /// stage fills neighbouring untouched tiles together). Which runs a worker gets varies.
    func runRanges(_ jobCount: Int, _ work: (Range<Int>, Int) -> Void) {
        if jobCount == 0 { return }
        if helpers == 0 || jobCount == 1 {
            work(0..<jobCount, 0)
            return
        }
        withoutActuallyEscaping(work) { work in
            jobs = jobCount
            body = UncheckedBox(work)
            next.store(0, ordering: .relaxed)
            finished.store(0, ordering: .relaxed)
            places.store(helpers, ordering: .releasing)
            generation.wrappingAdd(1, ordering: .releasing)
            sleep.lock()
            sleep.broadcast()
            sleep.unlock()
            takeJobs(worker: 0, jobCount, work)
            let joined = helpers - max(places.exchange(0, ordering: .acquiringAndReleasing), 0)
            while finished.load(ordering: .acquiring) != joined { sched_yield() }
            body = nil
        }
    }

    /// Takes jobs in runs of consecutive indices until none is left: each run is a share of what
    /// is left (`chunkDivisor` shares per worker, at least one job), so a frame of many small tiles
    /// costs a few dozen hand-outs instead of one contended atomic per tile, while the runs shrink
    /// to single jobs towards the end and keep the workers' finishing times close.
    private func takeJobs(worker: Int, _ jobCount: Int, _ work: (Range<Int>, Int) -> Void) {
        let shares = Self.chunkDivisor * (helpers + 1)
        var first = next.load(ordering: .relaxed)
        while first < jobCount {
            let end = first + max(1, (jobCount - first) / shares)
            let (taken, seen) = next.compareExchange(expected: first, desired: end, ordering: .relaxed)
            if !taken {
                first = seen
                continue
            }
            work(first..<end, worker)
            first = next.load(ordering: .relaxed)
        }
    }

    private func helperLoop(worker: Int) {
        // The generation before the first run (a helper may start after that run has begun).
        var seen: UInt64 = 0
        while true {
            var now = generation.load(ordering: .acquiring)
            let clock = ContinuousClock(), deadline = clock.now + Self.spinTime
            while now == seen && !stopping.load(ordering: .relaxed) && clock.now < deadline {
                sched_yield()
                now = generation.load(ordering: .acquiring)
            }
            if now == seen {
                sleep.lock()
                while generation.load(ordering: .acquiring) == seen && !stopping.load(ordering: .acquiring) {
                    sleep.wait()
                }
                sleep.unlock()
                now = generation.load(ordering: .acquiring)
            }
            if stopping.load(ordering: .acquiring) { return }
            seen = now
            guard places.wrappingSubtract(1, ordering: .acquiringAndReleasing).oldValue > 0 else { continue }
            if let work = body?.value { takeJobs(worker: worker, jobs, work) }
            finished.wrappingAdd(1, ordering: .releasing)
        }
    }
}

/// Lets a closure that only touches disjoint data cross to the helper threads.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
