import Rasterizer
import RecordingModel

/// Draws a text-log view (rendering-conventions §13): one table of every `TextLog` row of the entities the view
/// contains, with columns [timeline], entity path, level, body, ordered by (time, row id). By default only rows at
/// or before the cursor are listed (`showRowsAfterCursor` adds the later ones below the cursor line); the newest
/// rows are at the bottom and the table is scrolled so that the last ones are visible. Levels are coloured as the
/// viewer does (CRITICAL white on red); a logged `color` colours the body. A horizontal line marks the cursor.
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

        let size = PanelStyle.bodySize * ppp
        let pad = 6 * ppp
        let lineHeight = max(canvas.measure("Ag", size: size).y, size)
        let rowHeight = (lineHeight + 6 * ppp).rounded()
        let kind = context.timelineKind
        func timeText(_ r: Row) -> String {
            guard let t = r.index.time else { return "static" }
            return TimeLabels.text(t, kind: kind, step: kind == .sequence ? 1 : 1_000_000)
        }
        let headers = (timeline.map { [$0] } ?? []) + ["Entity path", "Level", "Body"]
        let fonts = PanelFonts()
        var columnTexts: [[String]] = timeline == nil ? [] : [all.map(timeText)]
        columnTexts.append(all.map(\.entity.description))
        columnTexts.append(all.map { $0.level ?? "" })
        var widths: [Float] = []
        for (c, texts) in columnTexts.enumerated() {
            let w = ([headers[c]] + texts).map { canvas.measure($0, size: size, font: fonts.medium).x }.max() ?? 0
            widths.append((w + 2 * pad).rounded(.up))
        }
        let entityColumn = timeline == nil ? 0 : 1
        widths[entityColumn] = min(widths[entityColumn], (Float(width) * 0.4).rounded())
        widths.append(max(0, Float(width) - widths.reduce(0, +)))

        // Header.
        let headerHeight = rowHeight
        canvas.fill(0, 0, Float(width), headerHeight, color: PanelStyle.headerBackground)
        var x: Float = 0
        for (c, title) in headers.enumerated() {
            canvas.text(title, x: x + pad, y: ((headerHeight - lineHeight) / 2).rounded(), size: size,
                        color: PanelStyle.weakText, font: fonts.medium)
            x += widths[c]
        }
        canvas.hRule(y: headerHeight, from: 0, to: Float(width), color: PanelStyle.rule)

        // Rows: the last ones that fit; with later rows shown, keep the cursor line in view.
        let capacity = max(0, Int((Float(height) - headerHeight - 1) / rowHeight))
        let last = showRowsAfterCursor ? min(all.count, max(pastCount + capacity / 3, capacity)) : all.count
        let first = max(0, last - capacity)
        var y = headerHeight + 1
        for (k, row) in all[first..<last].enumerated() {
            let i = first + k
            var cells: [(String, RGBA8, RGBA8?)] = []
            if timeline != nil { cells.append((timeText(row), PanelStyle.weakText, nil)) }
            cells.append((row.entity.description, PanelStyle.bodyText, nil))
            let levelColor = row.level.flatMap(Theme.logLevelColor) ?? PanelStyle.bodyText
            let critical = row.level?.uppercased() == "CRITICAL"
            cells.append((row.level ?? "", levelColor, critical ? RGBA8(0xab, 0x01, 0x16) : nil))
            cells.append((row.body.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? "",
                          row.color ?? PanelStyle.bodyText, nil))
            var cx: Float = 0
            let textY = (y + (rowHeight - lineHeight) / 2).rounded()
            for (c, cell) in cells.enumerated() {
                let text = Self.truncated(cell.0, width: widths[c] - 2 * pad, size: size, canvas: canvas)
                if let bg = cell.2, !text.isEmpty {
                    let w = canvas.measure(text, size: size).x
                    canvas.fill(cx + pad - 3 * ppp, textY - 1, cx + pad + w + 3 * ppp, textY + lineHeight + 1, color: bg,
                                corner: 3 * ppp)
                }
                canvas.text(text, x: cx + pad, y: textY, size: size, color: cell.1)
                cx += widths[c]
            }
            y += rowHeight
            if timeline != nil && i + 1 == pastCount {
                canvas.hRule(y: y - 1, from: 0, to: Float(width), thickness: max(1, ppp.rounded()), color: PlotStyle.cursor)
            }
        }
        var warnings: [RenderWarning] = []
        if canvas.missingFont { warnings.append(RenderWarning(entity: nil, "bundled font missing: log text not drawn")) }
        return ViewDrawing(drawList: canvas.list, camera: .pixels(width: width, height: height), warnings: warnings)
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
