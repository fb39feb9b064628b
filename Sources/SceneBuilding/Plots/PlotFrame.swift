import Foundation
import Rasterizer
import RecordingModel

/// What the x axis of a plot measures: time on a timeline (data x = time − `origin`, so large nanosecond times
/// keep their precision as Doubles), or plain values (bar charts).
enum XAxisKind {
    case time(origin: Int64, kind: TimelineKind?)
    case value
}

/// The plot area of a view and its data → pixel mapping; `layout` also draws the grid and the tick labels
/// (y labels left of the area, x labels below it), as egui_plot places them.
///
/// Invariants: `x` and `y` have a positive, finite span; the area is at least one pixel in each direction.
struct PlotFrame {
    let minX: Float, minY: Float, maxX: Float, maxY: Float
    let x: ClosedRange<Double>
    let y: ClosedRange<Double>

    @inline(__always) func px(_ v: Double) -> Float {
        minX + Float((v - x.lowerBound) / (x.upperBound - x.lowerBound)) * (maxX - minX)
    }

    @inline(__always) func py(_ v: Double) -> Float {
        maxY - Float((v - y.lowerBound) / (y.upperBound - y.lowerBound)) * (maxY - minY)
    }

    /// Data x of a pixel x.
    func dataX(_ p: Float) -> Double {
        x.lowerBound + Double((p - minX) / (maxX - minX)) * (x.upperBound - x.lowerBound)
    }

    /// A range with a positive finite span: non-finite bounds become −1/+1, and a single value v becomes
    /// v ± max(1, 1 % of |v|) (rendering-conventions §11).
    static func sanitized(_ lo: Double, _ hi: Double) -> ClosedRange<Double> {
        var lo = lo.isFinite ? lo : -1, hi = hi.isFinite ? hi : 1
        if lo > hi { (lo, hi) = (hi, lo) }
        if hi - lo <= 0 || !(hi - lo).isFinite {
            let c = (lo + hi) / 2
            let d = max(1, abs(c) * 0.01)
            return (c - d)...(c + d)
        }
        return lo...hi
    }

    /// Lays out the plot inside a `width × height` view: measures the y labels to size the left margin, then
    /// draws minor and labelled grid lines and every tick label.
    static func layout(_ canvas: inout PlotCanvas, width: Int, height: Int, ppp: Float,
                       x: ClosedRange<Double>, y: ClosedRange<Double>, xAxis: XAxisKind) -> PlotFrame {
        let size = PlotStyle.labelSize * ppp
        let lineHeight = max(canvas.measure("0", size: size).y, size)
        let outer = PlotStyle.outerMargin * ppp, gap = PlotStyle.labelGap * ppp
        let top = outer + lineHeight / 2
        let bottom = Float(height) - outer - lineHeight - gap
        let plotHeight = max(1, bottom - top)
        let yTicks = AxisTicks.values(in: y, lengthPixels: Double(plotHeight), minSpacing: Double(PlotStyle.minYTickSpacing * ppp))
        let yLabels = yTicks.ticks.map { AxisTicks.label($0, step: yTicks.step) }
        let labelWidth = yLabels.map { canvas.measure($0, size: size).x }.max() ?? 0
        let left = outer + labelWidth + gap
        let right = Float(width) - outer - 2 * ppp
        let frame = PlotFrame(minX: left, minY: top, maxX: max(left + 1, right), maxY: top + plotHeight, x: x, y: y)

        // Grid: finer unlabelled lines first, labelled lines over them.
        let xTicks = frame.xTicks(xAxis, ppp: ppp)
        let thickness = max(1, ppp.rounded())
        func hLine(_ y: Float) -> (Float, Float, Float, Float) {
            let top = y.rounded(.down)
            return (frame.minX.rounded(), top, frame.maxX.rounded(), top + thickness)
        }
        func vLine(_ x: Float) -> (Float, Float, Float, Float) {
            let left = x.rounded(.down)
            return (left, frame.minY.rounded(), left + thickness, frame.maxY.rounded())
        }
        canvas.opaqueRects(frame.minorTicks(step: yTicks.step, range: y, lengthPixels: Double(plotHeight), ppp: ppp)
                            .map { hLine(frame.py($0)) }
                           + frame.minorXTicks(xAxis, step: xTicks.step, ppp: ppp).map { vLine(frame.px($0)) },
                           color: PlotStyle.minorGrid)
        canvas.opaqueRects(yTicks.ticks.map { hLine(frame.py($0)) } + xTicks.ticks.map { vLine(frame.px($0.value)) },
                           color: PlotStyle.grid)

        for (v, label) in zip(yTicks.ticks, yLabels) {
            canvas.text(label, x: left - gap, y: frame.py(v) - lineHeight / 2, size: size, color: PlotStyle.axisText, align: .right)
        }
        for t in xTicks.ticks {
            // Centred under the tick, but kept inside the view.
            let w = canvas.measure(t.label, size: size).x
            let x = min(max(frame.px(t.value) - w / 2, outer), Float(width) - outer - w)
            canvas.text(t.label, x: x, y: frame.maxY + gap, size: size, color: PlotStyle.axisText)
        }
        return frame
    }

