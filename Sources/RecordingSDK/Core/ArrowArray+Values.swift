import ArrowIPC

/// Arrow arrays from Swift values, in the layouts Rerun's components use.
extension ArrowArray {
    /// A zero-length array of any type (used to clear a component).
    static func empty(of type: ArrowType) -> ArrowArray {
        switch type {
        case .null: return .nulls(count: 0)
        case .bool: return .bools([])
        case .int8: return .primitive([Int8]())
        case .int16: return .primitive([Int16]())
        case .int32: return .primitive([Int32]())
        case .int64, .timestamp, .duration: return .primitive([Int64](), type: type)
        case .uint8: return .primitive([UInt8]())
        case .uint16: return .primitive([UInt16]())
        case .uint32: return .primitive([UInt32]())
        case .uint64: return .primitive([UInt64]())
        case .float16: return .primitive([ArrowFloat16]())
        case .float32: return .primitive([Float]())
        case .float64: return .primitive([Double]())
        case .utf8: return .utf8([])
        case .fixedSizeBinary(let w): return .fixedSizeBinary(width: w, [])
        case .list(let f): return .list(empty(of: f.type), lengths: [], itemName: f.name, itemNullable: f.nullable)
        case .fixedSizeList(let f, let n): return .fixedSizeList(empty(of: f.type), size: n, itemNullable: f.nullable)
        case .struct(let fs): return .structure(fs.map { ($0.name, $0.nullable, empty(of: $0.type)) }, length: 0)
        case .denseUnion(let fs, let ids):
            return .denseUnion(fs.map { ($0.name, $0.nullable, empty(of: $0.type)) }, typeIds: ids, slotTypeIds: [], slotOffsets: [])
        case .unsupported: return .nulls(count: 0)
        }
    }

    /// `fixed_size_list<item: T not null>[n]` from flattened values.
    static func fixed<T: ArrowPrimitive>(_ flat: [T], size: Int) -> ArrowArray {
        .fixedSizeList(.primitive(flat), size: size)
    }

    static func vec2(_ v: [SIMD2<Float>]) -> ArrowArray { fixed(v.flatMap { [$0.x, $0.y] }, size: 2) }
    static func vec3(_ v: [SIMD3<Float>]) -> ArrowArray { fixed(v.flatMap { [$0.x, $0.y, $0.z] }, size: 3) }
    static func vec4(_ v: [SIMD4<Float>]) -> ArrowArray { fixed(v.flatMap { [$0.x, $0.y, $0.z, $0.w] }, size: 4) }

    /// `list<item: T not null>` with one inner list per element of `lists`.
    static func lists(_ child: ArrowArray, lengths: [Int]) -> ArrowArray { .list(child, lengths: lengths) }

    /// `list<item: uint8 not null>` with one blob per element.
    static func blobs(_ blobs: [[UInt8]]) -> ArrowArray { .list(.primitive(blobs.flatMap { $0 }), lengths: blobs.map(\.count)) }

    /// `list<item: fixed_size_list<item: float not null>[n] not null>`: one strip per element.
    static func strips<V: SIMD>(_ strips: [[V]]) -> ArrowArray where V.Scalar == Float {
        let flat = strips.flatMap { $0.flatMap { v in (0 ..< V.scalarCount).map { v[$0] } } }
        return .list(fixed(flat, size: V.scalarCount), lengths: strips.map(\.count))
    }

    /// Strings (never null).
    static func strings(_ s: [String]) -> ArrowArray { .utf8(s) }
}
