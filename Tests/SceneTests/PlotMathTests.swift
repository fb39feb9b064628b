import Rasterizer
import RecordingModel
@testable import SceneBuilding
import Testing

/// Tick generation, time labels, per-column decimation and clipping of the plot views.
@Suite struct PlotMathTests {
    @Test func niceStepsAreOneTwoFive() {
        #expect(AxisTicks.niceStep(span: 2, lengthPixels: 200, minSpacing: 36) == 0.5)
        #expect(AxisTicks.niceStep(span: 50, lengthPixels: 400, minSpacing: 90) == 20)
        #expect(AxisTicks.niceStep(span: 1e-3, lengthPixels: 100, minSpacing: 30) == 5e-4)
        #expect(AxisTicks.niceStep(span: 0, lengthPixels: 100, minSpacing: 30) == nil)
        #expect(AxisTicks.niceStep(span: .nan, lengthPixels: 100, minSpacing: 30) == nil)
    }

    @Test func valueTicksAreMultiplesInsideTheRange() {
        let t = AxisTicks.values(in: -1.1...1.1, lengthPixels: 250, minSpacing: 36)
        #expect(t.step == 0.5)
        #expect(t.ticks == [-1, -0.5, 0, 0.5, 1])
        #expect(t.ticks.allSatisfy { $0.sign == .plus || $0 != 0 })  // no negative zero
        #expect(AxisTicks.values(in: 3...3, lengthPixels: 100, minSpacing: 10).ticks.isEmpty)
    }

    @Test func integerTicksForSequencesAndClocks() {
        #expect(AxisTicks.integers(in: 0...49, lengthPixels: 440, minSpacing: 90, nanosecondClock: false).ticks == [0, 20, 40])
        // Never a fractional sequence step.
        #expect(AxisTicks.integers(in: 0...3, lengthPixels: 1000, minSpacing: 10, nanosecondClock: false).ticks == [0, 1, 2, 3])
        // 10 minutes of nanoseconds over 600 px at ≥ 90 px: 90 s raw → 2-minute steps.
        let minute: Int64 = 60_000_000_000
        let t = AxisTicks.integers(in: (minute / 2)...(10 * minute + minute / 2), lengthPixels: 600, minSpacing: 90, nanosecondClock: true)
        #expect(t.step == 2 * minute)
        #expect(t.ticks == [2, 4, 6, 8, 10].map { $0 * minute })
        #expect(AxisTicks.floorDiv(-7, 2) == -4 && AxisTicks.ceilDiv(-7, 2) == -3 && AxisTicks.ceilDiv(7, 2) == 4)
    }

    @Test func labelsUseTheStepsDecimals() {
        #expect(AxisTicks.label(0.5, step: 0.5) == "0.5")
        #expect(AxisTicks.label(1, step: 0.25) == "1")
        #expect(AxisTicks.label(0.75, step: 0.25) == "0.75")
        #expect(AxisTicks.label(100, step: 50) == "100")
        #expect(AxisTicks.label(-20, step: 10) == "-20")
        #expect(AxisTicks.label(-0.0, step: 1) == "0")
        #expect(AxisTicks.label(2e8, step: 1e8) == "2e+08")
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
        #expect(SeriesColors.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(RGBA8(rerun: 0xFF80_00FF) == RGBA8(255, 128, 0, 255))
    }
}
