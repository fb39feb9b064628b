import Rasterizer
import RecordingModel

/// Settings of a time-series view that a blueprint (or the caller) may change.
public struct TimeSeriesOptions: Sendable, Equatable {
    /// Draw only the data at or before the time cursor (the x range stays the same, so a video shows the line
    /// growing). The viewer's default (false) draws all of it.
    public var dataUpToCursor: Bool
    /// The x range on the view's timeline (blueprint `TimeAxis:view_range`); nil: §11's default. An open end is
    /// the data's own bound.
    public var timeAxis: TimeRangeBoundaries?
    /// The y range (blueprint `ScalarAxis:range`); nil: the visible data's min/max + 5 %.
    public var yRange: ClosedRange<Double>?
    public var legend: PlotLegend

    public init(dataUpToCursor: Bool = false, timeAxis: TimeRangeBoundaries? = nil, yRange: ClosedRange<Double>? = nil,
                legend: PlotLegend = PlotLegend(corner: .leftBottom)) {
        self.dataUpToCursor = dataUpToCursor; self.timeAxis = timeAxis; self.yRange = yRange; self.legend = legend
    }
}

/// Draws a time-series view (rendering-conventions §11): every `Scalars` entity the view contains, one line (and/or
/// markers) per series, styled by `SeriesLines` / `SeriesPoints`, over a grid with tick labels, with the time
/// cursor as a vertical line and a legend.
///
/// Ranges, as the 0.41 viewer's: x is the whole time range of the data, or cursor ± 1000 ticks (± 30 s on time
/// timelines) when the data spans more than 2000 ticks (60 s), or the recording's range of the timeline when the
/// view has no data on it; a lone time becomes ± max(1, 1 %) around it, measured from the viewer's origin
/// (`timeOrigin`). y is the min/max of the visible data (a lone value ± max(1, 1 %), no data −1…1) + 5 % each
/// side. Scalars logged as static are left out with a warning (the viewer cannot plot them either). Cost per frame is
/// linear in the visible points (one pass for the y range, one for the per-pixel-column decimation); the data
/// itself is read from the store once and kept in `cache`, so frames of a video only pay the per-frame passes.
public struct TimeSeriesViewBuilder: ViewBuilder {
    public var options: TimeSeriesOptions
    let cache = ScalarHistoryCache()

    public init(options: TimeSeriesOptions = TimeSeriesOptions()) { self.options = options }

    /// §11's default window: data longer than this is shown as cursor ± `defaultHalfWindow`.
    static func defaultWindow(kind: TimelineKind?) -> (threshold: Int64, half: Int64) {
        kind == .sequence || kind == nil ? (2000, 1000) : (60_000_000_000, 30_000_000_000)
    }

    /// The viewer's x origin: the earliest plotted time on a sequence timeline, else that time rounded to the
    /// nearest midnight (UTC) so that clock grids fall on whole days, hours and seconds; 0 without data.
    static func timeOrigin(dataMin: Int64?, kind: TimelineKind?) -> Int64 {
        guard let t = dataMin else { return 0 }
        if kind == .sequence || kind == nil { return t }
        let day: Int64 = 86_400_000_000_000
        let shifted = t.addingReportingOverflow(day / 2)
        return shifted.overflow ? t : shifted.partialValue / day * day
    }

    /// The time cursor as the viewer draws it: a 10 × 10 point knob (a downward triangle) at the top of the plot,
    /// then a 1 px line at 80 % opacity down to the bottom.
    static func drawCursor(at x: Float, frame: PlotFrame, ppp: Float, canvas: inout PlotCanvas) {
        let column = x.rounded(.down), centre = column + 0.5
        let knob = PlotStyle.cursorKnob * ppp
        let c = PlotStyle.cursor
        let line = SeriesColors.faded(c, alpha: PlotStyle.cursorLineAlpha, over: canvas.list.background)
        canvas.opaqueRects([(column, frame.minY + knob, column + max(1, ppp.rounded()), frame.maxY)], color: line)
        canvas.list.add(MeshBatch(positions: [[centre - knob / 2, frame.minY, 0], [centre + knob / 2, frame.minY, 0],
                                              [centre, frame.minY + knob, 0]],
                                  albedo: c, lighting: .unlit, layer: .overlay, space: .pixels))
    }

    /// One plotted series: where its values are and how to draw it.
    struct Series {
        var history: Int
        var index: Int
        var name: String
        var color: RGBA8
        var lineWidthPixels: Float?
        var marker: UInt8?
        var markerRadiusPixels: Float
        var drawsPoints: Bool
        var interpolation: UInt8?
        var policy: SeriesDecimation.Policy
    }

