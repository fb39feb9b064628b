import Rasterizer
import RecordingModel

/// One view of a picture: what it shows, the builder that draws it (configured with the view's blueprint
/// properties), and the tab titles of its cell when it sits in a tab container.
public struct PlannedView: Sendable {
    public var spec: ViewSpec
    public var builder: any ViewBuilder
    public var tabTitles: [String] = []
    public var activeTab: Int?

    /// The builder for `spec` with the viewer's defaults, or with `properties` from a blueprint.
    public static func builder(for spec: ViewSpec, properties: ViewProperties = ViewProperties(),
                               timeline: TimelineName?) -> any ViewBuilder {
        switch spec.kind {
        case .spatial3D: Spatial3DViewBuilder()
        case .spatial2D: Spatial2DViewBuilder()
        case .timeSeries: TimeSeriesViewBuilder(options: properties.timeSeriesOptions(timeline: timeline))
        case .barChart: BarChartViewBuilder(legend: properties.barChartLegend)
        case .tensor: TensorViewBuilder(colormap: properties.colormap ?? .viridis)
        case .textDocument: TextDocumentViewBuilder(monospace: properties.monospace ?? false,
                                                    wordWrap: properties.wordWrap ?? true)
        case .textLog: TextLogViewBuilder()
        }
    }
}

/// Which views a recording's pictures show and where: the blueprint's views and containers when the recording
/// (or a given `.rbl`) has a blueprint with views, else the viewer's default views in its default layout.
public struct ViewPlan: Sendable {
    public let views: [PlannedView]
    /// The blueprint the plan follows, if any.
    public let blueprint: Blueprint?

    public init(store: ChunkStore, blueprint: Blueprint? = nil, timeline: TimelineName?) {
        if let blueprint, blueprint.autoViews != true, !blueprint.allViews.isEmpty {
            self.blueprint = blueprint
            views = blueprint.allViews.filter(\.visible).map { v in
                PlannedView(spec: Self.applying(v.properties, to: v.spec),
                            builder: PlannedView.builder(for: v.spec, properties: v.properties, timeline: timeline))
            }
        } else {
            self.blueprint = nil
            views = ViewHeuristics.defaultViews(for: EntityFacts.gather(from: store)).map {
                PlannedView(spec: $0, builder: PlannedView.builder(for: $0, timeline: timeline))
            }
        }
    }

    /// A plan of exactly these views (for `--view`, or explicit specs), laid out by the default layout.
    public init(views: [PlannedView]) { self.views = views; blueprint = nil }

    /// The views placed in `frame`: one view fills it; a blueprint's containers place theirs; otherwise the
    /// viewer's default layout.
    public func arrange(in frame: PixelRect) -> [(view: PlannedView, rect: PixelRect)] {
        if views.count == 1 { return [(views[0], frame)] }
        // A blueprint's views are found by origin, class and name; the default tree's view ids are indices.
        let tree: Blueprint
        let planned: (BlueprintView) -> PlannedView?
        if let blueprint {
            tree = blueprint
            planned = { v in
                views.first { $0.spec.origin == v.spec.origin && $0.spec.kind == v.spec.kind && $0.spec.name == v.spec.name }
            }
        } else {
            tree = Blueprint(root: DefaultLayout.tree(views.map(\.spec)))
            planned = { v in Int(v.id).flatMap { views.indices.contains($0) ? views[$0] : nil } }
        }
        return BlueprintLayout.arrange(tree, in: frame).compactMap { p in
            guard var view = planned(p.view) else { return nil }
            view.tabTitles = p.tabTitles
            view.activeTab = p.activeTab
            return (view, p.rect)
        }
    }

    /// Blueprint properties that the spatial views read from the spec: a fixed eye, fixed 2D bounds.
    static func applying(_ properties: ViewProperties, to spec: ViewSpec) -> ViewSpec {
        var s = spec
        if let p = properties.eyePosition, let t = properties.eyeLookTarget {
            s.eye = Eye(position: SIMD3<Double>(p), target: SIMD3<Double>(t),
                        up: properties.eyeUp.map { SIMD3<Double>($0) } ?? [0, 0, 1])
        }
        if let b = properties.visualBounds2D {
            s.visualBounds = Bounds2D(min: [b.x.lowerBound, b.y.lowerBound], max: [b.x.upperBound, b.y.upperBound])
        }
        return s
    }
}
