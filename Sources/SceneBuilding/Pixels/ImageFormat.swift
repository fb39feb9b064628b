/// The channel layout of a raw image (`ColorModel`, rrd-format §9). There is no LA model in Rerun 0.41.
public enum ColorModel: UInt8, Sendable, CaseIterable {
    case l = 1, rgb = 2, rgba = 3, bgr = 4, bgra = 5

    public var channelCount: Int {
        switch self {
        case .l: 1
        case .rgb, .bgr: 3
        case .rgba, .bgra: 4
        }
    }

    public var hasAlpha: Bool { self == .rgba || self == .bgra }
}

/// The type of one channel sample (`ChannelDatatype`, rrd-format §9); samples are little-endian.
public enum ChannelDatatype: UInt8, Sendable, CaseIterable {
    case u8 = 6, i8 = 7, u16 = 8, i16 = 9, u32 = 10, i32 = 11, u64 = 12, i64 = 13
    case f16 = 33, f32 = 34, f64 = 35

    public var byteCount: Int {
        switch self {
        case .u8, .i8: 1
        case .u16, .i16, .f16: 2
        case .u32, .i32, .f32: 4
        case .u64, .i64, .f64: 8
        }
    }

    public var isFloat: Bool { self == .f16 || self == .f32 || self == .f64 }

    /// The `TensorData` buffer variant with this type id (rrd-format §9: U8=1 … F64=11; 0 is the null marker).
    public init?(tensorUnionTypeID id: Int8) {
        let table: [ChannelDatatype] = [.u8, .u16, .u32, .u64, .i8, .i16, .i32, .i64, .f16, .f32, .f64]
        guard id >= 1, Int(id) <= table.count else { return nil }
        self = table[Int(id) - 1]
    }
}

/// A packed pixel format (`PixelFormat`, rrd-format §9): YUV layouts and Bayer mosaics, all 8-bit.
public enum PixelFormat: UInt8, Sendable, CaseIterable {
    case yuv420PlanarLimited = 20     // Y_U_V12_LimitedRange: Y plane, U (w/2 × h/2), V (w/2 × h/2)
    case nv12 = 26                    // Y plane, then interleaved UV at half resolution; limited range, BT.601
    case yuy2 = 27                    // Y0 U Y1 V per pixel pair; limited range, BT.601
    case y8Full = 30                  // Y8_FullRange
    case yuv444PlanarLimited = 39     // Y_U_V24_LimitedRange
    case yuv444PlanarFull = 40        // Y_U_V24_FullRange
    case y8Limited = 41               // Y8_LimitedRange
    case yuv420PlanarFull = 44        // Y_U_V12_FullRange
    case yuv422PlanarLimited = 49     // Y_U_V16_LimitedRange: Y plane, U (w/2 × h), V (w/2 × h)
    case yuv422PlanarFull = 50        // Y_U_V16_FullRange
    case bayerRGGB8 = 128, bayerBGGR8 = 129, bayerGBRG8 = 130, bayerGRBG8 = 131

    /// Bytes that a `width`×`height` image needs (the viewer's `num_bytes`, rounding down as it does); `Int.max`
    /// when that does not fit an Int.
    public func byteCount(width: Int, height: Int) -> Int {
        let pixels = saturatingProduct(width, height)
        guard pixels < Int.max / 4 else { return Int.max }
        switch self {
        case .yuv444PlanarLimited, .yuv444PlanarFull: return pixels * 3
        case .yuv422PlanarLimited, .yuv422PlanarFull, .yuy2: return pixels * 2
        case .yuv420PlanarLimited, .yuv420PlanarFull, .nv12: return pixels * 12 / 8
        case .y8Full, .y8Limited, .bayerRGGB8, .bayerBGGR8, .bayerGBRG8, .bayerGRBG8: return pixels
        }
    }

    /// Limited ("video") range: Y in 16…235, U/V in 16…240.
    public var isLimitedRange: Bool {
        switch self {
        case .yuv420PlanarLimited, .nv12, .yuy2, .yuv444PlanarLimited, .y8Limited, .yuv422PlanarLimited: true
        default: false
        }
    }

    public var isBayer: Bool { rawValue >= 128 }

    /// How many pixels share one chroma sample horizontally and vertically (the size must be a multiple).
    public var chromaSubsampling: (x: Int, y: Int) {
        switch self {
        case .yuv420PlanarLimited, .yuv420PlanarFull, .nv12: (2, 2)
        case .yuv422PlanarLimited, .yuv422PlanarFull, .yuy2: (2, 1)
        default: (1, 1)
        }
    }
}