    public func build(_ view: ViewSpec, width: Int, height: Int, context: ViewContext) -> ViewDrawing {
        var canvas = PlotCanvas()
        var warnings: [RenderWarning] = []
        let ppp = context.pixelsPerPoint
        let store = context.store
        let entities = store.entityPaths.filter {
            view.contents.contains($0.parts) && store.rowCount(entity: $0, component: ScalarHistory.component) > 0
        }
        let cursor: Int64? = context.query.timeline == nil ? nil : context.query.time
        var histories: [ScalarHistory] = []
        var series: [Series] = []
        for entity in entities where store.hasStaticData(entity: entity, component: ScalarHistory.component) {
            // As the viewer: static scalars have no time, so they are not plotted (and it reports it).
            warnings.append(RenderWarning(entity: entity, "scalars logged as static have no time to plot them at; left out"))
        }
        if let timeline = context.query.timeline {
            for entity in entities {
                let h = cache.history(store: store, entity: entity, timeline: timeline)
                guard !h.isEmpty else { continue }
                series += style(entity: entity, history: histories.count, count: h.seriesCount, context: context)
                histories.append(h)
            }
        } else if !entities.isEmpty {
            warnings.append(RenderWarning(entity: nil, "time series \(view.originText): no timeline selected; nothing plotted"))
        }

        // X range (absolute times), and the last time whose data is drawn.
        let dataMin = histories.compactMap(\.times.first).min(), dataMax = histories.compactMap(\.times.last).max()
        let recording = context.query.timeline.flatMap { store.timelines[$0]?.range }
        var xLo: Int64, xHi: Int64
        let window = Self.defaultWindow(kind: context.timelineKind)
        if let axis = options.timeAxis {
            let t = cursor ?? 0
            xLo = axis.start.resolved(cursor: t) ?? dataMin ?? recording?.lowerBound ?? t
            xHi = axis.end.resolved(cursor: t) ?? dataMax ?? recording?.upperBound ?? t
            if xLo > xHi { (xLo, xHi) = (xHi, xLo) }
        } else if let dataMin, let dataMax {
            (xLo, xHi) = (dataMin, dataMax)
            if let t = cursor, dataMax &- dataMin > window.threshold {
                xLo = max(dataMin, t &- window.half); xHi = min(dataMax, t &+ window.half)
                if xLo >= xHi { (xLo, xHi) = (t &- window.half, t &+ window.half) }
            }
        } else if let recording {
            // No data on this timeline: the viewer shows the recording's whole range of it.
            (xLo, xHi) = (recording.lowerBound, recording.upperBound)
        } else {
            let t = cursor ?? 0
            (xLo, xHi) = (t, t)
        }
        let drawnHi = options.dataUpToCursor ? min(xHi, cursor ?? xHi) : xHi

        // Visible index range per history, and the y range over it.
        let ranges = histories.map { h -> Range<Int> in
            let lo = h.lowerBound(xLo), hi = h.upperBound(drawnHi)
            return lo..<max(lo, hi)
        }
        var yLo = Double.infinity, yHi = -Double.infinity
        for s in series {
            let values = histories[s.history].values[s.index]
            for i in ranges[s.history] where values[i].isFinite {
                yLo = min(yLo, values[i]); yHi = max(yHi, values[i])
            }
        }
        let yRange: ClosedRange<Double>
        if let r = options.yRange {
            yRange = PlotFrame.sanitized(r.lowerBound, r.upperBound)
        } else {
            // As the viewer: a sane range first (no data: −1…1; one value: ± max(1, 1 %)), then 5 % each side.
            let sane = yLo <= yHi ? PlotFrame.sanitized(yLo, yHi) : PlotFrame.sanitized(.nan, .nan)
            let margin = (sane.upperBound - sane.lowerBound) * PlotStyle.yMargin
            yRange = (sane.lowerBound - margin)...(sane.upperBound + margin)
        }

        let origin = Self.timeOrigin(dataMin: dataMin, kind: context.timelineKind)
        let xRange = PlotFrame.sanitized(Double(xLo) - Double(origin), Double(xHi) - Double(origin))
        let frame = PlotFrame.layout(&canvas, width: width, height: height, ppp: ppp, x: xRange, y: yRange,
                                     xAxis: .time(origin: origin, kind: context.timelineKind))

        if let t = cursor {
            let x = Double(t) - Double(origin)
            if xRange.contains(x) { Self.drawCursor(at: frame.px(x), frame: frame, ppp: ppp, canvas: &canvas) }
        }
        for s in series {
            let h = histories[s.history]
            var range = ranges[s.history]
            // One point beyond each side keeps the line running to the plot's edges.
            if range.lowerBound > 0 { range = (range.lowerBound - 1)..<range.upperBound }
            if range.upperBound < h.times.count && (!options.dataUpToCursor || h.times[range.upperBound] <= drawnHi) {
                range = range.lowerBound..<(range.upperBound + 1)
            }
            if let width = s.lineWidthPixels {
                drawLine(s, h, range: range, origin: origin, frame: frame, width: width, canvas: &canvas)
            }
            if s.drawsPoints {
                drawMarkers(s, h, range: ranges[s.history], origin: origin, frame: frame, ppp: ppp, canvas: &canvas)
            }
        }

        options.legend.draw(series.map { PlotLegend.Entry(name: $0.name, color: $0.color) }, in: frame,
                            canvas: &canvas, ppp: ppp)
        if canvas.missingFont { warnings.append(RenderWarning(entity: nil, "bundled font missing: plot labels not drawn")) }
        return ViewDrawing(drawList: canvas.list, camera: .pixels(width: width, height: height), warnings: warnings)
    }

