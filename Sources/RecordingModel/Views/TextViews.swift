/// TextDocument: the text and its media type (nil = `text/plain`).
public struct TextDocumentView: ArchetypeView {
    public static let archetype = "TextDocument"
    public static let components = ["text", "media_type"].map(c)

    public var text: String
    public var mediaType: String?

    public init?(_ r: LatestAtResults) {
        guard let t = r.first(Self.c("text"), { $0.strings() }) else { return nil }
        text = t
        mediaType = r.first(Self.c("media_type")) { $0.strings() }
    }
}

/// TextLog: one log line (use a range query over `TextLog:text` for the whole log).
public struct TextLogView: ArchetypeView {
    public static let archetype = "TextLog"
    public static let components = ["text", "level", "color"].map(c)

    public var text: String
    /// `INFO`, `WARN`, `ERROR`, ... (any string).
    public var level: String?
    public var color: UInt32?

    public init?(_ r: LatestAtResults) {
        guard let t = r.first(Self.c("text"), { $0.strings() }) else { return nil }
        text = t
        level = r.first(Self.c("level")) { $0.strings() }
        color = r.first(Self.c("color")) { $0.scalars(UInt32.self) }
    }
}
