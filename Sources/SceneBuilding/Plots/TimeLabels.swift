import Foundation
import RecordingModel

/// Text for times on a plot's time axis, per timeline kind: sequence numbers as `#N` (as the viewer writes them),
/// durations as seconds
/// (`1.5s`, `-2s`, `1m 30s`), timestamps as UTC clock times (`03:04:05`, `03:04:05.040`; the date is added when
/// the step is a day or more). `step` (same unit as the time) decides how many decimals are shown.
public enum TimeLabels {
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
