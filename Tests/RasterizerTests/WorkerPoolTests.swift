import Foundation
import Synchronization
import Testing
@testable import Rasterizer

/// The renderer's worker pool: every job runs exactly once per run, each worker index belongs to
/// one thread (so a worker's scratch is never used twice at once), and runs follow each other
/// without a lost helper (helpers that start late, sleep between runs, or outnumber the jobs).
@Suite struct WorkerPoolTests {
    @Test func everyJobRunsOnceInEveryRun() {
        for helpers in [0, 1, 3, 15] {
            let pool = WorkerPool(helpers: helpers)
            defer { pool.stop() }
            for (run, jobs) in [1, 2, 7, 64, 1000, 3, 0, 500].enumerated() {
                let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: max(jobs, 1))
                counts.initialize(repeating: 0)
                defer { counts.deallocate() }
                let threadOf = Mutex<[Int: pthread_t]>([:])
                let clash = Atomic<Bool>(false)
                pool.run(jobs) { job, worker in
                    let me = pthread_self()
                    let owner = threadOf.withLock { map in
                        if let t = map[worker] { return t }
                        map[worker] = me
                        return me
                    }
                    if pthread_equal(owner, me) == 0 || worker > helpers { clash.store(true, ordering: .relaxed) }
                    counts[job] += 1   // each job index is handed out once, so no two workers write one slot
                }
                #expect(counts.prefix(jobs).allSatisfy { $0 == 1 }, "helpers \(helpers), run \(run), \(jobs) jobs")
                let clashed = clash.load(ordering: .relaxed)
                #expect(!clashed, "helpers \(helpers), run \(run)")
            }
        }
    }

    @Test func runsAfterTheHelpersHaveGoneToSleep() throws {
        let pool = WorkerPool(helpers: 2)
        defer { pool.stop() }
        for _ in 0..<3 {
            let done = Atomic<Int>(0)
            pool.run(100) { _, _ in done.wrappingAdd(1, ordering: .relaxed) }
            let count = done.load(ordering: .relaxed)
            #expect(count == 100)
            usleep(2_000)   // past the helpers' spinning time: they sleep before the next run
        }
    }
}
