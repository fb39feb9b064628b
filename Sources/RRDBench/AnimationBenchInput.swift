import ArgumentParser
import RecordingModel
import SceneBuilding

/// The options the animation benches (`export`, `frames`) share: which recording, along which timeline, at
/// which rate, how many frames, at which sizes.
struct AnimationBenchOptions: ParsableArguments {
    @Option(help: "Recording.") var recording = "Fixtures/rrd/dna.rrd"
    @Option(help: "Timeline (default: the recording's own).") var timeline: String?
    @Option(help: "Frames per second along the timeline (dna: 100 gives its 400 frames).") var fps = 100.0
    @Option(help: "WIDTHxHEIGHT, repeatable.") var size: [String] = ["1280x720", "1920x1080"]
    @Option(help: "At most this many frames (from the start).") var maxFrames = 400
    @Option(help: "Pin every 3D view's camera at x,y,z (with --target; default: the viewer's eye, which follows the scene).")
    var eye: String?
    @Option(help: "The pinned camera's target x,y,z.") var target: String?

    /// The recording's renderer and frame schedule these options select.
    func input() throws -> AnimationBenchInput {
        var input = try AnimationBenchInput(recording: recording, timeline: timeline, fps: fps, maxFrames: maxFrames)
        switch (eye, target) {
        case (nil, nil): break
        case let (eye?, target?):
            let pinned = Eye(position: try Self.vector(eye, "--eye"), target: try Self.vector(target, "--target"), up: [0, 0, 1])
            input.renderer = try input.renderer.selecting(view: nil, eye: pinned, useViewUp: true)
        default: throw ValidationError("--eye and --target go together")
        }
        return input
    }

    private static func vector(_ text: String, _ option: String) throws -> SIMD3<Double> {
        let v = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard v.count == 3, v.allSatisfy(\.isFinite) else { throw ValidationError("\(option) takes x,y,z, not \(text)") }
        return SIMD3(v[0], v[1], v[2])
    }
}

/// What the animation benches (`export`, `frames`) render: a recording's renderer and the frame schedule along a
/// timeline at `fps`, cut to its first `maxFrames` frames.
struct AnimationBenchInput {
    var renderer: RecordingRenderer
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
