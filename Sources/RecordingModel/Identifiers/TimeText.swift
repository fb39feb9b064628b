/// Reading and writing time values the way users type them on a command line.
///
/// * sequence: an integer (`42`, `-3`);
/// * duration: a number with a unit, `ns`, `us`/`µs`, `ms`, `s`, `min`, `h` (`1.5s`, `250ms`); a bare number is seconds;
/// * timestamp: ISO 8601 in UTC or with an offset (`2024-01-02T03:04:05.25Z`, `2024-01-02 03:04:05+02:00`,
///   `2024-01-02`), or an integer of nanoseconds since the Unix epoch.
/// Durations and timestamps are exact to the nanosecond (no floating point on the way).
public enum TimeText {
    public enum ParseError: Error, Equatable, CustomStringConvertible {
        case invalid(text: String, kind: TimelineKind)
        public var description: String {
            switch self {
            case let .invalid(text, kind):
                let hint = switch kind {
                case .sequence: "an integer such as 42"
                case .duration: "a duration such as 1.5s, 250ms or 2min, exact to the nanosecond"
                case .timestamp: "an ISO 8601 time such as 2024-01-02T03:04:05Z"
                }
                return "'\(text)' is not a valid \(kind.rawValue) time: expected \(hint)"
            }
        }
    }

    public static func parse(_ text: String, kind: TimelineKind) throws(ParseError) -> TimeInt {
        let t = text.trimmingCharacters(in: .whitespaces)
        let value: TimeInt? = switch kind {
        case .sequence: TimeInt(t)
        case .duration: parseDuration(t)
        case .timestamp: TimeInt(t) ?? parseISO8601(t)
        }
        guard let value else { throw .invalid(text: text, kind: kind) }
        return value
    }

    /// `value` as text that `parse` reads back to the same value.
    public static func format(_ value: TimeInt, kind: TimelineKind) -> String {
        switch kind {
        case .sequence: return String(value)
        case .duration: return formatDuration(value)
        case .timestamp: return formatISO8601(value)
        }
    }

    // MARK: Durations

    private static let units: [(suffix: String, ns: TimeInt)] = [
        ("ns", 1), ("us", 1_000), ("µs", 1_000), ("ms", 1_000_000), ("min", 60_000_000_000),
        ("s", 1_000_000_000), ("h", 3_600_000_000_000),
    ]

    static func parseDuration(_ t: String) -> TimeInt? {
        var number = Substring(t), scale: TimeInt = 1_000_000_000
        for unit in units where t.hasSuffix(unit.suffix) {
            number = t.dropLast(unit.suffix.count); scale = unit.ns; break
        }
        return decimal(number.trimmingCharacters(in: .whitespaces), scale: scale)
    }

    /// `[-]digits[.digits]` × scale, exactly; nil when not a number, when the result is not a whole number of
    /// nanoseconds, or on overflow.
    static func decimal(_ s: String, scale: TimeInt) -> TimeInt? {
        var s = Substring(s), negative = false
        if s.first == "-" { negative = true; s = s.dropFirst() } else if s.first == "+" { s = s.dropFirst() }
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, !s.isEmpty, parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              !(parts[0].isEmpty && (parts.count == 1 || parts[1].isEmpty)) else { return nil }
        guard let whole = TimeInt(parts[0].isEmpty ? "0" : String(parts[0])) else { return nil }
        var (total, o) = whole.multipliedReportingOverflow(by: scale)
        guard !o else { return nil }
        if parts.count == 2 {
            var unit = scale
            for digit in parts[1] {
                let d = TimeInt(digit.wholeNumberValue!)
                if d != 0 && unit % 10 != 0 { return nil }  // finer than a nanosecond
                unit /= 10
                (total, o) = total.addingReportingOverflow(d * unit)
                guard !o else { return nil }
            }
        }
        return negative ? -total : total
    }

    static func formatDuration(_ ns: TimeInt) -> String {
        let sign = ns < 0 ? "-" : ""
        let magnitude = ns.magnitude
        let seconds = magnitude / 1_000_000_000, fraction = magnitude % 1_000_000_000
        guard fraction != 0 else { return "\(sign)\(seconds)s" }
        var digits = String(fraction)
        digits = String(repeating: "0", count: 9 - digits.count) + digits
        while digits.last == "0" { digits.removeLast() }
        return "\(sign)\(seconds).\(digits)s"
    }

    // MARK: Timestamps

    static func parseISO8601(_ t: String) -> TimeInt? {
        let chars = Array(t.utf8)
        var i = 0
        func number(_ count: Int) -> Int? {
            guard i + count <= chars.count else { return nil }
            var v = 0
            for c in chars[i..<(i + count)] {
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            i += count
            return v
        }
        func expect(_ c: UInt8) -> Bool { if i < chars.count, chars[i] == c { i += 1; return true }; return false }
        guard let year = number(4), expect(45), let month = number(2), expect(45), let day = number(2),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var seconds = 0, nanos: TimeInt = 0, offset = 0
        if i < chars.count, chars[i] == 84 || chars[i] == 116 || chars[i] == 32 {  // T, t or space
            i += 1
            guard let h = number(2), expect(58), let m = number(2), h < 24, m < 60 else { return nil }
            seconds = h * 3600 + m * 60
            if expect(58) {
                guard let s = number(2), s < 61 else { return nil }
                seconds += s
                if expect(46) || expect(44) {
                    var scale: TimeInt = 100_000_000, digits = 0
                    while i < chars.count, chars[i] >= 48, chars[i] <= 57 {
                        if digits < 9 { nanos += TimeInt(chars[i] - 48) * scale; scale /= 10 }
                        digits += 1; i += 1
                    }
                    guard digits > 0 else { return nil }
                }
            }
            if expect(90) || expect(122) {  // Z
            } else if i < chars.count, chars[i] == 43 || chars[i] == 45 {
                let sign = chars[i] == 43 ? 1 : -1
                i += 1
                guard let oh = number(2) else { return nil }
                _ = expect(58)
                guard let om = number(2) else { return nil }
                offset = sign * (oh * 3600 + om * 60)
            }
        }
        guard i == chars.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let total = TimeInt(days) * 86_400 + TimeInt(seconds - offset)
        let (ns, o) = total.multipliedReportingOverflow(by: 1_000_000_000)
        guard !o else { return nil }
        return ns + nanos
    }

    static func formatISO8601(_ ns: TimeInt) -> String {
        let secs = ns >= 0 ? ns / 1_000_000_000 : (ns - 999_999_999) / 1_000_000_000
        let fraction = ns - secs * 1_000_000_000
        let days = secs >= 0 ? secs / 86_400 : (secs - 86_399) / 86_400
        let daySecs = Int(secs - days * 86_400)
        let (y, m, d) = civilFromDays(Int(days))
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        var text = "\(y)-\(two(m))-\(two(d))T\(two(daySecs / 3600)):\(two(daySecs / 60 % 60)):\(two(daySecs % 60))"
        if fraction != 0 {
            var digits = String(fraction)
            digits = String(repeating: "0", count: 9 - digits.count) + digits
            while digits.last == "0" { digits.removeLast() }
            text += "." + digits
        }
        return text + "Z"
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's civil-date algorithm).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// (year, month, day) of a day count since 1970-01-01, proleptic Gregorian.
    public static func civilFromDays(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}

import Foundation
