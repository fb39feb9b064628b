/// One end of a time range in a blueprint (`TimeRangeBoundary`): relative to the time cursor, absolute, or open.
public enum TimeBoundary: Sendable, Equatable {
    case cursorRelative(Int64)
    case absolute(Int64)
    case infinite

    /// The absolute time of this end, given the cursor; nil for an open end.
    public func resolved(cursor: Int64) -> Int64? {
        switch self {
        case .cursorRelative(let offset): cursor &+ offset
        case .absolute(let t): t
        case .infinite: nil
        }
    }
}

/// A blueprint time range (`TimeAxis:view_range`, `VisibleTimeRange`).
public struct TimeRangeBoundaries: Sendable, Equatable {
    public var start: TimeBoundary
    public var end: TimeBoundary
    public init(start: TimeBoundary, end: TimeBoundary) { self.start = start; self.end = end }
}

/// The per-view blueprint properties rrd-render can honour, read from the property entities under
/// `/view/<id>/` (`EyeControls3D`, `VisualBounds2D`, `ScalarAxis`, `TimeAxis`, `PlotLegend`, `VisibleTimeRanges`,
/// `TensorScalarMapping`, `TextDocumentFormat`). Every field is nil when the blueprint does not set it.
public struct ViewProperties: Sendable, Equatable {
    /// 3D eye: where it is, what it looks at, which way is up.
    public var eyePosition: SIMD3<Float>?
    public var eyeLookTarget: SIMD3<Float>?
    public var eyeUp: SIMD3<Float>?
    /// 2D visible bounds in scene units.
    public var visualBounds2D: (x: ClosedRange<Double>, y: ClosedRange<Double>)?
    /// Time series: y range, x (time) range, legend.
    public var scalarAxisRange: ClosedRange<Double>?
    public var timeAxisRange: TimeRangeBoundaries?
    public var legendCorner: PlotLegend.Corner?
    public var legendVisible: Bool?
    /// Visible time ranges, per timeline name, sorted by name.
    public var visibleTimeRanges: [(timeline: String, range: TimeRangeBoundaries)]
    /// Tensor view colormap.
    public var colormap: Colormap?
    /// Text document format.
    public var monospace: Bool?
    public var wordWrap: Bool?

    public init() { visibleTimeRanges = [] }

    public static func == (a: ViewProperties, b: ViewProperties) -> Bool {
        a.eyePosition == b.eyePosition && a.eyeLookTarget == b.eyeLookTarget && a.eyeUp == b.eyeUp
            && a.visualBounds2D?.x == b.visualBounds2D?.x && a.visualBounds2D?.y == b.visualBounds2D?.y
            && a.scalarAxisRange == b.scalarAxisRange && a.timeAxisRange == b.timeAxisRange
            && a.legendCorner == b.legendCorner && a.legendVisible == b.legendVisible
            && a.visibleTimeRanges.map(\.timeline) == b.visibleTimeRanges.map(\.timeline)
            && a.visibleTimeRanges.map(\.range) == b.visibleTimeRanges.map(\.range)
            && a.colormap == b.colormap && a.monospace == b.monospace && a.wordWrap == b.wordWrap
    }
}

extension ViewProperties {
    /// Options of a time-series view with these properties (the time axis range wins over a visible time range
    /// of `timeline`).
    public func timeSeriesOptions(timeline: String?, dataUpToCursor: Bool = false) -> TimeSeriesOptions {
        var options = TimeSeriesOptions(dataUpToCursor: dataUpToCursor)
        options.timeAxis = timeAxisRange ?? visibleTimeRanges.first { $0.timeline == timeline }?.range
        options.yRange = scalarAxisRange
        if let legendCorner { options.legend.corner = legendCorner }
        if let legendVisible { options.legend.visible = legendVisible }
        return options
    }

    /// The bar chart view's legend with these properties.
    public var barChartLegend: PlotLegend {
        PlotLegend(visible: legendVisible ?? true, corner: legendCorner ?? .rightTop)
    }
}
