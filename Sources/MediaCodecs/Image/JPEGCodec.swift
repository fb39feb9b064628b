import CTurboJPEG

/// JPEG encoding and decoding through TurboJPEG (libjpeg-turbo).
///
/// Encoding drops alpha (JPEG has none) and is deterministic for the same pixels and options.
/// Decoding accepts baseline and progressive JPEGs in grey, YCbCr, RGB, CMYK and YCCK and returns
/// opaque RGBA; the size in the header is checked against `ImageLimits` before pixels are allocated.
public enum JPEGCodec {
    /// Chroma subsampling of an encoded JPEG.
    public enum Subsampling: Sendable {
        /// Full-resolution colour: sharpest edges, largest files.
        case none
        /// Half-resolution colour both ways (4:2:0): what cameras and the web use.
        case half
        case grey

        var tj: Int32 {
            switch self {
            case .none: Int32(TJSAMP_444.rawValue)
            case .half: Int32(TJSAMP_420.rawValue)
            case .grey: Int32(TJSAMP_GRAY.rawValue)
            }
        }
    }

    /// Encodes the RGB channels of `image` at `quality` (1...100).
    public static func encode(_ image: RGBAImage, quality: Int = 90, subsampling: Subsampling = .half) throws -> [UInt8] {
        guard image.width > 0, image.height > 0 else {
            throw MediaError.invalidDimensions(width: image.width, height: image.height)
        }
        guard (1...100).contains(quality) else {
            throw MediaError.encodeFailed(format: "JPEG", reason: "quality \(quality) is outside 1...100")
        }
        guard let handle = tjInitCompress() else {
            throw MediaError.encodeFailed(format: "JPEG", reason: "cannot create a TurboJPEG compressor")
        }
        defer { tjDestroy(handle) }
        var output: UnsafeMutablePointer<UInt8>? = nil
        var size: UInt = 0
        defer { if let output { tjFree(output) } }
        let status = image.pixels.withUnsafeBufferPointer { src in
            tjCompress2(handle, src.baseAddress, Int32(image.width), Int32(image.width * 4), Int32(image.height),
                        Int32(TJPF_RGBA.rawValue), &output, &size, subsampling.tj, Int32(quality), TJFLAG_ACCURATEDCT)
        }
        guard status == 0, let output else {
            throw MediaError.encodeFailed(format: "JPEG", reason: errorText(handle))
        }
        return Array(UnsafeBufferPointer(start: output, count: Int(size)))
    }

    /// Encodes `image` and writes it atomically to `path`.
    public static func write(_ image: RGBAImage, to path: String, quality: Int = 90) throws {
        try AtomicFile.write(encode(image, quality: quality), to: path)
    }

    /// Decodes a JPEG to opaque RGBA.
    ///
    /// - Parameter strict: when true (the default) a warning from libjpeg (for example a truncated
    ///   file, "Premature end of JPEG file") is an error; when false the partly decoded picture is kept.
    public static func decode(_ bytes: [UInt8], limits: ImageLimits = .default, strict: Bool = true) throws -> RGBAImage {
        guard let handle = tjInitDecompress() else {
            throw MediaError.decodeFailed(format: "JPEG", reason: "cannot create a TurboJPEG decompressor")
        }
        defer { tjDestroy(handle) }
        var width: Int32 = 0, height: Int32 = 0, subsamp: Int32 = 0, colorspace: Int32 = 0
        let header = bytes.withUnsafeBufferPointer {
            tjDecompressHeader3(handle, $0.baseAddress, UInt($0.count), &width, &height, &subsamp, &colorspace)
        }
        guard header == 0 else { throw MediaError.decodeFailed(format: "JPEG", reason: errorText(handle)) }
        try limits.check(width: Int(width), height: Int(height), format: "JPEG")
        let isCMYK = colorspace == Int32(TJCS_CMYK.rawValue) || colorspace == Int32(TJCS_YCCK.rawValue)
        // libjpeg cannot turn CMYK into RGB itself: decode to CMYK, then convert below.
        let pixelFormat = isCMYK ? TJPF_CMYK : TJPF_RGBA
        var pixels = [UInt8](repeating: 255, count: Int(width) * Int(height) * 4)
        let status = bytes.withUnsafeBufferPointer { src in
            pixels.withUnsafeMutableBufferPointer { dst in
                tjDecompress2(handle, src.baseAddress, UInt(src.count), dst.baseAddress, width, width * 4, height,
                              Int32(pixelFormat.rawValue), TJFLAG_ACCURATEDCT)
            }
        }
        if status != 0 {
            let isWarning = tjGetErrorCode(handle) == Int32(TJERR_WARNING.rawValue)
            if strict || !isWarning { throw MediaError.decodeFailed(format: "JPEG", reason: errorText(handle)) }
        }
        if isCMYK { convertInvertedCMYKToRGBA(&pixels) }
        return RGBAImage(width: Int(width), height: Int(height), pixels: pixels)
    }

    /// Reads and decodes the JPEG file at `path`; errors name the path.
    public static func read(_ path: String, limits: ImageLimits = .default) throws -> RGBAImage {
        let bytes = try FileBytes.read(path)
        do { return try decode(bytes, limits: limits) } catch let MediaError.decodeFailed(format, reason) {
            throw MediaError.decodeFailed(format: format, reason: "\(reason): \(path)")
        }
    }

    /// CMYK JPEGs (from Adobe software, the only common source) store inverted inks, so that
    /// 255 means no ink: R = C·K/255 and so on. Works in place, 4 bytes per pixel.
    static func convertInvertedCMYKToRGBA(_ pixels: inout [UInt8]) {
        pixels.withUnsafeMutableBufferPointer { p in
            for i in stride(from: 0, to: p.count, by: 4) {
                let k = UInt32(p[i + 3])
                p[i] = UInt8((UInt32(p[i]) * k + 127) / 255)
                p[i + 1] = UInt8((UInt32(p[i + 1]) * k + 127) / 255)
                p[i + 2] = UInt8((UInt32(p[i + 2]) * k + 127) / 255)
                p[i + 3] = 255
            }
        }
    }

    private static func errorText(_ handle: tjhandle) -> String {
        guard let text = tjGetErrorStr2(handle) else { return "unknown TurboJPEG error" }
        return String(cString: text)
    }
}
