import Foundation
import MediaCodecs

/// The intrinsics a depth back-projection needs from the Pinhole above the depth image.
public struct PinholeIntrinsics: Sendable, Hashable {
    public var fx: Float, fy: Float, cx: Float, cy: Float
    /// The pinhole's `resolution` height in pixels; nil when the pinhole has none (the viewer then uses 1, which
    /// makes the points tiny — a quirk kept on purpose).
    public var resolutionHeight: Float?

    public init(fx: Float, fy: Float, cx: Float, cy: Float, resolutionHeight: Float?) {
        self.fx = fx; self.fy = fy; self.cx = cx; self.cy = cy
        self.resolutionHeight = resolutionHeight
    }

    /// From the column-major 3×3 `PinholeProjection` (fx = m[0], fy = m[4], cx = m[6], cy = m[7]).
    public init(columnMajor m: [Float], resolutionHeight: Float?) {
        precondition(m.count == 9, "a pinhole projection has 9 entries")
        self.init(fx: m[0], fy: m[4], cx: m[6], cy: m[7], resolutionHeight: resolutionHeight)
    }
}

/// A depth image back-projected into the pinhole camera's RDF frame (x right, y down, z forward).
///
/// The caller maps `positionsRDF` into the scene with `worldFromPinhole · R(camera_xyz ← RDF)`. Invariant: the three
/// arrays have the same length, one entry per texel with a finite depth > 0, in row-major texel order.
public struct DepthCloud: Sendable, Equatable {
    public var positionsRDF: [SIMD3<Float>]
    /// Radii in scene units (before any scale of the pinhole's transform).
    public var radii: [Float]
    /// Flat colours as sRGB bytes with straight alpha.
    public var colors: [SIMD4<UInt8>]
}

/// `DepthImage` buffers: raw → metres, the colour-mapped 2D picture, and the 3D point cloud (§8.11).
public enum DepthImageDecoder {
    /// The `meter` the viewer uses when none is logged: 1000 for integer data (millimetres), 1 for floats.
    public static func defaultMeter(for datatype: ChannelDatatype) -> Float { datatype.isFloat ? 1 : 1000 }

    /// Depth and segmentation images must be single-channel without a pixel format.
    static func checkSingleChannel(_ format: ImageFormatDescription, what: String) throws {
        if let pixelFormat = format.pixelFormat {
            throw PixelError.unsupported("\(what) with pixel format \(pixelFormat)")
        }
        if format.effectiveColorModel != .l {
            throw PixelError.unsupported("\(what) with colour model \(format.effectiveColorModel)")
        }
    }

    /// The raw samples as Floats, row-major (no unit conversion).
    public static func rawValues(_ buffer: some ContiguousBytes, format: ImageFormatDescription) throws -> [Float] {
        try checkSingleChannel(format, what: "depth image")
        return try buffer.withUnsafeBytes { raw in
            try format.validate(bufferCount: raw.count)
            let count = format.width * format.height
            return [Float](unsafeUninitializedCapacity: count) { out, initialized in
                format.effectiveDatatype.withSampleType { loadSamples(raw, count: count, as: $0, into: out) }
                initialized = count
            }
        }
    }

    /// The depths in scene units: raw / meter (meter defaults per `defaultMeter`).
    public static func metres(_ buffer: some ContiguousBytes, format: ImageFormatDescription, meter: Float? = nil) throws -> [Float] {
        let worldFromRaw = 1 / (meter ?? defaultMeter(for: format.effectiveDatatype))
        return try rawValues(buffer, format: format).map { $0 * worldFromRaw }
    }

    /// The default colormap range in raw units: [0, largest finite raw value].
    public static func defaultRange(rawValues: [Float]) -> ClosedRange<Float> {
        var hi: Float = -.infinity
        for v in rawValues where v.isFinite { hi = max(hi, v) }
        return 0...(hi.isFinite ? max(hi, 0) : 0)
    }

