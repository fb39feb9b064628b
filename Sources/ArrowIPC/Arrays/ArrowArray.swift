/// One Arrow array: a type, a length, an optional validity bitmap, its type-specific buffers and children.
///
/// Invariants (established by `validated(...)` for decoded arrays, and by construction for the builders):
/// * `0 <= nullCount <= length < 2^31`; `validity` is nil when `nullCount == 0`, else it holds ≥ ⌈length/8⌉ bytes.
/// * `buffers` (validity excluded) per type: primitives, Bool, FixedSizeBinary, Timestamp, Duration: `[values]`;
///   Utf8: `[offsets, data]`; List: `[offsets]`; FixedSizeList, Struct, Null: `[]`;
///   dense Union: `[typeIds, offsets]`; `unsupported`: whatever the IPC layout had (never read).
/// * Every buffer is large enough for `length` values, aligned for its element type, and every offset
///   (Utf8/List offsets, union offsets, union type ids) has been checked to stay inside its target, so the
///   accessors below never read outside a buffer whatever the input bytes were.
/// * Children: List → 1 (any length ≥ last offset); FixedSizeList(n) → 1 (length ≥ n·length);
///   Struct → one per field (length ≥ length); Union → one per variant.
public struct ArrowArray: Sendable {
    public let type: ArrowType
    public let length: Int
    public let nullCount: Int
    public let validity: ArrowBuffer?
    public let buffers: [ArrowBuffer]
    public let children: [ArrowArray]

    /// Largest length an array may declare (Arrow's 32-bit offsets bound real data far below this anyway).
    public static let maxLength = Int(Int32.max)

    /// Unchecked memberwise init: the caller guarantees the invariants above.
    init(type: ArrowType, length: Int, nullCount: Int, validity: ArrowBuffer?, buffers: [ArrowBuffer], children: [ArrowArray]) {
        self.type = type
        self.length = length
        self.nullCount = nullCount
        self.validity = nullCount > 0 ? validity : nil
        self.buffers = buffers
        self.children = children
    }

