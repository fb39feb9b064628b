/// What a store holds.
public enum StoreKind: String, Sendable, Hashable, Codable, Comparable {
    case recording
    case blueprint
    /// Kind 0 in the file ("unspecified").
    case unknown

    public static func < (a: StoreKind, b: StoreKind) -> Bool { a.rawValue < b.rawValue }
}

/// Identifies one store of a recording file: its kind and recording id (plus the application id, if known).
public struct StoreID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var kind: StoreKind
    public var recordingID: String
    public var applicationID: String?

    public init(kind: StoreKind, recordingID: String, applicationID: String? = nil) {
        self.kind = kind
        self.recordingID = recordingID
        self.applicationID = applicationID
    }

    /// Recording stores first, then by id.
    public static func < (a: StoreID, b: StoreID) -> Bool {
        (a.kind == .recording ? 0 : 1, a.recordingID, a.applicationID ?? "")
            < (b.kind == .recording ? 0 : 1, b.recordingID, b.applicationID ?? "")
    }

    public var description: String { "\(kind.rawValue):\(recordingID)" }
}
