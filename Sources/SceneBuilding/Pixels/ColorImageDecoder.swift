import Foundation
import MediaCodecs

/// Turns the buffer of an `Image` archetype into sRGB bytes with straight alpha, as the viewer shows it.
///
/// Rules (rendering-conventions §8.10, from the viewer's `image_to_gpu.rs` and `rectangle_fs.wgsl`):
/// * A pixel format (YUV, Bayer) is converted to 8-bit RGB; alpha 255.
/// * U8 samples are sRGB: copied as they are (BGR/BGRA swizzled; L replicated; no alpha → 255).
/// * Other datatypes: the finite range of all samples (alpha included) picks the range with `valueRangeHeuristic`;
///   each sample becomes t = (v − min)/(max − min). If the data lie within [0, 255] (or floats within [0, 1]) t is
///   already sRGB; otherwise single-channel t goes through the grayscale map (sRGB = t), and multi-channel t is
///   linear light, encoded to sRGB here. Alpha is t as well. NaN becomes 0; out-of-range values clamp.
///
/// The output is exactly what the viewer's nearest-neighbour sampling shows at opacity 1 (±1 from GPU rounding).
public enum ColorImageDecoder {
    /// Decodes `buffer` (the `ImageBuffer` bytes) described by `format`. Extra trailing bytes are ignored.
    /// Throws `PixelError` for bad dimensions, a short buffer, or an odd size in a subsampled format.
    public static func decode(_ buffer: some ContiguousBytes, format: ImageFormatDescription) throws -> RGBAImage {
        try buffer.withUnsafeBytes { raw in
            try format.validate(bufferCount: raw.count)
            var pixels = [UInt8](repeating: 255, count: format.width * format.height * 4)
            pixels.withUnsafeMutableBufferPointer { out in
                if let pixelFormat = format.pixelFormat {
                    if pixelFormat.isBayer {
                        BayerDecoder.decode(raw, width: format.width, height: format.height, pattern: pixelFormat, into: out)
                    } else {
                        YUVDecoder.decode(raw, width: format.width, height: format.height, format: pixelFormat, into: out)
                    }
                } else if format.effectiveDatatype == .u8 {
                    copyBytes(raw, model: format.effectiveColorModel, pixelCount: format.width * format.height, into: out)
                } else {
                    format.effectiveDatatype.withSampleType { type in
                        normalize(raw, model: format.effectiveColorModel, pixelCount: format.width * format.height,
                                  as: type, into: out)
                    }
                }
            }
            return RGBAImage(width: format.width, height: format.height, pixels: pixels)
        }
    }

    /// Where each output channel R, G, B, A comes from in a source pixel (nil: constant 255 alpha).
    static func sourceChannels(_ model: ColorModel) -> (Int, Int, Int, Int?) {
        switch model {
        case .l: (0, 0, 0, nil)
        case .rgb: (0, 1, 2, nil)
        case .rgba: (0, 1, 2, 3)
        case .bgr: (2, 1, 0, nil)
        case .bgra: (2, 1, 0, 3)
        }
    }

    private static func copyBytes(_ raw: UnsafeRawBufferPointer, model: ColorModel, pixelCount: Int,
                                  into out: UnsafeMutableBufferPointer<UInt8>) {
        let src = raw.bindMemory(to: UInt8.self)
        let n = model.channelCount
        let (r, g, b, a) = sourceChannels(model)
        switch (model, a) {
        case (.rgba, _):
            for i in 0..<pixelCount * 4 { out[i] = src[i] }
        case let (_, .some(a)):
            for p in 0..<pixelCount {
                let s = p &* n, d = p &* 4
                out[d] = src[s &+ r]; out[d &+ 1] = src[s &+ g]; out[d &+ 2] = src[s &+ b]; out[d &+ 3] = src[s &+ a]
            }
        case (_, .none):
            for p in 0..<pixelCount {
                let s = p &* n, d = p &* 4
                out[d] = src[s &+ r]; out[d &+ 1] = src[s &+ g]; out[d &+ 2] = src[s &+ b]
            }
        }
    }

    private static func normalize<T: RawSample>(_ raw: UnsafeRawBufferPointer, model: ColorModel, pixelCount: Int,
                                                as type: T.Type, into out: UnsafeMutableBufferPointer<UInt8>) {
        guard let base = raw.baseAddress else { return }
        let n = model.channelCount
        let found = finiteRange(raw, count: pixelCount * n, as: type)
        let (lo, hi) = found ?? (0, T.isFloat ? 1 : 255)
        let range = valueRangeHeuristic(finiteMin: lo, finiteMax: hi, isFloat: T.isFloat)
        let alreadySRGB = (0 <= lo && hi <= 255) || (T.isFloat && 0 <= lo && hi <= 1)
        let encodeLinear = !alreadySRGB && n > 1
        let scale = 1 / (range.max - range.min)
        let offset = range.min
        let (r, g, b, a) = sourceChannels(model)
        let step = T.byteCount
        @inline(__always) func unit(_ p: Int, _ c: Int) -> Float {
            Float((T.load(base, (p &* n &+ c) &* step) - offset) * scale)
        }
        for p in 0..<pixelCount {
            let d = p &* 4
            if encodeLinear {
                out[d] = ColorSpace.srgb8FromLinear(unit(p, r))
                out[d &+ 1] = ColorSpace.srgb8FromLinear(unit(p, g))
                out[d &+ 2] = ColorSpace.srgb8FromLinear(unit(p, b))
            } else {
                let vr = ColorSpace.unitToByte(unit(p, r))
                out[d] = vr
                out[d &+ 1] = n == 1 ? vr : ColorSpace.unitToByte(unit(p, g))
                out[d &+ 2] = n == 1 ? vr : ColorSpace.unitToByte(unit(p, b))
            }
            if let a { out[d &+ 3] = ColorSpace.unitToByte(unit(p, a)) }
        }
    }
}