    /// Builds an array from decoded parts and checks every invariant; `at` is the offset reported in errors.
    public static func validated(
        type: ArrowType, length: Int, nullCount: Int, validity: ArrowBuffer?,
        buffers: [ArrowBuffer], children: [ArrowArray], at errorOffset: Int
    ) throws(ArrowIPCError) -> ArrowArray {
        func bad(_ reason: String) -> ArrowIPCError { .malformed(offset: errorOffset, reason: "\(type): \(reason)") }
        func need(_ buffer: ArrowBuffer, _ bytes: Int, _ what: String) throws(ArrowIPCError) {
            guard buffer.count >= bytes else {
                throw .outOfBounds(offset: errorOffset, length: bytes, bound: buffer.count, what: "\(type) \(what) buffer")
            }
        }
        guard length >= 0, length <= maxLength else { throw bad("length \(length)") }
        guard nullCount >= 0, nullCount <= length else { throw bad("null count \(nullCount) for length \(length)") }
        var validityBuffer: ArrowBuffer? = nil
        if nullCount > 0, type != .null {
            guard let v = validity else { throw bad("nulls without a validity bitmap") }
            try need(v, (length + 7) / 8, "validity")
            validityBuffer = v
        }
        var bufs = buffers
        switch type {
        case .null:
            break
        case .bool:
            guard bufs.count == 1 else { throw bad("expected 1 buffer") }
            try need(bufs[0], (length + 7) / 8, "values")
        case .fixedSizeBinary(let width):
            guard width >= 0, bufs.count == 1 else { throw bad("expected 1 buffer") }
            let (bytes, o) = length.multipliedReportingOverflow(by: width)
            guard !o else { throw bad("size overflow") }
            try need(bufs[0], bytes, "values")
        case .utf8:
            guard bufs.count == 2 else { throw bad("expected 2 buffers") }
            bufs[0] = bufs[0].aligned(for: Int32.self)
            try checkOffsets(bufs[0], length: length, limit: bufs[1].count, at: errorOffset, type: type)
        case .list:
            guard bufs.count == 1, children.count == 1 else { throw bad("expected 1 buffer and 1 child") }
            bufs[0] = bufs[0].aligned(for: Int32.self)
            try checkOffsets(bufs[0], length: length, limit: children[0].length, at: errorOffset, type: type)
        case .fixedSizeList(_, let size):
            guard size >= 0, bufs.isEmpty, children.count == 1 else { throw bad("expected 1 child") }
            let (n, o) = length.multipliedReportingOverflow(by: size)
            guard !o, children[0].length >= n else { throw bad("child length \(children[0].length) < \(size) × \(length)") }
        case .struct(let fields):
            guard bufs.isEmpty, children.count == fields.count else { throw bad("expected \(fields.count) children") }
            for c in children where c.length < length { throw bad("child length \(c.length) < \(length)") }
        case .denseUnion(let fields, let typeIds):
            guard bufs.count == 2, children.count == fields.count, typeIds.count == fields.count else {
                throw bad("expected 2 buffers and \(fields.count) children")
            }
            try need(bufs[0], length, "type ids")
            bufs[1] = bufs[1].aligned(for: Int32.self)
            try need(bufs[1], 4 * length, "offsets")
            var childOf = [Int](repeating: -1, count: 256)
            for (k, id) in typeIds.enumerated() { childOf[Int(UInt8(bitPattern: id))] = k }
            let ids = bufs[0].base.assumingMemoryBound(to: UInt8.self)
            let offs = bufs[1].base.assumingMemoryBound(to: Int32.self)
            for i in 0 ..< length {
                let k = childOf[Int(ids[i])]
                guard k >= 0 else { throw bad("slot \(i) has unknown type id \(Int8(bitPattern: ids[i]))") }
                let o = Int(Int32(littleEndian: offs[i]))
                guard o >= 0, o < children[k].length else {
                    throw .outOfBounds(offset: errorOffset, length: 1, bound: children[k].length, what: "union offset \(o) of slot \(i)")
                }
            }
        case .unsupported:
            break
        default:
            guard let width = type.primitiveWidth, bufs.count == 1 else { throw bad("expected 1 buffer") }
            bufs[0] = alignedValues(bufs[0], width: width)
            try need(bufs[0], length * width, "values")
        }
        return ArrowArray(type: type, length: length, nullCount: nullCount, validity: validityBuffer,
                          buffers: bufs, children: children)
    }

    private static func alignedValues(_ b: ArrowBuffer, width: Int) -> ArrowBuffer {
        switch width {
        case 2: b.aligned(for: UInt16.self)
        case 4: b.aligned(for: UInt32.self)
        case 8: b.aligned(for: UInt64.self)
        default: b
        }
    }

    /// Offsets must hold `length + 1` non-decreasing values in `0 ... limit` (an empty array may omit them).
    private static func checkOffsets(
        _ buffer: ArrowBuffer, length: Int, limit: Int, at errorOffset: Int, type: ArrowType
    ) throws(ArrowIPCError) {
        if length == 0 && buffer.count < 4 { return }
        guard buffer.count >= 4 * (length + 1) else {
            throw .outOfBounds(offset: errorOffset, length: 4 * (length + 1), bound: buffer.count, what: "\(type) offsets buffer")
        }
        let p = buffer.base.assumingMemoryBound(to: Int32.self)
        var previous = Int32(littleEndian: p[0])
        guard previous >= 0, Int(previous) <= limit else {
            throw .outOfBounds(offset: errorOffset, length: Int(previous), bound: limit, what: "\(type) first offset")
        }
        for i in 1 ..< length + 1 {
            let o = Int32(littleEndian: p[i])
            guard o >= previous else {
                throw .malformed(offset: errorOffset, reason: "\(type): offsets decrease at \(i) (\(previous) → \(o))")
            }
            previous = o
        }
        guard Int(previous) <= limit else {
            throw .outOfBounds(offset: errorOffset, length: Int(previous), bound: limit, what: "\(type) last offset")
        }
    }
}
