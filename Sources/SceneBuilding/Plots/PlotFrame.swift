import Foundation
import Rasterizer
import RecordingModel

/// What the x axis of a plot measures: time on a timeline (data x = time − `origin`, so large nanosecond times
/// keep their precision as Doubles; the origin is the viewer's, see `TimeSeriesViewBuilder.timeOrigin`), or plain
/// values (bar charts).
enum XAxisKind {
    case time(origin: Int64, kind: TimelineKind?)
    case value
}

/// The plot area of a view and its data → pixel mapping; `layout` also draws the grid, the frame line and the tick
/// labels, as egui_plot lays them out in Rerun's views:
///
/// - the y axis is as wide as its widest label plus 4 points each side (at least 14); the x axis is one label line
///   high (at least 14 points) under the plot; the plot area takes the rest, up to the view's last pixel column;
/// - every axis has three grids (`AxisTicks`); a grid's lines are drawn when they are more than 8 points apart,
///   in #212121 faded towards the background by ((spacing − 8) / 292)^0.3, strongest last; its labels are drawn
///   when they are more than 20 (y) or 60 (x) points apart and fit, in the text colour faded by the square root of
///   the spacing's ramp over the next 10 (y) or 20 (x) points.
///
/// Invariants: `x` and `y` have a positive, finite span; the area is at least one pixel in each direction.
struct PlotFrame {
    let minX: Float, minY: Float, maxX: Float, maxY: Float
    let x: ClosedRange<Double>
    let y: ClosedRange<Double>
    /// The grid lines `layout` drew, in drawing order (pixel rectangles and their colours), so that additive fills
    /// (bar charts) can let them show through.
    var gridLines: [GridLine] = []

    struct GridLine: Equatable {
        var minX: Float, minY: Float, maxX: Float, maxY: Float
        var color: RGBA8
    }

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

    /// One labelled or unlabelled grid line, with its strength (0…1) and label.
    private struct Tick {
        var position: Float
        var strength: Float
        var label: String?
        var labelStrength: Float
    }

    /// Lays out the plot inside a `width × height` view and draws its grid, frame line and tick labels.
    /// `gridClamp` (bar charts: the bars' bounds) keeps grid lines to that data range, as egui_plot's `clamp_grid`.
    static func layout(_ canvas: inout PlotCanvas, width: Int, height: Int, ppp: Float,
                       x: ClosedRange<Double>, y: ClosedRange<Double>, xAxis: XAxisKind,
                       gridClamp: (x: ClosedRange<Double>, y: ClosedRange<Double>)? = nil) -> PlotFrame {
        let size = PlotStyle.labelSize * ppp
        let lineHeight = max(canvas.measure("0", size: size).y, size).rounded(.up)
        let xAxisHeight = max(PlotStyle.minAxisThickness * ppp, lineHeight)
        let maxY = max(1, Float(height) - xAxisHeight)
        let plotHeight = maxY

        // Y marks first: their labels decide the y axis width, and so the plot width.
        let yMarks = AxisTicks.logMarks(in: y, baseStep: (y.upperBound - y.lowerBound) / Double(plotHeight)
                                        * Double(AxisTicks.minGridSpacing * ppp))
        let yTicks = ticks(yMarks, span: y.upperBound - y.lowerBound, length: plotHeight, ppp: ppp,
                           labelSpacing: PlotStyle.yLabelSpacing) { mark, _ in
            let text = xAxis.isTime ? AxisTicks.valueLabel(mark) : AxisTicks.plainLabel(mark)
            return canvas.measure(text, size: size).y <= Float(abs(mark.step / (y.upperBound - y.lowerBound))) * plotHeight
                ? text : nil
        }
        let labelWidth = yTicks.compactMap { $0.label.map { canvas.measure($0, size: size).x } }.max() ?? 0
        let side = PlotStyle.yLabelSideMargin * ppp
        let minX = max(PlotStyle.minAxisThickness * ppp, (labelWidth + 2 * side).rounded())
        let maxX = max(minX + 1, Float(width) - 1)
        var frame = PlotFrame(minX: minX, minY: 0, maxX: maxX, maxY: maxY, x: x, y: y)

        let xSpan = x.upperBound - x.lowerBound, length = maxX - minX
        let xMarks: [GridMark]
        let xLabel: (GridMark) -> String
        switch xAxis {
        case .time(let origin, let kind):
            if kind == .duration || kind == .timestamp {
                xMarks = AxisTicks.clockMarks(in: x, canvasWidth: Double(Float(width) / ppp))
            } else {
                xMarks = AxisTicks.logMarks(in: x, baseStep: xSpan / Double(length) * Double(AxisTicks.minGridSpacing * ppp))
            }
            xLabel = { TimeLabels.compact(Self.time(origin, $0.value), kind: kind) }
        case .value:
            xMarks = AxisTicks.logMarks(in: x, baseStep: xSpan / Double(length) * Double(AxisTicks.minGridSpacing * ppp))
            xLabel = AxisTicks.plainLabel
        }
        let xTicks = ticks(xMarks, span: xSpan, length: length, ppp: ppp, labelSpacing: PlotStyle.xLabelSpacing) { mark, spacing in
            let text = xLabel(mark)
            return canvas.measure(text, size: size).x <= spacing ? text : nil
        }

        frame.gridLines = frame.drawGrid(xTicks: xTicks, yTicks: yTicks, xMarks: xMarks, yMarks: yMarks, clamp: gridClamp, ppp: ppp,
                       canvas: &canvas)
        for (t, mark) in zip(yTicks, yMarks) {
            guard let label = t.label else { continue }
            let color = SeriesColors.eguiFaded(PlotStyle.axisText, factor: t.labelStrength.squareRoot(), over: canvas.list.background)
            canvas.text(label, x: minX - side, y: frame.py(mark.value) - lineHeight / 2, size: size, color: color, align: .right)
        }
        for (t, mark) in zip(xTicks, xMarks) {
            guard let label = t.label else { continue }
            let color = SeriesColors.eguiFaded(PlotStyle.axisText, factor: t.labelStrength.squareRoot(), over: canvas.list.background)
            canvas.text(label, x: frame.px(mark.value), y: maxY, size: size, color: color, align: .center)
        }
        return frame
    }

