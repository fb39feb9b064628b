/// The 12-byte header that starts every RRD stream: `RRF2`, writer version (major, minor, patch, meta),
/// compression hint, serializer (2 = protobuf), two reserved bytes.
public struct StreamHeader: Sendable, Hashable {
    public static let size = 12
    public static let magic: [UInt8] = Array("RRF2".utf8)

    public var versionMajor: UInt8
    public var versionMinor: UInt8
    public var versionPatch: UInt8
    public var versionMeta: UInt8
    /// 0 off, 1 LZ4: informational only (each ArrowMsg says how its payload is compressed).
    public var compressionHint: UInt8

    /// `major.minor.patch` (plus `-rc.N` / `-alpha.N` from the meta byte).
    public var versionString: String {
        var s = "\(versionMajor).\(versionMinor).\(versionPatch)"
        let n = versionMeta & 0x3F
        switch versionMeta >> 6 {
        case 1: s += "-rc.\(n)"
        case 2: s += "-alpha.\(n)"
        case 3: s += "-alpha.\(n)+dev"
        default: break
        }
        return s
    }

    /// Parses the header at `offset`; refuses other magics, MsgPack streams and writers before 0.23.
    static func decode(_ bytes: UnsafeRawBufferPointer, at offset: Int) throws(RRDError) -> StreamHeader {
        guard bytes.count - offset >= size else {
            throw .truncated(offset: offset, needed: size, available: bytes.count - offset, what: "stream header")
        }
        let magic = (0 ..< 4).map { bytes[offset + $0] }
        guard magic == Self.magic else { throw .badMagic(offset: offset, found: magic) }
        let h = StreamHeader(versionMajor: bytes[offset + 4], versionMinor: bytes[offset + 5], versionPatch: bytes[offset + 6],
                             versionMeta: bytes[offset + 7], compressionHint: bytes[offset + 8])
        let serializer = bytes[offset + 9]
        guard serializer == 2 else {
            throw .unsupportedStream(offset: offset + 9, reason: "serializer \(serializer) (only protobuf = 2; 1 = MsgPack from Rerun ≤ 0.22)")
        }
        if h.versionMajor == 0 && h.versionMinor < 23 {
            throw .unsupportedStream(offset: offset + 4, reason: "written by Rerun \(h.versionString); 0.23 or newer is required")
        }
        return h
    }
}
