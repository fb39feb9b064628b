/// Something skipped while loading: the rest of the file was still loaded.
public struct LoadWarning: Sendable, Hashable, CustomStringConvertible {
    /// File offset of the message concerned.
    public var offset: Int
    public var message: String

    public init(offset: Int, message: String) {
        self.offset = offset
        self.message = message
    }

    public var description: String { "offset \(offset): \(message)" }
}
