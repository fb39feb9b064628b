/// What a comparison allows. The default is exact: any changed byte makes a pixel bad and no bad
/// pixel is allowed. A tolerance is a reviewed decision per golden, not a global default.
public struct Tolerance: Sendable, Equatable, Codable {
    /// How many bad pixels pass: an absolute count or a fraction of all pixels.
    public enum Budget: Sendable, Equatable {
        case pixels(Int)
        case fraction(Double)

        /// The allowed count for an image of `pixelCount` pixels (a fraction rounds down).
        public func allowed(of pixelCount: Int) -> Int {
            switch self {
            case let .pixels(n): max(0, n)
            case let .fraction(f): Int((max(0, min(1, f)) * Double(pixelCount)).rounded(.down))
            }
        }
    }

    /// Largest colour distance (0...1, see `ColorDistance`) at which two pixels still count as the
    /// same. 0 means exact: any difference in any byte makes the pixel bad. pixelmatch's usual is 0.1.
    public var threshold: Double
    /// When on, a pixel whose difference is explained by an anti-aliased edge in either image
    /// is reported (in yellow on the diff) but not counted as bad.
    public var ignoreAntialiasing: Bool
    public var budget: Budget

    public init(threshold: Double = 0, ignoreAntialiasing: Bool = false, budget: Budget = .pixels(0)) {
        self.threshold = threshold
        self.ignoreAntialiasing = ignoreAntialiasing
        self.budget = budget
    }

    /// Identical pixels required.
    public static let exact = Tolerance()

    /// Problems with the values (threshold outside 0...1, negative budget), or nil when valid.
    public var problem: String? {
        if !(0...1).contains(threshold) { return "threshold \(threshold) is outside 0...1" }
        switch budget {
        case let .pixels(n) where n < 0: return "max bad pixels \(n) is negative"
        case let .fraction(f) where !(0...1).contains(f): return "max bad fraction \(f) is outside 0...1"
        default: return nil
        }
    }

    // JSON form (suite files): {"threshold": 0.1, "ignoreAntialiasing": true, "maxBadPixels": 10}
    // or {"maxBadFraction": 0.001}; every key optional, defaults exact.
    private enum CodingKeys: String, CodingKey { case threshold, ignoreAntialiasing, maxBadPixels, maxBadFraction }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        threshold = try c.decodeIfPresent(Double.self, forKey: .threshold) ?? 0
        ignoreAntialiasing = try c.decodeIfPresent(Bool.self, forKey: .ignoreAntialiasing) ?? false
        let pixels = try c.decodeIfPresent(Int.self, forKey: .maxBadPixels)
        let fraction = try c.decodeIfPresent(Double.self, forKey: .maxBadFraction)
        if pixels != nil, fraction != nil {
            throw DecodingError.dataCorruptedError(forKey: .maxBadFraction, in: c,
                                                   debugDescription: "give maxBadPixels or maxBadFraction, not both")
        }
        budget = fraction.map { .fraction($0) } ?? .pixels(pixels ?? 0)
        if let problem {
            throw DecodingError.dataCorruptedError(forKey: .threshold, in: c, debugDescription: problem)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(threshold, forKey: .threshold)
        try c.encode(ignoreAntialiasing, forKey: .ignoreAntialiasing)
        switch budget {
        case let .pixels(n): try c.encode(n, forKey: .maxBadPixels)
        case let .fraction(f): try c.encode(f, forKey: .maxBadFraction)
        }
    }

    /// "threshold 0.1, anti-aliasing ignored, up to 10 bad pixels" — for messages.
    public var summary: String {
        var parts = [threshold == 0 ? "exact colours" : "threshold \(threshold)"]
        if ignoreAntialiasing { parts.append("anti-aliasing ignored") }
        switch budget {
        case .pixels(0): parts.append("no bad pixel allowed")
        case let .pixels(n): parts.append("up to \(n) bad pixels")
        case let .fraction(f): parts.append("up to \(f * 100)% bad pixels")
        }
        return parts.joined(separator: ", ")
    }
}
