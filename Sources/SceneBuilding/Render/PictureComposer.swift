import MediaCodecs
import Rasterizer

/// Puts several views into one picture: each view drawn at its own size in its layout cell, below a title bar
/// like the viewer's tab (the view's name on a dark strip), with thin dark gaps between cells.
public struct PictureComposer: Sendable {
    public var titleBars: Bool

    /// What a cell's title bar shows: the view's name, or the tabs of its tab container with the active one lit.
    public struct Title: Sendable {
        public var tabs: [String]
        public var active: Int

        public init(_ name: String) { tabs = [name]; active = 0 }
        public init(_ view: PlannedView) {
            if view.tabTitles.count > 1, let active = view.activeTab {
                tabs = view.tabTitles; self.active = active
            } else {
                tabs = [view.spec.name]; active = 0
            }
        }
    }

    public init(titleBars: Bool = true) { self.titleBars = titleBars }

    /// The content area of a layout cell (below its title bar).
    public func contentRect(of cell: PixelRect, pixelsPerPoint: Float) -> PixelRect {
        titleBars ? cell.inset(top: titleBarHeight(pixelsPerPoint)) : cell
    }

    func titleBarHeight(_ pixelsPerPoint: Float) -> Int { Int((Theme.titleBarHeight * pixelsPerPoint).rounded()) }

    /// The frame with every title bar drawn and the gaps filled; view contents are drawn into their cells afterwards.
    public func frame(width: Int, height: Int, cells: [(title: Title, rect: PixelRect)], pixelsPerPoint: Float,
                      threads: Int) throws -> RGBAImage {
        var list = DrawList(background: Theme.separator)
        if titleBars, let font = Font.interMedium {
            let bar = Float(titleBarHeight(pixelsPerPoint))
            for cell in cells {
                let r = cell.rect
                list.add(RectShape(minX: Float(r.x), minY: Float(r.y), maxX: Float(r.maxX), maxY: Float(r.y) + bar,
                                   color: Theme.titleBarBackground))
                var x = Float(r.x) + 8 * pixelsPerPoint
                for (i, tab) in cell.title.tabs.enumerated() {
                    let active = i == cell.title.active
                    var label = TextLabel(tab, at: [x, 0], sizePixels: Theme.titleFontSize * pixelsPerPoint,
                                          color: active ? Theme.titleText : Theme.weakText, font: font)
                    let size = label.measure()
                    label.position.y = (Float(r.y) + (bar - size.y) / 2).rounded()
                    if active && cell.title.tabs.count > 1 {
                        list.add(RectShape(minX: x - 8 * pixelsPerPoint, minY: Float(r.y), maxX: x + size.x + 8 * pixelsPerPoint,
                                           maxY: Float(r.y) + bar, color: Theme.viewBackground))
                    }
                    list.add(label)
                    x += size.x + 16 * pixelsPerPoint
                }
            }
        }
        let pixels = try Renderer().render(list, camera: .pixels(width: width, height: height),
                                           options: RenderOptions(threads: threads, pixelsPerPoint: pixelsPerPoint))
        return RGBAImage(width: width, height: height, pixels: pixels)
    }
}
