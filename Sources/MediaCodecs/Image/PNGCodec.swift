import CPNG

/// PNG encoding and decoding through libpng's simplified `png_image` API.
///
/// Encoding is deterministic: the same pixels give the same bytes (no timestamps or text chunks).
public enum PNGCodec {
    /// Encodes `image` as an 8-bit RGBA PNG.
    public static func encode(_ image: RGBAImage) throws -> [UInt8] {
        guard image.width > 0, image.height > 0 else {
            throw MediaError.invalidDimensions(width: image.width, height: image.height)
        }
        var png = png_image()
        png.version = rrd_png_image_version()
        png.width = UInt32(image.width)
        png.height = UInt32(image.height)
        png.format = rrd_png_format_rgba()
        png.flags = rrd_png_image_flag_fast()
        let stride = Int32(image.width * 4)
        return try image.pixels.withUnsafeBufferPointer { src -> [UInt8] in
            var size = 0
            // First call: ask for the size needed.
            guard png_image_write_to_memory(&png, nil, &size, 0, src.baseAddress, stride, nil) != 0 else {
                throw MediaError.encodeFailed(format: "PNG", reason: message(of: &png))
            }
            var out = [UInt8](repeating: 0, count: size)
            let ok = out.withUnsafeMutableBytes { dst in
                png_image_write_to_memory(&png, dst.baseAddress, &size, 0, src.baseAddress, stride, nil)
            }
            guard ok != 0 else { throw MediaError.encodeFailed(format: "PNG", reason: message(of: &png)) }
            out.removeSubrange(size...)
            return out
        }
    }

    /// Encodes `image` and writes it atomically to `path` (whole or not at all).
    public static func write(_ image: RGBAImage, to path: String) throws {
        try AtomicFile.write(encode(image), to: path)
    }

    /// Reads and decodes the PNG file at `path`; errors name the path.
    public static func read(_ path: String, limits: ImageLimits = .default) throws -> RGBAImage {
        let bytes = try FileBytes.read(path)
        do { return try decode(bytes, limits: limits) } catch let error as MediaError {
            if case let .decodeFailed(format, reason) = error {
                throw MediaError.decodeFailed(format: format, reason: "\(reason): \(path)")
            }
            throw error
        }
    }

    /// Decodes any PNG (grey, palette, 16-bit, with or without alpha) to 8-bit RGBA.
    ///
    /// Sample values are kept as stored (16-bit samples are rounded to 8 bits, no gamma conversion),
    /// as Rerun's viewer does. The size is checked against `limits` before pixels are allocated.
    public static func decode(_ bytes: [UInt8], limits: ImageLimits = .default) throws -> RGBAImage {
        var png = png_image()
        png.version = rrd_png_image_version()
        let began = bytes.withUnsafeBytes { png_image_begin_read_from_memory(&png, $0.baseAddress, $0.count) }
        guard began != 0 else { throw MediaError.decodeFailed(format: "PNG", reason: message(of: &png)) }
        defer { png_image_free(&png) }
        let width = Int(png.width), height = Int(png.height)
        try limits.check(width: width, height: height, format: "PNG")
        png.format = rrd_png_format_rgba()
        var pixels = [UInt8](repeating: 0, count: width * height * 4)
        let ok = pixels.withUnsafeMutableBytes {
            png_image_finish_read(&png, nil, $0.baseAddress, Int32(width * 4), nil)
        }
        guard ok != 0 else { throw MediaError.decodeFailed(format: "PNG", reason: message(of: &png)) }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    private static func message(of png: inout png_image) -> String {
        withUnsafeBytes(of: &png.message) { raw in
            String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
        }
    }
}
