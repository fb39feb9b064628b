/// Scalars: one value per series at this time.
public struct ScalarsView: ArchetypeView {
    public static let archetype = "Scalars"
    public static let components = [c("scalars")]

    public var scalars: [Double]

    public init?(_ r: LatestAtResults) {
        guard let s = r[Self.c("scalars")] else { return nil }
        scalars = s.scalars(Double.self)
    }
}

/// SeriesLines styling (usually static): per-series colours, widths (pt), names.
public struct SeriesLinesView: ArchetypeView {
    public static let archetype = "SeriesLines"
    public static let components = ["colors", "widths", "names", "visible_series", "aggregation_policy", "interpolation_mode"].map(c)

    public var colors: Clamped<UInt32>
    public var widths: Clamped<Float>
    public var names: [String]
    public var visibleSeries: Clamped<Bool>
    public var aggregationPolicy: UInt8?
    public var interpolationMode: UInt8?

    public init?(_ r: LatestAtResults) {
        guard !r.cells.isEmpty else { return nil }
        colors = Clamped(r.get(Self.c("colors")) { $0.scalars(UInt32.self) })
        widths = Clamped(r.get(Self.c("widths")) { $0.scalars(Float.self) })
        names = r.get(Self.c("names")) { $0.strings() }
        visibleSeries = Clamped(r.get(Self.c("visible_series")) { $0.bools() })
        aggregationPolicy = r.first(Self.c("aggregation_policy")) { $0.scalars(UInt8.self) }
        interpolationMode = r.first(Self.c("interpolation_mode")) { $0.scalars(UInt8.self) }
    }
}

/// SeriesPoints styling: per-series colours, marker shapes and sizes (pt), names.
public struct SeriesPointsView: ArchetypeView {
    public static let archetype = "SeriesPoints"
    public static let components = ["colors", "markers", "marker_sizes", "names", "visible_series"].map(c)

    public var colors: Clamped<UInt32>
    /// 1 Circle, 2 Diamond, 3 Square, 4 Cross, 5 Plus, 6 Up, 7 Down, 8 Left, 9 Right, 10 Asterisk.
    public var markers: Clamped<UInt8>
    public var markerSizes: Clamped<Float>
    public var names: [String]
    public var visibleSeries: Clamped<Bool>

    public init?(_ r: LatestAtResults) {
        guard !r.cells.isEmpty else { return nil }
        colors = Clamped(r.get(Self.c("colors")) { $0.scalars(UInt32.self) })
        markers = Clamped(r.get(Self.c("markers")) { $0.scalars(UInt8.self) })
        markerSizes = Clamped(r.get(Self.c("marker_sizes")) { $0.scalars(Float.self) })
        names = r.get(Self.c("names")) { $0.strings() }
        visibleSeries = Clamped(r.get(Self.c("visible_series")) { $0.bools() })
    }
}

/// BarChart: a 1-D tensor of values, optional abscissa tensor, widths and one colour.
public struct BarChartView: ArchetypeView {
    public static let archetype = "BarChart"
    public static let components = ["values", "abscissa", "widths", "color"].map(c)

    public var values: TensorDataValue
    public var abscissa: TensorDataValue?
    public var widths: Clamped<Float>
    public var color: UInt32?

    public init?(_ r: LatestAtResults) {
        guard let v = r.first(Self.c("values"), { $0.tensorData() }) else { return nil }
        values = v
        abscissa = r.first(Self.c("abscissa")) { $0.tensorData() }
        widths = Clamped(r.get(Self.c("widths")) { $0.scalars(Float.self) })
        color = r.first(Self.c("color")) { $0.scalars(UInt32.self) }
    }
}
