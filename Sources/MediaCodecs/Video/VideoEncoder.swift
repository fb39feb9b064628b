import CFFmpeg
import Foundation

/// One encoder and one muxer writing one file: the part of the video pipeline that must run on a
/// single thread. Frames go in as yuv420p in presentation order; packets come out in decode order
/// and are written with timestamps rescaled to the container's time base.
///
/// The file is written at `temporaryPath`; `finish()` completes it (trailer, faststart for MP4)
/// and leaves it there for the caller to rename; `abort()` closes and deletes it.
final class VideoEncoder {
    let width: Int
    let height: Int
    let encoderName: String
    private let destination: String
    private let temporaryPath: String
    private var format: UnsafeMutablePointer<AVFormatContext>?
    private var codecContext: UnsafeMutablePointer<AVCodecContext>?
    private let stream: UnsafeMutablePointer<AVStream>
    private var packet: UnsafeMutablePointer<AVPacket>?
    private var headerWritten = false
    private(set) var packetsWritten = 0

    init(temporaryPath: String, destination: String, container: VideoContainer,
         width: Int, height: Int, settings: VideoSettings) throws {
        _ = quietFFmpegLogging
        self.width = width
        self.height = height
        self.destination = destination
        self.temporaryPath = temporaryPath
        let codec = settings.codec
        guard let name = codec.availableEncoder, let encoder = avcodec_find_encoder_by_name(name) else {
            throw VideoError.encoderUnavailable(codec: codec, tried: codec.encoderCandidates)
        }
        encoderName = name
        // SVT-AV1 logs its configuration to stderr unless told otherwise (1 = errors only).
        if name == "libsvtav1" { setenv("SVT_LOG", "1", 0) }

        var format: UnsafeMutablePointer<AVFormatContext>? = nil
        var status = avformat_alloc_output_context2(&format, nil, container.muxerName, temporaryPath)
        guard status >= 0, let format else {
            throw VideoError.ffmpeg(operation: "opening the \(container.rawValue) muxer", message: ffmpegErrorText(status), path: destination)
        }
        self.format = format
        guard avformat_query_codec(format.pointee.oformat, encoder.pointee.id, FF_COMPLIANCE_NORMAL) == 1 else {
            avformat_free_context(format)
            self.format = nil
            throw VideoError.codecNotInContainer(codec: codec, container: container)
        }
        // No library versions, random ids or times in the file: the same frames give the same bytes.
        format.pointee.flags |= AVFMT_FLAG_BITEXACT
        guard let stream = avformat_new_stream(format, nil), let context = avcodec_alloc_context3(encoder) else {
            avformat_free_context(format)
            self.format = nil
            throw VideoError.ffmpeg(operation: "allocating the \(name) encoder", message: "out of memory", path: destination)
        }
        self.stream = stream
        codecContext = context
        packet = av_packet_alloc()

        let timeBase = AVRational(num: settings.frameRate.denominator, den: settings.frameRate.numerator)
        context.pointee.width = Int32(width)
        context.pointee.height = Int32(height)
        context.pointee.pix_fmt = AV_PIX_FMT_YUV420P
        context.pointee.time_base = timeBase
        context.pointee.framerate = settings.frameRate.rational
        context.pointee.thread_count = Int32(settings.encoderThreads)
        context.pointee.color_range = AVCOL_RANGE_MPEG
        context.pointee.colorspace = AVCOL_SPC_BT709
        context.pointee.color_primaries = AVCOL_PRI_BT709
        context.pointee.color_trc = AVCOL_TRC_BT709
        context.pointee.flags |= Int32(AV_CODEC_FLAG_BITEXACT)
        if (format.pointee.oformat.pointee.flags & AVFMT_GLOBALHEADER) != 0 {
            context.pointee.flags |= Int32(AV_CODEC_FLAG_GLOBAL_HEADER)
        }
        if codec == .vp9 { context.pointee.bit_rate = 0 } // constant quality, not vp9's default 200 kb/s

        var options: OpaquePointer? = nil
        defer { av_dict_free(&options) }
        av_dict_set(&options, "crf", String(settings.crf ?? codec.defaultCRF), 0)
        if let preset = settings.preset {
            let key = switch name {
            case "libx264", "libx265", "libsvtav1": "preset"
            case "librav1e": "speed"
            default: "cpu-used"
            }
            av_dict_set(&options, key, preset, 0)
        }
        if name == "libvpx-vp9" || name == "libaom-av1" { av_dict_set(&options, "row-mt", "1", 0) }
        if name == "libx265" { av_dict_set(&options, "x265-params", "log-level=error", 0) } // x265 logs to stderr itself
        status = avcodec_open2(context, encoder, &options)
        guard status >= 0 else {
            let cause = settings.preset.map { " (preset \($0), crf \(settings.crf ?? codec.defaultCRF), \(width)x\(height))" } ?? " (\(width)x\(height))"
            release()
            throw VideoError.ffmpeg(operation: "opening the \(name) encoder\(cause)", message: ffmpegErrorText(status), path: destination)
        }
        if let unused = av_dict_get(options, "", nil, AV_DICT_IGNORE_SUFFIX) {
            let key = String(cString: unused.pointee.key)
            release()
            throw VideoError.invalidSettings("\(name) has no option \"\(key)\"")
        }
        status = avcodec_parameters_from_context(stream.pointee.codecpar, context)
        guard status >= 0 else {
            release()
            throw VideoError.ffmpeg(operation: "configuring the stream", message: ffmpegErrorText(status), path: destination)
        }
        stream.pointee.time_base = timeBase
        stream.pointee.avg_frame_rate = settings.frameRate.rational
        stream.pointee.r_frame_rate = settings.frameRate.rational
        if codec == .hevc && container == .mp4 {
            stream.pointee.codecpar.pointee.codec_tag = rrd_mktag(0x68, 0x76, 0x63, 0x31) // "hvc1": playable by QuickTime
        }

        status = avio_open(&format.pointee.pb, temporaryPath, AVIO_FLAG_WRITE)
        guard status >= 0 else {
            release()
            throw VideoError.ffmpeg(operation: "creating the video file", message: ffmpegErrorText(status), path: destination)
        }
        var muxOptions: OpaquePointer? = nil
        defer { av_dict_free(&muxOptions) }
        if container == .mp4 { av_dict_set(&muxOptions, "movflags", "+faststart", 0) }
        status = avformat_write_header(format, &muxOptions)
        guard status >= 0 else {
            abort()
            throw VideoError.ffmpeg(operation: "writing the \(container.rawValue) header", message: ffmpegErrorText(status), path: destination)
        }
        headerWritten = true
    }

