import Foundation
import TestSupport

/// Paths of the bundled recordings.
enum Fixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/rrd").path
    static func path(_ name: String) -> String { root + "/" + name }
}

/// Runs the built `rrd-render`.
func rrdRender(_ arguments: String...) throws -> Subprocess { try BuiltCLI.run(arguments) }

func fileBytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map(Array.init) }

/// `ffprobe` facts of a video's first stream: frame count, frame rate, duration (s), codec, pixel format.
struct VideoFacts {
    let frames: Int, rate: String, duration: Double, codec: String, pixelFormat: String, width: Int, height: Int

    init?(_ path: String) throws {
        guard let ffprobe = Subprocess.which("ffprobe") else { return nil }
        let p = try Subprocess.run(ffprobe, ["-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
                                             "stream=nb_read_frames,r_frame_rate,codec_name,pix_fmt,width,height:format=duration",
                                             "-of", "default=noprint_wrappers=1", path])
        var values: [String: String] = [:]
        for line in p.stdoutText.split(separator: "\n") {
            let kv = line.split(separator: "=", maxSplits: 1).map(String.init)
            if kv.count == 2 { values[kv[0]] = kv[1] }
        }
        guard let frames = values["nb_read_frames"].flatMap(Int.init), let duration = values["duration"].flatMap(Double.init)
        else { return nil }
        self.frames = frames; self.duration = duration
        rate = values["r_frame_rate"] ?? ""; codec = values["codec_name"] ?? ""; pixelFormat = values["pix_fmt"] ?? ""
        width = Int(values["width"] ?? "") ?? 0; height = Int(values["height"] ?? "") ?? 0
    }
}
