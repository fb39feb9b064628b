import Dispatch
import Synchronization

/// Runs `body(job, worker)` for every job in `0..<jobs` on up to `threads` workers that take jobs
/// from a shared counter. Which worker runs which job varies; callers make results independent of
/// it (each job writes only its own outputs, each worker only its own scratch).
func runJobs(_ jobs: Int, threads: Int, _ body: (Int, Int) -> Void) {
    if jobs == 0 { return }
    let workers = max(1, min(threads, jobs))
    if workers == 1 {
        for j in 0..<jobs { body(j, 0) }
        return
    }
    let next = Atomic<Int>(0)
    withoutActuallyEscaping(body) { body in
        let box = UncheckedBox(body)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while true {
                let j = next.wrappingAdd(1, ordering: .relaxed).oldValue
                if j >= jobs { break }
                box.value(j, worker)
            }
        }
    }
}

/// Lets a closure that only touches disjoint data cross into `concurrentPerform`.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
