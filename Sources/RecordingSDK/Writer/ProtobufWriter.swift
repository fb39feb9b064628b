/// A minimal proto3 encoder: varints, fixed64, length-delimited fields (rrd-format.md §5).
struct ProtobufWriter {
    private(set) var bytes: [UInt8] = []

    mutating func varint(_ v: UInt64) {
        var v = v
        while v >= 0x80 {
            bytes.append(UInt8(v & 0x7F) | 0x80)
            v >>= 7
        }
        bytes.append(UInt8(v))
    }

    /// Field `number` with wire type 0.
    mutating func uint(_ number: Int, _ v: UInt64) {
        varint(UInt64(number << 3))
        varint(v)
    }

    /// Field `number` with wire type 1 (little-endian fixed64).
    mutating func fixed64(_ number: Int, _ v: UInt64) {
        varint(UInt64(number << 3 | 1))
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Field `number` with wire type 2.
    mutating func bytes(_ number: Int, _ data: [UInt8]) {
        varint(UInt64(number << 3 | 2))
        varint(UInt64(data.count))
        bytes.append(contentsOf: data)
    }

    mutating func string(_ number: Int, _ s: String) { bytes(number, Array(s.utf8)) }

    /// A sub-message built by `body`.
    mutating func message(_ number: Int, _ body: (inout ProtobufWriter) -> Void) {
        var sub = ProtobufWriter()
        body(&sub)
        bytes(number, sub.bytes)
    }
}
