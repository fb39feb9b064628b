import Foundation
import RecordingModel

/// Text for times, per timeline kind: `compact` for a plot's time axis (as the viewer labels it), `text` for a
/// full time (the text log's time column).
public enum TimeLabels {
    /// A plot's time-axis label as the viewer writes it (`TimeCell::format_compact`, UTC): sequence numbers as
    /// `#1 000`; timestamps as the date at midnight (`2023-11-19`), `HH:MM` on whole minutes, `HH:MM:SS` on whole
    /// seconds, and otherwise the offset from the last whole second (`+100 ms`, `+2.5 ms`); durations as
    /// `+1m 30s` on whole seconds, else the same sub-second offset. Thousands are grouped with thin spaces and
    /// negative numbers take a true minus sign, as re_format writes them.
    public static func compact(_ time: Int64, kind: TimelineKind?) -> String {
        switch kind {
        case .sequence, nil:
            return (kind == .sequence ? "#" : "") + (time < 0 ? "\u{2212}" : "") + AxisTicks.thousands(String(time.magnitude))
        case .duration:
            let fraction = time % 1_000_000_000
            return fraction == 0 ? wholeDuration(time) : subsecond(fraction)
        case .timestamp:
            let seconds = AxisTicks.floorDiv(time, 1_000_000_000)
            let fraction = time - seconds * 1_000_000_000
            let day = AxisTicks.floorDiv(seconds, 86400)
            let secondOfDay = seconds - day * 86400
            if fraction != 0 { return subsecond(fraction) }
            if secondOfDay == 0 {
                let (y, m, d) = TimeText.civilFromDays(Int(day))
                return String(format: "%04d-%02d-%02d", y, m, d)
            }
            if secondOfDay % 60 == 0 { return String(format: "%02d:%02d", secondOfDay / 3600, secondOfDay / 60 % 60) }
            return String(format: "%02d:%02d:%02d", secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
        }
    }

    /// `+100 ms`, `+2.5 ms`, `−0.25 ms`: a sub-second offset with as many decimals as it needs.
    static func subsecond(_ nanos: Int64) -> String {
        var decimals = 0
        var unit: Int64 = 1_000_000
        while decimals < 6 && nanos % unit != 0 { decimals += 1; unit /= 10 }
        let text = String(format: "%.\(decimals)f", abs(Double(nanos) * 1e-6))
        return (nanos < 0 ? "-" : "+") + text + " ms"
    }

    /// `+1d 2h 3m 4s`, `+0s`, `−30s`: a whole-second duration (re_format's duration with every unit).
    static func wholeDuration(_ nanos: Int64) -> String {
        var seconds = nanos.magnitude / 1_000_000_000
        var parts: [String] = []
        for (unit, suffix) in [(UInt64(86400), "d"), (3600, "h"), (60, "m")] where seconds >= unit {
            parts.append(AxisTicks.thousands(String(seconds / unit)) + suffix)
            seconds %= unit
        }
        if seconds > 0 || parts.isEmpty { parts.append(String(seconds) + "s") }
        return (nanos < 0 ? "\u{2212}" : "+") + parts.joined(separator: " ")
    }

    /// A full time: sequence numbers as `#N`, durations as seconds (`1.5s`, `-2s`, `1m 30s`), timestamps as UTC
    /// clock times (`03:04:05`, `03:04:05.040`; the date is added when the step is a day or more). `step` (same unit
    /// as the time) decides how many decimals are shown.
    public static func text(_ time: Int64, kind: TimelineKind?, step: Int64) -> String {
        switch kind {
        case .sequence: return "#" + String(time)
        case nil: return String(time)
        case .duration: return duration(time, step: step)
        case .timestamp: return timestamp(time, step: step)
        }
    }

    /// Digits after the decimal point needed to show multiples of `step` nanoseconds in seconds (0…9).
    static func fractionDigits(stepNanos: Int64) -> Int {
        var digits = 9
        var s = max(1, stepNanos)
        while digits > 0 && s % 10 == 0 { s /= 10; digits -= 1 }
        return digits
    }

    static func duration(_ nanos: Int64, step: Int64) -> String {
        let sign = nanos < 0 ? "-" : ""
        let magnitude = nanos.magnitude
        let seconds = magnitude / 1_000_000_000
        let fraction = magnitude % 1_000_000_000
        let digits = fractionDigits(stepNanos: step)
        var fractionText = ""
        if digits > 0 {
            let scaled = fraction / UInt64(pow(10, Double(9 - digits)))
            fractionText = "." + String(repeating: "0", count: max(0, digits - String(scaled).count)) + String(scaled)
        }
        if seconds < 60 { return "\(sign)\(seconds)\(fractionText)s" }
        let minutes = seconds / 60, secs = seconds % 60
        if minutes < 60 { return "\(sign)\(minutes)m \(secs)\(fractionText)s" }
        return "\(sign)\(minutes / 60)h \(minutes % 60)m \(secs)\(fractionText)s"
    }

    static func timestamp(_ nanos: Int64, step: Int64) -> String {
        let seconds = AxisTicks.floorDiv(nanos, 1_000_000_000)
        let fraction = nanos - seconds * 1_000_000_000
        let day = AxisTicks.floorDiv(seconds, 86400)
        let secondOfDay = seconds - day * 86400
        var text = String(format: "%02d:%02d:%02d", secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
        let digits = fractionDigits(stepNanos: step)
        if digits > 0 {
            text += String(format: ".%0\(digits)lld", fraction / Int64(pow(10, Double(9 - digits))))
        }
        if step >= 86_400_000_000_000 || (step >= 3_600_000_000_000 && secondOfDay == 0) {
            let (y, m, d) = TimeText.civilFromDays(Int(day))
            return String(format: "%04d-%02d-%02d", y, m, d) + (step >= 86_400_000_000_000 ? "" : " " + text)
        }
        return text
    }
}
