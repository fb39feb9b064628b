/// The enum components Rerun stores as one `u8` each (rrd-format.md §9; 0 is never a valid value).

/// `rerun.components.Colormap`.
public enum Colormap: UInt8, Sendable, Hashable, CaseIterable {
    case grayscale = 1, inferno, magma, plasma, turbo, viridis, cyanToYellow, spectral, twilight, rvizMap, rvizCostmap, costmap
}

/// `rerun.components.FillMode`.
public enum FillMode: UInt8, Sendable, Hashable, CaseIterable {
    case majorWireframe = 1, denseWireframe, solid, transparentFillMajorWireframe
}

/// `rerun.components.MarkerShape`.
public enum MarkerShape: UInt8, Sendable, Hashable, CaseIterable {
    case circle = 1, diamond, square, cross, plus, up, down, left, right, asterisk
}

/// `rerun.components.TransformRelation`.
public enum TransformRelation: UInt8, Sendable, Hashable, CaseIterable {
    /// The transform maps child coordinates into the parent (the default).
    case parentFromChild = 1
    /// The transform maps parent coordinates into the child (Python's old `from_parent=True`).
    case childFromParent = 2
}

/// `rerun.components.PointShading`.
public enum PointShading: UInt8, Sendable, Hashable, CaseIterable {
    case gradient = 1, flat
}

/// `rerun.components.MagnificationFilter`.
public enum MagnificationFilter: UInt8, Sendable, Hashable, CaseIterable {
    case nearest = 1, linear, bicubic
}

/// `rerun.components.AggregationPolicy` (how a plot reduces many points per pixel).
public enum AggregationPolicy: UInt8, Sendable, Hashable, CaseIterable {
    case off = 1, average, max, min, minMax, minMaxAverage
}

/// `rerun.components.InterpolationMode`.
public enum InterpolationMode: UInt8, Sendable, Hashable, CaseIterable {
    case linear = 1, stepAfter, stepBefore, stepMid
}

/// `rerun.datatypes.ColorModel` (the `color_model` of an `ImageFormat`).
public enum ColorModel: UInt8, Sendable, Hashable, CaseIterable {
    case l = 1, rgb, rgba, bgr, bgra

    /// Channels per pixel.
    public var channelCount: Int {
        switch self {
        case .l: 1
        case .rgb, .bgr: 3
        case .rgba, .bgra: 4
        }
    }
}

/// `rerun.datatypes.ChannelDatatype` (the `channel_datatype` of an `ImageFormat`).
public enum ChannelDatatype: UInt8, Sendable, Hashable, CaseIterable {
    case u8 = 6, i8 = 7, u16 = 8, i16 = 9, u32 = 10, i32 = 11, u64 = 12, i64 = 13, f16 = 33, f32 = 34, f64 = 35

    /// Bytes per sample.
    public var byteWidth: Int {
        switch self {
        case .u8, .i8: 1
        case .u16, .i16, .f16: 2
        case .u32, .i32, .f32: 4
        case .u64, .i64, .f64: 8
        }
    }
}

/// `rerun.datatypes.PixelFormat` (the `pixel_format` of an `ImageFormat`: chroma-subsampled and Bayer layouts).
public enum PixelFormat: UInt8, Sendable, Hashable, CaseIterable {
    case y_u_v12_LimitedRange = 20, nv12 = 26, yuy2 = 27, y8_FullRange = 30, y_u_v24_LimitedRange = 39, y_u_v24_FullRange = 40
    case y8_LimitedRange = 41, y_u_v12_FullRange = 44, y_u_v16_LimitedRange = 49, y_u_v16_FullRange = 50
    case bayer_RGGB8 = 128, bayer_BGGR8 = 129, bayer_GBRG8 = 130, bayer_GRBG8 = 131
}

/// Well-known media types (`rerun.components.MediaType`).
public enum MediaType {
    public static let markdown = "text/markdown"
    public static let plainText = "text/plain"
    public static let jpeg = "image/jpeg"
    public static let png = "image/png"
    public static let obj = "model/obj"
    public static let stl = "model/stl"
    public static let glb = "model/gltf-binary"
    public static let gltf = "model/gltf+json"

    /// The media type Rerun guesses from a file name's extension (nil when unknown).
    public static func guess(fileName: String) -> String? {
        switch fileName.split(separator: ".").last?.lowercased() {
        case "obj": obj
        case "stl": stl
        case "glb": glb
        case "gltf": gltf
        case "jpg", "jpeg": jpeg
        case "png": png
        case "md": markdown
        case "txt": plainText
        default: nil
        }
    }
}

/// Well-known `rerun.components.TextLogLevel` values (any string is allowed).
public enum TextLogLevel {
    public static let critical = "CRITICAL"
    public static let error = "ERROR"
    public static let warn = "WARN"
    public static let info = "INFO"
    public static let debug = "DEBUG"
    public static let trace = "TRACE"
}

/// `rerun.components.MeshFaceRendering` (front faces wind counter-clockwise on screen).
public enum MeshFaceRendering: UInt8, Sendable, Hashable, CaseIterable {
    case doubleSided = 1, front, back
}
