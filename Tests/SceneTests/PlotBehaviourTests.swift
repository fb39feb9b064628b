import ArrowIPC
import Foundation
import Rasterizer
import RecordingModel
@testable import SceneBuilding
import Testing

/// Time-series behaviour on stores built in Swift: Clears cut the line, the default x window for long data,
/// bounded work for 100,000 points, and pictures independent of the thread count.
@Suite struct PlotBehaviourTests {
    static let frame = Timeline(name: "frame", kind: .sequence)

    /// `/s` with one scalar per row at times `times`, plus Clears at `clears`.
    static func store(times: [Int64], values: [Double], clears: [Int64] = [], series: Int = 1) throws -> ChunkStore {
        var store = ChunkStore(id: StoreID(kind: .recording, recordingID: "plot-behaviour"))
        let rows = (0..<times.count).map { RowID(timeNanos: 10 + UInt64($0) * 2, increment: UInt64($0)) }
        store.insert(try Chunk(id: ChunkID(timeNanos: 1, increment: 0), entityPath: EntityPath(["s"]), rowIDs: rows,
                               timeColumns: [TimeColumn(timeline: frame, times: times)],
                               components: [ComponentColumn(descriptor: ComponentDescriptor(component: "Scalars:scalars"),
                                                            values: .primitive(values),
                                                            lengths: Array(repeating: series, count: times.count))]))
        for (k, t) in clears.enumerated() {
            // Written after the scalar of the same time (odd row-id times sort between the scalars' even ones).
            let row = RowID(timeNanos: 11 + UInt64(times.firstIndex(of: t) ?? 0) * 2, increment: 0)
            store.insert(try Chunk(id: ChunkID(timeNanos: 2, increment: UInt64(k)), entityPath: EntityPath(["s"]), rowIDs: [row],
                                   timeColumns: [TimeColumn(timeline: frame, times: [t])],
                                   components: [ComponentColumn(descriptor: ComponentDescriptor(component: ClearQuery.component),
                                                                values: .bools([false]), lengths: [1])]))
        }
        return store
    }

    static let view = ViewSpec(kind: .timeSeries, origin: ["s"], contents: .entity(["s"]))

    static func context(_ store: ChunkStore, _ t: Int64, threads: Int = 1) -> ViewContext {
        ViewContext(store: store, query: LatestAtQuery(timeline: "frame", at: t), timelineKind: .sequence, threads: threads)
    }

    @Test func clearBreaksTheLine() throws {
        let store = try Self.store(times: [0, 1, 2, 3, 4], values: [0, 1, 0, 1, 0], clears: [2])
        let h = ScalarHistory(store: store, entity: EntityPath(["s"]), timeline: "frame")
        #expect(h.breakBefore == [false, false, false, true, false])
        let strips = SeriesDecimation.strips(times: h.times, values: h.values[0], breakBefore: h.breakBefore, range: 0..<5,
                                             origin: 0, frame: PlotFrame(minX: 0, minY: 0, maxX: 400, maxY: 100, x: 0...4, y: 0...1),
                                             policy: .envelope)
        #expect(strips.map(\.count) == [3, 2])
    }

    @Test func longDataShowsTheCursorWindow() throws {
        let n = 10_000
        let store = try Self.store(times: (0..<Int64(n)).map { $0 }, values: (0..<n).map { Double($0) })
        // The y range follows the visible window: cursor 5000 ± 1000 → values 4000…6000 (+5 %).
        let drawing = TimeSeriesViewBuilder().build(Self.view, width: 400, height: 200, context: Self.context(store, 5000))
        #expect(drawing.warnings.isEmpty)
        #expect(TimeSeriesViewBuilder.defaultWindow(kind: .sequence) == (2000, 1000))
        #expect(TimeSeriesViewBuilder.defaultWindow(kind: .timestamp) == (60_000_000_000, 30_000_000_000))
        let pixels = try ViewGolden.render(drawing)
        // A straight rising line across the whole plot area: coloured (not grey) pixels sit lower on the left than
        // on the right, and the line reaches neither the top nor the bottom edge (5 % margins).
        func coloured(_ x: Int, _ y: Int) -> Bool {
            let p = pixels[((y * 400 + x) * 4)..<((y * 400 + x) * 4 + 3)]
            return p.max()! > 30 && p.max()! - p.min()! > 12
        }
        func rows(_ xs: Range<Int>) -> [Int] { (0..<200).filter { y in xs.contains { coloured($0, y) } } }
        let left = rows(100..<110), right = rows(320..<330)
        #expect(!left.isEmpty && !right.isEmpty)
        #expect((left.min() ?? 0) > (right.max() ?? 200))
        #expect((right.min() ?? 0) > 8)
    }

