/// A piece of text placed in pixels, optionally on a rounded "pill" background (Rerun's labels:
/// Inter Medium 12 pt, padding 6 × 4 pt, corner radius 4 pt, #2c2b2b at 50 %).
///
/// `position` is the anchor: the top of the first line's box is at `position.y`; horizontally the
/// text starts there (`left`) or is centred on it (`center`). Lines are split at "\n".
public struct TextLabel: Sendable {
    public enum Alignment: Sendable { case left, center }

    public var text: String
    public var position: SIMD2<Float>
    public var sizePixels: Float
    public var color: RGBA8
    public var font: Font
    public var alignment: Alignment
    /// Fill of the pill behind the text (`nil`: none).
    public var background: RGBA8?
    public var padding: SIMD2<Float>
    public var cornerRadius: Float
    public var blendSpace: BlendSpace

    public init(_ text: String, at position: SIMD2<Float>, sizePixels: Float = 12, color: RGBA8 = .white,
                font: Font, alignment: Alignment = .left, background: RGBA8? = nil,
                padding: SIMD2<Float> = [6, 4], cornerRadius: Float = 4, blendSpace: BlendSpace = .gamma) {
        self.text = text; self.position = position; self.sizePixels = sizePixels; self.color = color
        self.font = font; self.alignment = alignment; self.background = background; self.padding = padding
        self.cornerRadius = cornerRadius; self.blendSpace = blendSpace
    }

    /// Width and height of the text box in pixels (without padding).
    public func measure() -> SIMD2<Float> {
        let run = layout()
        return [run.boxMaxX - run.boxMinX, run.boxMaxY - run.boxMinY]
    }

    /// Places every glyph (whole pixels) and the pill.
    func layout() -> GlyphRun {
        let size64 = Font.size64(sizePixels)
        let m = font.metrics(size64: size64)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var widths: [Int] = []
        for line in lines {
            var pen = 0
            for s in line.unicodeScalars { pen += font.glyph(s, size64: size64).advance64 }
            widths.append(pen)
        }
        let anchorX = position.x.isFinite ? position.x : 0, anchorY = position.y.isFinite ? position.y : 0
        let maxWidth = Float(widths.max() ?? 0) / 64
        let boxMinX = alignment == .center ? anchorX - maxWidth / 2 : anchorX
        var placed: [GlyphRun.Placed] = []
        for (li, line) in lines.enumerated() {
            let lineWidth = Float(widths[li]) / 64
            let startX = alignment == .center ? anchorX - lineWidth / 2 : anchorX
            let baseline = Int((anchorY + m.ascender + Float(li) * m.lineHeight).rounded())
            var pen64 = Int((startX * 64).rounded())
            for s in line.unicodeScalars {
                let g = font.glyph(s, size64: size64)
                if g.width > 0 && g.height > 0 {
                    let x = Int((Double(pen64) / 64).rounded()) + g.left
                    placed.append(.init(glyph: g, x: x, y: baseline - g.top))
                }
                pen64 += g.advance64
            }
        }
        let boxMaxX = boxMinX + maxWidth
        let boxMaxY = anchorY + Float(max(lines.count, 1)) * m.lineHeight
        var pill: RectShape?
        if let bg = background {
            pill = RectShape(minX: boxMinX - padding.x, minY: anchorY - padding.y, maxX: boxMaxX + padding.x,
                             maxY: boxMaxY + padding.y, cornerRadius: cornerRadius, color: bg, blendSpace: blendSpace)
        }
        return GlyphRun(glyphs: placed, color: color, blendSpace: blendSpace, pill: pill,
                        boxMinX: boxMinX, boxMinY: anchorY, boxMaxX: boxMaxX, boxMaxY: boxMaxY)
    }
}

/// Laid-out text: glyph coverage bitmaps at whole-pixel positions, drawn in the overlay phase.
struct GlyphRun: Sendable {
    struct Placed: Sendable {
        let glyph: Font.Glyph
        let x: Int, y: Int
    }
    let glyphs: [Placed]
    let color: RGBA8
    let blendSpace: BlendSpace
    let pill: RectShape?
    let boxMinX: Float, boxMinY: Float, boxMaxX: Float, boxMaxY: Float
}
