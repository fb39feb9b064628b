import ArrowIPC

/// The element buffer of a TensorData: one variant of the dense union, as zero-copy values.
public enum TensorBuffer: Sendable {
    case u8(ArrowValues<UInt8>), u16(ArrowValues<UInt16>), u32(ArrowValues<UInt32>), u64(ArrowValues<UInt64>)
    case i8(ArrowValues<Int8>), i16(ArrowValues<Int16>), i32(ArrowValues<Int32>), i64(ArrowValues<Int64>)
    case f16(ArrowValues<ArrowFloat16>), f32(ArrowValues<Float>), f64(ArrowValues<Double>)

    public var count: Int {
        switch self {
        case .u8(let v): v.count
        case .u16(let v): v.count
        case .u32(let v): v.count
        case .u64(let v): v.count
        case .i8(let v): v.count
        case .i16(let v): v.count
        case .i32(let v): v.count
        case .i64(let v): v.count
        case .f16(let v): v.count
        case .f32(let v): v.count
        case .f64(let v): v.count
        }
    }

    /// Element `i` as a Double.
    public func double(at i: Int) -> Double {
        switch self {
        case .u8(let v): Double(v[i])
        case .u16(let v): Double(v[i])
        case .u32(let v): Double(v[i])
        case .u64(let v): Double(v[i])
        case .i8(let v): Double(v[i])
        case .i16(let v): Double(v[i])
        case .i32(let v): Double(v[i])
        case .i64(let v): Double(v[i])
        case .f16(let v): Double(v[i].floatValue)
        case .f32(let v): Double(v[i])
        case .f64(let v): v[i]
        }
    }

    /// The variant name as Rerun spells it (`U8`, `F64`, ...).
    public var variantName: String {
        switch self {
        case .u8: "U8"
        case .u16: "U16"
        case .u32: "U32"
        case .u64: "U64"
        case .i8: "I8"
        case .i16: "I16"
        case .i32: "I32"
        case .i64: "I64"
        case .f16: "F16"
        case .f32: "F32"
        case .f64: "F64"
        }
    }
}

/// A TensorData value: shape, optional dimension names, row-major elements.
public struct TensorDataValue: Sendable {
    public var shape: [UInt64]
    public var names: [String]?
    public var buffer: TensorBuffer

    /// Product of the shape (nil on overflow).
    public var elementCount: Int? {
        var n = 1
        for d in shape {
            guard let di = Int(exactly: d) else { return nil }
            let (m, o) = n.multipliedReportingOverflow(by: di)
            if o { return nil }
            n = m
        }
        return n
    }
}

extension ComponentCell {
    /// `Struct{shape: List<u64>, names: List<utf8>?, buffer: DenseUnion}` instances; instances whose union
    /// variant is `_null_markers` or of an unexpected type are dropped.
    public func tensorData() -> [TensorDataValue] {
        guard let shapeList = values.field("shape"), let shapeValues = shapeList.listChild?.values(UInt64.self),
              let union = values.field("buffer"), case .denseUnion(let fields, _) = union.type else { return [] }
        let namesList = values.field("names")
        return instances.compactMap { i in
            guard values.isValid(i), let sr = shapeList.valueRange(at: i), let (k, j) = union.unionSlot(at: i) else { return nil }
            let variant = union.children[k]
            guard let child = variant.listChild, variant.isValid(j), let r = variant.valueRange(at: j) else { return nil }
            func slice<T: ArrowPrimitive>(_: T.Type) -> ArrowValues<T>? {
                guard let v = child.values(T.self), r.upperBound <= v.count else { return nil }
                return v.slice(r)
            }
            let buffer: TensorBuffer?
            switch (fields[k].name, child.type) {
            case (_, .uint8): buffer = slice(UInt8.self).map { .u8($0) }
            case (_, .uint16): buffer = slice(UInt16.self).map { .u16($0) }
            case (_, .uint32): buffer = slice(UInt32.self).map { .u32($0) }
            case (_, .uint64): buffer = slice(UInt64.self).map { .u64($0) }
            case (_, .int8): buffer = slice(Int8.self).map { .i8($0) }
            case (_, .int16): buffer = slice(Int16.self).map { .i16($0) }
            case (_, .int32): buffer = slice(Int32.self).map { .i32($0) }
            case (_, .int64): buffer = slice(Int64.self).map { .i64($0) }
            case (_, .float16): buffer = slice(ArrowFloat16.self).map { .f16($0) }
            case (_, .float32): buffer = slice(Float.self).map { .f32($0) }
            case (_, .float64): buffer = slice(Double.self).map { .f64($0) }
            default: buffer = nil
            }
            guard let buffer else { return nil }
            var names: [String]? = nil
            if let nl = namesList, nl.isValid(i), let nr = nl.valueRange(at: i), let child = nl.listChild {
                names = nr.map { child.string(at: $0) ?? "" }
            }
            return TensorDataValue(shape: Array(sr.map { shapeValues[$0] }), names: names, buffer: buffer)
        }
    }
}

/// Tensor: an n-dimensional array and an optional value range.
public struct TensorView: ArchetypeView {
    public static let archetype = "Tensor"
    public static let components = ["data", "value_range"].map(c)

    public var data: TensorDataValue
    public var valueRange: SIMD2<Double>?

    public init?(_ r: LatestAtResults) {
        guard let d = r.first(Self.c("data"), { $0.tensorData() }) else { return nil }
        data = d
        valueRange = r.first(Self.c("value_range")) { $0.f64x2() }
    }
}
