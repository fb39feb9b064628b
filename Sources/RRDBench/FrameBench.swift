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

    @Option(help: "Recording.") var recording = "Fixtures/rrd/dna.rrd"
    @Option(help: "Timeline (default: the recording's own).") var timeline: String?
    @Option(help: "Frames per second along the timeline (dna: 100 gives its 400 frames).") var fps = 100.0
    @Option(help: "WIDTHxHEIGHT, repeatable.") var size: [String] = ["1280x720", "1920x1080"]
    @Option(help: "At most this many frames (from the start).") var maxFrames = 400
    @Option(help: "Query path, repeatable: walk (forward walk, as exports do) or store (a search per frame).")
    var queries: [String] = ["walk"]

    func run() async throws {
        let loaded = try Recording.load(path: recording)
        guard let store = loaded.recording, let timeline = try TimeSelection.timeline(named: timeline, in: store) else {
            throw ValidationError("\(recording) has no timeline")
        }
        let range = store.timelines[timeline.name]!.range
        let full = try FrameSchedule(kind: timeline.kind, from: range.lowerBound, to: range.upperBound, fps: fps)
        let schedule = try FrameSchedule(kind: timeline.kind, from: range.lowerBound,
                                         to: full.time(min(full.count, maxFrames) - 1), fps: fps)
        let renderer = RecordingRenderer(store: store, blueprint: loaded.blueprint.map { Blueprint(store: $0) },
                                         timeline: timeline.name)
        for text in size {
            let parts = text.split(separator: "x").compactMap { Int($0) }
            guard parts.count == 2 else { throw ValidationError("bad --size \(text)") }
            let animation = AnimationRenderer(renderer: renderer, timeline: timeline.name, schedule: schedule,
                                              width: parts[0], height: parts[1])
            for forward in queries.map({ $0 == "walk" }) {
                let worker = AnimationRenderer.Worker(animation, forwardQueries: forward)
                var cpu: [Double] = []
                for k in 0..<schedule.count {
                    let before = threadCPUSeconds()
                    _ = try worker.frame(k)
                    cpu.append(threadCPUSeconds() - before)
                }
                let total = cpu.reduce(0, +)
                printJSONLine(["bench": "frames", "recording": recording, "size": text, "frames": schedule.count,
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
