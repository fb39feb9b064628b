/// Why an Arrow IPC stream could not be decoded.
///
/// Every case carries `offset`: the byte offset inside the IPC stream (the decompressed payload) where the
/// problem was found, so that a caller that knows where the payload sits in its file can report a file offset.
public enum ArrowIPCError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A read of `length` bytes at `offset` would leave the `bound`-byte region it must stay inside.
    case outOfBounds(offset: Int, length: Int, bound: Int, what: String)
    /// A structural rule of the format is broken (bad marker, negative count, inconsistent lengths, ...).
    case malformed(offset: Int, reason: String)
    /// A valid construct this reader does not decode (e.g. body compression).
    case unsupported(offset: Int, feature: String)

    public var offset: Int {
        switch self {
        case .outOfBounds(let offset, _, _, _), .malformed(let offset, _), .unsupported(let offset, _): offset
        }
    }

    public var description: String {
        switch self {
        case .outOfBounds(let offset, let length, let bound, let what):
            "Arrow IPC: \(what): \(length) bytes at offset \(offset) exceed the \(bound)-byte region"
        case .malformed(let offset, let reason):
            "Arrow IPC: \(reason) (at offset \(offset))"
        case .unsupported(let offset, let feature):
            "Arrow IPC: unsupported \(feature) (at offset \(offset))"
        }
    }
}
