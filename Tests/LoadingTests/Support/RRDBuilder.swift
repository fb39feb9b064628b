import RRDFormat

/// Tiny protobuf / RRD frame writer for crafting hostile test files.
enum RRDBuilder {
    static func varint(_ v: UInt64) -> [UInt8] {
        var v = v, out: [UInt8] = []
        while v >= 0x80 { out.append(UInt8(v & 0x7F) | 0x80); v >>= 7 }
        out.append(UInt8(v))
        return out
    }

    static func field(_ n: UInt64, varint v: UInt64) -> [UInt8] { varint(n << 3) + varint(v) }
    static func field(_ n: UInt64, bytes b: [UInt8]) -> [UInt8] { varint(n << 3 | 2) + varint(UInt64(b.count)) + b }

    static func u64(_ v: UInt64) -> [UInt8] { (0 ..< 8).map { UInt8(truncatingIfNeeded: v >> (8 * $0)) } }

    static let header: [UInt8] = Array("RRF2".utf8) + [0, 41, 0, 0, 1, 2, 0, 0]

    static func frame(kind: UInt64, _ body: [UInt8]) -> [UInt8] { u64(kind) + u64(UInt64(body.count)) + body }

    static let storeID = field(1, varint: 1) + field(2, bytes: Array("crafted".utf8))

    /// An ArrowMsg frame with the given compression (1 none, 2 LZ4) and declared uncompressed size.
    static func arrowMsg(payload: [UInt8], compression: UInt64, uncompressedSize: UInt64) -> [UInt8] {
        frame(kind: 2, field(1, bytes: storeID) + field(2, varint: compression) + field(3, varint: uncompressedSize)
            + field(4, varint: 1) + field(5, bytes: payload))
    }

    /// The raw (possibly compressed) payload, compression and uncompressed size of every ArrowMsg of a file.
    static func payloads(of bytes: [UInt8]) throws -> [(payload: [UInt8], message: ArrowMessage)] {
        var decoder = RRDDecoder(source: RRDSource(bytes: bytes))
        var out: [([UInt8], ArrowMessage)] = []
        while let f = try decoder.next() {
            if case .arrow(let m) = f.message { out.append((Array(bytes[m.payloadOffset ..< m.payloadOffset + m.payloadLength]), m)) }
        }
        return out
    }
}
