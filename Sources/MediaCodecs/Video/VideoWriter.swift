import Foundation

/// Writes RGBA frames to a video file (MP4, MKV or WebM) through a small pipeline:
///
/// ```
/// submit(frame, index) ──► conversion workers (swscale RGBA → yuv420p, `conversionThreads`)
///                                   │ converted frames keyed by index
///                                   ▼
///                          one encoder thread: takes frame `next`, encodes, writes packets
/// ```
///
/// Invariants:
/// - Frames are encoded in index order whatever order they arrive in; `submit` blocks while its
///   index is `framesInFlight` or more ahead of the next frame to encode, so at most
///   `framesInFlight` frames are held, however long the video. Producers working in parallel
///   must claim indices in increasing order (a shared counter, `concurrentPerform`), or they may
///   all wait for a frame nobody renders.
/// - The file appears at `path` only when `finish()` succeeds: it is written to a temporary file
///   in the same folder and renamed at the end. On any error or `cancel()` the temporary file is
///   deleted and `path` is left as it was.
/// - The same frames and settings give the same bytes (bit-exact muxing, fixed encoder threads).
///
/// Call `finish()` or `cancel()` exactly once; the pipeline threads live until then.
public final class VideoWriter: @unchecked Sendable {
    /// The size frames are encoded at; frames may be this size or the requested size (then cropped).
    public let width: Int
    public let height: Int
    /// What was changed from the request (e.g. a size rounded to even numbers), for the user.
    public let notes: [String]
    public let path: String
    public let settings: VideoSettings
    /// The FFmpeg encoder in use (e.g. "libx264").
    public let encoderName: String
    /// The pixels of submitted frames, given back once converted, for a producer to render its next frames into
    /// (`AnimationRenderer.export` does).
    public let recycledPixels: PixelBufferPool

    private let requestedWidth: Int
    private let requestedHeight: Int
    private let temporaryPath: String
    private let condition = NSCondition()
    // Guarded by `condition`:
    private var toConvert: [(index: Int, image: RGBAImage)] = []
    private var converted: [Int: OwnedFrame] = [:]
    /// Encoded YUV frames kept for the next conversions (at most one per conversion thread, and one more): a fresh
    /// frame's pages would be faulted in and cleared by the kernel on first write, every frame.
    private var spareFrames: [OwnedFrame] = []
    private var nextToEncode = 0
    private var pendingIndices = Set<Int>()
    private var highestIndex = -1
    private var submittedCount = 0
    private var sequentialIndex = 0
    private var frameCount: Int?
    private var failure: VideoError?
    private var cancelled = false
    private var finishCalled = false
    private var runningThreads = 0
    private var encoderDone = false

    /// The size a codec accepts nearest to (and not above) the request: yuv420p needs even sides.
    /// Returns a note for the user when the size changed.
    public static func encodedSize(width: Int, height: Int) -> (width: Int, height: Int, note: String?) {
        let w = max(2, width & ~1), h = max(2, height & ~1)
        guard w != width || h != height else { return (w, h, nil) }
        return (w, h, "size \(width)x\(height) rounded to \(w)x\(h): yuv420p video needs even sides (the last column/row is cropped)")
    }

