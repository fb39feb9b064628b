import ArgumentParser
import Foundation
import MediaCodecs
import Rasterizer

/// `rrd-bench raster`: the rasterizer on the shared benchmark scenes, timed as the peers are
/// (PEERS.md, "What your command must do"): warm-up, then frames until 4 s have passed (5…60
/// frames; dna 400), each frame = clear + draw + resolve into a caller-owned RGBA8 buffer, nothing
/// camera-dependent kept between frames. One JSON line per scene on stdout.
struct RasterBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "raster",
        abstract: "Time the rasterizer on the shared benchmark scenes.")

    @Option(help: "Scene to run (default: all found). One of: \(BenchScene.names.joined(separator: ", ")).")
    var scene: [String] = []

    @Option(help: "Worker threads.")
    var threads: Int = 2

    @Flag(help: "Use the scalar reference kernels.")
    var scalar = false

    @Option(help: "Shading of the scenes' points: flat (as the peers draw them) or gradient (the viewer's radial shading).")
    var shading = "flat"

    @Option(help: "Write each scene's last frame as PNG into this folder.")
    var png: String?

    @Option(help: "Scenes folder (default: $RRD_BENCH_SCENES, else .bench-scenes).")
    var scenes: String?

    func validate() throws {
        guard threads >= 1 && threads <= 256 else { throw ValidationError("--threads must be 1…256") }
        guard shading == "flat" || shading == "gradient" else { throw ValidationError("--shading takes flat or gradient") }
        for s in scene where !BenchScene.names.contains(s) {
            throw ValidationError("unknown scene \(s); known: \(BenchScene.names.joined(separator: ", "))")
        }
    }

    func run() throws {
        let folder = URL(fileURLWithPath: scenes ?? ProcessInfo.processInfo.environment["RRD_BENCH_SCENES"]
                         .flatMap { $0.isEmpty ? nil : $0 } ?? ".bench-scenes")
        let names = scene.isEmpty ? BenchScene.names.filter {
            FileManager.default.fileExists(atPath: folder.appendingPathComponent("\($0)/manifest.json").path)
        } : scene
        if names.isEmpty { throw ValidationError("no scenes in \(folder.path) (run scenes.py --raw --no-npz)") }
        for name in names {
            let s = try BenchScene.load(name, from: folder, shading: shading == "gradient" ? .gradient : .flat)
            try measure(s)
        }
    }

    private func measure(_ s: BenchScene) throws {
        let renderer = Renderer()
        let options = RenderOptions(threads: threads, kernels: scalar ? .scalar : .simd)
        let w = s.camera.width, h = s.camera.height
        var buffer = [UInt8](repeating: 0, count: w * h * 4)
        func frame() throws -> Double {
            let t0 = DispatchTime.now().uptimeNanoseconds
            try buffer.withUnsafeMutableBytes { try renderer.render(s.list, camera: s.camera, options: options, into: $0, rowBytes: w * 4) }
            return Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e6
        }
        let dna = s.name == "dna"
        var warmup = dna ? 10 : 2, minFrames = dna ? 400 : 5
        let maxFrames = dna ? 400 : 60
        let first = try frame()
        if first > 1000 { warmup = 1; minFrames = min(minFrames, first < 8000 ? 3 : 2) }
        for _ in 1..<max(warmup, 1) { _ = try frame() }
        var times: [Double] = [], cpu: [Double] = []
        let start = DispatchTime.now().uptimeNanoseconds
        while times.count < maxFrames {
            let c0 = cpuMilliseconds()
            times.append(try frame())
            cpu.append(cpuMilliseconds() - c0)
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            if times.count >= minFrames && (dna ? times.count >= 400 : elapsed > 4) { break }
        }
        let median = Self.median(times), cpuMedian = Self.median(cpu)
        let record: [String: Any] = [
            "peer": "rrd-render" + (scalar ? " (scalar)" : "") + (shading == "gradient" ? " (gradient points)" : ""), "scene": s.name, "width": w, "height": h,
            "threads": threads, "frames": times.count,
            "ms_median": Self.round3(median), "ms_per_frame_median": Self.round3(median),
            "ms_min": Self.round3(times.min() ?? 0), "cpu_ms_median": Self.round3(cpuMedian),
            "variant": "resident", "notes": s.notes, "loadavg1": Self.loadAverage(),
        ]
        let data = try JSONSerialization.data(withJSONObject: record, options: [.sortedKeys])
        FileHandle.standardOutput.write(data + Data("\n".utf8))
        if let png {
            try FileManager.default.createDirectory(atPath: png, withIntermediateDirectories: true)
            let bytes = try PNGCodec.encode(RGBAImage(width: w, height: h, pixels: buffer))
            try Data(bytes).write(to: URL(fileURLWithPath: png).appendingPathComponent("\(s.name).png"))
        }
    }

    static func median(_ v: [Double]) -> Double {
        let s = v.sorted()
        if s.isEmpty { return 0 }
        return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
    }

    static func round3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

    static func loadAverage() -> String {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.map(String.init) ?? "?"
    }

    /// User + system CPU time of the whole process, in ms.
    func cpuMilliseconds() -> Double {
        var u = rusage()
        getrusage(RUSAGE_SELF.rawValue, &u)
        return Double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) * 1000 + Double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1000
    }
}
