import CPNGClassic

/// PNG encoding and decoding through libpng (its classic API, wrapped in the C target CPNGClassic).
///
/// Encoding is deterministic: the same pixels and options give the same bytes (no timestamps,
/// no text chunks). Decoding keeps sample values as stored, as Rerun's viewer does: no gamma
/// conversion, 16-bit samples rounded to 8 bits.
public enum PNGCodec {
    /// Trade-off between encoding time and size.
    public struct Compression: Sendable, Equatable {
        /// zlib level, 0 (store) ... 9 (smallest).
        public var level: Int32
        /// The PNG row filter(s) tried on each row (libpng's `PNG_FILTER_*` bits).
        public var filters: Int32

        public init(level: Int32, filters: Int32) {
            self.level = level
            self.filters = filters
        }

        /// zlib level 1 with the Sub filter on every row: the fastest setting that still compresses
        /// rendered frames well (perf-notes.md measured the alternatives).
        public static let fast = Compression(level: 1, filters: 0x10)
        /// zlib level 6 with libpng's adaptive filter choice: smaller files, several times slower.
        public static let small = Compression(level: 6, filters: 0xF8)
    }

    /// Encodes `image` as an 8-bit RGBA PNG.
    public static func encode(_ image: RGBAImage, compression: Compression = .fast) throws -> [UInt8] {
        guard image.width > 0, image.height > 0 else {
            throw MediaError.invalidDimensions(width: image.width, height: image.height)
        }
        var message = [CChar](repeating: 0, count: 128)
        var output: UnsafeMutablePointer<UInt8>? = nil
        var size = 0
        let status = image.pixels.withUnsafeBufferPointer { src in
            rrd_png_encode_rgba8(src.baseAddress, UInt32(image.width), UInt32(image.height),
                                 compression.level, compression.filters, &output, &size, &message)
        }
        guard status == 0, let output else {
            throw MediaError.encodeFailed(format: "PNG", reason: text(message))
        }
        defer { rrd_png_free(output) }
        return Array(UnsafeBufferPointer(start: output, count: size))
    }

    /// Encodes `image` and writes it atomically to `path` (whole or not at all).
    public static func write(_ image: RGBAImage, to path: String, compression: Compression = .fast) throws {
        try AtomicFile.write(encode(image, compression: compression), to: path)
    }

    /// Reads and decodes the PNG file at `path`; errors name the path.
    public static func read(_ path: String, limits: ImageLimits = .default) throws -> RGBAImage {
        let bytes = try FileBytes.read(path)
        do { return try decode(bytes, limits: limits) } catch let MediaError.decodeFailed(format, reason) {
            throw MediaError.decodeFailed(format: format, reason: "\(reason): \(path)")
        }
    }

    /// Decodes any PNG (grey, palette, 1...16-bit, with or without alpha or tRNS, interlaced) to
    /// 8-bit RGBA. The size is checked against `limits` before pixels are allocated.
    public static func decode(_ bytes: [UInt8], limits: ImageLimits = .default) throws -> RGBAImage {
        var message = [CChar](repeating: 0, count: 128)
        return try bytes.withUnsafeBufferPointer { data in
            var width: UInt32 = 0, height: UInt32 = 0
            guard let reader = rrd_png_reader_open(data.baseAddress, data.count, &width, &height, &message) else {
                throw MediaError.decodeFailed(format: "PNG", reason: text(message))
            }
            defer { rrd_png_reader_close(reader) }
            try limits.check(width: Int(width), height: Int(height), format: "PNG")
            var pixels = [UInt8](repeating: 0, count: Int(width) * Int(height) * 4)
            let status = pixels.withUnsafeMutableBufferPointer { rrd_png_reader_read_rgba8(reader, $0.baseAddress, &message) }
            guard status == 0 else { throw MediaError.decodeFailed(format: "PNG", reason: text(message)) }
            return RGBAImage(width: Int(width), height: Int(height), pixels: pixels)
        }
    }

    private static func text(_ message: [CChar]) -> String {
        String(decoding: message.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
