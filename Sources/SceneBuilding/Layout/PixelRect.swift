/// A rectangle of whole pixels: `x ..< x + width`, `y ..< y + height`, (0, 0) at the top left.
public struct PixelRect: Equatable, Sendable, CustomStringConvertible {
    public var x: Int, y: Int, width: Int, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// Splits into `fractions.count` columns whose widths follow the fractions, with `gap` pixels between them.
    /// Widths are whole pixels and add up exactly (the rounding never depends on anything but the inputs).
    public func columns(_ fractions: [Double], gap: Int) -> [PixelRect] {
        split(total: width, fractions: fractions, gap: gap).map {
            PixelRect(x: x + $0.offset, y: y, width: $0.length, height: height)
        }
    }

    /// Splits into rows, like `columns`.
    public func rows(_ fractions: [Double], gap: Int) -> [PixelRect] {
        split(total: height, fractions: fractions, gap: gap).map {
            PixelRect(x: x, y: y + $0.offset, width: width, height: $0.length)
        }
    }

    private func split(total: Int, fractions: [Double], gap: Int) -> [(offset: Int, length: Int)] {
        guard !fractions.isEmpty else { return [] }
        let usable = max(0, total - gap * (fractions.count - 1))
        let sum = fractions.reduce(0, +)
        var edges = [0]
        var acc = 0.0
        for f in fractions {
            acc += sum > 0 ? f / sum : 1 / Double(fractions.count)
            edges.append(Int((acc * Double(usable)).rounded()))
        }
        edges[edges.count - 1] = usable
        return (0..<fractions.count).map { i in (edges[i] + gap * i, edges[i + 1] - edges[i]) }
    }

    /// The rectangle shrunk by `top`, `left`, `bottom`, `right` pixels (never below zero size).
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> PixelRect {
        PixelRect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    public var description: String { "\(width)x\(height)+\(x)+\(y)" }
}
