import ArgumentParser
import Foundation

/// `rrd-bench snapshot`: the whole `rrd-render snapshot` command, process start to file written, as a user runs
/// it. Median and fastest of `--runs` runs (after one warm-up), one JSON line per case.
struct SnapshotBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot", abstract: "Time the whole snapshot command (process start to PNG written).")

    @Option(help: "The rrd-render binary (default: next to this one).") var rrdRender: String?
    @Option(help: "Timed runs per case.") var runs = 7
    @Option(help: "Worker threads passed to rrd-render.") var threads = 2

    func run() async throws {
        let binary = rrdRender ?? URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("rrd-render").path
        var cases: [(name: String, args: [String])] = [
            ("dna 1280x720", ["Fixtures/rrd/dna.rrd", "--time", "2s", "--size", "1280x720"]),
        ]
        if FileManager.default.fileExists(atPath: ".bench-recordings/points_1m.rrd") {
            cases.append(("points_1m 1920x1080", [".bench-recordings/points_1m.rrd", "--time", "150", "--size", "1920x1080"]))
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("rrd-bench-snapshot.png").path
        for c in cases {
            let args = ["snapshot"] + c.args + ["--threads", String(threads), "-o", out]
            var times: [Double] = []
            for run in 0...max(1, runs) {
                let t = try seconds { try Self.execute(binary, args) }
                if run > 0 { times.append(t) }
            }
            printJSONLine(["bench": "snapshot", "case": c.name, "threads": threads, "runs": times.count,
                           "ms_median": r3(1000 * median(times)), "ms_min": r3(1000 * (times.min() ?? .nan))])
        }
    }

    static func execute(_ binary: String, _ arguments: [String]) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = arguments
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        guard p.terminationStatus == 0 else { throw ValidationError("\(binary) \(arguments) exited \(p.terminationStatus)") }
    }
}
