import ArrowIPC

/// The values of one user column, with the Arrow type pyarrow would infer for them: float → f64,
/// int → i64, string → utf8, bool → bool. `.floats` (f32) and `.arrow` let a caller pick another type.
///
/// Literals work as in Python: `"celsius"`, `21.5`, `3`, `true`, `[0.9, 0.8]`. An array literal that mixes
/// integers and floats becomes f64 (as in pyarrow); any other mixture is written as the values' text.
public enum AnyValue: Sendable {
    case doubles([Double])
    case floats([Float])
    case ints([Int64])
    case strings([String])
    case bools([Bool])
    /// Any Arrow array, one slot per instance.
    case arrow(ArrowArray)

    /// The instances as an Arrow array.
    public var array: ArrowArray {
        switch self {
        case .doubles(let v): .primitive(v)
        case .floats(let v): .primitive(v)
        case .ints(let v): .primitive(v)
        case .strings(let v): .strings(v)
        case .bools(let v): .bools(v)
        case .arrow(let a): a
        }
    }

    var texts: [String] {
        switch self {
        case .doubles(let v): v.map { "\($0)" }
        case .floats(let v): v.map { "\($0)" }
        case .ints(let v): v.map { "\($0)" }
        case .strings(let v): v
        case .bools(let v): v.map { "\($0)" }
        case .arrow(let a): (0 ..< a.length).map { _ in "\(a.type)" }
        }
    }
}

extension AnyValue: ExpressibleByStringLiteral, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral {
    public init(stringLiteral value: String) { self = .strings([value]) }
    public init(floatLiteral value: Double) { self = .doubles([value]) }
    public init(integerLiteral value: Int64) { self = .ints([value]) }
    public init(booleanLiteral value: Bool) { self = .bools([value]) }

    public init(arrayLiteral elements: AnyValue...) {
        var doubles: [Double] = [], ints: [Int64] = [], strings: [String] = [], bools: [Bool] = []
        var sawDouble = false, sawInt = false, sawString = false, sawBool = false, sawOther = false
        for e in elements {
            switch e {
            case .doubles(let v): doubles += v; sawDouble = true
            case .ints(let v): ints += v; doubles += v.map(Double.init); sawInt = true
            case .strings(let v): strings += v; sawString = true
            case .bools(let v): bools += v; sawBool = true
            case .floats(let v): doubles += v.map(Double.init); sawDouble = true
            case .arrow: sawOther = true
            }
        }
        let kinds = [sawDouble || sawInt, sawString, sawBool, sawOther].filter { $0 }.count
        if kinds > 1 || sawOther {
            self = .strings(elements.flatMap(\.texts))
        } else if sawString {
            self = .strings(strings)
        } else if sawBool {
            self = .bools(bools)
        } else if sawDouble {
            self = .doubles(doubles)
        } else if sawInt {
            self = .ints(ints)
        } else {
            self = .doubles([])  // pyarrow infers null for [], Rerun writes f64 for an empty float batch
        }
    }
}
