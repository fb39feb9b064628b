import ArrowIPC

/// Why (part of) an `.rrd` file could not be decoded. Every case names the byte offset in the file.
public enum RRDError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be opened or mapped.
    case io(path: String, reason: String)
    /// The 4 bytes at `offset` are not `RRF2`.
    case badMagic(offset: Int, found: [UInt8])
    /// A stream written by a Rerun version this reader does not accept (before 0.23 or MsgPack-encoded).
    case unsupportedStream(offset: Int, reason: String)
    /// The file ends inside a structure (`needed` bytes at `offset`, only `available` left).
    case truncated(offset: Int, needed: Int, available: Int, what: String)
    /// A declared length of 4 GiB or more.
    case lengthTooLarge(offset: Int, length: UInt64, what: String)
    /// A message frame whose kind is not End/SetStoreInfo/ArrowMsg/BlueprintActivationCommand.
    case unknownMessageKind(offset: Int, kind: UInt64)
    /// Broken protobuf bytes.
    case protobuf(offset: Int, reason: String)
    /// An ArrowMsg this reader cannot decode (compression or encoding value, missing payload ...).
    case badArrowMessage(offset: Int, reason: String)
    /// LZ4 decompression failed, or produced another size than `uncompressed_size` declared.
    case lz4(offset: Int, reason: String)
    /// The Arrow IPC payload of the message at `offset` is broken (`arrowError.offset` is inside the payload).
    case arrow(offset: Int, ArrowIPCError)

    /// Byte offset in the file where the problem was found.
    public var offset: Int {
        switch self {
        case .io: 0
        case .badMagic(let o, _), .unsupportedStream(let o, _), .truncated(let o, _, _, _), .lengthTooLarge(let o, _, _),
             .unknownMessageKind(let o, _), .protobuf(let o, _), .badArrowMessage(let o, _), .lz4(let o, _), .arrow(let o, _):
            o
        }
    }

    public var description: String {
        switch self {
        case .io(let path, let reason): "cannot read \(path): \(reason)"
        case .badMagic(let o, let found): "not an RRD stream at offset \(o): magic \(found.map { String(format2: $0) }.joined(separator: " ")), expected RRF2"
        case .unsupportedStream(let o, let reason): "unsupported RRD stream at offset \(o): \(reason)"
        case .truncated(let o, let needed, let available, let what): "file truncated at offset \(o): \(what) needs \(needed) bytes, \(available) left"
        case .lengthTooLarge(let o, let length, let what): "\(what) at offset \(o) declares \(length) bytes (4 GiB or more)"
        case .unknownMessageKind(let o, let kind): "unknown message kind \(kind) at offset \(o)"
        case .protobuf(let o, let reason): "bad protobuf at offset \(o): \(reason)"
        case .badArrowMessage(let o, let reason): "bad ArrowMsg at offset \(o): \(reason)"
        case .lz4(let o, let reason): "LZ4 payload of the message at offset \(o): \(reason)"
        case .arrow(let o, let e): "message at offset \(o): \(e) (payload offset \(e.offset))"
        }
    }
}

extension String {
    /// Two lower-case hex digits.
    init(format2 byte: UInt8) {
        let s = String(byte, radix: 16)
        self = s.count == 1 ? "0" + s : s
    }
}
