import ArrowIPC

/// Converts Arrow values to JSON the way `rrd_dump.py` does: lists and fixed-size lists as arrays, structs as
/// objects, dense unions as `{"variant", "value"}`, binary as lower-case hex, temporal values as integers.
enum ArrowJSON {
    static func value(_ a: ArrowArray, _ i: Int) -> JSONValue {
        if !a.isValid(i) { return .null }
        switch a.type {
        case .null: return .null
        case .bool: return .bool(a.bool(at: i)!)
        case .int8: return .int(Int64(a.values(Int8.self)![i]))
        case .int16: return .int(Int64(a.values(Int16.self)![i]))
        case .int32: return .int(Int64(a.values(Int32.self)![i]))
        case .int64, .timestamp, .duration: return .int(a.values(Int64.self)![i])
        case .uint8: return .int(Int64(a.values(UInt8.self)![i]))
        case .uint16: return .int(Int64(a.values(UInt16.self)![i]))
        case .uint32: return .int(Int64(a.values(UInt32.self)![i]))
        case .uint64: return .uint(a.values(UInt64.self)![i])
        case .float16: return .double(Double(a.values(ArrowFloat16.self)![i].floatValue))
        case .float32: return .double(Double(a.values(Float.self)![i]))
        case .float64: return .double(a.values(Double.self)![i])
        case .utf8: return .string(a.string(at: i)!)
        case .fixedSizeBinary:
            return .string(a.binary(at: i)!.bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined())
        case .list, .fixedSizeList:
            let r = a.valueRange(at: i)!
            return .array(r.map { value(a.children[0], $0) })
        case .struct(let fields):
            var o: [String: JSONValue] = [:]
            for (k, f) in fields.enumerated() { o[f.name] = value(a.children[k], i) }
            return .object(o)
        case .denseUnion(let fields, _):
            let (k, j) = a.unionSlot(at: i)!
            return .object(["variant": .string(fields[k].name), "value": value(a.children[k], j)])
        case .unsupported(_, let name):
            return .string("<unsupported \(name)>")
        }
    }
}
