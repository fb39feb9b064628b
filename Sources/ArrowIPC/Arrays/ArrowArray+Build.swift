/// Builders: Arrow arrays made from Swift values (used by the logging SDK and by tests).
///
/// Each builder copies its input once into a fresh `ArrowStorage` and produces an array that satisfies the
/// `ArrowArray` invariants by construction; inconsistent arguments (a validity list of the wrong length,
/// lengths that do not add up) are programming errors and stop with a precondition failure.
extension ArrowArray {
    /// A bitmap buffer from per-slot flags, plus the number of `false` flags.
    static func bitmap(_ flags: [Bool]) -> (ArrowBuffer, Int) {
        var bytes = [UInt8](repeating: 0, count: (flags.count + 7) / 8)
        var zeros = 0
        for (i, f) in flags.enumerated() {
            if f { bytes[i >> 3] |= 1 << UInt8(i & 7) } else { zeros += 1 }
        }
        return (ArrowBuffer(ArrowStorage(bytes)), zeros)
    }

    static func validityBuffer(_ validity: [Bool]?, length: Int) -> (ArrowBuffer?, Int) {
        guard let validity else { return (nil, 0) }
        precondition(validity.count == length, "validity has \(validity.count) flags for \(length) slots")
        let (b, nulls) = bitmap(validity)
        return (nulls > 0 ? b : nil, nulls)
    }

    /// A primitive array of `values`; `type` may override the Arrow type for same-width types
    /// (e.g. `.timestamp(unit: .nanosecond, timezone: nil)` for `Int64`).
    public static func primitive<T: ArrowPrimitive>(_ values: [T], type: ArrowType? = nil, validity: [Bool]? = nil) -> ArrowArray {
        let t = type ?? T.arrowType
        precondition(t.primitiveWidth == MemoryLayout<T>.size, "type \(t) does not hold \(T.self) values")
        let storage = values.withUnsafeBytes { ArrowStorage(copying: $0) }
        let (v, nulls) = validityBuffer(validity, length: values.count)
        return ArrowArray(type: t, length: values.count, nullCount: nulls, validity: v,
                          buffers: [ArrowBuffer(storage)], children: [])
    }

    /// A Bool array.
    public static func bools(_ values: [Bool], validity: [Bool]? = nil) -> ArrowArray {
        let (v, nulls) = validityBuffer(validity, length: values.count)
        return ArrowArray(type: .bool, length: values.count, nullCount: nulls, validity: v,
                          buffers: [bitmap(values).0], children: [])
    }

    /// A Utf8 array; `nil` entries are null slots.
    public static func utf8(_ values: [String?]) -> ArrowArray {
        var offsets: [Int32] = [0]
        var data: [UInt8] = []
        offsets.reserveCapacity(values.count + 1)
        for s in values {
            if let s { data.append(contentsOf: s.utf8) }
            offsets.append(Int32(data.count))
        }
        let (v, nulls) = validityBuffer(values.contains(nil) ? values.map { $0 != nil } : nil, length: values.count)
        return ArrowArray(type: .utf8, length: values.count, nullCount: nulls, validity: v,
                          buffers: [offsets.withUnsafeBytes { ArrowBuffer(ArrowStorage(copying: $0)) }, ArrowBuffer(ArrowStorage(data))],
                          children: [])
    }

    /// A FixedSizeBinary(width) array over `bytes` (`bytes.count` must be a multiple of `width`).
    public static func fixedSizeBinary(width: Int, _ bytes: [UInt8], validity: [Bool]? = nil) -> ArrowArray {
        precondition(width > 0 && bytes.count % width == 0, "byte count is not a multiple of \(width)")
        let n = bytes.count / width
        let (v, nulls) = validityBuffer(validity, length: n)
        return ArrowArray(type: .fixedSizeBinary(byteWidth: width), length: n, nullCount: nulls, validity: v,
                          buffers: [ArrowBuffer(ArrowStorage(bytes))], children: [])
    }

    /// An all-null array of the `null` type.
    public static func nulls(count: Int) -> ArrowArray {
        ArrowArray(type: .null, length: count, nullCount: count, validity: nil, buffers: [], children: [])
    }

