import Rasterizer

/// A `DrawList` in pixels with the few drawing calls the plot and panel views share: crisp 1-pixel rules,
/// filled rectangles, polylines and text (left, centred or right aligned). Sizes given to it are pixels.
/// Text is skipped (and `missingFont` set) when the bundled fonts cannot be loaded.
struct PlotCanvas {
    var list: DrawList
    let regular: Font?
    let medium: Font?
    private(set) var missingFont = false

    init(background: RGBA8 = Theme.viewBackground) {
        list = DrawList(background: background)
        regular = Font.interRegular
        medium = Font.interMedium
    }

    enum Align { case left, center, right }

    /// Notes that some text could not be drawn for want of a font.
    mutating func markMissingFont() { missingFont = true }

    /// A horizontal rule `thickness` pixels high whose top edge is at `y` (rounded to whole pixels).
    mutating func hRule(y: Float, from x0: Float, to x1: Float, thickness: Float = 1, color: RGBA8) {
        let top = y.rounded(.down)
        list.add(RectShape(minX: x0, minY: top, maxX: x1, maxY: top + thickness, color: color))
    }

    /// A vertical rule `thickness` pixels wide whose left edge is at `x` (rounded to whole pixels).
    mutating func vRule(x: Float, from y0: Float, to y1: Float, thickness: Float = 1, color: RGBA8) {
        let left = x.rounded(.down)
        list.add(RectShape(minX: left, minY: y0, maxX: left + thickness, maxY: y1, color: color))
    }

    /// Opaque axis-aligned rectangles of one colour (grid lines), each at least one pixel thick, as one batch of
    /// opaque line segments along their long axis: with edges on whole pixels they cover exactly their pixels, and
    /// the line kernel writes opaque samples directly, far faster than blending `RectShape`s.
    mutating func opaqueRects(_ rects: [(minX: Float, minY: Float, maxX: Float, maxY: Float)], color: RGBA8) {
        var positions: [SIMD3<Float>] = []
        var starts: [Int] = []
        var radius: Float = 0.5
        for r in rects where r.maxX > r.minX && r.maxY > r.minY {
            starts.append(positions.count)
            if r.maxX - r.minX <= r.maxY - r.minY {
                let x = (r.minX + r.maxX) / 2, half = (r.maxX - r.minX) / 2
                radius = half
                positions += [[x, r.minY + half, 0], [x, r.maxY - half, 0]]
            } else {
                let y = (r.minY + r.maxY) / 2, half = (r.maxY - r.minY) / 2
                radius = half
                positions += [[r.minX + half, y, 0], [r.maxX - half, y, 0]]
            }
        }
        guard !positions.isEmpty else { return }
        list.add(LineBatch(positions: positions, stripStarts: starts, radii: [radius], colors: [RGBA8(color.r, color.g, color.b)],
                           layer: .overlay, blendSpace: .gamma, space: .pixels))
    }

    mutating func fill(_ minX: Float, _ minY: Float, _ maxX: Float, _ maxY: Float, color: RGBA8, corner: Float = 0) {
        list.add(RectShape(minX: minX, minY: minY, maxX: maxX, maxY: maxY, cornerRadius: corner, color: color))
    }

    /// Width and height of `text` at `size` pixels (zero without a font).
    func measure(_ text: String, size: Float, font: Font? = nil) -> SIMD2<Float> {
        guard let f = font ?? regular else { return .zero }
        return TextLabel(text, at: .zero, sizePixels: size, font: f).measure()
    }

    /// Draws `text` with the top of its box at `y`; `x` is its left edge, centre or right edge.
    @discardableResult
    mutating func text(_ text: String, x: Float, y: Float, size: Float, color: RGBA8, align: Align = .left,
                       font: Font? = nil) -> Float {
        guard let f = font ?? regular else { missingFont = true; return 0 }
        var label = TextLabel(text, at: [x, y], sizePixels: size, color: color, font: f)
        let width = label.measure().x
        switch align {
        case .left: break
        case .center: label.position.x = x - width / 2
        case .right: label.position.x = x - width
        }
        label.position.x = label.position.x.rounded()
        label.position.y = label.position.y.rounded()
        list.add(label)
        return width
    }
}
