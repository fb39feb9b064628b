import Foundation
import RecordingModel
import SceneBuilding
import Testing

/// Golden pictures of the plot views of `series.rrd` (3 time series, 2 bar charts) at two times.
@Suite struct PlotGoldenTests {
    static let size = (width: 480, height: 300)

    @Test(arguments: [("sin", Int64(49)), ("cos", 49), ("pair", 49), ("sin", 20)])
    func timeSeries(_ entity: String, _ time: Int64) throws {
        let store = try ViewGolden.store("series.rrd")
        let view = ViewSpec(kind: .timeSeries, origin: ["plots", entity], contents: .entity(["plots", entity]))
        let drawing = TimeSeriesViewBuilder().build(view, width: Self.size.width, height: Self.size.height,
                                                    context: ViewGolden.context(store, timeline: "step", at: time))
        #expect(drawing.warnings.isEmpty)
        try ViewGolden.check("series_\(entity)_t\(time)", drawing)
    }

    @Test func timeSeriesUpToCursor() throws {
        let store = try ViewGolden.store("series.rrd")
        let view = ViewSpec(kind: .timeSeries, origin: ["plots"], contents: .subtree(["plots"]))
        let builder = TimeSeriesViewBuilder(options: TimeSeriesOptions(dataUpToCursor: true))
        let drawing = builder.build(view, width: Self.size.width, height: Self.size.height,
                                    context: ViewGolden.context(store, timeline: "step", at: 30))
        try ViewGolden.check("series_all_upto_t30", drawing)
    }
}

/// Golden pictures of the two bar charts of `series.rrd` (u8-like integer values; f64 values with an i32 abscissa
/// and a colour).
@Suite struct BarChartGoldenTests {
    @Test(arguments: ["simple", "float_colored"])
    func barChart(_ entity: String) throws {
        let store = try ViewGolden.store("series.rrd")
        let view = ViewSpec(kind: .barChart, origin: ["bars", entity], contents: .entity(["bars", entity]))
        let drawing = BarChartViewBuilder().build(view, width: 480, height: 300,
                                                  context: ViewGolden.context(store, timeline: "step", at: 0))
        #expect(drawing.warnings.isEmpty)
        try ViewGolden.check("bars_\(entity)", drawing)
    }
}

/// Goldens of time axes on duration and timestamp timelines (`timelines.rrd`), of every marker shape, and of a
/// plot configured by blueprint properties (`blueprint_views.rrd`).
@Suite struct PlotAxisGoldenTests {
    @Test(arguments: ["frame", "elapsed", "wall_clock"])
    func timelineKinds(_ timeline: String) throws {
        let store = try ViewGolden.store("timelines.rrd")
        let view = ViewSpec(kind: .timeSeries, origin: ["sensor"], contents: .entity(["sensor"]))
        let range = try #require(store.timelines[timeline]?.range)
        let drawing = TimeSeriesViewBuilder().build(view, width: 420, height: 220,
                                                    context: ViewGolden.context(store, timeline: timeline, at: range.upperBound))
        try ViewGolden.check("series_sensor_\(timeline)", drawing)
    }

    @Test func everyMarkerShape() throws {
        var store = ChunkStore(id: StoreID(kind: .recording, recordingID: "markers"))
        let entity = EntityPath(["markers"])
        let n = 12
        let times = (0..<Int64(n)).map { $0 }
        let values = (0..<n).flatMap { t in (0..<10).map { Double($0) + 0.3 * sin(Double(t) / 2) } }
        store.insert(try Chunk(id: ChunkID(timeNanos: 1, increment: 0), entityPath: entity,
                               rowIDs: (0..<n).map { RowID(timeNanos: 10, increment: UInt64($0)) },
                               timeColumns: [TimeColumn(timeline: Timeline(name: "t", kind: .sequence), times: times)],
                               components: [ComponentColumn(descriptor: ComponentDescriptor(component: "Scalars:scalars"),
                                                            values: .primitive(values), lengths: Array(repeating: 10, count: n))]))
        store.insert(try Chunk(id: ChunkID(timeNanos: 1, increment: 1), entityPath: entity,
                               rowIDs: [RowID(timeNanos: 5, increment: 0)], timeColumns: [], components: [
            ComponentColumn(descriptor: ComponentDescriptor(component: "SeriesPoints:markers"),
                            values: .primitive((1...10).map(UInt8.init)), lengths: [10]),
            ComponentColumn(descriptor: ComponentDescriptor(component: "SeriesPoints:marker_sizes"),
                            values: .primitive([Float(5)]), lengths: [1]),
        ]))
        let view = ViewSpec(kind: .timeSeries, origin: ["markers"], contents: .entity(["markers"]))
        let builder = TimeSeriesViewBuilder(options: TimeSeriesOptions(legend: PlotLegend(visible: false, corner: .leftBottom)))
        let drawing = builder.build(view, width: 420, height: 360, context: ViewContext(
            store: store, query: LatestAtQuery(timeline: "t", at: 11), timelineKind: .sequence))
        try ViewGolden.check("series_marker_shapes", drawing)
    }

    @Test func blueprintPlotProperties() throws {
        let recording = try Recording.load(path: ViewGolden.root.appendingPathComponent("Fixtures/rrd/blueprint_views.rrd").path)
        let store = try #require(recording.recording)
        let blueprint = Blueprint(store: try #require(recording.blueprint))
        let plot = try #require(blueprint.allViews.first { $0.spec.kind == .timeSeries })
        let builder = TimeSeriesViewBuilder(options: plot.properties.timeSeriesOptions(timeline: "frame"))
        // Cursor-relative −20…+5 at t = 30 → x 10…35; y fixed to −2…2; legend right-top.
        let drawing = builder.build(plot.spec, width: 420, height: 220, context: ViewGolden.context(store, timeline: "frame", at: 30))
        try ViewGolden.check("series_blueprint_properties", drawing)
    }
}
