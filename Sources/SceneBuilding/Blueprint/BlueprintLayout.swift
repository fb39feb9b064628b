import Foundation
/// Places the visible views of a blueprint in a picture, as egui_tiles does: horizontal containers split their
/// rectangle into columns by `col_shares`, vertical ones into rows by `row_shares`, grids fill rows of
/// `grid_columns` cells (automatic: `AutoGrid`, as egui_tiles) sized by both share lists, and tabs give the whole rectangle to
/// the active tab (the first when none is set). Hidden nodes take no room; shares missing or non-positive count
/// as 1. Gaps between neighbours are `DefaultLayout.gap` pixels.
public enum BlueprintLayout {
    public struct Placement: Sendable, Equatable {
        public var view: BlueprintView
        public var rect: PixelRect
        /// When the view is shown through a tab container (the innermost one): the titles of its tabs, in order,
        /// and which one is active, so the title bar can be drawn as the viewer's tab bar.
        public var tabTitles: [String] = []
        public var activeTab: Int?
    }

    public static func arrange(_ blueprint: Blueprint, in frame: PixelRect) -> [Placement] {
        guard let root = blueprint.root, root.isVisible else { return [] }
        var out: [Placement] = []
        place(root, in: frame, tabs: ([], nil), into: &out)
        return out
    }

    /// The placements as (view, rectangle) pairs, for code written against `DefaultLayout.arrange`.
    public static func arrangeSpecs(_ blueprint: Blueprint, in frame: PixelRect) -> [(view: ViewSpec, rect: PixelRect)] {
        arrange(blueprint, in: frame).map { ($0.view.spec, $0.rect) }
    }

    /// A tab's title: the view's name, or the container's name or kind.
    static func title(_ node: BlueprintNode) -> String {
        switch node {
        case .view(let v): v.spec.name
        case .container(let c): c.name ?? "\(c.kind)".capitalized
        }
    }

    private static func place(_ node: BlueprintNode, in rect: PixelRect, tabs: ([String], Int?),
                              into out: inout [Placement]) {
        switch node {
        case .view(let v):
            out.append(Placement(view: v, rect: rect, tabTitles: tabs.0, activeTab: tabs.1))
        case .container(let c):
            let shown = c.children.enumerated().filter { $0.element.isVisible }
            guard !shown.isEmpty else { return }
            let gap = DefaultLayout.gap
            func shares(_ all: [Double], _ indices: [Int]) -> [Double] {
                indices.map { $0 < all.count && all[$0].isFinite && all[$0] > 0 ? all[$0] : 1 }
            }
            switch c.kind {
            case .tabs:
                let index = shown.firstIndex { $0.element.id == c.activeTab } ?? 0
                place(shown[index].element, in: rect, tabs: (shown.map { title($0.element) }, index), into: &out)
            case .horizontal:
                for (child, r) in zip(shown, rect.columns(shares(c.columnShares, shown.map(\.offset)), gap: gap)) {
                    place(child.element, in: r, tabs: ([], nil), into: &out)
                }
            case .vertical:
                for (child, r) in zip(shown, rect.rows(shares(c.rowShares, shown.map(\.offset)), gap: gap)) {
                    place(child.element, in: r, tabs: ([], nil), into: &out)
                }
            case .grid:
                let n = shown.count
                let columns = max(1, min(c.gridColumns ?? AutoGrid.columns(cells: n, width: rect.width, height: rect.height, gap: gap), n))
                let rowCount = (n + columns - 1) / columns
                let rows = rect.rows(shares(c.rowShares, Array(0..<rowCount)), gap: gap)
                for (r, rowRect) in rows.enumerated() {
                    let cells = rowRect.columns(shares(c.columnShares, Array(0..<columns)), gap: gap)
                    for k in 0..<columns where r * columns + k < n {
                        place(shown[r * columns + k].element, in: cells[k], tabs: ([], nil), into: &out)
                    }
                }
            }
        }
    }
}
