/// A point on a timeline: sequence number, nanoseconds of duration, or nanoseconds since the Unix epoch (UTC).
public typealias TimeInt = Int64

/// Timelines are identified by name (`frame`, `log_time`, ...).
public typealias TimelineName = String

/// How the integers of a timeline are meant.
public enum TimelineKind: String, Sendable, Hashable, Codable {
    /// Plain integers (`rr.set_time(name, sequence=)`); Arrow Int64.
    case sequence
    /// Nanoseconds of elapsed time; Arrow Duration(ns).
    case duration
    /// Nanoseconds since the Unix epoch, UTC; Arrow Timestamp(ns).
    case timestamp
}

/// A named timeline and its kind.
public struct Timeline: Hashable, Sendable {
    public var name: TimelineName
    public var kind: TimelineKind

    public init(name: TimelineName, kind: TimelineKind) {
        self.name = name
        self.kind = kind
    }

    /// The timeline the Python SDK adds to every temporal chunk (writer wall clock).
    public static let logTime = Timeline(name: "log_time", kind: .timestamp)
}

/// Where a value sits in time for conflict resolution: static data (no time) orders after every temporal
/// value; equal times are ordered by row id.
public struct DataIndex: Comparable, Hashable, Sendable {
    /// nil = static.
    public var time: TimeInt?
    public var rowID: RowID

    public init(time: TimeInt?, rowID: RowID) {
        self.time = time
        self.rowID = rowID
    }

    public var isStatic: Bool { time == nil }

    public static func < (a: DataIndex, b: DataIndex) -> Bool {
        switch (a.time, b.time) {
        case (nil, nil): a.rowID < b.rowID
        case (nil, _): false
        case (_, nil): true
        case (let x?, let y?): x != y ? x < y : a.rowID < b.rowID
        }
    }
}
