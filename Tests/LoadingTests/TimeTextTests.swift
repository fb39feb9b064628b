import Testing
@testable import RecordingModel

@Suite struct TimeTextTests {
    @Test func sequencesAreIntegers() throws {
        #expect(try TimeText.parse("42", kind: .sequence) == 42)
        #expect(try TimeText.parse("-3", kind: .sequence) == -3)
        #expect(throws: TimeText.ParseError.self) { try TimeText.parse("1.5", kind: .sequence) }
    }

    @Test func durationsAreExactNanoseconds() throws {
        #expect(try TimeText.parse("1.5s", kind: .duration) == 1_500_000_000)
        #expect(try TimeText.parse("250ms", kind: .duration) == 250_000_000)
        #expect(try TimeText.parse("2min", kind: .duration) == 120_000_000_000)
        #expect(try TimeText.parse("0.1", kind: .duration) == 100_000_000)
        #expect(try TimeText.parse("-.5s", kind: .duration) == -500_000_000)
        #expect(try TimeText.parse("3us", kind: .duration) == 3_000)
        #expect(throws: TimeText.ParseError.self) { try TimeText.parse("1.5ns", kind: .duration) }
        #expect(throws: TimeText.ParseError.self) { try TimeText.parse("abc", kind: .duration) }
        #expect(throws: TimeText.ParseError.self) { try TimeText.parse("s", kind: .duration) }
    }

    @Test func timestampsReadISO8601() throws {
        // 2024-01-02T03:04:05Z, the first wall_clock value of timelines.rrd.
        #expect(try TimeText.parse("2024-01-02T03:04:05Z", kind: .timestamp) == 1_704_164_645_000_000_000)
        #expect(try TimeText.parse("2024-01-02T03:04:05.04Z", kind: .timestamp) == 1_704_164_645_040_000_000)
        #expect(try TimeText.parse("2024-01-02 05:04:05+02:00", kind: .timestamp) == 1_704_164_645_000_000_000)
        #expect(try TimeText.parse("1970-01-01", kind: .timestamp) == 0)
        #expect(try TimeText.parse("1704164645000000000", kind: .timestamp) == 1_704_164_645_000_000_000)
        #expect(throws: TimeText.ParseError.self) { try TimeText.parse("2024-13-01", kind: .timestamp) }
        #expect(throws: TimeText.ParseError.self) { try TimeText.parse("2024-01-02T03:04:05Zjunk", kind: .timestamp) }
    }

    @Test func formattingRoundTrips() throws {
        for (value, kind) in [(TimeInt(1_704_164_645_040_000_001), TimelineKind.timestamp), (-1, .timestamp),
                              (1_250_000_000, .duration), (-7, .duration), (12, .sequence)] {
            #expect(try TimeText.parse(TimeText.format(value, kind: kind), kind: kind) == value)
        }
        #expect(TimeText.format(1_704_164_645_040_000_000, kind: .timestamp) == "2024-01-02T03:04:05.04Z")
        #expect(TimeText.format(1_500_000_000, kind: .duration) == "1.5s")
    }

    @Test func errorsSayWhatIsExpected() {
        #expect(TimeText.ParseError.invalid(text: "x", kind: .duration).description.contains("1.5s"))
        // A time computed as k / 30 in floating point has more digits than a duration holds.
        #expect(throws: TimeText.ParseError.self) { try TimeText.parse("0.03333333333333333s", kind: .duration) }
        #expect(TimeText.ParseError.invalid(text: "0.03333333333333333s", kind: .duration).description
            .contains("exact to the nanosecond"))
    }
}
