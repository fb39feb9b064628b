import CFFmpeg

/// RGBA → yuv420p (BT.709, limited range) through swscale. One converter per thread: a
/// `SwsContext` must not be used by two threads at once.
///
/// Images larger than the encoded size are cropped at the right and bottom edge (the writer only
/// ever rounds sizes down by one pixel). Alpha is ignored. `SWS_BITEXACT | SWS_ACCURATE_RND`
/// makes the result independent of the CPU's SIMD level.
final class FrameConverter {
    let width: Int
    let height: Int
    private let context: OpaquePointer

    init?(width: Int, height: Int) {
        let flags = Int32(SWS_BILINEAR | SWS_BITEXACT | SWS_ACCURATE_RND | SWS_FULL_CHR_H_INP)
        guard let context = sws_getContext(Int32(width), Int32(height), AV_PIX_FMT_RGBA,
                                           Int32(width), Int32(height), AV_PIX_FMT_YUV420P,
                                           flags, nil, nil, nil) else { return nil }
        let table = sws_getCoefficients(SWS_CS_ITU709)
        // srcRange 1 = full-range RGB in, dstRange 0 = limited-range YUV out; brightness/contrast/saturation neutral.
        sws_setColorspaceDetails(context, table, 1, table, 0, 0, 1 << 16, 1 << 16)
        self.width = width
        self.height = height
        self.context = context
    }

    deinit { sws_freeContext(context) }

    /// Converts the top-left `width`×`height` pixels of `image` into `frame`, a writable yuv420p frame (a fresh one,
    /// or a reused one after `OwnedFrame.makeWritable`, as `VideoWriter` does).
    func convert(_ image: RGBAImage, into frame: OwnedFrame) -> Bool {
        let rowBytes = Int32(image.width * 4)
        let lines = image.pixels.withUnsafeBufferPointer { src -> Int32 in
            var sourcePlanes: [UnsafePointer<UInt8>?] = [src.baseAddress, nil, nil, nil]
            var sourceStrides: [Int32] = [rowBytes, 0, 0, 0]
            return withUnsafeMutablePointer(to: &frame.pointer.pointee.data) { data in
                withUnsafeMutablePointer(to: &frame.pointer.pointee.linesize) { linesize in
                    data.withMemoryRebound(to: UnsafeMutablePointer<UInt8>?.self, capacity: 8) { dst in
                        linesize.withMemoryRebound(to: Int32.self, capacity: 8) { dstStrides in
                            sws_scale(context, &sourcePlanes, &sourceStrides, 0, Int32(height), dst, dstStrides)
                        }
                    }
                }
            }
        }
        return lines == Int32(height)
    }
}
