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
    /// A fixed 3D camera (from a blueprint's EyeControls3D or the command line); nil: the viewer's default eye.
    public var eye: Eye?
    /// Fixed 2D visible bounds (from a blueprint's VisualBounds2D or the command line); nil: from the content.
    public var visualBounds: Bounds2D?

    public init(kind: ViewKind, origin: [String], contents: EntityFilter, name: String? = nil) {
        self.kind = kind
        self.origin = origin
        self.contents = contents
        self.name = name ?? Self.placeholderName(origin: origin)
    }

    /// The viewer's title for a view nobody named: the origin's last parts, added from the end while the title
    /// is at most 10 bytes long, "…/" in front when parts are left out; "/" for the root.
    public static func placeholderName(origin: [String]) -> String {
        var title = ""
        for (k, part) in origin.reversed().enumerated() {
            if title.utf8.count > 10 { return "…/" + title }
            title = k == 0 ? part : part + "/" + title
        }
        return title.isEmpty ? "/" : title
    }

    public var originText: String { "/" + origin.joined(separator: "/") }

    public var description: String { "\(kind.rawValue) \(originText): \(contents)" }
}

/// A 2D rectangle in scene units: x right, y down.
public struct Bounds2D: Equatable, Sendable {
    public var min: SIMD2<Double>
    public var max: SIMD2<Double>
    public init(min: SIMD2<Double>, max: SIMD2<Double>) { self.min = min; self.max = max }
    public var size: SIMD2<Double> { max - min }
    public var center: SIMD2<Double> { (min + max) / 2 }
    public var isValid: Bool {
        size.x > 0 && size.y > 0 && size.x.isFinite && size.y.isFinite && min.x.isFinite && min.y.isFinite
    }
}
