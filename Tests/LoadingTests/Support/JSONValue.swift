import Foundation

/// A parsed JSON document that keeps integers exact (64-bit timestamps do not survive a trip through Double).
enum JSONValue: Equatable, Decodable, CustomStringConvertible {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int64.self) { self = .int(i) }
        else if let u = try? c.decode(UInt64.self) { self = .uint(u) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    static func parse(file: String) throws -> JSONValue {
        try JSONDecoder().decode(JSONValue.self, from: Data(contentsOf: URL(fileURLWithPath: file)))
    }

    subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    var array: [JSONValue]? { if case .array(let a) = self { a } else { nil } }
    var string: String? { if case .string(let s) = self { s } else { nil } }
    var int: Int64? {
        switch self {
        case .int(let i): i
        case .uint(let u): Int64(exactly: u)
        default: nil
        }
    }
    var bool: Bool? { if case .bool(let b) = self { b } else { nil } }

    /// Numbers compare by value whatever their JSON spelling (1 vs 1.0).
    static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.array(let x), .array(let y)): x.count == y.count && zip(x, y).allSatisfy { $0 == $1 }
        case (.object(let x), .object(let y)): x.count == y.count && x.allSatisfy { k, v in y[k].map { $0 == v } ?? false }
        default:
            if let x = a.exactNumber, let y = b.exactNumber { x == y }
            else if let x = a.doubleValue, let y = b.doubleValue { x == y || (x.isNaN && y.isNaN) }
            else { false }
        }
    }

    private var exactNumber: Int64? {
        switch self {
        case .int(let i): i
        case .uint(let u): Int64(exactly: u)
        case .double(let d): Int64(exactly: d)
        default: nil
        }
    }

    private var doubleValue: Double? {
        switch self {
        case .int(let i): Double(i)
        case .uint(let u): Double(u)
        case .double(let d): d
        default: nil
        }
    }

    /// Python `rrd_dump.py` truncation: every list longer than `k` becomes `{"len": N, "head": [first k]}`.
    func truncated(_ k: Int) -> JSONValue {
        switch self {
        case .array(let a):
            let items = a.prefix(k).map { $0.truncated(k) }
            return a.count > k ? .object(["len": .int(Int64(a.count)), "head": .array(items)]) : .array(items)
        case .object(let o):
            return .object(o.mapValues { $0.truncated(k) })
        default:
            return self
        }
    }

    var description: String {
        switch self {
        case .null: "null"
        case .bool(let b): "\(b)"
        case .int(let i): "\(i)"
        case .uint(let u): "\(u)"
        case .double(let d): "\(d)"
        case .string(let s): "\"\(s)\""
        case .array(let a): "[" + a.map(\.description).joined(separator: ", ") + "]"
        case .object(let o): "{" + o.keys.sorted().map { "\"\($0)\": \(o[$0]!)" }.joined(separator: ", ") + "}"
        }
    }
}
