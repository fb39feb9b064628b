import RecordingModel

/// Which timeline and moment a picture shows, chosen as a user expects when they do not say.
public enum TimeSelection {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        case unknownTimeline(String, valid: [String])
        case invalidTime(String)

        public var description: String {
            switch self {
            case let .unknownTimeline(name, valid):
                valid.isEmpty ? "unknown timeline '\(name)': the recording has no timeline (only static data)"
                    : "unknown timeline '\(name)'; the recording has: \(valid.joined(separator: ", "))"
            case let .invalidTime(message): message
            }
        }
    }

    /// The default timeline: the user's own timeline (the first by name, not `log_time`), else `log_time`,
    /// else none (a recording of static data only).
    public static func defaultTimeline(in store: ChunkStore) -> Timeline? {
        let all = store.timelines.values.map(\.timeline).sorted { $0.name < $1.name }
        return all.first { $0.name != Timeline.logTime.name } ?? all.first
    }

    /// The named timeline, or the default one when `name` is nil.
    public static func timeline(named name: String?, in store: ChunkStore) throws(Failure) -> Timeline? {
        guard let name else { return defaultTimeline(in: store) }
        guard let info = store.timelines[name] else {
            throw .unknownTimeline(name, valid: store.timelines.keys.sorted())
        }
        return info.timeline
    }

    /// A moment on `timeline`: `start`/`end` (the timeline's first and last time), `+OFFSET` (relative to the
    /// start, in the timeline's units: `+10`, `+1.5s`), or an absolute value (`TimeText`). Nil text: the end,
    /// where every logged value is visible, as the viewer shows a loaded file.
    /// `relativeTo` replaces the timeline's start as the base of `+OFFSET`.
    public static func time(_ text: String?, on timeline: Timeline, in store: ChunkStore,
                            relativeTo base: TimeInt? = nil) throws(Failure) -> TimeInt {
        let range = store.timelines[timeline.name]?.range ?? 0...0
        guard let text, text != "end" else { return range.upperBound }
        if text == "start" { return range.lowerBound }
        do {
            if text.hasPrefix("+") {
                let offsetKind: TimelineKind = timeline.kind == .sequence ? .sequence : .duration
                let offset = try TimeText.parse(String(text.dropFirst()), kind: offsetKind)
                return (base ?? range.lowerBound) &+ offset
            }
            return try TimeText.parse(text, kind: timeline.kind)
        } catch {
            throw .invalidTime("\(error) (or use start, end, or +OFFSET from the start)")
        }
    }
}
