import Foundation
import Rasterizer
import RecordingModel
@testable import SceneBuilding
import Testing

/// Tick generation, time labels, per-column decimation and clipping of the plot views.
@Suite struct PlotMathTests {
    @Test func logGridLikeEguiPlot() {
        // ±1.1 over 500 px: 8 px is 0.035 → grids of 0.1, 1 and 10 (the viewer's 0.1 steps on a ±1 plot).
        let marks = AxisTicks.logMarks(in: -1.1...1.1, baseStep: 2.2 / 500 * 8)
        #expect(marks.count == 22)
        #expect(marks.first == GridMark(value: -1.1, step: 0.1) || abs(marks[0].value + 1.1) < 1e-9)
        #expect(marks.filter { $0.step == 1 }.map(\.value) == [-1, 1])
        #expect(marks.filter { $0.step == 10 }.map(\.value) == [0])
        // egui_plot's own example: [0.01, 0.1, 1] over 2.855…3.015.
        let e = AxisTicks.marks(steps: [0.01, 0.1, 1], in: 2.855...3.015)
        #expect(e.count == 16 && e[4].step == 0.1 && e[14].step == 1 && abs(e[14].value - 3) < 1e-12)
        // Sequence steps 0…49 over 927 px: grids of 1, 10, 100.
        #expect(Set(AxisTicks.logMarks(in: 0...49, baseStep: 49.0 / 927 * 8).map(\.step)) == [1, 10, 100])
        #expect(AxisTicks.logMarks(in: 0...1, baseStep: 0).isEmpty)
        #expect(AxisTicks.logMarks(in: -.infinity...1, baseStep: 0.1).isEmpty)
    }

    @Test func clockGridLikeRerun() {
        // 160 ms in a 960-point view: 10 ms lines, 100 ms labels, whole seconds strongest.
        let marks = AxisTicks.clockMarks(in: 11_045_000_000_000...11_045_160_000_000, canvasWidth: 960)
        #expect(marks.count == 17)
        #expect(marks[0].step == 1e9 && marks[1].step == 1e7 && marks[10].step == 1e8)
        #expect(AxisTicks.nextClockStep(1_000_000_000) == 10_000_000_000)
        #expect(AxisTicks.nextClockStep(10_000_000_000) == 60_000_000_000)
        #expect(AxisTicks.nextClockStep(3_600_000_000_000) == 43_200_000_000_000)
        #expect(AxisTicks.nextClockStep(43_200_000_000_000) == 86_400_000_000_000)
    }

    @Test func valueLabelsLikeRerun() {
        #expect(AxisTicks.valueLabel(GridMark(value: 1, step: 1)) == "1")
        #expect(AxisTicks.valueLabel(GridMark(value: 0.9, step: 0.1)) == "0.9")
        #expect(AxisTicks.valueLabel(GridMark(value: -0.1, step: 0.1)) == "\u{2212}0.1")
        #expect(AxisTicks.valueLabel(GridMark(value: 3 * 0.1, step: 0.1)) == "0.3")
        #expect(AxisTicks.valueLabel(GridMark(value: 12000, step: 1000)) == "12\u{2009}000")
        #expect(AxisTicks.valueLabel(GridMark(value: 0, step: 10)) == "0")
        #expect(AxisTicks.plainLabel(GridMark(value: -2, step: 1)) == "-2")
        #expect(AxisTicks.plainLabel(GridMark(value: 0.5, step: 0.1)) == "0.5")
        #expect(AxisTicks.plainLabel(GridMark(value: 20, step: 10)) == "20")
    }

    @Test func compactTimeLabelsLikeTheViewer() {
        #expect(TimeLabels.compact(10, kind: .sequence) == "#10")
        #expect(TimeLabels.compact(1200, kind: .sequence) == "#1\u{2009}200")
        // 2024-01-02 03:04:05 UTC and 100 ms after it.
        let t: Int64 = 1_704_164_645_000_000_000
        #expect(TimeLabels.compact(t, kind: .timestamp) == "03:04:05")
        #expect(TimeLabels.compact(t + 100_000_000, kind: .timestamp) == "+100 ms")
        #expect(TimeLabels.compact(t + 2_500_000, kind: .timestamp) == "+2.5 ms")
        #expect(TimeLabels.compact(t - 5_000_000_000, kind: .timestamp) == "03:04")
        #expect(TimeLabels.compact(1_704_153_600_000_000_000, kind: .timestamp) == "2024-01-02")
        #expect(TimeLabels.compact(90_000_000_000, kind: .duration) == "+1m 30s")
        #expect(TimeLabels.compact(0, kind: .duration) == "+0s")
        #expect(TimeLabels.compact(250_000_000, kind: .duration) == "+250 ms")
    }