    /// The 2D picture: `colormap` (default Turbo) over `depthRange` in raw units (default [0, max finite]).
    /// Every texel is opaque (0 maps to the colormap's start); NaN maps as 0, ±∞ clamp. A zero-width range maps all to 0.
    public static func colormapped(_ buffer: some ContiguousBytes, format: ImageFormatDescription,
                                   colormap: Colormap = .turbo, depthRange: ClosedRange<Float>? = nil) throws -> RGBAImage {
        let values = try rawValues(buffer, format: format)
        let range = depthRange ?? defaultRange(rawValues: values)
        let span = range.upperBound - range.lowerBound
        let scale: Float = span > 0 ? 1 / span : 0
        var pixels = [UInt8](repeating: 0, count: values.count * 4)
        pixels.withUnsafeMutableBufferPointer { out in
            values.withUnsafeBufferPointer { v in
                for i in 0..<v.count {
                    let c = colormap.rgba8(at: (v[i] - range.lowerBound) * scale)
                    out[i &* 4] = c.x; out[i &* 4 &+ 1] = c.y; out[i &* 4 &+ 2] = c.z; out[i &* 4 &+ 3] = c.w
                }
            }
        }
        return RGBAImage(width: format.width, height: format.height, pixels: pixels)
    }

    /// Back-projects every texel (u, v) — integer coordinates, no +0.5 — with depth d = raw / meter:
    /// p = ((u − cx)·d/fx, (v − cy)·d/fy, d); texels with d ≤ 0 or non-finite d are skipped.
    /// Radius r = fillRatio · d · tan(fov_y/2) / (0.5 · image height), fov_y = 2·atan(0.5·h_res/fy) from the pinhole's
    /// resolution height (1 when absent). Colour: `colormap` at (d − min)/(max − min), [min, max] = `depthRange`
    /// (raw units, default [0, max finite]) / meter.
    public static func backProject(_ buffer: some ContiguousBytes, format: ImageFormatDescription,
                                   intrinsics: PinholeIntrinsics, meter: Float? = nil, colormap: Colormap = .turbo,
                                   depthRange: ClosedRange<Float>? = nil, fillRatio: Float = 1) throws -> DepthCloud {
        let values = try rawValues(buffer, format: format)
        let worldFromRaw = 1 / (meter ?? defaultMeter(for: format.effectiveDatatype))
        let rawRange = depthRange ?? defaultRange(rawValues: values)
        let minDepth = rawRange.lowerBound * worldFromRaw
        let maxDepth = rawRange.upperBound * worldFromRaw
        let span = maxDepth - minDepth
        let scale: Float = span > 0 ? 1 / span : 0
        let fovY = 2 * atan(0.5 * (intrinsics.resolutionHeight ?? 1) / intrinsics.fy)
        let radiusFromDepth = fillRatio * tan(0.5 * fovY) / (0.5 * Float(format.height))

        var cloud = DepthCloud(positionsRDF: [], radii: [], colors: [])
        var kept = 0
        for d in values where d * worldFromRaw > 0 && d * worldFromRaw < .greatestFiniteMagnitude { kept += 1 }
        cloud.positionsRDF.reserveCapacity(kept)
        cloud.radii.reserveCapacity(kept)
        cloud.colors.reserveCapacity(kept)
        let w = format.width
        values.withUnsafeBufferPointer { v in
            for i in 0..<v.count {
                let depth = v[i] * worldFromRaw
                guard depth > 0 && depth < .greatestFiniteMagnitude else { continue }
                let u = Float(i % w), row = Float(i / w)
                cloud.positionsRDF.append(SIMD3((u - intrinsics.cx) * depth / intrinsics.fx,
                                                (row - intrinsics.cy) * depth / intrinsics.fy, depth))
                cloud.radii.append(radiusFromDepth * depth)
                cloud.colors.append(colormap.rgba8(at: (depth - minDepth) * scale))
            }
        }
        return cloud
    }
}
