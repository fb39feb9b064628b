/// A viewer layout read from a blueprint store: a tree of containers whose leaves are views.
public struct Blueprint: Sendable, Equatable {
    /// The root container (or a lone view); nil when the blueprint has no usable root.
    public var root: BlueprintNode?
    /// `ViewportBlueprint:auto_views`: the viewer also adds its heuristic views.
    public var autoViews: Bool?
    /// Problems met while reading (unknown view classes, dangling ids, cycles); the rest is still used.
    public var warnings: [String]

    public init(root: BlueprintNode?, autoViews: Bool? = nil, warnings: [String] = []) {
        self.root = root; self.autoViews = autoViews; self.warnings = warnings
    }

    /// Every view of the tree, depth first in content order (hidden ones and inactive tabs included).
    public var allViews: [BlueprintView] {
        var out: [BlueprintView] = []
        func walk(_ n: BlueprintNode) {
            switch n {
            case .view(let v): out.append(v)
            case .container(let c): c.children.forEach(walk)
            }
        }
        root.map(walk)
        return out
    }
}

/// A node of the layout tree.
public indirect enum BlueprintNode: Sendable, Equatable {
    case container(BlueprintContainer)
    case view(BlueprintView)

    public var id: String {
        switch self {
        case .container(let c): c.id
        case .view(let v): v.id
        }
    }

    public var isVisible: Bool {
        switch self {
        case .container(let c): c.visible
        case .view(let v): v.visible
        }
    }
}

/// `ContainerBlueprint`: how its children share its rectangle.
public struct BlueprintContainer: Sendable, Equatable {
    /// Rerun's `ContainerKind` codes.
    public enum Kind: UInt8, Sendable { case tabs = 1, horizontal, vertical, grid }

    public var id: String
    public var kind: Kind
    public var children: [BlueprintNode]
    /// Relative widths of the columns / heights of the rows (horizontal, vertical, grid); empty = equal.
    public var columnShares: [Double]
    public var rowShares: [Double]
    /// Grid: fixed number of columns (nil = automatic).
    public var gridColumns: Int?
    /// Tabs: the id of the shown child (nil = the first).
    public var activeTab: String?
    public var visible: Bool
    public var name: String?

    public init(id: String, kind: Kind, children: [BlueprintNode], columnShares: [Double] = [], rowShares: [Double] = [],
                gridColumns: Int? = nil, activeTab: String? = nil, visible: Bool = true, name: String? = nil) {
        self.id = id; self.kind = kind; self.children = children; self.columnShares = columnShares
        self.rowShares = rowShares; self.gridColumns = gridColumns; self.activeTab = activeTab
        self.visible = visible; self.name = name
    }
}

/// `ViewBlueprint` + `ViewContents` + the view's property entities.
public struct BlueprintView: Sendable, Equatable {
    /// The view's UUID, as in `/view/<id>`.
    public var id: String
    /// Class, origin, contents (the query expressions, `$origin` resolved) and display name.
    public var spec: ViewSpec
    public var properties: ViewProperties
    public var visible: Bool

    public init(id: String, spec: ViewSpec, properties: ViewProperties = ViewProperties(), visible: Bool = true) {
        self.id = id; self.spec = spec; self.properties = properties; self.visible = visible
    }
}