    /// A List array over `child`: slot `i` holds `lengths[i]` consecutive child values, or is null when
    /// `lengths[i]` is nil. The lengths must add up to `child.length`.
    public static func list(_ child: ArrowArray, lengths: [Int?], itemName: String = "item", itemNullable: Bool = false) -> ArrowArray {
        var offsets: [Int32] = [0]
        offsets.reserveCapacity(lengths.count + 1)
        var total = 0
        for l in lengths {
            total += l ?? 0
            offsets.append(Int32(total))
        }
        precondition(total == child.length, "list lengths add up to \(total), child has \(child.length)")
        let (v, nulls) = validityBuffer(lengths.contains(nil) ? lengths.map { $0 != nil } : nil, length: lengths.count)
        let field = ArrowField(name: itemName, type: child.type, nullable: itemNullable)
        return ArrowArray(type: .list(field), length: lengths.count, nullCount: nulls, validity: v,
                          buffers: [offsets.withUnsafeBytes { ArrowBuffer(ArrowStorage(copying: $0)) }], children: [child])
    }

    /// A FixedSizeList(size) array over `child` (`child.length` must be a multiple of `size`).
    public static func fixedSizeList(_ child: ArrowArray, size: Int, validity: [Bool]? = nil, itemNullable: Bool = false) -> ArrowArray {
        precondition(size > 0 && child.length % size == 0, "child length \(child.length) is not a multiple of \(size)")
        let n = child.length / size
        let (v, nulls) = validityBuffer(validity, length: n)
        let field = ArrowField(name: "item", type: child.type, nullable: itemNullable)
        return ArrowArray(type: .fixedSizeList(field, size: size), length: n, nullCount: nulls, validity: v,
                          buffers: [], children: [child])
    }

    /// A Struct array of `length` rows; every child must have exactly `length` values.
    public static func structure(_ fields: [(name: String, nullable: Bool, array: ArrowArray)], length: Int,
                                 validity: [Bool]? = nil) -> ArrowArray {
        for f in fields { precondition(f.array.length == length, "struct field \(f.name) has \(f.array.length) values, not \(length)") }
        let (v, nulls) = validityBuffer(validity, length: length)
        return ArrowArray(type: .struct(fields.map { ArrowField(name: $0.name, type: $0.array.type, nullable: $0.nullable) }),
                          length: length, nullCount: nulls, validity: v, buffers: [], children: fields.map(\.array))
    }

    /// A dense Union: variant `k` is `variants[k]` with type id `typeIds[k]`; slot `i` is element
    /// `slotOffsets[i]` of the variant whose type id is `slotTypeIds[i]`.
    public static func denseUnion(_ variants: [(name: String, nullable: Bool, array: ArrowArray)], typeIds: [Int8],
                                  slotTypeIds: [Int8], slotOffsets: [Int32]) -> ArrowArray {
        precondition(variants.count == typeIds.count && slotTypeIds.count == slotOffsets.count, "union shape mismatch")
        for (id, o) in zip(slotTypeIds, slotOffsets) {
            let k = typeIds.firstIndex(of: id)
            precondition(k != nil && o >= 0 && Int(o) < variants[k!].array.length, "union slot out of range")
        }
        let fields = variants.map { ArrowField(name: $0.name, type: $0.array.type, nullable: $0.nullable) }
        return ArrowArray(type: .denseUnion(fields, typeIds: typeIds), length: slotTypeIds.count, nullCount: 0, validity: nil,
                          buffers: [slotTypeIds.withUnsafeBytes { ArrowBuffer(ArrowStorage(copying: $0)) },
                                    slotOffsets.withUnsafeBytes { ArrowBuffer(ArrowStorage(copying: $0)) }],
                          children: variants.map(\.array))
    }
}

extension ArrowArray {
    /// A List array from explicit offsets (`length + 1` non-decreasing values ending at most at `child.length`)
    /// and optional validity flags.
    public static func list(_ child: ArrowArray, offsets: [Int32], validity: [Bool]? = nil, itemName: String = "item",
                            itemNullable: Bool = false) -> ArrowArray {
        precondition(!offsets.isEmpty && offsets[0] >= 0 && Int(offsets.last!) <= child.length, "list offsets out of range")
        for i in 1 ..< offsets.count { precondition(offsets[i - 1] <= offsets[i], "list offsets decrease") }
        let (v, nulls) = validityBuffer(validity, length: offsets.count - 1)
        let field = ArrowField(name: itemName, type: child.type, nullable: itemNullable)
        return ArrowArray(type: .list(field), length: offsets.count - 1, nullCount: nulls, validity: v,
                          buffers: [offsets.withUnsafeBytes { ArrowBuffer(ArrowStorage(copying: $0)) }], children: [child])
    }
}
