import ArgumentParser
import Foundation
import RecordingModel

/// `rrd-bench load [FILE ...]`: load throughput of whole recordings (map, frame walk, LZ4, Arrow IPC decode,
/// chunk building and store indexing: everything `Recording.load` does). One JSON line per file with the
/// median and fastest of `--runs` loads, in MB/s and rows/s. Default files: the `dna.rrd` fixture and, when
/// present, `.bench-scenes/large.rrd` (written by `scripts/make_large_recording.py`).
struct Load: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Measure .rrd load throughput (MB/s, rows/s).")

    @Argument(help: "Recordings to load (default: Fixtures/rrd/dna.rrd and .bench-scenes/large.rrd if present).")
    var files: [String] = []

    @Option(help: "Timed loads per file (after one warm-up load).")
    var runs = 5

    func run() async throws {
        var paths = files
        if paths.isEmpty {
            paths = ["Fixtures/rrd/dna.rrd", ".bench-scenes/large.rrd"].filter { FileManager.default.fileExists(atPath: $0) }
        }
        for path in paths {
            let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.intValue ?? 0
            let recording = try Recording.load(path: path)  // warm-up (page cache), and the figures below
            var times: [Double] = []
            let clock = ContinuousClock()
            for _ in 0 ..< max(1, runs) {
                // Each timed load is dropped before the next starts, so only one copy is alive at a time.
                let start = clock.now
                let loaded = try Recording.load(path: path)
                let d = clock.now - start
                withExtendedLifetime(loaded) {}
                times.append(Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18)
            }
            times.sort()
            let median = times[times.count / 2]
            let chunks = recording.stores.reduce(0) { $0 + $1.chunks.count }
            let rows = recording.stores.reduce(0) { $0 + $1.chunks.reduce(0) { $0 + $1.rowCount } }
            let instances = recording.stores.reduce(0) { s, store in
                s + store.chunks.reduce(0) { $0 + $1.components.reduce(0) { $0 + $1.values.length } }
            }
            let line: [String: Any] = [
                "bench": "load", "file": path, "bytes": size, "chunks": chunks, "rows": rows, "instances": instances,
                "runs": times.count, "median_ms": (median * 1e5).rounded() / 100, "fastest_ms": (times[0] * 1e5).rounded() / 100,
                "mb_per_s": (Double(size) / 1e6 / median * 10).rounded() / 10, "rows_per_s": (Double(rows) / median).rounded(),
                "instances_per_s": (Double(instances) / median).rounded(), "warnings": recording.warnings.count,
                "all_ms": times.map { ($0 * 1e5).rounded() / 100 },
            ]
            let data = try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys, .withoutEscapingSlashes])
            print(String(decoding: data, as: UTF8.self))
        }
    }
}
