import ArgumentParser
import RecordingModel
import SceneBuilding

/// The options of the commands that render along a timeline (`video`, `frames`).
struct AnimationOptions: ParsableArguments {
    @Option(help: "First moment (default: the timeline's start). Same forms as snapshot's --time.")
    var from: String?

    @Option(help: "Last moment (default: the timeline's end); +D means D after --from (e.g. +2s, +100).")
    var to: String?

    @Option(help: "Frames per second of the output.")
    var fps: Double = 30

    @Option(help: "Recording seconds per video second on duration/timestamp timelines.")
    var speed: Double = 1

    @Option(help: "Sequence steps per frame on sequence timelines.")
    var stride: Int = 1

    @Flag(name: .shortAndLong, help: "No progress output.")
    var quiet = false

    /// The frames to render on the session's timeline.
    func schedule(_ session: SceneSession) throws -> FrameSchedule {
        guard let timeline = session.timeline else {
            throw failure("the recording has no timeline to animate along (only static data)")
        }
        do {
            let start = try TimeSelection.time(from ?? "start", on: timeline, in: session.store)
            let end = try to.map { text in
                text.hasPrefix("+") ? try TimeSelection.time(text, on: timeline, in: session.store, relativeTo: start)
                    : try TimeSelection.time(text, on: timeline, in: session.store)
            } ?? TimeSelection.time("end", on: timeline, in: session.store)
            return try FrameSchedule(kind: timeline.kind, from: start, to: end, fps: fps, speed: speed, stride: stride)
        } catch {
            throw failure("\(error)")
        }
    }
}
