import Rasterizer

/// Draws parsed Markdown blocks top to bottom into a column of the view, the way egui_commonmark lays them out:
/// headings in Inter Medium (20/16/14/13/12/12 pt), paragraphs word-wrapped, bullets and numbers hanging left of
/// their items, code blocks on a dark panel in the monospace face, quotes behind a bar, tables with a header row
/// and rules, links in the link colour. Bold uses Inter Medium; italic is drawn upright (no italic face is
/// bundled). Drawing stops below `bottom` (the rest would be off the picture).
struct MarkdownRenderer {
    let flow: TextFlow
    let ppp: Float
    let bottom: Float
    /// Top of the next block.
    var y: Float

    static let headingSizes: [Float] = [24, 19, 16, 14, 13, 12]
    /// Space the 0.41 viewer leaves above a heading (also at the top of a document) and below it, in points.
    static let headingSpaceAbove: Float = 14
    static let headingSpaceBelow: Float = 6

    func bodyStyle(_ color: RGBA8 = PanelStyle.bodyText) -> TextStyle {
        TextStyle(face: .regular, size: PanelStyle.bodySize * ppp, color: color)
    }

    func runs(_ spans: [MarkdownSpan], base: TextStyle) -> [StyledRun] {
        spans.map { span in
            var style = base
            if span.strong { style.face = .medium; style.color = base.color == PanelStyle.bodyText ? PanelStyle.strongText : base.color }
            if span.code {
                style.face = .mono
                style.size = PanelStyle.monoSize * ppp
                style.background = PanelStyle.codeBackground
            }
            if span.link != nil { style.color = PanelStyle.link ?? style.color }
            style.strikethrough = span.strikethrough
            return StyledRun(text: span.text, style: style)
        }
    }

    /// Lays out wrapped runs at (x, y), advancing `y`.
    mutating func paragraph(_ runs: [StyledRun], x: Float, width: Float, canvas: inout PlotCanvas) {
        // Lines below the bottom edge are never laid out (a long document costs only what is visible).
        let visibleLines = Int(max(0, bottom - y) / max(1, 8 * ppp)) + 1
        for line in flow.lines(runs, maxWidth: max(width, 8 * ppp), maxLines: visibleLines) {
            if y > bottom { return }
            flow.draw(line, x: x, y: y, canvas: &canvas)
            y += line.height + 2 * ppp
        }
    }

    mutating func render(_ blocks: [MarkdownBlock], x: Float, width: Float, color: RGBA8 = PanelStyle.bodyText,
                         canvas: inout PlotCanvas) {
        let gap = 8 * ppp
        for (k, block) in blocks.enumerated() {
            if y > bottom { return }
            if k > 0 { y += gap }
            switch block {
            case .heading(let level, let spans):
                var style = bodyStyle(PanelStyle.strongText)
                style.face = .medium
                style.size = Self.headingSizes[min(max(level, 1), 6) - 1] * ppp
                y += Self.headingSpaceAbove * ppp
                paragraph(runs(spans, base: style), x: x, width: width, canvas: &canvas)
                y += Self.headingSpaceBelow * ppp
            case .paragraph(let spans):
                paragraph(runs(spans, base: bodyStyle(color)), x: x, width: width, canvas: &canvas)
            case .list(let ordered, let start, let items):
                list(ordered: ordered, start: start, items: items, x: x, width: width, color: color, canvas: &canvas)
            case .code(_, let text):
                code(text, x: x, width: width, canvas: &canvas)
            case .quote(let inner):
                let top = y
                render(inner, x: x + 12 * ppp, width: width - 12 * ppp, color: PanelStyle.weakText, canvas: &canvas)
                canvas.fill(x, top, x + 3 * ppp, y - 2 * ppp, color: PanelStyle.rule)
            case .table(let header, let alignments, let rows):
                table(header: header, alignments: alignments, rows: rows, x: x, width: width, color: color, canvas: &canvas)
            case .rule:
                canvas.hRule(y: y + 4 * ppp, from: x, to: x + width, thickness: max(1, ppp.rounded()), color: PanelStyle.rule)
                y += 9 * ppp
            }
        }
    }

    private mutating func list(ordered: Bool, start: Int, items: [[MarkdownBlock]], x: Float, width: Float,
                               color: RGBA8, canvas: inout PlotCanvas) {
        let style = bodyStyle(color)
        let indent = (ordered ? 22 : 16) * ppp
        for (n, item) in items.enumerated() {
            if y > bottom { return }
            let marker = ordered ? "\(start + n)." : "•"
            let lineTop = y
            let markerWidth = flow.measure(marker, style).x
            let markerX = ordered ? x + indent - 6 * ppp - markerWidth : x + 4 * ppp
            if let first = flow.lines([StyledRun(text: marker, style: style)], maxWidth: nil).first {
                flow.draw(first, x: markerX, y: lineTop, canvas: &canvas)
            }
            var inner = self
            inner.y = y
            inner.renderTight(item, x: x + indent, width: width - indent, color: color, canvas: &canvas)
            y = inner.y
            if n + 1 < items.count { y += 2 * ppp }
        }
    }

