/// The kinds of view rrd-render draws, named like the Rerun viewer's view classes.
public enum ViewKind: String, Sendable, CaseIterable, Comparable {
    case spatial3D = "3D"
    case spatial2D = "2D"
    case timeSeries = "TimeSeries"
    case barChart = "BarChart"
    case tensor = "Tensor"
    case textDocument = "TextDocument"
    case textLog = "TextLog"

    /// Layout priority, as in the viewer: spatial views first, then tensors, then the rest.
    public var layoutPriority: Int {
        switch self {
        case .spatial3D, .spatial2D: 2
        case .tensor: 1
        case .timeSeries, .barChart, .textDocument, .textLog: 0
        }
    }

    public static func < (a: ViewKind, b: ViewKind) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }
}

/// One view: its class, the space origin everything is expressed relative to, and what it contains.
public struct ViewSpec: Equatable, Sendable, CustomStringConvertible {
    public var kind: ViewKind
    public var origin: [String]
    public var contents: EntityFilter
    /// The title shown in the view's title bar.
    public var name: String

    public init(kind: ViewKind, origin: [String], contents: EntityFilter, name: String? = nil) {
        self.kind = kind
        self.origin = origin
        self.contents = contents
        self.name = name ?? (origin.last ?? "/")
    }

    public var originText: String { "/" + origin.joined(separator: "/") }

    public var description: String { "\(kind.rawValue) \(originText): \(contents)" }
}
