/// The time of every row of a chunk on one timeline.
public struct TimeColumn: Sendable {
    public let timeline: Timeline
    /// One value per chunk row.
    public let times: [TimeInt]
    /// True when `times` is non-decreasing.
    public let isSorted: Bool

    public init(timeline: Timeline, times: [TimeInt]) {
        self.timeline = timeline
        self.times = times
        isSorted = zip(times, times.dropFirst()).allSatisfy { $0 <= $1 }
    }

    /// Smallest and largest time (nil when empty).
    public var range: ClosedRange<TimeInt>? {
        guard let lo = times.min(), let hi = times.max() else { return nil }
        return lo ... hi
    }
}
