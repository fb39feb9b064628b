import Rasterizer

/// The legend box of a plot: one row per entry, a filled circle in the entry's colour then its name, in a
/// rounded box inside one corner of the plot area (Rerun's legend widget).
public struct PlotLegend: Sendable, Equatable {
    /// Rerun's `Corner2D` codes.
    public enum Corner: UInt8, Sendable { case leftTop = 1, rightTop, leftBottom, rightBottom }

    public var visible: Bool
    public var corner: Corner

    public init(visible: Bool = true, corner: Corner) { self.visible = visible; self.corner = corner }

    struct Entry { var name: String; var color: RGBA8 }

    /// Geometry of the 0.41 viewer's legend (points): box 4 from the plot frame line, dot centre 12.5 and text 21
    /// from the box's left edge, 11 after the text, one entry 25 high and 23 more per further entry, entries 23
    /// apart; the box is the view background inside a frame-coloured line.
    func draw(_ entries: [Entry], in frame: PlotFrame, canvas: inout PlotCanvas, ppp: Float) {
        guard visible, !entries.isEmpty else { return }
        let size = PlotStyle.labelSize * ppp
        let lineHeight = max(canvas.measure("Ag", size: size).y, size)
        let textWidth = entries.map { canvas.measure($0.name, size: size).x }.max() ?? 0
        let boxWidth = (21 * ppp + textWidth + 11 * ppp).rounded(.up)
        let boxHeight = ((25 + 23 * Float(entries.count - 1)) * ppp).rounded()
        let pitch = 23 * ppp, inset = 4 * ppp, line = max(1, ppp.rounded())
        let left = corner == .leftTop || corner == .leftBottom
        let top = corner == .leftTop || corner == .rightTop
        let x0 = (left ? frame.minX + inset : frame.maxX + line - inset - boxWidth).rounded()
        let y0 = (top ? frame.minY + inset : frame.maxY - inset - boxHeight).rounded()
        canvas.fill(x0, y0, x0 + boxWidth, y0 + boxHeight, color: PlotStyle.frame, corner: 6 * ppp)
        canvas.fill(x0 + line, y0 + line, x0 + boxWidth - line, y0 + boxHeight - line, color: canvas.list.background,
                    corner: 6 * ppp - line)
        var circles: [SIMD3<Float>] = []
        var colors: [RGBA8] = []
        let firstCentre = y0 + (boxHeight - pitch * Float(entries.count - 1)) / 2
        for (i, e) in entries.enumerated() {
            let cy = firstCentre + Float(i) * pitch
            circles.append([x0 + 12.5 * ppp, cy, 0])
            colors.append(e.color)
            canvas.text(e.name, x: x0 + 21 * ppp, y: cy - lineHeight / 2, size: size, color: PlotStyle.legendText)
        }
        canvas.list.add(PointBatch(positions: circles, radii: [4.5 * ppp], colors: colors, shape: .disc, shading: .flat,
                                   layer: .overlay, space: .pixels))
    }
}
