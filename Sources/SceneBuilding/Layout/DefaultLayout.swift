/// The viewer's default arrangement of views (its `auto_layout`, rendering-conventions §14.6), as a container tree
/// that `BlueprintLayout` places like any blueprint:
/// - the views sorted by origin (`EntityPathOrder`), then name;
/// - one view fills the picture;
/// - three: a grid of the first view and a grid of the other two (both with automatic columns), after a stable
///   sort by layout priority, so the view of highest priority gets one full side;
/// - two, or four to twelve: one grid in origin order with automatic columns (`AutoGrid`), the last row's empty
///   cells left blank (0.41 does not sort these by priority; checked with the viewer);
/// - more: one tab container per view class, classes in the order of their names and then by priority, the
///   first tab of each shown, the tab containers in a grid.
public enum DefaultLayout {
    /// Pixels between neighbouring views.
    public static let gap = 2

    /// The layout tree of `views`; each view's `BlueprintView.id` is its index in `views`. Nil when empty.
    public static func tree(_ views: [ViewSpec]) -> BlueprintNode? {
        let sorted = views.enumerated().sorted { a, b in
            a.element.origin != b.element.origin ? EntityPathOrder.precedes(a.element.origin, b.element.origin)
                : a.element.name != b.element.name ? a.element.name < b.element.name : a.offset < b.offset
        }
        func pane(_ v: (offset: Int, element: ViewSpec)) -> BlueprintNode {
            .view(BlueprintView(id: String(v.offset), spec: v.element))
        }
        let panes = sorted.map(pane)
        func grid(_ id: String, _ children: [BlueprintNode]) -> BlueprintNode {
            .container(BlueprintContainer(id: id, kind: .grid, children: children))
        }
        switch panes.count {
        case 0: return nil
        case 1: return panes[0]
        case 3:
            let p = highestPriorityFirst(sorted) { $0.element.kind.layoutPriority }.map(pane)
            return grid("default/grid", [p[0], grid("default/grid/inner", Array(p[1...]))])
        case 2, 4...12: return grid("default/grid", panes)
        default:
            let classes = Dictionary(grouping: sorted, by: \.element.kind.rawValue)
            let groups = highestPriorityFirst(classes.keys.sorted().map { classes[$0]! }) {
                $0[0].element.kind.layoutPriority
            }
            let tabs = groups.map { group in
                BlueprintNode.container(BlueprintContainer(
                    id: "default/tabs/\(group[0].element.kind.rawValue)", kind: .tabs,
                    children: group.map(pane)))
            }
            return tabs.count == 1 ? tabs[0] : grid("default/grid", tabs)
        }
    }

    /// `items` sorted by `priority`, highest first, keeping the order of equals.
    private static func highestPriorityFirst<T>(_ items: [T], _ priority: (T) -> Int) -> [T] {
        items.enumerated().sorted { a, b in
            let pa = priority(a.element), pb = priority(b.element)
            return pa != pb ? pa > pb : a.offset < b.offset
        }.map(\.element)
    }

    /// The views placed in `frame` (tests and callers that need no tab titles).
    public static func arrange(_ views: [ViewSpec], in frame: PixelRect) -> [(view: ViewSpec, rect: PixelRect)] {
        BlueprintLayout.arrangeSpecs(Blueprint(root: tree(views)), in: frame)
    }
}
