/// Typed, bounds-safe access to the values of an `ArrowArray`. Nothing here copies values unless it returns
/// Swift arrays or strings; `nil` means "this array does not have that type".
extension ArrowArray {
    /// False when slot `i` is null (always true without a validity bitmap, false for the `null` type).
    @inline(__always) public func isValid(_ i: Int) -> Bool {
        if case .null = type { return false }
        guard let v = validity else { return true }
        precondition(i >= 0 && i < length, "ArrowArray index out of range")
        return (v.base.load(fromByteOffset: i >> 3, as: UInt8.self) >> UInt8(i & 7)) & 1 == 1
    }

    /// The values of a fixed-width primitive array (Int64 also reads Timestamp and Duration arrays).
    public func values<T: ArrowPrimitive>(_: T.Type) -> ArrowValues<T>? {
        guard T.canRead(type), let b = buffers.first, MemoryLayout<T>.size == type.primitiveWidth else { return nil }
        return ArrowValues(buffer: b, count: length)
    }

    /// The bit-packed value `i` of a Bool array.
    public func bool(at i: Int) -> Bool? {
        guard case .bool = type, i >= 0, i < length else { return nil }
        return (buffers[0].base.load(fromByteOffset: i >> 3, as: UInt8.self) >> UInt8(i & 7)) & 1 == 1
    }

    /// The child index range of slot `i` of a List array, or the byte range of slot `i` of a Utf8 array.
    public func valueRange(at i: Int) -> Range<Int>? {
        switch type {
        case .list, .utf8:
            guard i >= 0, i < length else { return nil }
            let p = buffers[0].base.assumingMemoryBound(to: Int32.self)
            return Int(Int32(littleEndian: p[i])) ..< Int(Int32(littleEndian: p[i + 1]))
        case .fixedSizeList(_, let size):
            guard i >= 0, i < length else { return nil }
            return i * size ..< (i + 1) * size
        default:
            return nil
        }
    }

    /// The string in slot `i` of a Utf8 array (invalid UTF-8 is repaired with U+FFFD).
    public func string(at i: Int) -> String? {
        guard case .utf8 = type, let r = valueRange(at: i) else { return nil }
        return String(decoding: UnsafeRawBufferPointer(start: buffers[1].base + r.lowerBound, count: r.count), as: UTF8.self)
    }

    /// The bytes of slot `i` of a FixedSizeBinary or Utf8 array, zero-copy.
    public func binary(at i: Int) -> ArrowBuffer? {
        switch type {
        case .fixedSizeBinary(let w):
            guard i >= 0, i < length else { return nil }
            return try? ArrowBuffer(storage: buffers[0].storage, offset: buffers[0].offset + i * w, count: w)
        case .utf8:
            guard let r = valueRange(at: i) else { return nil }
            return try? ArrowBuffer(storage: buffers[1].storage, offset: buffers[1].offset + r.lowerBound, count: r.count)
        default:
            return nil
        }
    }

    /// The single child of a List / FixedSizeList array.
    public var listChild: ArrowArray? {
        switch type {
        case .list, .fixedSizeList: children[0]
        default: nil
        }
    }

    /// The child named `name` of a Struct array.
    public func field(_ name: String) -> ArrowArray? {
        guard case .struct(let fields) = type, let k = fields.firstIndex(where: { $0.name == name }) else { return nil }
        return children[k]
    }

    /// Slot `i` of a dense Union: which child (index into `children`) and which element of it.
    public func unionSlot(at i: Int) -> (child: Int, index: Int)? {
        guard case .denseUnion(_, let typeIds) = type, i >= 0, i < length else { return nil }
        let id = Int8(bitPattern: buffers[0].base.load(fromByteOffset: i, as: UInt8.self))
        guard let k = typeIds.firstIndex(of: id) else { return nil }
        let o = buffers[1].base.assumingMemoryBound(to: Int32.self)[i]
        return (k, Int(Int32(littleEndian: o)))
    }
}