    /// Line and label strengths of `marks` on an axis `length` pixels long showing `span` data units.
    private static func ticks(_ marks: [GridMark], span: Double, length: Float, ppp: Float,
                              labelSpacing: (Float, Float), label: (GridMark, Float) -> String?) -> [Tick] {
        marks.map { mark in
            let spacingPixels = Float(abs(mark.step / span)) * length
            let spacing = spacingPixels / ppp
            var tick = Tick(position: 0, strength: 0, label: nil, labelStrength: 0)
            if spacing > AxisTicks.minGridSpacing {
                tick.strength = AxisTicks.strength(spacing: spacing, from: AxisTicks.minGridSpacing, to: AxisTicks.fullGridSpacing)
            }
            if spacing > labelSpacing.0 {
                tick.labelStrength = AxisTicks.strength(spacing: spacing, from: labelSpacing.0, to: labelSpacing.1)
                tick.label = label(mark, spacingPixels)
            }
            return tick
        }
    }

    /// Grid lines (weakest first, so stronger ones cover them where they cross) and the frame line.
    private func drawGrid(xTicks: [Tick], yTicks: [Tick], xMarks: [GridMark], yMarks: [GridMark],
                          clamp: (x: ClosedRange<Double>, y: ClosedRange<Double>)?, ppp: Float,
                          canvas: inout PlotCanvas) -> [GridLine] {
        let thickness = max(1, ppp.rounded())
        var lines: [(strength: Float, rect: (Float, Float, Float, Float))] = []
        let xExtent = clamp.map { (px($0.x.lowerBound), px($0.x.upperBound)) } ?? (minX, maxX)
        let yExtent = clamp.map { (py($0.y.upperBound), py($0.y.lowerBound)) } ?? (minY, maxY)
        for (t, m) in zip(yTicks, yMarks) where t.strength > 0 {
            if let c = clamp, !c.y.contains(m.value) { continue }
            let top = py(m.value).rounded(.down)
            guard top >= minY, top < maxY else { continue }
            lines.append((t.strength, (max(minX, xExtent.0.rounded(.down)), top, min(maxX, xExtent.1.rounded(.up)), top + thickness)))
        }
        for (t, m) in zip(xTicks, xMarks) where t.strength > 0 {
            if let c = clamp, !c.x.contains(m.value) { continue }
            let left = px(m.value).rounded(.down)
            guard left >= minX, left < maxX else { continue }
            lines.append((t.strength, (left, max(minY, yExtent.0.rounded(.down)), left + thickness, min(maxY, yExtent.1.rounded(.up)))))
        }
        lines.sort { $0.strength < $1.strength }
        let bg = canvas.list.background
        var drawn: [GridLine] = []
        var start = 0
        while start < lines.count {
            let color = SeriesColors.eguiFaded(PlotStyle.grid, factor: pow(lines[start].strength, PlotStyle.gridFade), over: bg)
            var end = start + 1
            while end < lines.count,
                  SeriesColors.eguiFaded(PlotStyle.grid, factor: pow(lines[end].strength, PlotStyle.gridFade), over: bg) == color {
                end += 1
            }
            canvas.opaqueRects(lines[start..<end].map { $0.rect }, color: color)
            drawn += lines[start..<end].map { GridLine(minX: $0.rect.0, minY: $0.rect.1, maxX: $0.rect.2, maxY: $0.rect.3, color: color) }
            start = end
        }
        // The frame line around the plot area, on its outermost pixels.
        canvas.opaqueRects([(minX, minY, maxX + thickness, minY + thickness), (minX, maxY - thickness, maxX + thickness, maxY),
                            (minX, minY, minX + thickness, maxY), (maxX, minY, maxX + thickness, maxY)], color: PlotStyle.frame)
        return drawn
    }

    /// Absolute time of a data x (`origin` + x), saturating.
    static func time(_ origin: Int64, _ offset: Double) -> Int64 {
        let v = Double(origin) + offset
        if v >= 9.2e18 { return .max }
        if v <= -9.2e18 { return .min }
        return abs(offset) < 9e18 ? origin &+ Int64(offset.rounded()) : Int64(v)
    }
}

extension XAxisKind {
    var isTime: Bool { if case .time = self { return true } else { return false } }
}
