import ArrowIPC
import RecordingModel

/// Sample types an image buffer can hold, with the `ChannelDatatype` that describes them.
public protocol ImageChannel: ArrowPrimitive {
    static var channelDatatype: ChannelDatatype { get }
}
extension UInt8: ImageChannel { public static var channelDatatype: ChannelDatatype { .u8 } }
extension Int8: ImageChannel { public static var channelDatatype: ChannelDatatype { .i8 } }
extension UInt16: ImageChannel { public static var channelDatatype: ChannelDatatype { .u16 } }
extension Int16: ImageChannel { public static var channelDatatype: ChannelDatatype { .i16 } }
extension UInt32: ImageChannel { public static var channelDatatype: ChannelDatatype { .u32 } }
extension Int32: ImageChannel { public static var channelDatatype: ChannelDatatype { .i32 } }
extension UInt64: ImageChannel { public static var channelDatatype: ChannelDatatype { .u64 } }
extension Int64: ImageChannel { public static var channelDatatype: ChannelDatatype { .i64 } }
extension ArrowFloat16: ImageChannel { public static var channelDatatype: ChannelDatatype { .f16 } }
extension Float: ImageChannel { public static var channelDatatype: ChannelDatatype { .f32 } }
extension Double: ImageChannel { public static var channelDatatype: ChannelDatatype { .f64 } }

extension ImageFormat {
    /// A format given by colour model and channel type (what `rr.Image(array)` infers).
    public init(width: Int, height: Int, colorModel: ColorModel?, datatype: ChannelDatatype) {
        self.init(width: UInt32(clamping: width), height: UInt32(clamping: height), colorModel: colorModel?.rawValue,
                  channelDatatype: datatype.rawValue)
    }

    /// A format given by a pixel format (chroma-subsampled or Bayer layouts).
    public init(width: Int, height: Int, pixelFormat: PixelFormat) {
        self.init(width: UInt32(clamping: width), height: UInt32(clamping: height), pixelFormat: pixelFormat.rawValue)
    }
}

/// The raw little-endian bytes of `samples` (Rerun's image buffers are little-endian byte blobs).
func littleEndianBytes<T: ArrowPrimitive>(_ samples: [T]) -> [UInt8] {
    samples.withUnsafeBytes { Array($0) }
}

extension ArrowArray {
    static func imageFormats(_ f: [ImageFormat]) -> ArrowArray {
        func opt(_ v: [UInt8?]) -> ArrowArray {
            .primitive(v.map { $0 ?? 0 }, validity: v.contains(nil) ? v.map { $0 != nil } : nil)
        }
        return .structure([
            ("width", false, .primitive(f.map(\.width))), ("height", false, .primitive(f.map(\.height))),
            ("pixel_format", true, opt(f.map(\.pixelFormat))), ("color_model", true, opt(f.map(\.colorModel))),
            ("channel_datatype", true, opt(f.map(\.channelDatatype))),
        ], length: f.count)
    }
}