    /// Opens the encoder and the temporary output file; starts the pipeline threads.
    ///
    /// - Parameters:
    ///   - path: the destination; its extension chooses the container (`.mp4`, `.mkv`, `.webm`).
    ///   - width, height: the size of the frames that will be submitted (at least 2×2).
    public init(path: String, width: Int, height: Int, settings: VideoSettings = VideoSettings()) throws {
        guard let container = VideoContainer(pathExtension: URL(fileURLWithPath: path).pathExtension) else {
            throw VideoError.unsupportedContainer(path: path)
        }
        guard width >= 2, height >= 2, width <= 16384, height <= 16384 else {
            throw VideoError.invalidSettings("frame size \(width)x\(height) is outside 2x2...16384x16384")
        }
        guard settings.encoderThreads >= 1, settings.conversionThreads >= 1, settings.framesInFlight >= 1 else {
            throw VideoError.invalidSettings("thread counts and framesInFlight must be at least 1")
        }
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw VideoError.io(reason: "the folder does not exist", path: directory)
        }
        guard access(directory, W_OK) == 0 else {
            throw VideoError.io(reason: "the folder is not writable (\(String(cString: strerror(errno))))", path: directory)
        }
        let size = Self.encodedSize(width: width, height: height)
        self.width = size.width
        self.height = size.height
        notes = size.note.map { [$0] } ?? []
        requestedWidth = width
        requestedHeight = height
        self.path = path
        self.settings = settings
        temporaryPath = AtomicFile.temporaryPath(for: path)
        recycledPixels = PixelBufferPool(capacity: settings.framesInFlight + settings.conversionThreads)
        let encoder = try VideoEncoder(temporaryPath: temporaryPath, destination: path, container: container,
                                       width: size.width, height: size.height, settings: settings)
        encoderName = encoder.encoderName
        var converters: [FrameConverter] = []
        for _ in 0..<settings.conversionThreads {
            guard let converter = FrameConverter(width: size.width, height: size.height) else {
                encoder.abort()
                throw VideoError.ffmpeg(operation: "creating the RGBA to YUV converter", message: "swscale refused \(size.width)x\(size.height)", path: path)
            }
            converters.append(converter)
        }
        runningThreads = converters.count + 1
        let encoderBox = UncheckedBox(encoder)
        Thread.detachNewThread { [self] in encoderLoop(encoderBox.value) }
        for converter in converters {
            let box = UncheckedBox(converter)
            Thread.detachNewThread { [self] in conversionLoop(box.value) }
        }
    }

    /// Hands frame `index` (0-based) to the pipeline. Blocks while the pipeline is `framesInFlight`
    /// frames ahead. Throws if the pipeline has failed or was cancelled, or for a bad frame.
    public func submit(_ frame: RGBAImage, index: Int) throws {
        let sizeOK = (frame.width == width && frame.height == height) || (frame.width == requestedWidth && frame.height == requestedHeight)
        guard sizeOK else {
            throw VideoError.frameSizeMismatch(index: index, width: frame.width, height: frame.height,
                                               expectedWidth: requestedWidth, expectedHeight: requestedHeight)
        }
        condition.lock()
        defer { condition.unlock() }
        if let error = stateError() { throw error }
        guard frameCount == nil else { throw VideoError.alreadyFinished }
        guard index >= 0 else { throw VideoError.frameIndexInvalid(index: index, reason: "negative index") }
        guard index >= nextToEncode, !pendingIndices.contains(index) else {
            throw VideoError.frameIndexInvalid(index: index, reason: "submitted twice")
        }
        while index >= nextToEncode + settings.framesInFlight, failure == nil, !cancelled {
            condition.wait()
        }
        if let error = stateError() { throw error }
        guard frameCount == nil else { throw VideoError.alreadyFinished }
        pendingIndices.insert(index)
        toConvert.append((index, frame))
        highestIndex = max(highestIndex, index)
        submittedCount += 1
        condition.broadcast()
    }

    /// Hands the next frame in sequence (0, 1, 2, …) to the pipeline. Do not mix with `submit(_:index:)`.
    public func append(_ frame: RGBAImage) throws {
        condition.lock()
        let index = sequentialIndex
        sequentialIndex += 1
        condition.unlock()
        try submit(frame, index: index)
    }

    /// Waits for every submitted frame to be encoded, completes the file and moves it to `path`.
    /// Frame indices must form 0..<n without gaps. After `cancel()` it throws `.cancelled`.
    public func finish() throws -> VideoSummary {
        condition.lock()
        guard !finishCalled else {
            condition.unlock()
            throw VideoError.alreadyFinished
        }
        finishCalled = true
        let count = highestIndex + 1
        if submittedCount != count, failure == nil {
            let missing = (0..<count).first { $0 >= nextToEncode && !pendingIndices.contains($0) } ?? count
            failure = .missingFrames(firstMissing: missing, frameCount: count)
        } else if count == 0, failure == nil {
            failure = .invalidSettings("no frames were submitted")
        }
        frameCount = count
        condition.broadcast()
        while runningThreads > 0 { condition.wait() }
        let error = stateError()
        condition.unlock()
        if let error { throw error }
        return VideoSummary(path: path, width: width, height: height, frameCount: count,
                            frameRate: settings.frameRate, codec: settings.codec, encoderName: encoderName, notes: notes)
    }

    /// Stops the pipeline as soon as possible; the temporary file is deleted and `path` never
    /// appears. Safe to call from any thread (e.g. a SIGINT handler's dispatch source), more than once.
    /// Waits for the pipeline threads to end unless `wait` is false.
    public func cancel(wait: Bool = true) {
        condition.lock()
        cancelled = true
        condition.broadcast()
        while wait, runningThreads > 0 { condition.wait() }
        condition.unlock()
    }

    /// The error every later call reports; call with the lock held.
    private func stateError() -> VideoError? {
        if cancelled { return .cancelled(path: path) }
        return failure
    }

    private func conversionLoop(_ converter: FrameConverter) {
        condition.lock()
        while true {
            if cancelled || failure != nil { break }
            if let position = toConvert.indices.min(by: { toConvert[$0].index < toConvert[$1].index }) {
                let (index, image) = toConvert.remove(at: position)
                let spare = spareFrames.popLast()
                condition.unlock()
                var frame = spare
                if let reused = frame, !reused.makeWritable() { reused.free(); frame = nil }
                if frame == nil { frame = OwnedFrame.yuv420p(width: width, height: height) }
                let ok = frame.map { converter.convert(image, into: $0) } ?? false
                recycledPixels.give(image.pixels)
                condition.lock()
                if let frame, ok, !cancelled, failure == nil {
                    converted[index] = frame
                } else {
                    frame?.free()
                    if !ok, failure == nil {
                        failure = .ffmpeg(operation: "converting frame \(index) to YUV", message: "swscale failed", path: path)
                    }
                }
                condition.broadcast()
                continue
            }
            if frameCount != nil { break } // finish() was called and nothing is left to convert
            condition.wait()
        }
        runningThreads -= 1
        condition.broadcast()
        condition.unlock()
    }

    private func encoderLoop(_ encoder: VideoEncoder) {
        condition.lock()
        var succeeded = false
        while true {
            if cancelled || failure != nil { break }
            if let frame = converted.removeValue(forKey: nextToEncode) {
                let index = nextToEncode
                condition.unlock()
                var encodeError: VideoError? = nil
                do { try encoder.encode(frame, index: index) } catch { encodeError = error as? VideoError }
                condition.lock()
                if spareFrames.count < settings.conversionThreads + 1 { spareFrames.append(frame) } else { frame.free() }
                pendingIndices.remove(index)
                nextToEncode += 1
                if let encodeError, failure == nil { failure = encodeError }
                condition.broadcast()
                continue
            }
            if let frameCount, nextToEncode == frameCount {
                condition.unlock()
                var finishError: VideoError? = nil
                do {
                    try encoder.finish()
                    try AtomicFile.commit(temporaryPath, to: path)
                } catch let error as VideoError {
                    finishError = error
                } catch {
                    finishError = .io(reason: "\(error)", path: path)
                }
                condition.lock()
                if let finishError { failure = failure ?? finishError } else { succeeded = true }
                break
            }
            condition.wait()
        }
        if !succeeded { encoder.abort() }
        for frame in converted.values { frame.free() }
        converted.removeAll()
        for frame in spareFrames { frame.free() }
        spareFrames.removeAll()
        toConvert.removeAll()
        runningThreads -= 1
        condition.broadcast()
        condition.unlock()
    }
}

/// What `VideoWriter.finish()` wrote.
public struct VideoSummary: Sendable, Equatable {
    public let path: String
    public let width: Int
    public let height: Int
    public let frameCount: Int
    public let frameRate: FrameRate
    public let codec: VideoCodec
    public let encoderName: String
    public let notes: [String]

    /// Frames divided by the frame rate, in seconds.
    public var duration: Double { Double(frameCount) / frameRate.framesPerSecond }
}

/// Moves a non-Sendable object to the one thread that will own it from then on.
private struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
