import Foundation
import MediaCodecs

/// `SegmentationImage` buffers: one class id per texel → its colour (rendering-conventions §8.12).
///
/// The class colour comes from the caller (the AnnotationContext lives in the recording model); when the caller
/// has none, the id's `ClassPalette` colour is used. Class 0 is not special. Ids outside 0…65535 (negative,
/// fractional parts are truncated, NaN, or too large) are transparent, as the viewer leaves them unmapped.
public enum SegmentationImageDecoder {
    /// Colours every texel; `classColor` is called once per distinct id in 0…max id present, not per texel, and
    /// returns sRGB bytes with straight alpha (nil → palette colour).
    public static func colorize(_ buffer: some ContiguousBytes, format: ImageFormatDescription,
                                classColor: (UInt16) -> SIMD4<UInt8>?) throws -> RGBAImage {
        try DepthImageDecoder.checkSingleChannel(format, what: "segmentation image")
        return try buffer.withUnsafeBytes { raw in
            try format.validate(bufferCount: raw.count)
            let count = format.width * format.height
            let ids = [Int32](unsafeUninitializedCapacity: count) { out, initialized in
                format.effectiveDatatype.withSampleType { classIDs(raw, count: count, as: $0, into: out) }
                initialized = count
            }
            var maxID: Int32 = -1
            for id in ids { maxID = max(maxID, id) }
            let table = (0..<Int(maxID + 1)).map { classColor(UInt16($0)) ?? ClassPalette.color(for: UInt16($0)) }
            var pixels = [UInt8](repeating: 0, count: count * 4)
            pixels.withUnsafeMutableBufferPointer { out in
                table.withUnsafeBufferPointer { lut in
                    for i in 0..<count where ids[i] >= 0 {
                        let c = lut[Int(ids[i])]
                        out[i &* 4] = c.x; out[i &* 4 &+ 1] = c.y; out[i &* 4 &+ 2] = c.z; out[i &* 4 &+ 3] = c.w
                    }
                }
            }
            return RGBAImage(width: format.width, height: format.height, pixels: pixels)
        }
    }

    /// Class ids as Int32, −1 for a sample that is not an id in 0…65535.
    private static func classIDs<T: RawSample>(_ raw: UnsafeRawBufferPointer, count: Int, as _: T.Type,
                                               into out: UnsafeMutableBufferPointer<Int32>) {
        guard let base = raw.baseAddress else { return }
        for i in 0..<count {
            let v = T.load(base, i &* T.byteCount)
            out[i] = v >= 0 && v < 65536 ? Int32(v) : -1
        }
    }
}
