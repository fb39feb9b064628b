import ArrowIPC
import RecordingModel

/// `rerun.archetypes.TextDocument`: a text body, plain or markdown.
public struct TextDocument: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("TextDocument", [("text", "Text", .utf8), ("media_type", "MediaType", .utf8)])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    /// `mediaType` (e.g. `MediaType.markdown`) is written only when given.
    public init(_ text: String, mediaType: String? = nil) {
        var a = TextDocument.empty()
        a.put("text", .utf8([text]))
        a.put("media_type", mediaType.map { .utf8([$0]) })
        self = a
    }
}

/// `rerun.archetypes.TextLog`: one log line with an optional level and colour.
public struct TextLog: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("TextLog", [
        ("text", "Text", .utf8), ("level", "TextLogLevel", .utf8), ("color", "Color", .uint32),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    /// `level` is any string (see `TextLogLevel` for the usual ones).
    public init(_ text: String, level: String? = nil, color: Color? = nil) {
        var a = TextLog.empty()
        a.put("text", .utf8([text]))
        a.put("level", level.map { .utf8([$0]) })
        a.put("color", color.map { .colors([$0]) })
        self = a
    }
}

/// `rerun.archetypes.AnnotationContext`: class ids → labels, colours and keypoint skeletons, for this entity
/// and everything below it.
public struct AnnotationContext: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("AnnotationContext", [("context", "AnnotationContext", AT.annotationContext)])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    public init(_ classes: [ClassDescription]) {
        var a = AnnotationContext.empty()
        a.put("context", .annotationContexts([classes]))
        self = a
    }
}

/// `rerun.archetypes.Clear`: hides the entity's data (and, when recursive, its descendants') logged at or
/// before this row's time.
public struct Clear: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("Clear", [("is_recursive", "ClearIsRecursive", .bool)])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    public init(recursive: Bool) {
        var a = Clear.empty()
        a.put("is_recursive", .bools([recursive]))
        self = a
    }

    /// Clears the entity only.
    public static let flat = Clear(recursive: false)
    /// Clears the entity and all its descendants.
    public static let recursive = Clear(recursive: true)
}

/// `rerun.archetypes.RecordingInfo`, written on `/__properties`.
public struct RecordingInfo: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("RecordingInfo", [("start_time", "Timestamp", .int64), ("name", "Name", .utf8)])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    /// `startTime` in nanoseconds since the Unix epoch.
    public init(startTime: Int64? = nil, name: String? = nil) {
        var a = RecordingInfo.empty()
        a.put("start_time", startTime.map { .primitive([$0]) })
        a.put("name", name.map { .utf8([$0]) })
        self = a
    }
}
