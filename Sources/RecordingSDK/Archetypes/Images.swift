import ArrowIPC
import RecordingModel

/// `rerun.archetypes.Image`: raw pixels plus their format.
public struct Image: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("Image", [
        ("buffer", "ImageBuffer", AT.bytes), ("format", "ImageFormat", AT.imageFormat), ("opacity", "Opacity", .float32),
        ("draw_order", "DrawOrder", .float32), ("magnification_filter", "MagnificationFilter", .uint8),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    /// An image from its raw bytes (row-major, channels interleaved, little-endian samples) and format.
    public init(bytes: [UInt8], format: ImageFormat, opacity: Float? = nil, drawOrder: Float? = nil,
                magnificationFilter: MagnificationFilter? = nil) {
        self = .update(bytes: bytes, format: format, opacity: opacity, drawOrder: drawOrder, magnificationFilter: magnificationFilter)
    }

    /// An image of `width × height` pixels of `colorModel`, whose channel type is `T` (UInt8 → U8, Float → F32, ...).
    /// `pixels` holds `width × height × channels` samples, row-major, channels interleaved.
    public init<T: ImageChannel>(pixels: [T], width: Int, height: Int, colorModel: ColorModel = .rgb, opacity: Float? = nil,
                                 drawOrder: Float? = nil, magnificationFilter: MagnificationFilter? = nil) {
        self.init(bytes: littleEndianBytes(pixels), format: ImageFormat(width: width, height: height, colorModel: colorModel, datatype: T.channelDatatype),
                  opacity: opacity, drawOrder: drawOrder, magnificationFilter: magnificationFilter)
    }

    /// An image in a pixel format such as NV12 or a Bayer layout.
    public init(bytes: [UInt8], width: Int, height: Int, pixelFormat: PixelFormat, opacity: Float? = nil, drawOrder: Float? = nil) {
        self.init(bytes: bytes, format: ImageFormat(width: width, height: height, pixelFormat: pixelFormat), opacity: opacity,
                  drawOrder: drawOrder)
    }

    public static func update(bytes: [UInt8]? = nil, format: ImageFormat? = nil, opacity: Float? = nil, drawOrder: Float? = nil,
                              magnificationFilter: MagnificationFilter? = nil, clearUnset: Bool = false) -> Image {
        var a = empty()
        a.put("buffer", bytes.map { .blobs([$0]) })
        a.put("format", format.map { .imageFormats([$0]) })
        a.put("opacity", opacity.map { .primitive([$0]) })
        a.put("draw_order", drawOrder.map { .primitive([$0]) })
        a.put("magnification_filter", magnificationFilter.map { .primitive([$0.rawValue]) })
        return a.applying(clearUnset: clearUnset)
    }
}

/// `rerun.archetypes.DepthImage`: one depth sample per pixel; `meter` samples make one metre.
public struct DepthImage: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("DepthImage", [
        ("buffer", "ImageBuffer", AT.bytes), ("format", "ImageFormat", AT.imageFormat), ("meter", "DepthMeter", .float32),
        ("colormap", "Colormap", .uint8), ("depth_range", "ValueRange", AT.f64x2), ("point_fill_ratio", "FillRatio", .float32),
        ("draw_order", "DrawOrder", .float32), ("magnification_filter", "MagnificationFilter", .uint8),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    /// A depth image of `width × height` samples of type `T` (e.g. UInt16 millimetres with `meter: 1000`).
    public init<T: ImageChannel>(depths: [T], width: Int, height: Int, meter: Float? = nil, colormap: Colormap? = nil,
                                 depthRange: ClosedRange<Double>? = nil, pointFillRatio: Float? = nil, drawOrder: Float? = nil,
                                 magnificationFilter: MagnificationFilter? = nil) {
        self = .update(bytes: littleEndianBytes(depths), format: ImageFormat(width: width, height: height, colorModel: nil, datatype: T.channelDatatype),
                       meter: meter, colormap: colormap, depthRange: depthRange, pointFillRatio: pointFillRatio, drawOrder: drawOrder,
                       magnificationFilter: magnificationFilter)
    }

    public static func update(bytes: [UInt8]? = nil, format: ImageFormat? = nil, meter: Float? = nil, colormap: Colormap? = nil,
                              depthRange: ClosedRange<Double>? = nil, pointFillRatio: Float? = nil, drawOrder: Float? = nil,
                              magnificationFilter: MagnificationFilter? = nil, clearUnset: Bool = false) -> DepthImage {
        var a = empty()
        a.put("buffer", bytes.map { .blobs([$0]) })
        a.put("format", format.map { .imageFormats([$0]) })
        a.put("meter", meter.map { .primitive([$0]) })
        a.put("colormap", colormap.map { .primitive([$0.rawValue]) })
        a.put("depth_range", depthRange.map { .fixed([$0.lowerBound, $0.upperBound], size: 2) })
        a.put("point_fill_ratio", pointFillRatio.map { .primitive([$0]) })
        a.put("draw_order", drawOrder.map { .primitive([$0]) })
        a.put("magnification_filter", magnificationFilter.map { .primitive([$0.rawValue]) })
        return a.applying(clearUnset: clearUnset)
    }
}

/// `rerun.archetypes.SegmentationImage`: one class id per pixel, coloured through the AnnotationContext.
public struct SegmentationImage: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("SegmentationImage", [
        ("buffer", "ImageBuffer", AT.bytes), ("format", "ImageFormat", AT.imageFormat), ("opacity", "Opacity", .float32),
        ("draw_order", "DrawOrder", .float32),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    /// A segmentation image of `width × height` class ids of type `T` (UInt8 or UInt16 usually).
    public init<T: ImageChannel>(classIDs: [T], width: Int, height: Int, opacity: Float? = nil, drawOrder: Float? = nil) {
        self = .update(bytes: littleEndianBytes(classIDs), format: ImageFormat(width: width, height: height, colorModel: nil, datatype: T.channelDatatype),
                       opacity: opacity, drawOrder: drawOrder)
    }

    public static func update(bytes: [UInt8]? = nil, format: ImageFormat? = nil, opacity: Float? = nil, drawOrder: Float? = nil,
                              clearUnset: Bool = false) -> SegmentationImage {
        var a = empty()
        a.put("buffer", bytes.map { .blobs([$0]) })
        a.put("format", format.map { .imageFormats([$0]) })
        a.put("opacity", opacity.map { .primitive([$0]) })
        a.put("draw_order", drawOrder.map { .primitive([$0]) })
        return a.applying(clearUnset: clearUnset)
    }
}

/// `rerun.archetypes.EncodedImage`: a compressed image file (JPEG, PNG) decoded by the viewer.
public struct EncodedImage: BuiltinArchetype {
    public static let schema = ArchetypeSchema.builtin("EncodedImage", [
        ("blob", "Blob", AT.bytes), ("media_type", "MediaType", .utf8), ("opacity", "Opacity", .float32),
        ("draw_order", "DrawOrder", .float32), ("magnification_filter", "MagnificationFilter", .uint8),
    ])
    public var values: FieldValues
    public init(values: FieldValues) { self.values = values }

    /// The file's bytes; `mediaType` (e.g. `MediaType.png`) is written only when given, as in Python.
    public init(contents: [UInt8], mediaType: String? = nil, opacity: Float? = nil, drawOrder: Float? = nil,
                magnificationFilter: MagnificationFilter? = nil) {
        self = .update(contents: contents, mediaType: mediaType, opacity: opacity, drawOrder: drawOrder, magnificationFilter: magnificationFilter)
    }

    public static func update(contents: [UInt8]? = nil, mediaType: String? = nil, opacity: Float? = nil, drawOrder: Float? = nil,
                              magnificationFilter: MagnificationFilter? = nil, clearUnset: Bool = false) -> EncodedImage {
        var a = empty()
        a.put("blob", contents.map { .blobs([$0]) })
        a.put("media_type", mediaType.map { .utf8([$0]) })
        a.put("opacity", opacity.map { .primitive([$0]) })
        a.put("draw_order", drawOrder.map { .primitive([$0]) })
        a.put("magnification_filter", magnificationFilter.map { .primitive([$0.rawValue]) })
        return a.applying(clearUnset: clearUnset)
    }
}
