import ArgumentParser
import Foundation
import MediaCodecs

/// `rrd-bench encode`: what the encoders alone cost, on synthetic frames held in memory: PNG and
/// JPEG of one frame, then a whole video through `VideoWriter` (conversion workers + encoder
/// thread). The video figure is the "encoder alone" baseline that a full export is compared with.
struct EncodeBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "encode",
        abstract: "Time PNG/JPEG encoding of one frame and video encoding of --frames synthetic frames."
    )

    @Option(help: "Frame size, WIDTHxHEIGHT (e.g. 1280x720, 1920x1080).")
    var size = "1920x1080"

    @Option(help: "Frames in the video.")
    var frames = 120

    @Option(help: "h264, hevc, vp9 or av1.")
    var codec = "h264"

    @Option(help: "Encoder preset (x264/x265 name, or a number for vp9/av1); default: the encoder's.")
    var preset: String?

    @Option(help: "Constant-quality factor; default: the codec's.")
    var crf: Int?

    @Option(help: "Threads inside the encoder.")
    var encoderThreads = 4

    @Option(help: "RGBA→YUV conversion threads.")
    var conversionThreads = 2

    @Flag(help: "Skip the PNG/JPEG figures.")
    var videoOnly = false

    func run() throws {
        guard let videoCodec = VideoCodec(rawValue: codec) else { throw ValidationError("unknown codec \(codec)") }
        let (width, height) = try frameSize(size)
        let distinct = min(frames, 60) // frames cycle through 60 prepared ones, so memory stays small
        let prepared = (0..<distinct).map { BenchFrames.scene($0, width: width, height: height) }

        if !videoOnly {
            let frame = prepared[0]
            var png: [UInt8] = [], pngSmall: [UInt8] = [], jpeg: [UInt8] = []
            let pngFast = try Self.median(runs: 7) { png = try PNGCodec.encode(frame, compression: .fast) }
            BenchOutput.line(["bench": "png-encode", "compression": "fast", "size": size, "bytes": png.count, "median_ms": pngFast])
            let pngSmallMs = try Self.median(runs: 3) { pngSmall = try PNGCodec.encode(frame, compression: .small) }
            BenchOutput.line(["bench": "png-encode", "compression": "small", "size": size, "bytes": pngSmall.count, "median_ms": pngSmallMs])
            let pngDecode = try Self.median(runs: 7) { _ = try PNGCodec.decode(png) }
            BenchOutput.line(["bench": "png-decode", "size": size, "median_ms": pngDecode])
            let jpegMs = try Self.median(runs: 11) { jpeg = try JPEGCodec.encode(frame, quality: 90) }
            BenchOutput.line(["bench": "jpeg-encode", "quality": 90, "size": size, "bytes": jpeg.count, "median_ms": jpegMs])
            let jpegDecode = try Self.median(runs: 11) { _ = try JPEGCodec.decode(jpeg) }
            BenchOutput.line(["bench": "jpeg-decode", "size": size, "median_ms": jpegDecode])
        }

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("rrd-bench-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let ext = videoCodec == .vp9 || videoCodec == .av1 ? "webm" : "mp4"
        let path = folder.appendingPathComponent("bench.\(ext)").path
        let settings = VideoSettings(codec: videoCodec, frameRate: FrameRate(30), crf: crf, preset: preset,
                                     encoderThreads: encoderThreads, conversionThreads: conversionThreads)
        let start = DispatchTime.now().uptimeNanoseconds
        let writer = try VideoWriter(path: path, width: width, height: height, settings: settings)
        for k in 0..<frames { try writer.append(prepared[k % distinct]) }
        let summary = try writer.finish()
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let bytes = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        BenchOutput.line(["bench": "video-encode", "codec": codec, "encoder": summary.encoderName, "preset": preset ?? "default",
                          "crf": crf ?? videoCodec.defaultCRF, "size": size, "frames": frames, "seconds": seconds,
                          "fps": Double(frames) / seconds, "bytes": bytes, "encoder_threads": encoderThreads,
                          "conversion_threads": conversionThreads])
    }

    static func median(runs: Int, _ body: () throws -> Void) rethrows -> Double {
        var times: [Double] = []
        for _ in 0..<runs {
            let start = DispatchTime.now().uptimeNanoseconds
            try body()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        return BenchOutput.median(times)
    }
}
