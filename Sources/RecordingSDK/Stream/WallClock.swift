import Foundation

/// Where a recording stream reads "now" (for row ids, chunk ids, `log_time` and the recording start time).
public enum WallClock: Sendable, Hashable {
    /// The system clock, nanoseconds since the Unix epoch.
    case system
    /// Starts at `start` nanoseconds and advances by `step` nanoseconds on every read, so that everything the
    /// stream produces is the same on every run (tests, goldens).
    case simulated(start: Int64, step: Int64)

    /// The system clock in nanoseconds since the Unix epoch.
    static func systemNanos() -> Int64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
    }
}

/// Generates strictly increasing TUIDs: the clock's nanoseconds (never going back) plus an increment that
/// grows by one per id, so ids order by (time, increment) in the order they were made.
struct TUIDGenerator: Sendable {
    private var lastTime: UInt64 = 0
    private var increment: UInt64 = 0

    mutating func next(nanos: Int64) -> TUIDValue {
        lastTime = max(lastTime, UInt64(clamping: nanos))
        increment &+= 1
        return TUIDValue(timeNanos: lastTime, increment: increment)
    }
}

/// Time + increment, converted to `TUID` by the caller (keeps this file free of RecordingModel).
struct TUIDValue: Sendable {
    var timeNanos: UInt64
    var increment: UInt64
}