    /// The series of one entity, styled by its SeriesLines / SeriesPoints at the query time.
    private func style(entity: EntityPath, history: Int, count: Int, context: ViewContext) -> [Series] {
        let lines = context.view(SeriesLinesView.self, entity)
        let points = context.view(SeriesPointsView.self, entity)
        let drawsLines = lines != nil || points == nil
        let names = !(lines?.names.isEmpty ?? true) ? lines!.names : points?.names ?? []
        let base = entity.last ?? "/"
        let ppp = context.pixelsPerPoint
        return (0..<count).compactMap { i in
            if lines?.visibleSeries[i] == false || (lines == nil && points?.visibleSeries[i] == false) { return nil }
            let packed = lines?.colors[i] ?? points?.colors[i]
            let color = packed.map(RGBA8.init(rerun:)) ?? SeriesColors.auto(entity: entity, series: i)
            var width = (lines?.widths[i] ?? PlotStyle.defaultLineWidth) * ppp
            if !(width.isFinite && width > 0) { width = PlotStyle.defaultLineWidth * ppp }
            if width < PlotStyle.minLineWidthPixels {
                // The 0.41 viewer draws thin lines at their width in full colour (0.36 widened and faded them).
                width = PlotStyle.minLineWidthPixels
            }
            let size = points?.markerSizes[i] ?? PlotStyle.defaultMarkerSize
            return Series(history: history, index: i,
                          name: i < names.count ? names[i] : (count > 1 ? "\(base)[\(i)]" : base),
                          color: RGBA8(color.r, color.g, color.b), lineWidthPixels: drawsLines ? width : nil,
                          marker: points?.markers[i],
                          markerRadiusPixels: (size.isFinite && size > 0 ? size : PlotStyle.defaultMarkerSize) * ppp,
                          drawsPoints: points != nil, interpolation: lines?.interpolationMode,
                          policy: SeriesDecimation.policy(code: lines?.aggregationPolicy))
        }
    }

    private func drawLine(_ s: Series, _ h: ScalarHistory, range: Range<Int>, origin: Int64, frame: PlotFrame,
                          width: Float, canvas: inout PlotCanvas) {
        let strips = SeriesDecimation.strips(times: h.times, values: h.values[s.index], breakBefore: h.breakBefore,
                                             range: range, origin: origin, frame: frame, policy: s.policy)
        var positions: [SIMD3<Float>] = []
        var starts: [Int] = []
        for strip in strips {
            let stepped = SeriesDecimation.interpolated(strip, mode: s.interpolation)
            for part in PolylineClip.clip(stepped, minX: frame.minX, minY: frame.minY, maxX: frame.maxX, maxY: frame.maxY) {
                starts.append(positions.count)
                positions += part.map { [$0.x, $0.y, 0] }
                if part.count == 1 { positions.append([part[0].x, part[0].y, 0]) }  // a lone point: a dot
            }
        }
        guard !positions.isEmpty else { return }
        canvas.list.add(LineBatch(positions: positions, stripStarts: starts, radii: [width / 2], colors: [s.color],
                                  layer: .overlay, blendSpace: .gamma, space: .pixels))
    }

    /// Markers of the visible points; with more than four points per pixel column, one marker per pixel position.
    private func drawMarkers(_ s: Series, _ h: ScalarHistory, range: Range<Int>, origin: Int64, frame: PlotFrame,
                             ppp: Float, canvas: inout PlotCanvas) {
        let values = h.values[s.index]
        let plotWidth = Int(frame.maxX - frame.minX) + 1, plotHeight = Int(frame.maxY - frame.minY) + 1
        let dedupe = range.count > 4 * plotWidth
        var seen = dedupe ? [Bool](repeating: false, count: plotWidth * plotHeight) : []
        var centres: [SIMD2<Float>] = []
        for i in range where values[i].isFinite {
            let p = SIMD2<Float>(frame.px(Double(h.times[i] &- origin)), frame.py(values[i]))
            guard p.x >= frame.minX, p.x <= frame.maxX, p.y >= frame.minY, p.y <= frame.maxY else { continue }
            if dedupe {
                let k = Int(p.y - frame.minY) * plotWidth + Int(p.x - frame.minX)
                if seen[k] { continue }
                seen[k] = true
            }
            centres.append(p)
        }
        SeriesMarkers.add(centres, shape: s.marker, radius: s.markerRadiusPixels, color: s.color,
                          strokeWidth: 1.5 * ppp, to: &canvas.list)
    }
}
