/// A named, typed column (or child of a nested type) with its key/value metadata.
public struct ArrowField: Sendable, Hashable {
    public var name: String
    public var type: ArrowType
    public var nullable: Bool
    /// `Field.custom_metadata` in declaration order (keys may repeat in theory; the first wins in `metadata(_:)`).
    public var metadata: [(key: String, value: String)] {
        get { metadataPairs.map { ($0.key, $0.value) } }
        set { metadataPairs = newValue.map { KeyValue(key: $0.key, value: $0.value) } }
    }
    var metadataPairs: [KeyValue]

    public init(name: String, type: ArrowType, nullable: Bool = true, metadata: [(key: String, value: String)] = []) {
        self.name = name
        self.type = type
        self.nullable = nullable
        metadataPairs = metadata.map { KeyValue(key: $0.key, value: $0.value) }
    }

    /// The value stored under `key`, if any.
    public func metadata(_ key: String) -> String? { metadataPairs.first { $0.key == key }?.value }

    /// `name: type[ not null]`, pyarrow's spelling of a child field.
    var typeDescription: String { "\(name): \(type)" + (nullable ? "" : " not null") }
}

/// One key/value metadata pair.
struct KeyValue: Sendable, Hashable {
    var key: String
    var value: String
}

/// The fields of an IPC stream plus its schema-level metadata.
public struct ArrowSchema: Sendable {
    public var fields: [ArrowField]
    /// `Schema.custom_metadata` in declaration order.
    public var metadata: [(key: String, value: String)]

    public init(fields: [ArrowField], metadata: [(key: String, value: String)] = []) {
        self.fields = fields
        self.metadata = metadata
    }

    /// The value stored under `key`, if any.
    public func metadata(_ key: String) -> String? { metadata.first { $0.key == key }?.value }
}