    @Test func hundredThousandPointsStayBounded() throws {
        let n = 100_000
        let values = (0..<n).map { sin(Double($0) * 0.37) }
        let store = try Self.store(times: (0..<Int64(n)).map { $0 }, values: values)
        let builder = TimeSeriesViewBuilder(options: TimeSeriesOptions(timeAxis: TimeRangeBoundaries(start: .infinite, end: .infinite)))
        let drawing = builder.build(Self.view, width: 640, height: 360, context: Self.context(store, Int64(n)))
        // One line batch for the series, two vertices per pixel column at most.
        let h = builder.cache.history(store: store, entity: EntityPath(["s"]), timeline: "frame")
        #expect(h.times.count == n)
        let frame = PlotFrame(minX: 0, minY: 0, maxX: 640, maxY: 360, x: 0...Double(n), y: -1...1)
        let strips = SeriesDecimation.strips(times: h.times, values: h.values[0], breakBefore: h.breakBefore, range: 0..<n,
                                             origin: 0, frame: frame, policy: .envelope)
        #expect(strips.reduce(0) { $0 + $1.count } <= 2 * 641)
        #expect(drawing.drawList.count < 60)
    }

    @Test func picturesDoNotDependOnThreads() throws {
        let store = try ViewGolden.store("series.rrd")
        let view = ViewSpec(kind: .timeSeries, origin: ["plots"], contents: .subtree(["plots"]))
        let drawing = TimeSeriesViewBuilder().build(view, width: 300, height: 200,
                                                    context: ViewGolden.context(store, timeline: "step", at: 25))
        #expect(try ViewGolden.render(drawing, threads: 1) == ViewGolden.render(drawing, threads: 3))
    }

    @Test func staticScalarsAreLeftOutWithAWarning() throws {
        var store = try Self.store(times: [0, 1, 2], values: [0, 1, 2])
        store.insert(try Chunk(id: ChunkID(timeNanos: 3, increment: 0), entityPath: EntityPath(["s"]),
                               rowIDs: [RowID(timeNanos: 100, increment: 0)], timeColumns: [],
                               components: [ComponentColumn(descriptor: ComponentDescriptor(component: "Scalars:scalars"),
                                                            values: .primitive([5.0]), lengths: [1])]))
        let drawing = TimeSeriesViewBuilder().build(Self.view, width: 200, height: 100, context: Self.context(store, 2))
        #expect(drawing.warnings.map(\.message) == ["scalars logged as static have no time to plot them at; left out"])
        #expect(ScalarHistory(store: store, entity: EntityPath(["s"]), timeline: "frame").values == [[0, 1, 2]])
    }

    /// The viewer makes no time series view for an entity whose scalars are all static.
    @Test func staticOnlyScalarsGetNoView() throws {
        var store = try Self.store(times: [0, 1], values: [0, 1])
        store.insert(try Chunk(id: ChunkID(timeNanos: 4, increment: 0), entityPath: EntityPath(["only_static"]),
                               rowIDs: [RowID(timeNanos: 200, increment: 0)], timeColumns: [],
                               components: [ComponentColumn(descriptor: ComponentDescriptor(component: "Scalars:scalars"),
                                                            values: .primitive([5.0]), lengths: [1])]))
        let facts = EntityFacts.gather(from: store)
        #expect(facts.map(\.path) == [["only_static"], ["s"]])
        #expect(facts.map(\.hasScalars) == [false, true])
        #expect(ViewHeuristics.defaultViews(for: facts).map(\.originText) == ["/s"])
    }

    @Test func noTimelineWarnsAndStillDrawsAxes() throws {
        let store = try ViewGolden.store("series.rrd")
        let view = ViewSpec(kind: .timeSeries, origin: ["plots", "sin"], contents: .entity(["plots", "sin"]))
        let drawing = TimeSeriesViewBuilder().build(view, width: 200, height: 100,
                                                    context: ViewContext(store: store, query: .staticOnly, timelineKind: nil))
        #expect(drawing.warnings.count == 1)
        #expect(drawing.drawList.count > 0)
    }

    @Test func nonOneDimensionalBarChartWarns() throws {
        let store = try ViewGolden.store("tensor_text.rrd")
        // The 3 × 4 tensor's data cell read as BarChart values: not 1-D, so refused with a warning naming the entity.
        let cell = try #require(store.latestAt("Tensor:data", entity: EntityPath(["tensor", "f64"]),
                                               query: LatestAtQuery(timeline: "frame", at: 0)))
        let chart = try #require(BarChartView(LatestAtResults(entityPath: EntityPath(["x"]), cells: ["BarChart:values": cell])))
        #expect(throws: BarChartError.self) { try BarChartViewBuilder.bars(chart, entity: EntityPath(["x"])) }
    }
}
