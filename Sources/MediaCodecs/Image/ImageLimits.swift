/// Bounds on the size of a decoded picture, checked against the file's header before any pixel
/// memory is allocated, so a hostile or corrupt header cannot ask for unbounded memory.
public struct ImageLimits: Sendable, Equatable {
    /// Largest accepted width or height.
    public var maxSide: Int
    /// Largest accepted `width * height` (4 bytes each once decoded).
    public var maxPixels: Int

    public init(maxSide: Int = 1 << 15, maxPixels: Int = 1 << 28) {
        self.maxSide = maxSide
        self.maxPixels = maxPixels
    }

    /// 32768 per side and 2^28 pixels (1 GiB of RGBA).
    public static let `default` = ImageLimits()

    /// Throws `MediaError.invalidDimensions` for empty sizes and `MediaError.tooLarge` beyond the limits.
    public func check(width: Int, height: Int, format: String) throws {
        guard width > 0, height > 0 else { throw MediaError.invalidDimensions(width: width, height: height) }
        guard width <= maxSide, height <= maxSide, width * height <= maxPixels else {
            throw MediaError.tooLarge(format: format, width: width, height: height, limits: self)
        }
    }
}