    @Test func gridAndLabelFadesLikeEgui() {
        let bg = RGBA8(13, 13, 13)
        // Measured in the viewer: 0.1 grid on a ±1.1 plot 525 px high (strength 0.054) is 22, the 1 grid 32.
        #expect(SeriesColors.eguiFaded(PlotStyle.grid, factor: pow(Float(0.054), 0.3), over: bg) == RGBA8(22, 22, 22))
        #expect(SeriesColors.eguiFaded(PlotStyle.grid, factor: pow(Float(0.788), 0.3), over: bg) == RGBA8(32, 32, 32))
        // A label at 38 % strength: the text colour at √0.38.
        #expect(SeriesColors.eguiFaded(PlotStyle.axisText, factor: Float(0.38).squareRoot(), over: bg) == RGBA8(131, 131, 131))
    }

    @Test func timeOriginLikeTheViewer() {
        #expect(TimeSeriesViewBuilder.timeOrigin(dataMin: 105, kind: .sequence) == 105)
        #expect(TimeSeriesViewBuilder.timeOrigin(dataMin: nil, kind: .timestamp) == 0)
        // 2023-11-14 22:13:20.5 rounds to the next midnight.
        #expect(TimeSeriesViewBuilder.timeOrigin(dataMin: 1_700_000_000_500_000_000, kind: .timestamp) == 1_700_006_400_000_000_000)
    }

    @Test func timeLabelsPerTimelineKind() {
        #expect(TimeLabels.text(120, kind: .sequence, step: 20) == "#120")
        #expect(TimeLabels.text(1_500_000_000, kind: .duration, step: 500_000_000) == "1.5s")
        #expect(TimeLabels.text(-2_000_000_000, kind: .duration, step: 1_000_000_000) == "-2s")
        #expect(TimeLabels.text(90_000_000_000, kind: .duration, step: 30_000_000_000) == "1m 30s")
        // 2024-01-02 03:04:05.040 UTC.
        let t: Int64 = 1_704_164_645_040_000_000
        #expect(TimeLabels.text(t, kind: .timestamp, step: 20_000_000) == "03:04:05.04")
        #expect(TimeLabels.text(t - 40_000_000, kind: .timestamp, step: 1_000_000_000) == "03:04:05")
        #expect(TimeLabels.text(1_704_153_600_000_000_000, kind: .timestamp, step: 86_400_000_000_000) == "2024-01-02")
    }

    static func frame(width: Float = 100, x: ClosedRange<Double>, y: ClosedRange<Double> = 0...1) -> PlotFrame {
        PlotFrame(minX: 0, minY: 0, maxX: width, maxY: 100, x: x, y: y)
    }

    @Test func decimationKeepsTheEnvelopeInTwoVerticesPerColumn() {
        // 100,000 points over 100 px: a sawtooth between 0 and 1.
        let n = 100_000
        let times = (0..<Int64(n)).map { $0 }
        let values = (0..<n).map { Double($0 % 7) / 6 }
        let strips = SeriesDecimation.strips(times: times, values: values, breakBefore: [Bool](repeating: false, count: n),
                                             range: 0..<n, origin: 0, frame: Self.frame(x: 0...Double(n)), policy: .envelope)
        #expect(strips.count == 1)
        let vertices = strips[0]
        #expect(vertices.count <= 2 * 101)
        #expect(vertices.count >= 2 * 100)
        #expect(vertices.map(\.y).min() == 0 && vertices.map(\.y).max() == 100)
        #expect(zip(vertices, vertices.dropFirst()).allSatisfy { $0.x.rounded(.down) <= $1.x.rounded(.down) })  // column by column
    }

    @Test func sparseSeriesKeepEveryPointAndBreakAtNaNAndClears() {
        let times: [Int64] = [0, 10, 20, 30, 40, 50]
        let values = [0, 1, .nan, 0, 1, 0.5]
        let breaks = [false, false, false, false, false, true]
        let strips = SeriesDecimation.strips(times: times, values: values, breakBefore: breaks, range: 0..<6, origin: 0,
                                             frame: Self.frame(x: 0...50), policy: .envelope)
        #expect(strips.map(\.count) == [2, 2, 1])
        #expect(strips[0] == [[0, 100], [20, 0]])
        #expect(strips[2] == [[100, 50]])
    }