    /// Blocks of a tight list item: no gap between a paragraph and a nested list.
    private mutating func renderTight(_ blocks: [MarkdownBlock], x: Float, width: Float, color: RGBA8,
                                      canvas: inout PlotCanvas) {
        for block in blocks {
            if case .paragraph(let spans) = block {
                paragraph(runs(spans, base: bodyStyle(color)), x: x, width: width, canvas: &canvas)
            } else {
                render([block], x: x, width: width, color: color, canvas: &canvas)
            }
        }
    }

    private mutating func code(_ text: String, x: Float, width: Float, canvas: inout PlotCanvas) {
        let style = TextStyle(face: .mono, size: PanelStyle.monoSize * ppp, color: PanelStyle.bodyText)
        let pad = 6 * ppp
        let lines = flow.lines([StyledRun(text: text, style: style)], maxWidth: nil,
                               maxLines: Int(max(0, bottom - y) / max(1, 8 * ppp)) + 1)
        let height = lines.reduce(0) { $0 + $1.height + 2 * ppp } - 2 * ppp
        canvas.fill(x, y, x + width, y + height + 2 * pad, color: PanelStyle.codeBlockBackground, corner: 4 * ppp)
        var ly = y + pad
        for line in lines where ly <= bottom {
            flow.draw(line, x: x + pad, y: ly, canvas: &canvas)
            ly += line.height + 2 * ppp
        }
        y += height + 2 * pad
    }

    private mutating func table(header: [[MarkdownSpan]], alignments: [MarkdownBlock.Alignment],
                                rows: [[[MarkdownSpan]]], x: Float, width: Float, color: RGBA8, canvas: inout PlotCanvas) {
        let columns = header.count
        guard columns > 0 else { return }
        let pad = 6 * ppp
        var headerStyle = bodyStyle(PanelStyle.strongText)
        headerStyle.face = .medium
        let cellStyle = bodyStyle(color)
        let all = [header] + rows
        func cellRuns(_ r: Int, _ c: Int) -> [StyledRun] { runs(all[r][c], base: r == 0 ? headerStyle : cellStyle) }
        // Natural widths, shrunk in proportion when the table is wider than the column.
        // Column widths from the rows that can be visible (a table is at least one text line per row).
        let measured = all.indices.prefix(Int(max(0, bottom - y) / max(1, 8 * ppp)) + 2)
        var widths = (0..<columns).map { c in
            (measured.map { r in flow.lines(cellRuns(r, c), maxWidth: nil).map(\.width).max() ?? 0 }.max() ?? 0) + 2 * pad
        }
        let total = widths.reduce(0, +)
        if total > width {
            let scale = width / total
            widths = widths.map { max(24 * ppp, $0 * scale) }
        }
        let tableWidth = widths.reduce(0, +)
        let top = y
        for r in all.indices {
            if y > bottom { break }
            let laidOut = (0..<columns).map { c in flow.lines(cellRuns(r, c), maxWidth: max(8, widths[c] - 2 * pad)) }
            let rowHeight = (laidOut.map { $0.reduce(0) { $0 + $1.height } }.max() ?? 0) + 2 * pad
            if r == 0 { canvas.fill(x, y, x + tableWidth, y + rowHeight, color: PanelStyle.headerBackground) }
            var cx = x
            for c in 0..<columns {
                var ly = y + pad
                for line in laidOut[c] {
                    let inner = widths[c] - 2 * pad
                    let shift: Float = switch alignments[c] {
                    case .left: 0
                    case .center: max(0, (inner - line.width) / 2)
                    case .right: max(0, inner - line.width)
                    }
                    flow.draw(line, x: cx + pad + shift, y: ly, canvas: &canvas)
                    ly += line.height
                }
                cx += widths[c]
            }
            y += rowHeight
            canvas.hRule(y: y, from: x, to: x + tableWidth, color: PanelStyle.tableLine)
        }
        var cx = x
        for c in 0...columns {
            canvas.vRule(x: cx, from: top, to: y + 1, color: PanelStyle.tableLine)
            if c < columns { cx += widths[c] }
        }
        canvas.hRule(y: top, from: x, to: x + tableWidth, color: PanelStyle.tableLine)
        y += 1
    }
}
