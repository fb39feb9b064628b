/// A protobuf wire-format field walker over one message's bytes (proto3; groups are rejected).
///
/// Fields come in any order and may repeat; callers keep the last value of scalars and skip unknown fields
/// by simply ignoring them. Every read is bounds-checked; errors carry the absolute file offset.
struct ProtobufReader {
    let bytes: UnsafeRawBufferPointer
    /// File offset of `bytes[0]`.
    let origin: Int
    private(set) var position = 0

    init(_ bytes: UnsafeRawBufferPointer, origin: Int) {
        self.bytes = bytes
        self.origin = origin
    }

    /// The value of one field.
    enum Value {
        case varint(UInt64)
        case fixed64(UInt64)
        case fixed32(UInt32)
        /// Offset range of the bytes inside `bytes`.
        case bytes(Range<Int>)

        var uint: UInt64? {
            switch self {
            case .varint(let v), .fixed64(let v): v
            case .fixed32(let v): UInt64(v)
            case .bytes: nil
            }
        }
    }

    private mutating func varint() throws(RRDError) -> UInt64 {
        var result: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            guard position < bytes.count else {
                throw .protobuf(offset: origin + position, reason: "varint runs past the end of the message")
            }
            let b = bytes[position]
            position += 1
            guard shift < 64 else { throw .protobuf(offset: origin + position - 1, reason: "varint longer than 10 bytes") }
            result |= UInt64(b & 0x7F) << shift
            if b & 0x80 == 0 { return result }
            shift += 7
        }
    }

    private mutating func take(_ n: Int, _ what: String) throws(RRDError) -> Range<Int> {
        guard n >= 0, n <= bytes.count - position else {
            throw .protobuf(offset: origin + position, reason: "\(what) of \(n) bytes runs past the end of the message")
        }
        defer { position += n }
        return position ..< position + n
    }

    /// The next field, or nil at the end of the message.
    mutating func next() throws(RRDError) -> (field: UInt64, value: Value)? {
        guard position < bytes.count else { return nil }
        let keyOffset = position
        let key = try varint()
        let field = key >> 3
        guard field > 0 else { throw .protobuf(offset: origin + keyOffset, reason: "field number 0") }
        switch key & 7 {
        case 0: return (field, .varint(try varint()))
        case 1:
            let r = try take(8, "fixed64")
            return (field, .fixed64(bytes.loadUnaligned(fromByteOffset: r.lowerBound, as: UInt64.self).littleEndian))
        case 2:
            let n = try varint()
            guard n <= UInt64(bytes.count) else {
                throw .protobuf(offset: origin + keyOffset, reason: "length \(n) runs past the end of the message")
            }
            return (field, .bytes(try take(Int(n), "length-delimited field")))
        case 5:
            let r = try take(4, "fixed32")
            return (field, .fixed32(bytes.loadUnaligned(fromByteOffset: r.lowerBound, as: UInt32.self).littleEndian))
        case let w:
            throw .protobuf(offset: origin + keyOffset, reason: "unsupported wire type \(w)")
        }
    }

    /// A reader over a nested message.
    func nested(_ range: Range<Int>) -> ProtobufReader {
        ProtobufReader(UnsafeRawBufferPointer(rebasing: bytes[range]), origin: origin + range.lowerBound)
    }

    /// The UTF-8 text in `range`.
    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self)
    }
}
