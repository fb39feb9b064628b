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
