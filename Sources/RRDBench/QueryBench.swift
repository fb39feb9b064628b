import ArgumentParser
import Foundation
import RecordingModel
import RecordingSDK

/// `rrd-bench queries`: the latest-at cost of one video frame (every entity's Points3D view, as scene building asks
/// for it) through the store's search and through the forward walk export workers use, on recordings of growing
/// length: `--entities` entities each written at every step of a `frame` timeline of `--rows` steps, one frame per
/// `--stride` steps (so a 10× longer recording has 10× the frames and the same rows per frame).
/// CPU time of the querying thread, per frame; one JSON line per (length, query path).
struct QueryBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queries", abstract: "Latest-at CPU per frame, store search against forward walk, by recording length.")

    @Option(help: "Entities.") var entities = 50
    @Option(help: "Timeline steps (rows per entity), repeatable.") var rows: [Int] = [2_000, 20_000]
    @Option(help: "Timeline steps between frames.") var stride = 5

    func run() async throws {
        for length in rows {
            var stream = RecordingStream(applicationID: "rrd_bench", recordingID: "queries-\(length)",
                                         clock: .simulated(start: 1_700_000_000_000_000_000, step: 1_000))
            stream.logTimeEnabled = false
            for step in 0..<length {
                stream.setTime("frame", sequence: step)
                for e in 0..<entities {
                    stream.log("cloud/\(e)", Points3D(positions: [SIMD3(Float(step), Float(e), 0)]))
                }
            }
            guard let store = stream.recording.recording else { throw ValidationError("no store") }
            let paths = store.entityPaths.filter { $0.parts.first == "cloud" }
            let frames = Swift.stride(from: 0, to: length, by: stride).map(TimeInt.init)
            for path in ["store", "walk"] {
                let walk = LatestAtWalk(store: store, timeline: "frame")
                var found = 0
                let before = threadCPUSeconds()
                for t in frames {
                    let source: any LatestAtSource = path == "walk"
                        ? walk.at(t) : StoreLatestAt(store: store, query: LatestAtQuery(timeline: "frame", at: t))
                    for entity in paths where source.view(Points3DView.self, entity: entity) != nil { found += 1 }
                }
                let cpu = threadCPUSeconds() - before
                guard found == frames.count * paths.count else { throw ValidationError("missing views") }
                printJSONLine(["bench": "queries", "rows_per_entity": length, "entities": paths.count,
                               "frames": frames.count, "queries": path,
                               "cpu_us_per_frame": r3(1e6 * cpu / Double(frames.count))])
            }
        }
    }
}
