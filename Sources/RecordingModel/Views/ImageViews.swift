import ArrowIPC

/// `rerun.components.ImageFormat`: either a `pixelFormat` or a `colorModel` + `channelDatatype`.
public struct ImageFormat: Sendable, Hashable {
    public var width: UInt32
    public var height: UInt32
    /// 20 Y_U_V12_LimitedRange, 26 NV12, 27 YUY2, 30 Y8_FullRange, ... (rrd-format.md §9).
    public var pixelFormat: UInt8?
    /// 1 L, 2 RGB, 3 RGBA, 4 BGR, 5 BGRA.
    public var colorModel: UInt8?
    /// 6 U8, 7 I8, 8 U16, 9 I16, 10 U32, 11 I32, 12 U64, 13 I64, 33 F16, 34 F32, 35 F64.
    public var channelDatatype: UInt8?

    public init(width: UInt32, height: UInt32, pixelFormat: UInt8? = nil, colorModel: UInt8? = nil, channelDatatype: UInt8? = nil) {
        self.width = width
        self.height = height
        self.pixelFormat = pixelFormat
        self.colorModel = colorModel
        self.channelDatatype = channelDatatype
    }

    /// Bytes per channel sample of `channelDatatype` (nil when unknown or a pixel format is used).
    public var bytesPerChannel: Int? {
        switch channelDatatype {
        case 6, 7: 1
        case 8, 9, 33: 2
        case 10, 11, 34: 4
        case 12, 13, 35: 8
        default: nil
        }
    }

    /// Channels of `colorModel` (1 when absent, as for depth and segmentation images).
    public var channelCount: Int {
        switch colorModel {
        case 2, 4: 3
        case 3, 5: 4
        default: 1
        }
    }
}

extension ComponentCell {
    /// `ImageFormat` struct instances.
    public func imageFormats() -> [ImageFormat] {
        guard let w = values.field("width")?.values(UInt32.self), let h = values.field("height")?.values(UInt32.self) else { return [] }
        func opt(_ name: String, _ i: Int) -> UInt8? {
            guard let f = values.field(name), f.isValid(i), let v = f.values(UInt8.self) else { return nil }
            return v[i]
        }
        return instances.map { i in
            ImageFormat(width: w[i], height: h[i], pixelFormat: opt("pixel_format", i), colorModel: opt("color_model", i),
                        channelDatatype: opt("channel_datatype", i))
        }
    }
}

/// Image: raw pixels (zero-copy) plus their format.
public struct ImageView: ArchetypeView {
    public static let archetype = "Image"
    public static let components = ["buffer", "format", "opacity", "draw_order", "magnification_filter"].map(c)

    public var buffer: ArrowBuffer
    public var format: ImageFormat
    public var opacity: Float?
    public var drawOrder: Float?
    public var magnificationFilter: UInt8?

    public init?(_ r: LatestAtResults) {
        guard let b = r.first(Self.c("buffer"), { $0.blobs() }), let f = r.first(Self.c("format"), { $0.imageFormats() }) else { return nil }
        buffer = b
        format = f
        opacity = r.first(Self.c("opacity")) { $0.scalars(Float.self) }
        drawOrder = r.first(Self.c("draw_order")) { $0.scalars(Float.self) }
        magnificationFilter = r.first(Self.c("magnification_filter")) { $0.scalars(UInt8.self) }
    }
}

/// EncodedImage: JPEG/PNG bytes (zero-copy) and their media type (nil = guess from the bytes).
public struct EncodedImageView: ArchetypeView {
    public static let archetype = "EncodedImage"
    public static let components = ["blob", "media_type", "opacity", "draw_order", "magnification_filter"].map(c)

    public var blob: ArrowBuffer
    public var mediaType: String?
    public var opacity: Float?
    public var drawOrder: Float?
    public var magnificationFilter: UInt8?

    public init?(_ r: LatestAtResults) {
        guard let b = r.first(Self.c("blob"), { $0.blobs() }) else { return nil }
        blob = b
        mediaType = r.first(Self.c("media_type")) { $0.strings() }
        opacity = r.first(Self.c("opacity")) { $0.scalars(Float.self) }
        drawOrder = r.first(Self.c("draw_order")) { $0.scalars(Float.self) }
        magnificationFilter = r.first(Self.c("magnification_filter")) { $0.scalars(UInt8.self) }
    }
}

/// DepthImage: raw depth samples, their format, meter (units per metre), colormap and range.
public struct DepthImageView: ArchetypeView {
    public static let archetype = "DepthImage"
    public static let components = ["buffer", "format", "meter", "colormap", "depth_range", "point_fill_ratio", "draw_order",
                                    "magnification_filter"].map(c)

    public var buffer: ArrowBuffer
    public var format: ImageFormat
    public var meter: Float?
    /// 1 Grayscale, 2 Inferno, 3 Magma, 4 Plasma, 5 Turbo, 6 Viridis, ...
    public var colormap: UInt8?
    public var depthRange: SIMD2<Double>?
    public var pointFillRatio: Float?
    public var drawOrder: Float?
    public var magnificationFilter: UInt8?

    public init?(_ r: LatestAtResults) {
        guard let b = r.first(Self.c("buffer"), { $0.blobs() }), let f = r.first(Self.c("format"), { $0.imageFormats() }) else { return nil }
        buffer = b
        format = f
        meter = r.first(Self.c("meter")) { $0.scalars(Float.self) }
        colormap = r.first(Self.c("colormap")) { $0.scalars(UInt8.self) }
        depthRange = r.first(Self.c("depth_range")) { $0.f64x2() }
        pointFillRatio = r.first(Self.c("point_fill_ratio")) { $0.scalars(Float.self) }
        drawOrder = r.first(Self.c("draw_order")) { $0.scalars(Float.self) }
        magnificationFilter = r.first(Self.c("magnification_filter")) { $0.scalars(UInt8.self) }
    }
}

/// SegmentationImage: class ids per pixel, coloured through the AnnotationContext.
public struct SegmentationImageView: ArchetypeView {
    public static let archetype = "SegmentationImage"
    public static let components = ["buffer", "format", "opacity", "draw_order"].map(c)

    public var buffer: ArrowBuffer
    public var format: ImageFormat
    public var opacity: Float?
    public var drawOrder: Float?

    public init?(_ r: LatestAtResults) {
        guard let b = r.first(Self.c("buffer"), { $0.blobs() }), let f = r.first(Self.c("format"), { $0.imageFormats() }) else { return nil }
        buffer = b
        format = f
        opacity = r.first(Self.c("opacity")) { $0.scalars(Float.self) }
        drawOrder = r.first(Self.c("draw_order")) { $0.scalars(Float.self) }
    }
}
