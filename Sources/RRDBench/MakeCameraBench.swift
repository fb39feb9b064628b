import ArgumentParser
import Foundation
import MediaCodecs
import RecordingSDK

/// `rrd-bench make-camera`: writes a recording shaped like a robot's log, for the per-frame cost of pictures in
/// video exports: a camera's JPEG pictures at `--image-rate` per second on `camera/image` (a gradient that moves
/// from picture to picture), with `--depth` a depth image as often on `camera/depth` under a pinhole on `camera`,
/// and a small point cloud moving at 30 updates a second on `points`, over `--seconds` of a `time` duration
/// timeline. Deterministic (fixed seed, simulated clock).
struct MakeCamera: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make-camera", abstract: "Write a recording of camera pictures and moving points for the benchmarks.")

    @Option(help: "Picture width.") var width = 1280
    @Option(help: "Picture height.") var height = 720
    @Option(help: "Pictures per second.") var imageRate = 10.0
    @Option(help: "Seconds of recording.") var seconds = 10.0
    @Option(help: "Points of the moving cloud.") var points = 2000
    @Flag(help: "Also a 16-bit depth image (millimetres) with each picture, under a pinhole camera.") var depth = false
    @Option(name: .shortAndLong, help: "Output .rrd.") var output = ".bench-recordings/camera.rrd"

    func run() async throws {
        guard width > 0, height > 0, imageRate > 0, seconds > 0, points > 0 else {
            throw ValidationError("sizes, rate, seconds and points must be positive")
        }
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: output).deletingLastPathComponent().path,
                                                withIntermediateDirectories: true)
        var rng = SplitMix64(seed: 7)
        let base = (0..<points).map { _ in SIMD3<Float>(rng.unit() - 0.5, rng.unit() - 0.5, rng.unit() - 0.5) }
        var stream = RecordingStream(applicationID: "rrd_bench", recordingID: "camera-\(width)x\(height)",
                                     clock: .simulated(start: 1_700_000_000_000_000_000, step: 1_000))
        stream.logTimeEnabled = false
        let updates = Int(seconds * 30), pictures = Int(seconds * imageRate)
        if depth {
            stream.log("camera", Pinhole(focalLength: Double(width) * 0.8, width: Double(width), height: Double(height)),
                       static: true)
        }
        var nextPicture = 0
        for u in 0..<updates {
            let t = Double(u) / 30
            stream.setTime("time", duration: t)
            while nextPicture < pictures, Double(nextPicture) / imageRate <= t {
                stream.log("camera/image", EncodedImage(contents: try picture(nextPicture), mediaType: "image/jpeg"))
                if depth { stream.log("camera/depth", DepthImage(depths: depths(nextPicture), width: width, height: height, meter: 1000)) }
                nextPicture += 1
            }
            let angle = Float(t)
            let moved = base.map { SIMD3(cos(angle) * $0.x - sin(angle) * $0.y, sin(angle) * $0.x + cos(angle) * $0.y, $0.z) }
            stream.log("points", Points3D(positions: moved, radii: [0.01]))
        }
        try stream.save(to: output)
        let size = (try FileManager.default.attributesOfItem(atPath: output)[.size] as? NSNumber)?.intValue ?? 0
        printJSONLine(["recording": output, "pictures": pictures, "updates": updates, "bytes": size])
    }

    /// Depth image `k` in millimetres: a slanted plane 2–5 m away, tilting a little from image to image.
    private func depths(_ k: Int) -> [UInt16] {
        (0..<width * height).map { i in
            UInt16(2000 + (i % width) * 2000 / width + (i / width) * (1000 + 10 * k) / height)
        }
    }

    /// Picture `k`: diagonal colour bands shifted by `k`, JPEG quality 90.
    private func picture(_ k: Int) throws -> [UInt8] {
        var image = RGBAImage(width: width, height: height, fill: (0, 0, 0, 255))
        for y in 0..<height {
            for x in 0..<width {
                let i = 4 * (y * width + x), v = x + y + 8 * k
                image.pixels[i] = UInt8(truncatingIfNeeded: v)
                image.pixels[i + 1] = UInt8(truncatingIfNeeded: v / 2)
                image.pixels[i + 2] = UInt8(truncatingIfNeeded: 255 - v / 3)
            }
        }
        return try JPEGCodec.encode(image, quality: 90)
    }
}
