import ArgumentParser
import Foundation
import RecordingModel
import SceneBuilding

/// `rrd-bench frames`: the CPU one video frame costs to render (scene building, rasterizing, composing; no
/// encoding), measured per frame on the rendering thread (`CLOCK_THREAD_CPUTIME_ID`, user + system), frames
/// rendered in order on one thread as one export worker renders them. One JSON line per size.
struct FrameBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "frames", abstract: "CPU time per rendered video frame (one worker, frames in order).")

    @OptionGroup var scene: AnimationBenchOptions
    @Option(help: "Query path, repeatable: walk (forward walk, as exports do) or store (a search per frame).")
    var queries: [String] = ["walk"]

    func run() async throws {
        if let bad = queries.first(where: { $0 != "walk" && $0 != "store" }) {
            throw ValidationError("--queries takes walk or store, not \(bad)")
        }
        let input = try scene.input()
        let schedule = input.schedule
        for text in scene.size {
            let (width, height) = try frameSize(text)
            let animation = input.animation(width: width, height: height)
            for forward in queries.map({ $0 == "walk" }) {
                let worker = AnimationRenderer.Worker(animation, forwardQueries: forward)
                var cpu: [Double] = []
                for k in 0..<schedule.count {
                    let before = threadCPUSeconds()
                    _ = try worker.frame(k)
                    cpu.append(threadCPUSeconds() - before)
                }
                let total = cpu.reduce(0, +)
                printJSONLine(["bench": "frames", "recording": scene.recording, "size": text, "frames": schedule.count,
                               "queries": forward ? "walk" : "store",
                               "cpu_ms_per_frame_mean": r3(1000 * total / Double(cpu.count)),
                               "cpu_ms_per_frame_median": r3(1000 * median(cpu)),
                               "cpu_ms_first_frame": r3(1000 * (cpu.first ?? .nan))])
            }
        }
    }
}

/// CPU seconds (user + system) of the calling thread.
func threadCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// CPU seconds (user + system) of the whole process, all threads.
func processCPUSeconds() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}
