import Rasterizer
import RecordingModel

/// Draws a text-log view (rendering-conventions §13): one table of every `TextLog` row of the entities the view
/// contains, with columns [timeline], entity path, level, body, ordered by (time, row id). By default only rows at
/// or before the cursor are listed (`showRowsAfterCursor` adds the later ones below the cursor line); the newest
/// rows are at the bottom and the table is scrolled so that the last ones are visible. Levels are coloured as the
/// viewer does (CRITICAL white on red); a logged `color` colours the body. A horizontal line marks the cursor.
/// The table looks like the 0.41 viewer's (`Look`): inset from the corner, only as wide as its columns, with
/// column and row separators, `-` for a missing level, the sorting (timeline) header and the cursor row's time
/// highlighted, entity paths in monospace after an entity icon.
public struct TextLogViewBuilder: ViewBuilder {
    public var showRowsAfterCursor: Bool

    public init(showRowsAfterCursor: Bool = false) { self.showRowsAfterCursor = showRowsAfterCursor }

    /// One log line.
    struct Row {
        var index: DataIndex
        var entity: EntityPath
        var level: String?
        var body: String
        var color: RGBA8?
    }

    /// The rows of `entities`, sorted, on `timeline` up to `upTo` (static rows first; no timeline: static only).
    static func rows(store: ChunkStore, entities: [EntityPath], timeline: TimelineName?, upTo: Int64) -> [Row] {
        var rows: [Row] = []
        for entity in entities {
            func cells(_ field: String) -> [ComponentCell] {
                let component = "TextLog:" + field
                if let timeline { return store.range(component, entity: entity, timeline: timeline, times: Int64.min...upTo) }
                return store.latestAt(component, entity: entity, query: .staticOnly).map { [$0] } ?? []
            }
            var levels: [DataIndex: String] = [:]
            for c in cells("level") { if let s = c.strings().first { levels[c.index] = s } }
            var colors: [DataIndex: UInt32] = [:]
            for c in cells("color") { if let v = c.scalars(UInt32.self).first { colors[c.index] = v } }
            for c in cells("text") {
                for body in c.strings() {
                    rows.append(Row(index: c.index, entity: entity, level: levels[c.index], body: body,
                                    color: colors[c.index].map(RGBA8.init(rerun:)).map { RGBA8($0.r, $0.g, $0.b) }))
                }
            }
        }
        // Static rows (no time) first, then by time and row id; equal indices keep entity order.
        return rows.enumerated().sorted { a, b in
            let (x, y) = (a.element.index, b.element.index)
            if x.isStatic != y.isStatic { return x.isStatic }
            return x != y ? x < y : a.offset < b.offset
        }.map(\.element)
    }

    /// The table's look in the 0.41 viewer (points): inset by `margin` from the view's corner, a header band, rows
    /// `rowHeight` high (their 1-point separator included), cells padded by `padding` on each side.
    enum Look {
        static let margin: Float = 12
        static let padding: Float = 8
        static let headerHeight: Float = 31
        static let rowHeight: Float = 20
        static let headerBackground = RGBA8(23, 23, 23)
        static let headerLine = RGBA8(44, 43, 43)
        static let rowLine = RGBA8(33, 33, 33)
        static let text = RGBA8(204, 204, 204)
        static let pathSeparator = RGBA8(130, 130, 130)
        static let highlight = RGBA8(24, 106, 221)
        static let cursorLine = RGBA8(255, 255, 255)
        /// Width of the entity icon in front of a path, and the space after it.
        static let icon: Float = 23
    }

