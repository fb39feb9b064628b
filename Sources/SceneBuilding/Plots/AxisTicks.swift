import Foundation

/// Readable tick positions for plot axes: steps of 1, 2 or 5 × 10^k for values, and clock-friendly steps
/// (1, 2, 5, 10, 15, 30 s, minutes, hours, days) for durations and timestamps above one second.
///
/// Invariants: ticks are exact multiples of the step (whole numbers on integer axes), ascending, inside the
/// range, and never closer than `minSpacing` pixels; a degenerate or non-finite range gives no ticks.
public enum AxisTicks {
    /// The smallest 1-2-5 step whose spacing on screen is at least `minSpacing` pixels.
    public static func niceStep(span: Double, lengthPixels: Double, minSpacing: Double) -> Double? {
        guard span.isFinite, span > 0, lengthPixels > 0, minSpacing > 0 else { return nil }
        let raw = span * minSpacing / lengthPixels
        let magnitude = pow(10, (log10(raw)).rounded(.down))
        for m in [1.0, 2, 5, 10] where m * magnitude >= raw * (1 - 1e-9) { return m * magnitude }
        return 10 * magnitude
    }

    /// Value ticks for a linear axis: multiples of `niceStep` inside `range`.
    public static func values(in range: ClosedRange<Double>, lengthPixels: Double, minSpacing: Double) -> (step: Double, ticks: [Double]) {
        guard let step = niceStep(span: range.upperBound - range.lowerBound, lengthPixels: lengthPixels, minSpacing: minSpacing) else {
            return (0, [])
        }
        let first = (range.lowerBound / step).rounded(.up)
        let last = (range.upperBound / step).rounded(.down)
        guard last >= first, last - first < 10_000 else { return (step, []) }
        return (step, stride(from: first, through: last, by: 1).map { k in
            let v = k * step
            return v == 0 ? 0 : v  // no negative zero
        })
    }

    /// Clock-friendly steps in seconds, above one second.
    static let clockSteps: [Int64] = [1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400]

    /// Integer ticks (sequence numbers, or nanoseconds when `nanosecondClock` is set) inside `range`.
    /// Steps are ≥ 1; with `nanosecondClock`, steps of one second and more follow `clockSteps` (then whole days).
    public static func integers(in range: ClosedRange<Int64>, lengthPixels: Double, minSpacing: Double,
                                nanosecondClock: Bool) -> (step: Int64, ticks: [Int64]) {
        let span = Double(range.upperBound) - Double(range.lowerBound)
        guard span > 0, lengthPixels > 0 else { return (0, []) }
        let raw = span * minSpacing / lengthPixels
        var step: Int64
        if nanosecondClock && raw > 1e9 {
            let seconds = raw / 1e9
            if let s = clockSteps.first(where: { Double($0) >= seconds }) {
                step = s * 1_000_000_000
            } else {
                let days = (seconds / 86400).rounded(.up)
                step = Int64(min(days, 1e6)) * 86_400_000_000_000
            }
        } else {
            let s = niceStep(span: span, lengthPixels: lengthPixels, minSpacing: minSpacing) ?? 1
            step = Int64(max(1, min(s, 9e17)))
        }
        let first = ceilDiv(range.lowerBound, step)
        let last = floorDiv(range.upperBound, step)
        guard last >= first, last - first < 10_000 else { return (step, []) }
        return (step, (first...last).map { $0 * step })
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    static func ceilDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) == (b < 0)) ? q + 1 : q
    }

    /// A tick value written with as many decimals as the step needs (`0.25` → 2, `10` → 0) and, like egui_plot,
    /// without trailing zeros (`1`, `0.5`); very large or very small magnitudes use scientific notation.
    public static func label(_ value: Double, step: Double) -> String {
        if value == 0 { return "0" }
        let magnitude = abs(value)
        if magnitude >= 1e7 || (step < 1e-5 && magnitude < 1e-3) {
            return String(format: "%.3g", value)
        }
        var decimals = 0
        while decimals < 12 {
            let scaled = step * pow(10, Double(decimals))
            if abs(scaled - scaled.rounded()) < 1e-6 * max(1, scaled) { break }
            decimals += 1
        }
        var text = String(format: "%.\(decimals)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
