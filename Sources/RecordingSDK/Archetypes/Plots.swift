import ArrowIPC
import RecordingModel

/// `rerun.archetypes.Scalars`: one value per series at the current time (plotted over a timeline).
public struct Scalars: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("Scalars", [("scalars", "Scalar", .float64)])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    public init(_ scalars: [Double]) { self = .update(scalars: scalars) }
    public init(_ scalar: Double) { self.init([scalar]) }

    public static func update(scalars: [Double]? = nil, clearUnset: Bool = false) -> Scalars {
        var a = empty()
        a.put("scalars", scalars.map { .primitive($0) })
        return a.applying(clearUnset: clearUnset)
    }
}

/// `rerun.archetypes.SeriesLines`: how the series of a Scalars entity are drawn as lines (usually static).
public struct SeriesLines: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("SeriesLines", [
        ("colors", "Color", .uint32), ("widths", "StrokeWidth", .float32), ("names", "Name", .utf8), ("visible_series", "Visible", .bool),
        ("aggregation_policy", "AggregationPolicy", .uint8), ("interpolation_mode", "InterpolationMode", .uint8),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    public init(colors: [Color]? = nil, widths: [Float]? = nil, names: [String]? = nil, visibleSeries: [Bool]? = nil,
                aggregationPolicy: AggregationPolicy? = nil, interpolationMode: InterpolationMode? = nil) {
        var a = SeriesLines.empty()
        a.put("colors", colors.map(ArrowArray.colors))
        a.put("widths", widths.map { .primitive($0) })
        a.put("names", names.map(ArrowArray.strings))
        a.put("visible_series", visibleSeries.map { .bools($0) })
        a.put("aggregation_policy", aggregationPolicy.map { .primitive([$0.rawValue]) })
        a.put("interpolation_mode", interpolationMode.map { .primitive([$0.rawValue]) })
        self = a
    }
}

/// `rerun.archetypes.SeriesPoints`: how the series of a Scalars entity are drawn as markers.
public struct SeriesPoints: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("SeriesPoints", [
        ("colors", "Color", .uint32), ("markers", "MarkerShape", .uint8), ("names", "Name", .utf8), ("visible_series", "Visible", .bool),
        ("marker_sizes", "MarkerSize", .float32),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    public init(colors: [Color]? = nil, markers: [MarkerShape]? = nil, names: [String]? = nil, visibleSeries: [Bool]? = nil,
                markerSizes: [Float]? = nil) {
        var a = SeriesPoints.empty()
        a.put("colors", colors.map(ArrowArray.colors))
        a.put("markers", markers.map { .primitive($0.map(\.rawValue)) })
        a.put("names", names.map(ArrowArray.strings))
        a.put("visible_series", visibleSeries.map { .bools($0) })
        a.put("marker_sizes", markerSizes.map { .primitive($0) })
        self = a
    }
}

/// `rerun.archetypes.BarChart`: a 1-D tensor drawn as bars.
public struct BarChart: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("BarChart", [
        ("values", "TensorData", AT.tensorData), ("color", "Color", .uint32), ("abscissa", "TensorData", AT.tensorData),
        ("widths", "Length", .float32),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    /// Bars of heights `values` (any tensor element type, kept as given), optionally at `abscissa` positions.
    public init(_ values: TensorData, color: Color? = nil, abscissa: TensorData? = nil, widths: [Float]? = nil) {
        var a = BarChart.empty()
        a.put("values", .tensors([values]))
        a.put("color", color.map { .colors([$0]) })
        a.put("abscissa", abscissa.map { .tensors([$0]) })
        a.put("widths", widths.map { .primitive($0) })
        self = a
    }

    public init<T: TensorElement>(_ values: [T], color: Color? = nil) { self.init(TensorData(values), color: color) }
}

/// `rerun.archetypes.Tensor`: an n-dimensional array.
public struct Tensor: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("Tensor", [("data", "TensorData", AT.tensorData), ("value_range", "ValueRange", AT.f64x2)])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    public init(_ data: TensorData, valueRange: ClosedRange<Double>? = nil) {
        var a = Tensor.empty()
        a.put("data", .tensors([data]))
        a.put("value_range", valueRange.map { .fixed([$0.lowerBound, $0.upperBound], size: 2) })
        self = a
    }
}
