import Rasterizer
import RecordingModel

/// Draws a bar-chart view (rendering-conventions §12): every `BarChart` entity the view contains. Bar i spans
/// [x_i, x_i + w_i] (x = `abscissa`, default 0…n−1; w = `widths`, default 1) from 0 to value_i; bounds fit the
/// bars plus 5 % each side; the legend (right-top) names each entity by its path.
///
/// Colour: `color`, else the entity's auto colour. The viewer fills with colour × 0.75 **added** to the dark
/// background (so the grid shows through), and outlines each bar, on the ring of pixels just inside it, with the
/// fill at half linear intensity (also added). Zero bars are not drawn. The bars here are opaque rectangles with
/// exactly those sums over the uniform background and each grid line, which is what additive blending gives.
public struct BarChartViewBuilder: ViewBuilder {
    public var legend: PlotLegend

    public init(legend: PlotLegend = PlotLegend(corner: .rightTop)) { self.legend = legend }

    struct Bars {
        var entity: EntityPath
        var x: [Double], width: [Double], value: [Double]
        var color: RGBA8
    }

    public func build(_ view: ViewSpec, width: Int, height: Int, context: ViewContext) -> ViewDrawing {
        var canvas = PlotCanvas()
        var warnings: [RenderWarning] = []
        let ppp = context.pixelsPerPoint
        var charts: [Bars] = []
        for entity in context.store.entityPaths where view.contents.contains(entity.parts) {
            guard let chart = context.view(BarChartView.self, entity) else { continue }
            do { charts.append(try Self.bars(chart, entity: entity)) } catch { warnings.append(error.warning) }
        }
        var xLo = Double.infinity, xHi = -Double.infinity, yLo = 0.0, yHi = 0.0
        for c in charts {
            for i in c.value.indices where c.value[i].isFinite && c.x[i].isFinite && c.width[i].isFinite {
                xLo = min(xLo, c.x[i], c.x[i] + c.width[i]); xHi = max(xHi, c.x[i], c.x[i] + c.width[i])
                yLo = min(yLo, c.value[i]); yHi = max(yHi, c.value[i])
            }
        }
        if xLo > xHi { (xLo, xHi) = (0, 1) }
        let mx = (xHi - xLo) * PlotStyle.yMargin, my = (yHi - yLo) * PlotStyle.yMargin
        let frame = PlotFrame.layout(&canvas, width: width, height: height, ppp: ppp,
                                     x: PlotFrame.sanitized(xLo - mx, xHi + mx), y: PlotFrame.sanitized(yLo - my, yHi + my),
                                     xAxis: .value, gridClamp: charts.isEmpty ? nil : (xLo...xHi, yLo...yHi))
        for c in charts {
            let fill = Self.scaled(c.color, 0.75)
            let outline = Self.halfLinear(fill)
            let bg = canvas.list.background
            for i in c.value.indices where c.value[i] != 0 && c.value[i].isFinite && c.x[i].isFinite && c.width[i].isFinite {
                // The bar's whole pixels; its outline is the ring of pixels just inside them.
                let x0 = max(frame.minX, min(frame.px(c.x[i]), frame.px(c.x[i] + c.width[i]))).rounded(.up)
                let x1 = min(frame.maxX, max(frame.px(c.x[i]), frame.px(c.x[i] + c.width[i]))).rounded(.up)
                let y0 = max(frame.minY, min(frame.py(0), frame.py(c.value[i]))).rounded(.up)
                let y1 = min(frame.maxY, max(frame.py(0), frame.py(c.value[i]))).rounded(.up)
                guard x1 - x0 >= 1, y1 - y0 >= 1 else { continue }
                let s = max(1, ppp.rounded())
                canvas.opaqueRects([(x0, y0, x1, min(y1, y0 + s)), (x0, max(y0, y1 - s), x1, y1),
                                    (x0, y0, min(x1, x0 + s), y1), (max(x0, x1 - s), y0, x1, y1)],
                                   color: Self.added(bg, outline))
                let inner = (x0 + s, y0 + s, x1 - s, y1 - s)
                guard inner.2 > inner.0, inner.3 > inner.1 else { continue }
                canvas.fill(inner.0, inner.1, inner.2, inner.3, color: Self.added(bg, fill))
                // Additive fill: the grid lines under the bar show through it.
                for line in frame.gridLines {
                    let r = (max(line.minX, inner.0), max(line.minY, inner.1), min(line.maxX, inner.2), min(line.maxY, inner.3))
                    if r.2 > r.0 && r.3 > r.1 { canvas.opaqueRects([r], color: Self.added(line.color, fill)) }
                }
            }
        }
        legend.draw(charts.map { PlotLegend.Entry(name: $0.entity.description, color: $0.color) }, in: frame,
                    canvas: &canvas, ppp: ppp)
        if canvas.missingFont { warnings.append(RenderWarning(entity: nil, "bundled font missing: plot labels not drawn")) }
        return ViewDrawing(drawList: canvas.list, camera: .pixels(width: width, height: height), warnings: warnings)
    }

    /// The bars of one BarChart: values of any datatype, abscissa (when it has enough values), widths (clamped).
    static func bars(_ chart: BarChartView, entity: EntityPath) throws(BarChartError) -> Bars {
        let nonUnit = chart.values.shape.filter { $0 != 1 }
        guard nonUnit.count <= 1 else {
            throw BarChartError(warning: RenderWarning(entity: entity, "bar chart values must be 1-D, got shape \(chart.values.shape)"))
        }
        let n = chart.values.buffer.count
        let values = (0..<n).map { chart.values.buffer.double(at: $0) }
        var x = (0..<n).map(Double.init)
        if let a = chart.abscissa {
            if a.buffer.count >= n { x = (0..<n).map { a.buffer.double(at: $0) } }
        }
        let widths = (0..<n).map { Double(chart.widths[$0] ?? 1) }
        let color = chart.color.map(RGBA8.init(rerun:)).map { RGBA8($0.r, $0.g, $0.b) } ?? SeriesColors.auto(entity: entity)
        return Bars(entity: entity, x: x, width: widths, value: values, color: color)
    }

    static func scaled(_ c: RGBA8, _ f: Float) -> RGBA8 {
        RGBA8(UInt8((Float(c.r) * f).rounded()), UInt8((Float(c.g) * f).rounded()), UInt8((Float(c.b) * f).rounded()))
    }

    static func added(_ a: RGBA8, _ b: RGBA8) -> RGBA8 {
        RGBA8(UInt8(min(255, Int(a.r) + Int(b.r))), UInt8(min(255, Int(a.g) + Int(b.g))), UInt8(min(255, Int(a.b) + Int(b.b))))
    }

    /// `c` at half intensity in linear light, re-encoded to sRGB.
    static func halfLinear(_ c: RGBA8) -> RGBA8 {
        func half(_ v: UInt8) -> UInt8 { ColorSpace.srgb8FromLinear(ColorSpace.linearFromSRGB(Float(v) / 255) * 0.5) }
        return RGBA8(half(c.r), half(c.g), half(c.b))
    }
}

/// A bar chart that cannot be drawn (its values are not 1-D).
struct BarChartError: Error { let warning: RenderWarning }