/// Width, height and sample layout of a raw image buffer (the `ImageFormat` component).
///
/// Either `pixelFormat` is set, or `colorModel` + `channelDatatype` (each defaulting, as in Rerun, to L and U8).
public struct ImageFormatDescription: Sendable, Hashable {
    public var width: Int
    public var height: Int
    public var pixelFormat: PixelFormat?
    public var colorModel: ColorModel?
    public var channelDatatype: ChannelDatatype?

    public init(width: Int, height: Int, pixelFormat: PixelFormat? = nil, colorModel: ColorModel? = nil,
                channelDatatype: ChannelDatatype? = nil) {
        self.width = width
        self.height = height
        self.pixelFormat = pixelFormat
        self.colorModel = colorModel
        self.channelDatatype = channelDatatype
    }

    /// Builds a description from the raw component fields; unknown enum codes are an error.
    public init(width: UInt32, height: UInt32, pixelFormat: UInt8?, colorModel: UInt8?, channelDatatype: UInt8?) throws {
        var resolvedPixelFormat: PixelFormat?
        if let code = pixelFormat {
            guard let format = PixelFormat(rawValue: code) else { throw PixelError.unknownCode(field: "pixel_format", code) }
            resolvedPixelFormat = format
        }
        var resolvedColorModel: ColorModel?
        if let code = colorModel {
            guard let model = ColorModel(rawValue: code) else { throw PixelError.unknownCode(field: "color_model", code) }
            resolvedColorModel = model
        }
        var resolvedDatatype: ChannelDatatype?
        if let code = channelDatatype {
            guard let type = ChannelDatatype(rawValue: code) else {
                throw PixelError.unknownCode(field: "channel_datatype", code)
            }
            resolvedDatatype = type
        }
        self.init(width: Int(width), height: Int(height), pixelFormat: resolvedPixelFormat,
                  colorModel: resolvedColorModel, channelDatatype: resolvedDatatype)
    }

    /// The colour model in effect (L when absent).
    public var effectiveColorModel: ColorModel { colorModel ?? .l }
    /// The channel type in effect (U8 when absent).
    public var effectiveDatatype: ChannelDatatype { channelDatatype ?? .u8 }

    /// Bytes the buffer must hold at least (`Int.max` when that does not fit an Int).
    public var byteCount: Int {
        if let pixelFormat { return pixelFormat.byteCount(width: width, height: height) }
        return saturatingProduct(saturatingProduct(width, height),
                                 effectiveColorModel.channelCount * effectiveDatatype.byteCount)
    }

    /// Largest side accepted, and largest pixel count: beyond these a format is "absurd" (2^15 = the PNG codec's limit).
    public static let maxSide = 1 << 15
    public static let maxPixels = 1 << 28

    /// Checks the dimensions and that `bufferCount` bytes are enough; throws the reason otherwise.
    public func validate(bufferCount: Int) throws {
        guard width > 0, height > 0, width <= Self.maxSide, height <= Self.maxSide,
              width * height <= Self.maxPixels else {
            throw PixelError.invalidDimensions(width: width, height: height)
        }
        if let pixelFormat {
            let (xStep, yStep) = pixelFormat.chromaSubsampling
            guard width % xStep == 0, height % yStep == 0 else {
                throw PixelError.oddSizeForSubsampledFormat(width: width, height: height, format: pixelFormat)
            }
        }
        guard bufferCount >= byteCount else {
            throw PixelError.bufferTooShort(expected: byteCount, actual: bufferCount)
        }
    }
}

/// Why a raw image buffer cannot be turned into pixels. The caller adds the entity path to the warning.
public enum PixelError: Error, Equatable, CustomStringConvertible {
    case invalidDimensions(width: Int, height: Int)
    case bufferTooShort(expected: Int, actual: Int)
    case unknownCode(field: String, UInt8)
    case oddSizeForSubsampledFormat(width: Int, height: Int, format: PixelFormat)
    case unsupported(String)
    case tensorShape(String)

    public var description: String {
        switch self {
        case let .invalidDimensions(w, h): "invalid image size \(w)×\(h)"
        case let .bufferTooShort(expected, actual): "image buffer holds \(actual) bytes, the format needs \(expected)"
        case let .unknownCode(field, code): "unknown \(field) code \(code)"
        case let .oddSizeForSubsampledFormat(w, h, format): "\(format) needs an even size (chroma subsampling), got \(w)×\(h)"
        case let .unsupported(what): "unsupported: \(what)"
        case let .tensorShape(what): "bad tensor shape: \(what)"
        }
    }
}

/// a·b for non-negative factors, or `Int.max` when the product overflows (negative factors give 0).
func saturatingProduct(_ a: Int, _ b: Int) -> Int {
    guard a > 0, b > 0 else { return 0 }
    let (product, overflow) = a.multipliedReportingOverflow(by: b)
    return overflow ? Int.max : product
}
