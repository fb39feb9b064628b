import ArgumentParser
import Foundation
import MediaCodecs
import SceneBuilding

/// `rrd-render video FILE --timeline NAME [--from V] [--to V] [--fps N] ... -o OUT.mp4`
struct Video: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a video of a recording along a timeline (MP4, MKV or WebM).",
        discussion: """
        Frames: on duration and timestamp timelines one frame every SPEED/FPS seconds of recording time, from \
        --from (default: the timeline's start) while the time is at most --to (default: its end), so \
        count = floor((to - from) * fps / speed) + 1; on sequence timelines one frame per --stride steps \
        (default every step), count = floor((to - from) / stride) + 1, played at --fps. Frame k shows the \
        latest-at state at from + k * step. Odd sizes are rounded down to even ones (yuv420p needs them).

        Codecs: h264 (libx264, default), hevc (libx265), vp9 (libvpx-vp9, .webm/.mkv), av1 (libsvtav1 or \
        libaom-av1). The file appears only when complete: Ctrl-C, a full disk or an encoder error leave no file. \
        Exit codes: 0 written, 2 bad input or a failed run, 130 interrupted.
        """)

    @OptionGroup var scene: SceneOptions
    @OptionGroup var animation: AnimationOptions

    @Option(help: "h264, hevc, vp9 or av1.")
    var codec: String = "h264"

    @Option(help: "Constant rate factor (quality; lower is better). Default: the codec's usual value.")
    var crf: Int?

    @Option(help: "Encoder preset (x264/x265: ultrafast … veryslow; SVT-AV1: 0-13).")
    var preset: String?

    @Option(name: .shortAndLong, help: "Output file: .mp4, .mkv or .webm.")
    var output: String

    func validate() throws {
        guard VideoCodec(rawValue: codec) != nil else {
            throw ValidationError("--codec must be one of: \(VideoCodec.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard VideoContainer(pathExtension: URL(fileURLWithPath: output).pathExtension) != nil else {
            throw ValidationError("-o must end in .mp4, .mkv or .webm (got '\(output)')")
        }
    }

    func run() async throws {
        var session = try scene.session()
        let schedule = try animation.schedule(session)
        let even = VideoWriter.encodedSize(width: session.width, height: session.height)
        if let note = even.note { warn(note) }
        guard even.width >= 2, even.height >= 2 else { throw failure("--size is too small for a video") }
        session.width = even.width
        session.height = even.height
        let settings = VideoSettings(codec: VideoCodec(rawValue: codec)!,
                                     frameRate: Self.frameRate(animation.fps), crf: crf, preset: preset)
        let writer: VideoWriter
        do {
            writer = try VideoWriter(path: output, width: even.width, height: even.height, settings: settings)
        } catch {
            throw failure("\(error)")
        }
        for note in writer.notes { warn(note) }
        guard let frames = session.animation(schedule) else { throw failure("the recording has no timeline") }
        let progress = ProgressLine(total: schedule.count, quiet: animation.quiet)
        let interruption = Interruption { writer.cancel(wait: false) }
        let warnings = WarningOnce()
        do {
            let summary = try frames.export(to: writer, workers: scene.threads,
                                            isCancelled: { interruption.isInterrupted }) { _, found in
                warnings.report(found)
                progress.advance()
            }
            progress.finish()
            if !animation.quiet {
                warnless(String(format: "wrote %@: %d frames, %.3f s at %@ fps, %dx%d, %@", output, summary.frameCount,
                                summary.duration, summary.frameRate.description, summary.width, summary.height,
                                summary.encoderName))
            }
        } catch {
            progress.finish()
            if interruption.isInterrupted {
                FileHandle.standardError.write(Data("rrd-render: interrupted; \(output) was not written\n".utf8))
                throw ExitCode(130)
            }
            throw failure("\(error); \(output) was not written")
        }
    }

    /// A frame rate as an exact fraction (29.97 → 30000/1001 style: thousandths).
    static func frameRate(_ fps: Double) -> FrameRate {
        fps == fps.rounded() ? FrameRate(Int32(fps)) : FrameRate(Int32((fps * 1000).rounded()), 1000)
    }
}

/// Prints a line on standard error (status, not a warning).
func warnless(_ message: String) {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
}
