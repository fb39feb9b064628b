/// One decoded message frame of an RRD file.
public struct RRDFrame: Sendable {
    /// The message.
    public enum Message: Sendable {
        case setStoreInfo(SetStoreInfo)
        case arrow(ArrowMessage)
        case blueprintActivation(BlueprintActivationCommand)
        /// End of a stream: the footer's manifests (empty when the End body is empty).
        case end(RRDFooter)
    }

    /// File offset of the 16-byte frame header.
    public let offset: Int
    /// Body length.
    public let length: Int
    /// Index of the stream (0 for the first; concatenated files have several).
    public let stream: Int
    public let message: Message
}

/// A sequential reader of RRD message frames over a memory-mapped file.
///
/// ```
///  ┌────────────── stream ──────────────┐
///  RRF2 header ─► frame* ─► [End frame ─► 32-byte RRF2FOOT] ─► (next RRF2 header … | end of file)
/// ```
/// `next()` returns one frame at a time (decoding only its protobuf body: ArrowMsg payloads stay in the
/// mapped file until `decodePayload` is called), so memory stays bounded by one chunk whatever the file size.
/// It accepts several streams back to back, streams without End/footer, repeated SetStoreInfo, and any
/// number of stores. Any framing problem throws an `RRDError` naming the offset; after an error the reader
/// stops (frame boundaries can no longer be trusted).
public struct RRDDecoder: Sendable {
    public let source: RRDSource
    /// Offset of the next byte to read.
    public private(set) var position = 0
    /// Header of the current stream (nil before the first one).
    public private(set) var header: StreamHeader?
    /// Index of the current stream.
    public private(set) var streamIndex = -1
    private var inStream = false

    /// Frame header size: u64 kind + u64 length.
    public static let frameHeaderSize = 16
    /// Largest body or payload length accepted: anything at or above 4 GiB is rejected as corrupt.
    public static let maxLength: UInt64 = 1 << 32

    public init(source: RRDSource) { self.source = source }

    /// The next frame, or nil at the end of the file.
    public mutating func next() throws(RRDError) -> RRDFrame? {
        let bytes = source.bytes
        while true {
            if position == bytes.count {
                if streamIndex < 0 { throw .truncated(offset: 0, needed: StreamHeader.size, available: 0, what: "stream header") }
                return nil
            }
            if !inStream || startsWithMagic(at: position) {
                header = try StreamHeader.decode(bytes, at: position)
                position += StreamHeader.size
                streamIndex += 1
                inStream = true
                continue
            }
            let frameOffset = position
            guard bytes.count - position >= Self.frameHeaderSize else {
                throw .truncated(offset: position, needed: Self.frameHeaderSize, available: bytes.count - position, what: "message header")
            }
            let kind = bytes.loadUnaligned(fromByteOffset: position, as: UInt64.self).littleEndian
            let length = bytes.loadUnaligned(fromByteOffset: position + 8, as: UInt64.self).littleEndian
            guard kind <= 3 else { throw .unknownMessageKind(offset: position, kind: kind) }
            guard length < Self.maxLength else { throw .lengthTooLarge(offset: position + 8, length: length, what: "message body") }
            let bodyStart = position + Self.frameHeaderSize
            guard Int(length) <= bytes.count - bodyStart else {
                throw .truncated(offset: bodyStart, needed: Int(length), available: bytes.count - bodyStart, what: "message body")
            }
            let body = ProtobufReader(UnsafeRawBufferPointer(rebasing: bytes[bodyStart ..< bodyStart + Int(length)]), origin: bodyStart)
            position = bodyStart + Int(length)
            let message: RRDFrame.Message
            switch kind {
            case 1: message = .setStoreInfo(try .decode(body))
            case 2: message = .arrow(try .decode(body, frameOffset: frameOffset))
            case 3: message = .blueprintActivation(try .decode(body))
            default:
                message = .end(try .decode(body))
                // The optional 32-byte stream footer ends in "RRF2FOOT" + entry count.
                if bytes.count - position >= 32, (20 ..< 28).map({ bytes[position + $0] }) == Array("RRF2FOOT".utf8) {
                    position += 32
                }
                inStream = false
            }
            return RRDFrame(offset: frameOffset, length: Int(length), stream: streamIndex, message: message)
        }
    }

    private func startsWithMagic(at p: Int) -> Bool {
        let b = source.bytes
        return b.count - p >= 4 && b[p] == 0x52 && b[p + 1] == 0x52 && b[p + 2] == 0x46 && b[p + 3] == 0x32
    }
}
