import ArgumentParser
import ArrowIPC
import Foundation
import Rasterizer
import RecordingModel
import SceneBuilding

/// `rrd-bench plot`: a time-series view of `--series` series of `--points` points each (one Scalars entity, a
/// sine plus `--noise` per series, on a sequence timeline) at `--size`. Prints the cold first frame (reading the data out
/// of the store), then the median per-frame cost of building the draw list and of rasterizing it, with the cursor
/// moving as in a video.
struct PlotBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plot",
        abstract: "Time a time-series view with many points per series (median of --repeat frames, ms)."
    )

    @Option(help: "Points per series.")
    var points = 100_000

    @Option(help: "Series (scalars per row).")
    var series = 2

    @Option(help: "View size, WIDTHxHEIGHT.")
    var size = "1280x720"

    @Option(help: "Rasterizer threads.")
    var threads = 1

    @Option(help: "Frames timed; the median is printed.")
    var `repeat` = 31

    @Option(help: "Amplitude of the uniform noise added to each sine (0 = smooth).")
    var noise = 0.2

    @Flag(help: "Draw only the data up to the cursor (the line grows frame by frame).")
    var upToCursor = false

    @Flag(help: "Show the whole time range (every point, decimated per pixel column) instead of the viewer's default cursor ± 1000 window.")
    var wholeRange = false

    func run() throws {
        guard points > 0, series > 0 else { throw ValidationError("--points and --series must be positive") }
        let (width, height) = try frameSize(size)
        let store = try Self.store(points: points, series: series, noise: noise)
        let view = ViewSpec(kind: .timeSeries, origin: ["signal"], contents: .entity(["signal"]))
        let builder = TimeSeriesViewBuilder(options: TimeSeriesOptions(
            dataUpToCursor: upToCursor, timeAxis: wholeRange ? TimeRangeBoundaries(start: .infinite, end: .infinite) : nil))
        let renderer = Renderer()
        func context(_ t: Int64) -> ViewContext {
            ViewContext(store: store, query: LatestAtQuery(timeline: "frame", at: t), timelineKind: .sequence, threads: threads)
        }
        func now() -> Double { Double(DispatchTime.now().uptimeNanoseconds) / 1e6 }

        var start = now()
        let first = builder.build(view, width: width, height: height, context: context(Int64(points / 2)))
        let coldBuild = now() - start
        start = now()
        _ = try renderer.render(first.drawList, camera: first.camera, options: RenderOptions(threads: threads))
        let coldRender = now() - start

        var builds: [Double] = [], renders: [Double] = []
        let frames = max(1, `repeat`)
        for k in 0..<frames {
            let t = Int64(points) * Int64(k + 1) / Int64(frames + 1)
            start = now()
            let drawing = builder.build(view, width: width, height: height, context: context(t))
            builds.append(now() - start)
            start = now()
            _ = try renderer.render(drawing.drawList, camera: drawing.camera, options: RenderOptions(threads: threads))
            renders.append(now() - start)
        }
        let totals = zip(builds, renders).map { $0 + $1 }
        // What clearing and resolving an empty frame of this size costs, for scale.
        var empties: [Double] = []
        for _ in 0..<frames {
            start = now()
            _ = try renderer.render(DrawList(background: Theme.viewBackground), camera: .pixels(width: width, height: height),
                                    options: RenderOptions(threads: threads))
            empties.append(now() - start)
        }
        BenchOutput.line(["bench": "plot", "size": size, "points_per_series": points, "series": series, "noise": noise, "threads": threads,
                          "up_to_cursor": upToCursor ? "yes" : "no", "whole_range": wholeRange ? "yes" : "no",
                          "draws": first.drawList.count, "empty_frame_render_ms": BenchOutput.median(empties),
                          "cold_build_ms": coldBuild, "cold_render_ms": coldRender,
                          "build_median_ms": BenchOutput.median(builds), "render_median_ms": BenchOutput.median(renders),
                          "frame_median_ms": BenchOutput.median(totals), "frames": frames])
    }

    /// One entity `/signal` with `points` rows on the `frame` sequence timeline, `series` scalars per row.
    static func store(points: Int, series: Int, noise: Double) throws -> ChunkStore {
        var values: [Double] = []
        values.reserveCapacity(points * series)
        var state: UInt32 = 12345
        for i in 0..<points {
            for s in 0..<series {
                state ^= state << 13; state ^= state >> 17; state ^= state << 5
                let jitter: Double = Double(state % 1000) / 1000 - 0.5
                let phase: Double = Double(i) / Double(points) * 12 + Double(s)
                values.append(sin(phase) + noise * jitter)
            }
        }
        let rowIDs = (0..<points).map { RowID(timeNanos: 1_000_000 + UInt64($0), increment: UInt64($0)) }
        let chunk = try Chunk(
            id: ChunkID(timeNanos: 1, increment: 0), entityPath: EntityPath(["signal"]), rowIDs: rowIDs,
            timeColumns: [TimeColumn(timeline: Timeline(name: "frame", kind: .sequence), times: (0..<Int64(points)).map { $0 })],
            components: [ComponentColumn(descriptor: ComponentDescriptor(component: "Scalars:scalars"),
                                         values: .primitive(values), lengths: Array(repeating: series, count: points))])
        var store = ChunkStore(id: StoreID(kind: .recording, recordingID: "plot-bench"))
        store.insert(chunk)
        return store
    }
}