    @Test func averageAndExtremePolicies() {
        let times: [Int64] = [0, 1, 2, 3]
        let values = [0.0, 1, 0.5, 0.5]
        let frame = Self.frame(width: 1, x: 0...100)
        func one(_ p: SeriesDecimation.Policy) -> [SIMD2<Float>] {
            SeriesDecimation.strips(times: times, values: values, breakBefore: [false, false, false, false], range: 0..<4,
                                    origin: 0, frame: frame, policy: p)[0]
        }
        #expect(one(.average).map(\.y) == [50])
        #expect(one(.max).map(\.y) == [0])
        #expect(one(.min).map(\.y) == [100])
        #expect(one(.envelope).map(\.y) == [100, 0])  // lowest value came first
        #expect(SeriesDecimation.policy(code: 2) == .average && SeriesDecimation.policy(code: nil) == .envelope)
    }

    @Test func stepInterpolation() {
        let strip: [SIMD2<Float>] = [[0, 0], [10, 5]]
        #expect(SeriesDecimation.interpolated(strip, mode: 2) == [[0, 0], [10, 0], [10, 5]])
        #expect(SeriesDecimation.interpolated(strip, mode: 3) == [[0, 0], [0, 5], [10, 5]])
        #expect(SeriesDecimation.interpolated(strip, mode: 4) == [[0, 0], [5, 0], [5, 5], [10, 5]])
        #expect(SeriesDecimation.interpolated(strip, mode: 1) == strip)
    }

    @Test func clippingSplitsStripsAtTheRectangle() {
        let parts = PolylineClip.clip([[-10, 5], [5, 5], [5, 20], [8, 5]], minX: 0, minY: 0, maxX: 10, maxY: 10)
        #expect(parts == [[[0, 5], [5, 5], [5, 10]], [[7, 10], [8, 5]]])
        #expect(PolylineClip.clip([[20, 20], [30, 30]], minX: 0, minY: 0, maxX: 10, maxY: 10).isEmpty)
    }

    @Test func sanitizedRanges() {
        #expect(PlotFrame.sanitized(2, 2) == 1...3)
        #expect(PlotFrame.sanitized(500, 500) == 495...505)
        #expect(PlotFrame.sanitized(.nan, .infinity) == -1...1)
        #expect(PlotFrame.sanitized(3, 1) == 1...3)
    }

    @Test func scalarHistoryReadsSeriesAndClears() throws {
        let store = try ViewGolden.store("series.rrd")
        let pair = ScalarHistory(store: store, entity: EntityPath(["plots", "pair"]), timeline: "step")
        #expect(pair.times == (0..<50).map(Int64.init))
        #expect(pair.seriesCount == 2)
        #expect(pair.values[0][10] == 5 && pair.values[1][10] == -2.5)
        #expect(!pair.breakBefore.contains(true))
        #expect(pair.lowerBound(10) == 10 && pair.upperBound(10) == 11 && pair.upperBound(-1) == 0)
    }

    @Test func autoColoursAreStableAndFromThePalette() {
        let a = SeriesColors.auto(entity: EntityPath(["plots", "x"]), series: 0)
        #expect(a == SeriesColors.auto(entity: EntityPath(["plots", "x"]), series: 0))
        #expect(a != SeriesColors.auto(entity: EntityPath(["plots", "x"]), series: 1))
        #expect(max(a.r, a.g, a.b) == 188 && min(a.r, a.g, a.b) == 77)
        // The 0.41 viewer's series colours (x86-64 Linux build), measured in docs/comparison pictures.
        #expect(SeriesColors.auto(entity: EntityPath(["plot", "value"]), series: 0) == RGBA8(188, 77, 151))
        #expect(SeriesColors.auto(entity: EntityPath(["sensor"]), series: 0) == RGBA8(188, 152, 77))
        #expect(SeriesColors.auto(entity: EntityPath(["plot", "sin"]), series: 0) == RGBA8(77, 188, 179))
        // Bar charts take the entity colour: /bars/simple is the viewer's pink.
        #expect(SeriesColors.auto(entity: EntityPath(["bars", "simple"])) == RGBA8(188, 77, 114))
        #expect(RGBA8(rerun: 0xFF80_00FF) == RGBA8(255, 128, 0, 255))
    }
}
