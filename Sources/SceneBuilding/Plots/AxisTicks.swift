import Foundation

/// One grid line of a plot axis (egui_plot's `GridMark`): its value and the step of the coarsest grid it lies on,
/// which decides how strong its line and label are drawn.
public struct GridMark: Equatable, Sendable {
    public var value: Double
    public var step: Double

    public init(value: Double, step: Double) { self.value = value; self.step = step }
}

/// Grid lines and tick labels of the plot axes, chosen as egui_plot and Rerun's time-series view choose them.
///
/// - Value axes (and sequence timelines) use egui_plot's `log_grid_spacer(10)`: the thinnest grid is the power of
///   ten at or above the value span of `minGridSpacing` (8) points, with its ×10 and ×100 multiples as coarser grids.
/// - Duration and timestamp timelines use Rerun's nanosecond spacer: the thinnest grid is the smallest clock step
///   (1 ns … 1 s by powers of ten, then 10 s, 1 min, 10 min, 1 h, 12 h, 1 day, ×10 days) whose *next* step leaves
///   at most one line per 150 points of the view's width; the next two steps are the coarser grids.
///
/// Invariants: marks are ascending, inside the bounds, one per value; each mark's `step` is the coarsest of the
/// three steps it is a multiple of; a degenerate or non-finite range gives no marks.
public enum AxisTicks {
    /// Grid lines closer than this (points) are not drawn; they fade in up to `fullGridSpacing`.
    public static let minGridSpacing: Float = 8
    public static let fullGridSpacing: Float = 300

    /// egui_plot's `log_grid_spacer(10)` for `bounds`, where `baseStep` is the value span of `minGridSpacing` points.
    public static func logMarks(in bounds: ClosedRange<Double>, baseStep: Double) -> [GridMark] {
        guard baseStep.isFinite, abs(baseStep) >= Double.ulpOfOne, bounds.lowerBound.isFinite, bounds.upperBound.isFinite else {
            return []
        }
        let smallest = pow(10, log10(abs(baseStep)).rounded(.up))
        return marks(steps: [smallest, smallest * 10, smallest * 100], in: bounds)
    }

    /// Multiples of each step inside `bounds` (egui_plot's `fill_marks_between`: ⌈min/s⌉ ..< ⌈max/s⌉), merged so
    /// that marks closer than a tenth of the finest step keep only the coarsest one.
    static func marks(steps: [Double], in bounds: ClosedRange<Double>) -> [GridMark] {
        var all: [GridMark] = []
        for step in steps where step > 0 && step.isFinite {
            let first = (bounds.lowerBound / step).rounded(.up), last = (bounds.upperBound / step).rounded(.up)
            guard last - first < 10_000 else { return [] }
            var i = first
            while i < last { all.append(GridMark(value: i * step, step: step)); i += 1 }
        }
        all.sort { $0.value < $1.value }
        let eps = 0.1 * (steps.min() ?? 0)
        var merged: [GridMark] = []
        for m in all {
            if let last = merged.last, abs(last.value - m.value) < eps {
                if last.step < m.step { merged[merged.count - 1] = m }
                continue
            }
            merged.append(m)
        }
        return merged
    }

    /// Rerun's next coarser clock grid after `nanos` (re_format's `next_grid_tick_magnitude_nanos`).
    static func nextClockStep(_ nanos: Int64) -> Int64 {
        let second: Int64 = 1_000_000_000
        switch nanos {
        case ...second: return nanos * 10
        case 10 * second: return nanos * 6
        case 60 * second: return nanos * 10
        case 600 * second: return nanos * 6
        case 3600 * second: return nanos * 12
        case 43_200 * second: return nanos * 2
        default: return nanos.multipliedReportingOverflow(by: 10).overflow ? nanos : nanos * 10
        }
    }

    /// Rerun's `nanos_grid_spacer` for `bounds` (nanoseconds relative to a whole day) in a view `canvasWidth`
    /// points wide.
    public static func clockMarks(in bounds: ClosedRange<Double>, canvasWidth: Double) -> [GridMark] {
        guard bounds.lowerBound.isFinite, bounds.upperBound.isFinite, canvasWidth > 0,
              abs(bounds.lowerBound) < 9e18, abs(bounds.upperBound) < 9e18 else { return [] }
        let maxMediumLines = canvasWidth / 150
        let width = bounds.upperBound - bounds.lowerBound
        var small: Int64 = 1
        while width / Double(nextClockStep(small)) > maxMediumLines {
            let next = nextClockStep(small)
            guard next > small else { break }
            small = next
        }
        let medium = nextClockStep(small), big = nextClockStep(medium)
        let first = (Int64(bounds.lowerBound.rounded(.down)) / small) * small
        let last = Int64(bounds.upperBound.rounded(.up))
        guard (last - first) / small < 10_000 else { return [] }
        var result: [GridMark] = []
        var t = first
        while t <= last {
            if Double(t) >= bounds.lowerBound && Double(t) <= bounds.upperBound {
                let step = t % big == 0 ? big : t % medium == 0 ? medium : small
                result.append(GridMark(value: Double(t), step: Double(step)))
            }
            let (next, overflow) = t.addingReportingOverflow(small)
            if overflow { break }
            t = next
        }
        return result
    }

    /// How strongly a grid (or its labels) shows when its lines are `spacing` points apart: 0 at `from`, 1 at `to`.
    static func strength(spacing: Float, from: Float, to: Float) -> Float {
        min(max((spacing - from) / (to - from), 0), 1)
    }

    /// Decimals a mark's label shows: enough for its step (`0.1` → 1, `10` → 0).
    static func decimals(step: Double) -> Int {
        let d = -log10(step).rounded()
        return d.isFinite && d > 0 ? Int(min(d, 15)) : 0
    }

    /// A time-series value label as Rerun writes it (`format_y_axis`): the step's decimals, trailing zeros
    /// stripped, thin-space thousands separators and a true minus sign (`−0.1`, `1 000`, `2`).
    public static func valueLabel(_ mark: GridMark) -> String {
        let value = mark.value
        if value.isNaN { return "NaN" }
        let sign = value < 0 ? "\u{2212}" : ""
        let magnitude = abs(value)
        if magnitude == .infinity { return sign + "∞" }
        let maxDecimals = 15 - max(0, log10(magnitude))
        if maxDecimals < 0 { return sign + String(format: "%.14e", magnitude) }
        var text = String(format: "%.\(min(decimals(step: mark.step), Int(maxDecimals)))f", magnitude)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        var result = thousands(String(parts[0]))
        if parts.count > 1 { result += "." + parts[1] }
        return sign + result
    }

    /// egui_plot's default tick label (bar charts): exactly the step's decimals, an ASCII minus sign.
    public static func plainLabel(_ mark: GridMark) -> String {
        let text = String(format: "%.\(decimals(step: mark.step))f", mark.value)
        return text.hasPrefix("-") && text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) ? String(text.dropFirst()) : text
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }

    /// `digits` grouped by three from the right with thin spaces (re_format's thousands separator).
    static func thousands(_ digits: String) -> String {
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append("\u{2009}") }
            out.append(c)
        }
        return out
    }
}
