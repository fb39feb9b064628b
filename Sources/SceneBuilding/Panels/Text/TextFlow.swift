import Rasterizer

/// A run of text in one style.
struct StyledRun: Equatable {
    var text: String
    var style: TextStyle
}

/// Word-wrapped layout of styled runs into lines, and their drawing as text labels.
///
/// Words are kept whole and wrapped at spaces; a word wider than the line is split between characters. "\n"
/// in a run forces a line break. Widths come from the fonts' advances (no kerning), so the pieces of one line sit
/// exactly where one continuous label would put them. Lines of mixed sizes share a box as tall as the tallest.
struct TextFlow {
    struct Piece { var text: String; var style: TextStyle; var x: Float; var width: Float }
    struct Line { var pieces: [Piece]; var width: Float; var height: Float }

    let fonts: PanelFonts

    func measure(_ text: String, _ style: TextStyle) -> SIMD2<Float> {
        guard let f = style.font(fonts) else { return .zero }
        return TextLabel(text, at: .zero, sizePixels: style.size, font: f).measure()
    }

    func lineHeight(_ style: TextStyle) -> Float { max(measure("Ag", style).y, style.size) }

    /// Lines of at most `maxWidth` pixels (nil: no wrapping); layout stops after `maxLines` lines.
    func lines(_ runs: [StyledRun], maxWidth: Float?, maxLines: Int? = nil) -> [Line] {
        var lines: [Line] = []
        var pieces: [Piece] = []
        var x: Float = 0
        var height: Float = 0
        func newLine(_ fallback: TextStyle?) {
            // Trailing spaces take no room at the end of a line.
            while let last = pieces.last, last.text.allSatisfy({ $0 == " " }) { pieces.removeLast() }
            let width = pieces.last.map { $0.x + $0.width } ?? 0
            lines.append(Line(pieces: pieces, width: width, height: max(height, fallback.map(lineHeight) ?? 0)))
            pieces = []; x = 0; height = 0
        }
        for run in runs {
            let lh = lineHeight(run.style)
            for (k, paragraph) in run.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if k > 0 {
                    newLine(run.style)
                    if let maxLines, lines.count >= maxLines { return lines }
                }
                for token in Self.tokens(String(paragraph)) {
                    let isSpace = token.first == " "
                    if isSpace && pieces.isEmpty && !lines.isEmpty && maxWidth != nil { continue }
                    var w = measure(token, run.style).x
                    if let maxWidth, !isSpace, x + w > maxWidth, x > 0 {
                        newLine(run.style)
                        if let maxLines, lines.count >= maxLines { return lines }
                    }
                    if let maxWidth, !isSpace, w > maxWidth {
                        // Split an over-long word between characters.
                        // Widths add up exactly (advances, no kerning), so each character is measured once.
                        var part = "", partWidth: Float = 0
                        for ch in token {
                            let cw = measure(String(ch), run.style).x
                            if x + partWidth + cw > maxWidth, !part.isEmpty {
                                pieces.append(Piece(text: part, style: run.style, x: x, width: partWidth))
                                height = max(height, lh)
                                newLine(run.style)
                                if let maxLines, lines.count >= maxLines { return lines }
                                part = ""; partWidth = 0
                            }
                            part.append(ch); partWidth += cw
                        }
                        w = partWidth
                        pieces.append(Piece(text: part, style: run.style, x: x, width: w))
                    } else {
                        pieces.append(Piece(text: token, style: run.style, x: x, width: w))
                    }
                    height = max(height, lh)
                    x += w
                }
                height = max(height, lh)
            }
        }
        if !pieces.isEmpty || lines.isEmpty || height > 0 { newLine(runs.last?.style) }
        return lines
    }

    /// Words and runs of spaces, in order.
    static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        var inSpace = false
        for ch in text {
            let space = ch == " " || ch == "\t"
            if space != inSpace && !current.isEmpty { out.append(current); current = "" }
            inSpace = space
            current.append(space ? " " : ch)
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    /// Draws one laid-out line with its top-left at (x, y); pieces of the same style are merged into one label.
    func draw(_ line: Line, x: Float, y: Float, canvas: inout PlotCanvas) {
        var k = 0
        while k < line.pieces.count {
            var piece = line.pieces[k]
            var j = k + 1
            while j < line.pieces.count && line.pieces[j].style == piece.style {
                piece.text += line.pieces[j].text
                piece.width += line.pieces[j].width
                j += 1
            }
            k = j
            let h = lineHeight(piece.style)
            let top = y + (line.height - h) / 2
            if let bg = piece.style.background, !piece.text.allSatisfy({ $0 == " " }) {
                canvas.fill(x + piece.x - 2, top, x + piece.x + piece.width + 2, top + h, color: bg, corner: 3)
            }
            if piece.style.strikethrough {
                canvas.hRule(y: top + h * 0.55, from: x + piece.x, to: x + piece.x + piece.width, color: piece.style.color)
            }
            guard let f = piece.style.font(fonts) else { canvas.markMissingFont(); continue }
            canvas.list.add(TextLabel(piece.text, at: [x + piece.x, top.rounded()], sizePixels: piece.style.size,
                                      color: piece.style.color, font: f))
        }
    }
}
