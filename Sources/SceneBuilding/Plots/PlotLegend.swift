import Rasterizer

/// The legend box of a plot: one row per entry, a filled circle in the entry's colour then its name, in a
/// rounded dark box inside one corner of the plot area (egui_plot's legend).
public struct PlotLegend: Sendable, Equatable {
    /// Rerun's `Corner2D` codes.
    public enum Corner: UInt8, Sendable { case leftTop = 1, rightTop, leftBottom, rightBottom }

    public var visible: Bool
    public var corner: Corner

    public init(visible: Bool = true, corner: Corner) { self.visible = visible; self.corner = corner }

    struct Entry { var name: String; var color: RGBA8 }

    func draw(_ entries: [Entry], in frame: PlotFrame, canvas: inout PlotCanvas, ppp: Float) {
        guard visible, !entries.isEmpty else { return }
        let size = PlotStyle.labelSize * ppp
        let lineHeight = max(canvas.measure("Ag", size: size).y, size)
        let pad = 5 * ppp, inset = 8 * ppp, spacing = 2 * ppp
        let dot = (lineHeight * 0.3).rounded()
        let iconWidth = 2 * dot + 4 * ppp
        let textWidth = entries.map { canvas.measure($0.name, size: size).x }.max() ?? 0
        let boxWidth = (2 * pad + iconWidth + textWidth).rounded(.up)
        let boxHeight = (2 * pad + Float(entries.count) * lineHeight + Float(entries.count - 1) * spacing).rounded(.up)
        let left = corner == .leftTop || corner == .leftBottom
        let top = corner == .leftTop || corner == .rightTop
        let x0 = (left ? frame.minX + inset : frame.maxX - inset - boxWidth).rounded()
        let y0 = (top ? frame.minY + inset : frame.maxY - inset - boxHeight).rounded()
        canvas.fill(x0 - 1, y0 - 1, x0 + boxWidth + 1, y0 + boxHeight + 1, color: PlotStyle.legendBorder, corner: 4 * ppp + 1)
        canvas.fill(x0, y0, x0 + boxWidth, y0 + boxHeight, color: PlotStyle.legendBackground, corner: 4 * ppp)
        var circles: [SIMD3<Float>] = []
        var colors: [RGBA8] = []
        for (i, e) in entries.enumerated() {
            let y = y0 + pad + Float(i) * (lineHeight + spacing)
            circles.append([x0 + pad + dot, y + lineHeight / 2, 0])
            colors.append(e.color)
            canvas.text(e.name, x: x0 + pad + iconWidth, y: y, size: size, color: PlotStyle.legendText)
        }
        canvas.list.add(PointBatch(positions: circles, radii: [dot], colors: colors, shape: .disc, shading: .flat,
                                   layer: .overlay, space: .pixels))
    }
}