    public func build(_ view: ViewSpec, width: Int, height: Int, context: ViewContext) -> ViewDrawing {
        var canvas = PlotCanvas()
        let ppp = context.pixelsPerPoint
        let store = context.store
        let entities = store.entityPaths.filter {
            view.contents.contains($0.parts) && store.rowCount(entity: $0, component: "TextLog:text") > 0
        }
        let timeline = context.query.timeline
        let cursor = context.query.time
        let all = Self.rows(store: store, entities: entities, timeline: timeline,
                            upTo: showRowsAfterCursor || timeline == nil ? .max : cursor)
        let pastCount = all.firstIndex { !$0.index.isStatic && ($0.index.time ?? .min) > cursor } ?? all.count

        let size = PanelStyle.bodySize * ppp, monoSize = PanelStyle.monoSize * ppp
        let pad = Look.padding * ppp, margin = Look.margin * ppp, line = max(1, ppp.rounded())
        let lineHeight = max(canvas.measure("Ag", size: size).y, size)
        let rowHeight = (Look.rowHeight * ppp).rounded(), headerHeight = (Look.headerHeight * ppp).rounded()
        let kind = context.timelineKind
        func timeText(_ r: Row) -> String {
            guard let t = r.index.time else { return "static" }
            return TimeLabels.text(t, kind: kind, step: kind == .sequence ? 1 : 1_000_000)
        }
        let headers = (timeline.map { [$0] } ?? []) + ["Entity path", "Level", "Body"]
        let fonts = PanelFonts()
        let timeColumn = timeline == nil ? nil : 0
        let entityColumn = timeline == nil ? 0 : 1
        var columnTexts: [[String]] = timeline == nil ? [] : [all.map(timeText)]
        columnTexts.append(all.map(\.entity.description))
        columnTexts.append(all.map { $0.level ?? "-" })
        columnTexts.append(all.map(Self.firstLine))
        var widths: [Float] = []
        for (c, texts) in columnTexts.enumerated() {
            var w = canvas.measure(headers[c], size: size).x
            for t in texts {
                w = max(w, c == entityColumn ? Look.icon * ppp + canvas.measure(t, size: monoSize, font: fonts.mono).x
                                            : canvas.measure(t, size: size).x)
            }
            widths.append((w + 2 * pad).rounded(.up) + line)
        }
        // Only as wide as its columns, but never past the view: the body column gives way first.
        let room = Float(width) - 2 * margin
        let others = widths.dropLast().reduce(0, +)
        widths[widths.count - 1] = max(0, min(widths[widths.count - 1], room - others))
        let tableWidth = widths.reduce(0, +)
        let left = margin, top = margin
        let right = left + tableWidth

        // Rows: the last ones that fit; with later rows shown, keep the cursor line in view.
        let capacity = max(0, Int((Float(height) - top - headerHeight - line) / rowHeight))
        let last = showRowsAfterCursor ? min(all.count, max(pastCount + capacity / 3, capacity)) : all.count
        let first = max(0, last - capacity)
        let bodyTop = top + headerHeight + line
        let tableBottom = bodyTop + Float(last - first) * rowHeight

        // Header band, its bottom line, and the column separators.
        canvas.fill(left, top, right, top + headerHeight, color: Look.headerBackground)
        canvas.opaqueRects([(left, top + headerHeight, right, top + headerHeight + line)], color: Look.headerLine)
        var separators: [(Float, Float, Float, Float)] = [], headerSeparators: [(Float, Float, Float, Float)] = []
        var x = left
        for c in 0..<(widths.count - 1) {
            x += widths[c]
            headerSeparators.append((x - line, top, x, top + headerHeight))
            if tableBottom > bodyTop { separators.append((x - line, bodyTop, x, tableBottom)) }
        }
        canvas.opaqueRects(headerSeparators, color: Look.headerLine)
        canvas.opaqueRects(separators, color: Look.rowLine)
        x = left
        // Text sits one point below the centre of its cell, as the viewer's does.
        let headerY = (top + (headerHeight - lineHeight) / 2 + ppp).rounded()
        for (c, title) in headers.enumerated() {
            // The rows are sorted by the timeline column, which the viewer highlights.
            if c == timeColumn { highlight(title, x: x + pad, y: headerY, lineHeight: lineHeight, size: size, ppp: ppp, canvas: &canvas) }
            canvas.text(title, x: x + pad, y: headerY, size: size, color: PanelStyle.strongText)
            x += widths[c]
        }

        var y = bodyTop
        for (k, row) in all[first..<last].enumerated() {
            let i = first + k
            let atCursor = timeline != nil && i + 1 == pastCount
            let textColor = atCursor ? PanelStyle.strongText : Look.text
            let textY = (y + (rowHeight - line - lineHeight) / 2 + ppp).rounded()
            var cx = left
            for c in 0..<widths.count {
                let inner = widths[c] - 2 * pad - line
                if c == timeColumn {
                    let text = Self.truncated(timeText(row), width: inner, size: size, canvas: canvas)
                    if atCursor { highlight(text, x: cx + pad, y: textY, lineHeight: lineHeight, size: size, ppp: ppp, canvas: &canvas) }
                    canvas.text(text, x: cx + pad, y: textY, size: size, color: textColor)
                } else if c == entityColumn {
                    drawPath(row.entity, x: cx + pad, y: y, rowHeight: rowHeight - line, width: inner, size: monoSize,
                             font: fonts.mono, color: textColor, ppp: ppp, canvas: &canvas)
                } else if c == entityColumn + 1 {
                    let level = row.level ?? "-"
                    let critical = level.uppercased() == "CRITICAL"
                    let text = Self.truncated(level, width: inner, size: size, canvas: canvas)
                    if critical {
                        let w = canvas.measure(text, size: size).x
                        canvas.fill(cx + pad - 3 * ppp, textY - 1, cx + pad + w + 3 * ppp, textY + lineHeight + 1,
                                    color: RGBA8(0xab, 0x01, 0x16), corner: 3 * ppp)
                    }
                    canvas.text(text, x: cx + pad, y: textY, size: size,
                                color: row.level.flatMap(Theme.logLevelColor) ?? textColor)
                } else {
                    let text = Self.truncated(Self.firstLine(row), width: inner, size: size, canvas: canvas)
                    canvas.text(text, x: cx + pad, y: textY, size: size, color: row.color ?? textColor)
                }
                cx += widths[c]
            }
            y += rowHeight
            canvas.opaqueRects([(left, y - line, right, y)], color: atCursor ? Look.cursorLine : Look.rowLine)
        }
        var warnings: [RenderWarning] = []
        if canvas.missingFont { warnings.append(RenderWarning(entity: nil, "bundled font missing: log text not drawn")) }
        return ViewDrawing(drawList: canvas.list, camera: .pixels(width: width, height: height), warnings: warnings)
    }

