/// What comparing two images measured, against what the tolerance allowed.
public struct ComparisonResult: Sendable, Equatable, Codable {
    /// Where a pixel is: (0, 0) is the top-left pixel.
    public struct Point: Sendable, Equatable, Codable {
        public let x: Int
        public let y: Int
    }

    /// The smallest rectangle holding every bad pixel; `maxX`/`maxY` inclusive.
    public struct Bounds: Sendable, Equatable, Codable {
        public var minX: Int, minY: Int, maxX: Int, maxY: Int
        public var width: Int { maxX - minX + 1 }
        public var height: Int { maxY - minY + 1 }
    }

    public enum Verdict: String, Sendable, Codable {
        /// Every byte is equal.
        case identical
        /// Some pixels differ, within the tolerance.
        case withinTolerance
        /// More bad pixels than allowed.
        case different
        /// The images do not have the same size (a difference, not an error).
        case sizeMismatch
    }

    public struct Size: Sendable, Equatable, Codable, CustomStringConvertible {
        public let width: Int
        public let height: Int
        public var description: String { "\(width)x\(height)" }
    }

    public let expectedSize: Size
    public let actualSize: Size
    public let tolerance: Tolerance
    /// Pixels whose bytes differ at all.
    public let differentPixels: Int
    /// Pixels farther apart than the threshold and not excused as anti-aliasing: these count.
    public let badPixels: Int
    /// Pixels farther apart than the threshold but excused as anti-aliasing (only with `ignoreAntialiasing`).
    public let antialiasedPixels: Int
    /// `tolerance.budget` resolved for this image size.
    public let allowedBadPixels: Int
    /// The largest colour distance (0...1) over all pixels, and the first pixel (row-major) having it.
    public let worstDistance: Double
    public let worstAt: Point?
    /// Bounding box of the bad pixels, nil when there are none.
    public let badBounds: Bounds?

    public var verdict: Verdict {
        if expectedSize != actualSize { return .sizeMismatch }
        if differentPixels == 0 { return .identical }
        return badPixels <= allowedBadPixels ? .withinTolerance : .different
    }

    /// True for `.identical` and `.withinTolerance`.
    public var passed: Bool { verdict == .identical || verdict == .withinTolerance }

    public var pixelCount: Int { expectedSize.width * expectedSize.height }

    /// One line: what was measured against what was allowed, e.g.
    /// "different: 12 bad pixels (allowed 0) of 307200; worst colour distance 0.731 at (10, 20), threshold 0; bad pixels within x 10...21, y 20...20".
    public var summary: String {
        switch verdict {
        case .sizeMismatch:
            return "size mismatch: expected \(expectedSize), actual \(actualSize)"
        case .identical:
            return "identical: \(expectedSize), every pixel equal"
        case .withinTolerance, .different:
            var text = "\(verdict == .different ? "different" : "within tolerance"): "
            text += "\(badPixels) bad pixel\(badPixels == 1 ? "" : "s") (allowed \(allowedBadPixels)) of \(pixelCount)"
            if antialiasedPixels > 0 { text += ", \(antialiasedPixels) more on anti-aliased edges ignored" }
            text += "; \(differentPixels) pixel\(differentPixels == 1 ? " differs" : "s differ") at all"
            if let worstAt {
                text += "; worst colour distance \(Self.format(worstDistance)) at (\(worstAt.x), \(worstAt.y)), threshold \(Self.format(tolerance.threshold))"
            }
            if let b = badBounds { text += "; bad pixels within x \(b.minX)...\(b.maxX), y \(b.minY)...\(b.maxY)" }
            return text
        }
    }

    static func format(_ value: Double) -> String {
        let scaled = (value * 1000).rounded() / 1000
        return scaled == scaled.rounded() ? String(Int(scaled)) : String(scaled)
    }
}
