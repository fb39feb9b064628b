import ArgumentParser
import Foundation
import RecordingSDK

/// `rrd-bench make-points`: writes a heavy benchmark recording with the project's own logging API: a cloud of
/// N points moving over F frames of a `frame` timeline (a slow swirl, every point moving every frame), with
/// per-point colours and one radius. Deterministic (fixed seed, simulated clock).
struct MakePoints: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make-points", abstract: "Write a moving point-cloud recording for the benchmarks.")

    @Option(help: "Points per frame.") var points = 1_000_000
    @Option(help: "Frames on the `frame` timeline.") var frames = 300
    @Option(name: .shortAndLong, help: "Output .rrd.") var output = ".bench-recordings/points_1m.rrd"

    func run() async throws {
        try FileManager.default.createDirectory(atPath: URL(fileURLWithPath: output).deletingLastPathComponent().path,
                                                withIntermediateDirectories: true)
        var rng = SplitMix64(seed: 42)
        var base: [SIMD3<Float>] = [], colors: [Color] = []
        base.reserveCapacity(points); colors.reserveCapacity(points)
        for _ in 0..<points {
            let p = SIMD3<Float>(rng.unit() - 0.5, rng.unit() - 0.5, rng.unit() - 0.5)
            base.append(p)
            colors.append(Color(red: p.x + 0.5, green: p.y + 0.5, blue: p.z + 0.5))
        }
        var stream = RecordingStream(applicationID: "rrd_bench", recordingID: "points-\(points)x\(frames)",
                                     clock: .simulated(start: 1_700_000_000_000_000_000, step: 1_000))
        stream.logTimeEnabled = false
        for f in 0..<frames {
            stream.setTime("frame", sequence: Int64(f))
            let angle = Float(f) * 0.01
            let (c, s) = (cos(angle), sin(angle))
            let moved = base.map { p in
                let swirl = 1 + 0.5 * p.z
                return SIMD3(c * p.x * swirl - s * p.y * swirl, s * p.x * swirl + c * p.y * swirl, p.z)
            }
            stream.log("cloud", Points3D(positions: moved, radii: [0.002], colors: f == 0 ? colors : nil))
        }
        try stream.save(to: output)
        let size = (try FileManager.default.attributesOfItem(atPath: output)[.size] as? NSNumber)?.intValue ?? 0
        printJSONLine(["recording": output, "points": points, "frames": frames, "bytes": size])
    }
}

/// A small deterministic generator (SplitMix64).
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// Uniform in [0, 1).
    mutating func unit() -> Float { Float(next() >> 40) / Float(1 << 24) }
}
