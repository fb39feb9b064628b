/// Arranges views in one picture the way the viewer's default layout does (rendering-conventions §14.6):
/// one view fills the picture; with three, the view of highest layout priority takes one full side and the
/// other two share the other; otherwise a grid of `ceil(√n)` equal columns (rows on a portrait picture), filled
/// row by row, the last row's empty cells left blank as in egui_tiles' grid.
public enum DefaultLayout {
    /// Pixels between neighbouring views.
    public static let gap = 2

    public static func arrange(_ views: [ViewSpec], in frame: PixelRect) -> [(view: ViewSpec, rect: PixelRect)] {
        let ordered = views.enumerated().sorted { a, b in
            a.element.kind.layoutPriority != b.element.kind.layoutPriority
                ? a.element.kind.layoutPriority > b.element.kind.layoutPriority : a.offset < b.offset
        }.map(\.element)
        switch ordered.count {
        case 0: return []
        case 1: return [(ordered[0], frame)]
        case 3:
            let sides = frame.width >= frame.height ? frame.columns([1, 1], gap: gap) : frame.rows([1, 1], gap: gap)
            let shared = frame.width >= frame.height ? sides[1].rows([1, 1], gap: gap) : sides[1].columns([1, 1], gap: gap)
            return [(ordered[0], sides[0]), (ordered[1], shared[0]), (ordered[2], shared[1])]
        default:
            let n = ordered.count
            var cols = Int(Double(n).squareRoot().rounded(.up))
            if frame.height > frame.width { cols = max(1, (n + cols - 1) / cols) }
            let rowCount = (n + cols - 1) / cols
            let rowRects = frame.rows(Array(repeating: 1, count: rowCount), gap: gap)
            var out: [(ViewSpec, PixelRect)] = []
            for (r, rowRect) in rowRects.enumerated() {
                let inRow = ordered[(r * cols)..<min(n, (r + 1) * cols)]
                for (view, rect) in zip(inRow, rowRect.columns(Array(repeating: 1, count: cols), gap: gap)) {
                    out.append((view, rect))
                }
            }
            return out
        }
    }
}
