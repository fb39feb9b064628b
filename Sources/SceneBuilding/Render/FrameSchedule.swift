import RecordingModel

/// The moments an animation shows, one per video frame.
///
/// * Duration and timestamp timelines: a frame every `speed / fps` seconds of recording time, from `from` while
///   the time is at most `to`: `count = floor((to − from) · fps / (speed · 10⁹)) + 1`.
/// * Sequence timelines: one frame per `stride` steps (default every step): `count = floor((to − from) / stride) + 1`.
/// Frame k shows the latest-at state at `time(k)`; the first frame is at `from`, the last at or before `to`.
public struct FrameSchedule: Sendable, Equatable {
    public let from: TimeInt
    /// Timeline units between frames (nanoseconds, or sequence steps), possibly fractional.
    public let step: Double
    public let count: Int

    public enum Failure: Error, Equatable, CustomStringConvertible {
        case emptyRange(from: String, to: String)
        case invalid(String)
        public var description: String {
            switch self {
            case let .emptyRange(from, to): "the time range is empty: --from \(from) is after --to \(to)"
            case let .invalid(message): message
            }
        }
    }

    /// Largest number of frames one schedule may hold (about 3 hours at 60 fps).
    public static let maxFrames = 1_000_000

    public init(kind: TimelineKind, from: TimeInt, to: TimeInt, fps: Double, speed: Double = 1, stride: Int = 1)
        throws(Failure) {
        guard to >= from else {
            throw .emptyRange(from: TimeText.format(from, kind: kind), to: TimeText.format(to, kind: kind))
        }
        guard fps.isFinite, fps > 0 else { throw .invalid("--fps must be a positive number") }
        guard speed.isFinite, speed > 0 else { throw .invalid("--speed must be a positive number") }
        guard stride >= 1 else { throw .invalid("--stride must be at least 1") }
        self.from = from
        switch kind {
        case .sequence: step = Double(stride)
        case .duration, .timestamp: step = 1e9 * speed / fps
        }
        let span = Double(to) - Double(from)
        let frames = (span / step).rounded(.down) + 1
        guard frames <= Double(Self.maxFrames) else {
            throw .invalid("\(Int(frames)) frames is more than \(Self.maxFrames): narrow --from/--to or lower --fps")
        }
        count = Int(frames)
    }

    /// The time of frame `k` (0 ..< count).
    public func time(_ k: Int) -> TimeInt { from + TimeInt((Double(k) * step).rounded()) }
}