    /// Labelled x ticks: integer times (sequence numbers or nanoseconds) for a time axis, 1-2-5 values otherwise.
    private func xTicks(_ axis: XAxisKind, ppp: Float) -> (step: Double, ticks: [(value: Double, label: String)]) {
        let length = Double(maxX - minX), spacing = Double(PlotStyle.minXTickSpacing * ppp)
        switch axis {
        case .time(let origin, let kind):
            let lo = Self.clampedTime(origin, x.lowerBound.rounded(.up)), hi = Self.clampedTime(origin, x.upperBound.rounded(.down))
            guard lo <= hi else { return (0, []) }
            let t = AxisTicks.integers(in: lo...hi, lengthPixels: length, minSpacing: spacing, nanosecondClock: kind != .sequence && kind != nil)
            return (Double(t.step), t.ticks.map { (Double($0 &- origin), TimeLabels.text($0, kind: kind, step: t.step)) })
        case .value:
            let t = AxisTicks.values(in: x, lengthPixels: length, minSpacing: spacing)
            return (t.step, t.ticks.map { ($0, AxisTicks.label($0, step: t.step)) })
        }
    }

    private static func clampedTime(_ origin: Int64, _ offset: Double) -> Int64 {
        let v = Double(origin) + offset
        if v >= 9.2e18 { return .max }
        if v <= -9.2e18 { return .min }
        return abs(offset) < 9e18 ? origin &+ Int64(offset) : Int64(v)
    }

    /// Unlabelled grid values between labelled ones: the step divided by 5 (by 2 for a step of 2·10^k), drawn only
    /// when they are at least 20 pixels apart.
    private func minorTicks(step: Double, range: ClosedRange<Double>, lengthPixels: Double, ppp: Float) -> [Double] {
        guard step > 0 else { return [] }
        let mantissa = step / pow(10, log10(step).rounded(.down))
        let minor = step / (abs(mantissa - 2) < 1e-6 ? 2 : 5)
        guard minor / (range.upperBound - range.lowerBound) * lengthPixels >= Double(20 * ppp) else { return [] }
        let first = (range.lowerBound / minor).rounded(.up), last = (range.upperBound / minor).rounded(.down)
        guard last >= first, last - first < 5000 else { return [] }
        return stride(from: first, through: last, by: 1).map { $0 * minor }
    }

    private func minorXTicks(_ axis: XAxisKind, step: Double, ppp: Float) -> [Double] {
        switch axis {
        case .value: return minorTicks(step: step, range: x, lengthPixels: Double(maxX - minX), ppp: ppp)
        case .time(let origin, _):
            // Integer sub-steps only, aligned to absolute time.
            guard step >= 2 else { return [] }
            let s = Int64(step)
            let minor = s % 5 == 0 ? s / 5 : s % 2 == 0 ? s / 2 : 0
            guard minor >= 1, Double(minor) / (x.upperBound - x.lowerBound) * Double(maxX - minX) >= Double(20 * ppp) else { return [] }
            let lo = Self.clampedTime(origin, x.lowerBound.rounded(.up)), hi = Self.clampedTime(origin, x.upperBound.rounded(.down))
            guard lo <= hi else { return [] }
            let first = AxisTicks.ceilDiv(lo, minor), last = AxisTicks.floorDiv(hi, minor)
            guard last >= first, last - first < 5000 else { return [] }
            return (first...last).map { Double($0 * minor &- origin) }
        }
    }
}