    deinit { release() }

    /// Encodes one frame; `frame.pts` must be its index. The encoder takes its own reference.
    func encode(_ frame: OwnedFrame, index: Int) throws {
        frame.pointer.pointee.pts = Int64(index)
        try send(frame.pointer, what: "encoding frame \(index)")
    }

    /// Flushes the encoder, writes the trailer (and moves the index to the front for MP4) and closes the file.
    func finish() throws {
        try send(nil, what: "flushing the encoder")
        guard let format else { return }
        var status = av_write_trailer(format)
        guard status >= 0 else {
            throw VideoError.ffmpeg(operation: "finishing the video file", message: ffmpegErrorText(status), path: destination)
        }
        if let pb = format.pointee.pb, pb.pointee.error < 0 {
            throw VideoError.ffmpeg(operation: "writing the video file", message: ffmpegErrorText(pb.pointee.error), path: destination)
        }
        status = avio_closep(&format.pointee.pb)
        guard status >= 0 else {
            throw VideoError.ffmpeg(operation: "closing the video file", message: ffmpegErrorText(status), path: destination)
        }
        release()
    }

    /// Closes everything without finishing and deletes the temporary file.
    func abort() {
        if let format, format.pointee.pb != nil { avio_closep(&format.pointee.pb) }
        release()
        unlink(temporaryPath)
    }

    private func send(_ frame: UnsafeMutablePointer<AVFrame>?, what: String) throws {
        guard let codecContext, let packet, let format else { throw VideoError.alreadyFinished }
        var status = avcodec_send_frame(codecContext, frame)
        guard status >= 0 else {
            throw VideoError.ffmpeg(operation: "\(encoderName) \(what)", message: ffmpegErrorText(status), path: destination)
        }
        while true {
            status = avcodec_receive_packet(codecContext, packet)
            if status == rrd_averror_eagain() || status == rrd_averror_eof() { return }
            guard status >= 0 else {
                throw VideoError.ffmpeg(operation: "\(encoderName) \(what)", message: ffmpegErrorText(status), path: destination)
            }
            if packet.pointee.duration == 0 { packet.pointee.duration = 1 }
            av_packet_rescale_ts(packet, codecContext.pointee.time_base, stream.pointee.time_base)
            packet.pointee.stream_index = stream.pointee.index
            status = av_interleaved_write_frame(format, packet) // takes the packet's data and resets it
            guard status >= 0 else {
                throw VideoError.ffmpeg(operation: "writing the video file", message: ffmpegErrorText(status), path: destination)
            }
            packetsWritten += 1
        }
    }

    private func release() {
        avcodec_free_context(&codecContext)
        av_packet_free(&packet)
        if let format {
            if format.pointee.pb != nil { avio_closep(&format.pointee.pb) }
            avformat_free_context(format)
            self.format = nil
        }
    }
}
