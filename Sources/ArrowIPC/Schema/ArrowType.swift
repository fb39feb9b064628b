/// Time unit of Timestamp / Duration / Time types.
public enum ArrowTimeUnit: Int16, Sendable, Hashable {
    case second = 0, millisecond = 1, microsecond = 2, nanosecond = 3

    /// pyarrow's spelling (`s`, `ms`, `us`, `ns`).
    public var symbol: String {
        switch self {
        case .second: "s"
        case .millisecond: "ms"
        case .microsecond: "us"
        case .nanosecond: "ns"
        }
    }
}

/// The data type of an Arrow array.
///
/// Everything rrd-format.md §7.4 lists is decoded; other IPC types are recognised (`unsupported`) so that the
/// reader can step over their buffers and keep the column as opaque instead of failing the whole batch.
public indirect enum ArrowType: Sendable, Hashable, CustomStringConvertible {
    case null
    case bool
    case int8, int16, int32, int64
    case uint8, uint16, uint32, uint64
    case float16, float32, float64
    case utf8
    case fixedSizeBinary(byteWidth: Int)
    case timestamp(unit: ArrowTimeUnit, timezone: String?)
    case duration(unit: ArrowTimeUnit)
    case list(ArrowField)
    case fixedSizeList(ArrowField, size: Int)
    case `struct`([ArrowField])
    /// A dense union: `typeIds[k]` is the type id of `fields[k]`.
    case denseUnion([ArrowField], typeIds: [Int8])
    /// A type the reader recognises but does not decode; `name` is pyarrow-like (e.g. `large_string`).
    case unsupported(typeCode: UInt8, name: String)

    /// Byte width of one value for fixed-width primitive types (nil otherwise; Bool is bit-packed).
    public var primitiveWidth: Int? {
        switch self {
        case .int8, .uint8: 1
        case .int16, .uint16, .float16: 2
        case .int32, .uint32, .float32: 4
        case .int64, .uint64, .float64, .timestamp, .duration: 8
        default: nil
        }
    }

    /// pyarrow's `str(type)`, e.g. `list<item: fixed_size_list<item: float not null>[3]>`.
    public var description: String {
        switch self {
        case .null: "null"
        case .bool: "bool"
        case .int8: "int8"
        case .int16: "int16"
        case .int32: "int32"
        case .int64: "int64"
        case .uint8: "uint8"
        case .uint16: "uint16"
        case .uint32: "uint32"
        case .uint64: "uint64"
        case .float16: "halffloat"
        case .float32: "float"
        case .float64: "double"
        case .utf8: "string"
        case .fixedSizeBinary(let w): "fixed_size_binary[\(w)]"
        case .timestamp(let unit, let tz): tz.map { "timestamp[\(unit.symbol), tz=\($0)]" } ?? "timestamp[\(unit.symbol)]"
        case .duration(let unit): "duration[\(unit.symbol)]"
        case .list(let f): "list<\(f.typeDescription)>"
        case .fixedSizeList(let f, let n): "fixed_size_list<\(f.typeDescription)>[\(n)]"
        case .struct(let fs): "struct<\(fs.map(\.typeDescription).joined(separator: ", "))>"
        case .denseUnion(let fs, let ids):
            "dense_union<\(zip(fs, ids).map { "\($0.typeDescription)=\($1)" }.joined(separator: ", "))>"
        case .unsupported(_, let name): name
        }
    }
}

extension ArrowType {
    /// Whether this type, or any type nested in it, is one this reader keeps only as raw bytes (`unsupported`).
    public var containsUnsupported: Bool {
        switch self {
        case .unsupported: true
        case .list(let f), .fixedSizeList(let f, _): f.type.containsUnsupported
        case .struct(let fs), .denseUnion(let fs, _): fs.contains { $0.type.containsUnsupported }
        default: false
        }
    }
}