    static func firstLine(_ row: Row) -> String {
        row.body.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
    }

    /// The viewer's selection highlight behind `text`: a blue rounded box one line high.
    private func highlight(_ text: String, x: Float, y: Float, lineHeight: Float, size: Float, ppp: Float,
                           canvas: inout PlotCanvas) {
        let w = canvas.measure(text, size: size).x
        canvas.fill(x - 1 * ppp, y - 1 * ppp, x + w + 1 * ppp, y + lineHeight + 1 * ppp, color: Look.highlight, corner: 3 * ppp)
    }

    /// An entity path as the viewer lists it: an entity icon (a diamond around a dot), then the path in monospace
    /// with dimmer separators.
    private func drawPath(_ entity: EntityPath, x: Float, y: Float, rowHeight: Float, width: Float, size: Float,
                          font: Font?, color: RGBA8, ppp: Float, canvas: inout PlotCanvas) {
        let cy = y + rowHeight / 2, cx = x + 11 * ppp, r = 4.5 * ppp
        canvas.list.addPolyline([[cx, cy - r], [cx + r, cy], [cx, cy + r], [cx - r, cy]], width: 0.8 * ppp, color: color, closed: true)
        canvas.fill(cx - 1 * ppp, cy - 1 * ppp, cx + 1 * ppp, cy + 1 * ppp, color: color, corner: 1 * ppp)
        let textHeight = max(canvas.measure("Ag", size: size, font: font).y, size)
        let ty = (y + (rowHeight - textHeight) / 2).rounded()
        var tx = x + Look.icon * ppp
        let limit = x + width
        let parts = entity.parts.isEmpty ? [""] : entity.parts
        for part in parts {
            guard tx < limit else { break }
            tx += canvas.text("/", x: tx, y: ty, size: size, color: Look.pathSeparator, font: font)
            guard !part.isEmpty, tx < limit else { continue }
            tx += canvas.text(part, x: tx, y: ty, size: size, color: color, font: font)
        }
    }

    /// `text` cut to fit `width` pixels, ending in "…" when cut.
    static func truncated(_ text: String, width: Float, size: Float, canvas: PlotCanvas) -> String {
        guard width > 0 else { return "" }
        if canvas.measure(text, size: size).x <= width { return text }
        let chars = Array(text)
        var lo = 0, hi = chars.count
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if canvas.measure(String(chars[0..<mid]) + "…", size: size).x <= width { lo = mid } else { hi = mid - 1 }
        }
        return lo == 0 ? "" : String(chars[0..<lo]) + "…"
    }
}
