import Rasterizer
import RecordingModel

/// Draws a text-document view (rendering-conventions §13): each `TextDocument` entity the view contains, top to
/// bottom. `text/markdown` is parsed (`MarkdownBlocks`) and drawn as rich text; any other media type is plain
/// text, word-wrapped in Inter Regular (or unwrapped and monospace, as the blueprint's `TextDocumentFormat`
/// allows). Text below the view's bottom edge is not drawn.
public struct TextDocumentViewBuilder: ViewBuilder {
    public var monospace: Bool
    public var wordWrap: Bool

    public init(monospace: Bool = false, wordWrap: Bool = true) { self.monospace = monospace; self.wordWrap = wordWrap }

    public static let markdownMediaType = "text/markdown"

    public func build(_ view: ViewSpec, width: Int, height: Int, context: ViewContext) -> ViewDrawing {
        var canvas = PlotCanvas()
        let ppp = context.pixelsPerPoint
        let pad = PanelStyle.padding * ppp
        let flow = TextFlow(fonts: PanelFonts())
        var renderer = MarkdownRenderer(flow: flow, ppp: ppp, bottom: Float(height), y: pad)
        let columnWidth = Float(width) - 2 * pad
        var first = true
        for entity in context.store.entityPaths where view.contents.contains(entity.parts) {
            guard let doc = context.view(TextDocumentView.self, entity) else { continue }
            if !first {
                renderer.y += 6 * ppp
                canvas.hRule(y: renderer.y, from: pad, to: pad + columnWidth, color: PanelStyle.rule)
                renderer.y += 7 * ppp
            }
            first = false
            if doc.mediaType?.lowercased() == Self.markdownMediaType {
                renderer.render(MarkdownBlocks.parse(doc.text), x: pad, width: columnWidth, canvas: &canvas)
            } else {
                let style = TextStyle(face: monospace ? .mono : .regular,
                                      size: (monospace ? PanelStyle.monoSize : PanelStyle.bodySize) * ppp,
                                      color: PanelStyle.bodyText)
                renderer.paragraph([StyledRun(text: doc.text, style: style)], x: pad,
                                   width: wordWrap ? columnWidth : .greatestFiniteMagnitude, canvas: &canvas)
            }
        }
        var warnings: [RenderWarning] = []
        if canvas.missingFont { warnings.append(RenderWarning(entity: nil, "bundled font missing: text not drawn")) }
        return ViewDrawing(drawList: canvas.list, camera: .pixels(width: width, height: height), warnings: warnings)
    }
}
