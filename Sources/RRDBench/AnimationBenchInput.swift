import ArgumentParser
import RecordingModel
import SceneBuilding

/// What the animation benches (`export`, `frames`) render: a recording's renderer and the frame schedule along a
/// timeline at `fps`, cut to its first `maxFrames` frames.
struct AnimationBenchInput {
    let renderer: RecordingRenderer
    let timeline: TimelineName
    let schedule: FrameSchedule

    init(recording path: String, timeline name: String?, fps: Double, maxFrames: Int) throws {
        let loaded = try Recording.load(path: path)
        guard let store = loaded.recording, let timeline = try TimeSelection.timeline(named: name, in: store) else {
            throw ValidationError("\(path) has no timeline")
        }
        let range = store.timelines[timeline.name]!.range
        let full = try FrameSchedule(kind: timeline.kind, from: range.lowerBound, to: range.upperBound, fps: fps)
        schedule = try FrameSchedule(kind: timeline.kind, from: range.lowerBound,
                                     to: full.time(min(full.count, maxFrames) - 1), fps: fps)
        renderer = RecordingRenderer(store: store, blueprint: loaded.blueprint.map { Blueprint(store: $0) },
                                     timeline: timeline.name)
        self.timeline = timeline.name
    }

    /// The animation at `width × height`.
    func animation(width: Int, height: Int) -> AnimationRenderer {
        AnimationRenderer(renderer: renderer, timeline: timeline, schedule: schedule, width: width, height: height)
    }
}
