import ArgumentParser
import Foundation
import MediaCodecs
import RecordingModel
import SceneBuilding

/// `rrd-bench export`: a video export (render + encode, the `rrd-render video` pipeline) next to encoding the very
/// same frames alone with the same encoder settings (frames rendered beforehand, held in memory). The goal is an
/// export at most 1.25× the encoder-alone time: rendering almost free. Wall seconds, and process CPU seconds
/// (user + system, all threads).
struct ExportBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Time a video export against encoding the same frames alone.")

    @OptionGroup var scene: AnimationBenchOptions
    @Option(help: "Encoder preset.") var preset = "medium"
    @Option(help: "Worker threads for rendering.") var threads = ProcessInfo.processInfo.activeProcessorCount

    func run() async throws {
        let input = try scene.input()
        let schedule = input.schedule
        for text in scene.size {
            let (width, height) = try frameSize(text)
            let animation = input.animation(width: width, height: height)
            let settings = VideoSettings(codec: .h264, frameRate: FrameRate(Int32(scene.fps.rounded())), preset: preset)
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("rrd-bench-export.mp4").path
            var cpu = processCPUSeconds()
            let exportSeconds = try seconds {
                let writer = try VideoWriter(path: path, width: width, height: height, settings: settings)
                _ = try animation.export(to: writer, workers: threads)
            }
            let exportCPU = processCPUSeconds() - cpu
            let frames = FrameStore(count: schedule.count)
            cpu = processCPUSeconds()
            let renderSeconds = try seconds {
                try animation.run(workers: threads) { image, k, _ in frames.set(k, image) }
            }
            let renderCPU = processCPUSeconds() - cpu
            cpu = processCPUSeconds()
            let encodeSeconds = try seconds {
                let writer = try VideoWriter(path: path, width: width, height: height, settings: settings)
                for k in 0..<schedule.count { try writer.submit(frames.get(k), index: k) }
                _ = try writer.finish()
            }
            let encodeCPU = processCPUSeconds() - cpu
            try? FileManager.default.removeItem(atPath: path)
            printJSONLine(["bench": "export", "recording": scene.recording, "size": text, "frames": schedule.count,
                           "preset": preset, "threads": threads, "export_s": r3(exportSeconds),
                           "encode_alone_s": r3(encodeSeconds), "render_alone_s": r3(renderSeconds),
                           "export_over_encode": r3(exportSeconds / encodeSeconds),
                           "export_fps": r3(Double(schedule.count) / exportSeconds),
                           "export_cpu_s": r3(exportCPU), "render_alone_cpu_s": r3(renderCPU),
                           "encode_alone_cpu_s": r3(encodeCPU),
                           "render_cpu_ms_per_frame": r3(1000 * renderCPU / Double(schedule.count))])
        }
    }
}

/// Rendered frames kept in memory by index, filled from several threads.
private final class FrameStore: @unchecked Sendable {
    private let lock = NSLock()
    private var frames: [RGBAImage?]
    init(count: Int) { frames = Array(repeating: nil, count: count) }
    func set(_ k: Int, _ image: RGBAImage) { lock.lock(); frames[k] = image; lock.unlock() }
    func get(_ k: Int) -> RGBAImage { lock.lock(); defer { lock.unlock() }; return frames[k]! }
}
