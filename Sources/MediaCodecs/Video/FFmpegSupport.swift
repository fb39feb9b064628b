import CFFmpeg

/// FFmpeg's text for an error code ("No space left on device", "Invalid argument").
func ffmpegErrorText(_ code: Int32) -> String {
    var buffer = [CChar](repeating: 0, count: 256)
    guard av_strerror(code, &buffer, buffer.count) == 0 else { return "FFmpeg error \(code)" }
    return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}

/// Keeps FFmpeg's own logging to errors only (x264 otherwise prints statistics on stderr). Set once.
let quietFFmpegLogging: Void = av_log_set_level(AV_LOG_ERROR)

/// An owned `AVFrame` that crosses threads (converter → encoder); exactly one thread owns it at a time.
struct OwnedFrame: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<AVFrame>

    /// Allocates a writable yuv420p frame of `width`×`height`.
    static func yuv420p(width: Int, height: Int) -> OwnedFrame? {
        guard let frame = av_frame_alloc() else { return nil }
        frame.pointee.format = AV_PIX_FMT_YUV420P.rawValue
        frame.pointee.width = Int32(width)
        frame.pointee.height = Int32(height)
        let owned = OwnedFrame(pointer: frame)
        guard av_frame_get_buffer(frame, 0) >= 0 else {
            owned.free()
            return nil
        }
        return owned
    }

    /// Makes the frame's buffers writable (copying them if the encoder still holds a reference to them), for a
    /// frame that is reused after it was encoded. False when FFmpeg could not allocate.
    func makeWritable() -> Bool { av_frame_make_writable(pointer) >= 0 }

    func free() {
        var frame: UnsafeMutablePointer<AVFrame>? = pointer
        av_frame_free(&frame)
    }
}
