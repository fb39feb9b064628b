import Foundation

/// Pixel arrays handed back once their frame has been consumed, kept for the next frame of the same size: a
/// stream of frames then cycles through a few buffers instead of allocating one per frame, whose fresh pages
/// the kernel must fault in and clear (about 5 % of a 720p export's CPU).
///
/// Thread-safe. Holds at most `capacity` arrays. Reuse never changes what anyone sees: arrays are values, so an
/// array still referenced elsewhere when it is taken is copied on its first write instead of being overwritten.
public final class PixelBufferPool: @unchecked Sendable {
    public let capacity: Int
    private let lock = NSLock()
    private var spare: [[UInt8]] = []

    public init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    /// Keeps `pixels` for a later `take`, unless the pool is full.
    public func give(_ pixels: [UInt8]) {
        lock.lock(); defer { lock.unlock() }
        if spare.count < capacity { spare.append(pixels) }
    }

    /// A kept array of exactly `count` bytes (its contents are a previous frame's), or nil.
    public func take(count: Int) -> [UInt8]? {
        lock.lock(); defer { lock.unlock() }
        guard let i = spare.lastIndex(where: { $0.count == count }) else { return nil }
        return spare.remove(at: i)
    }
}
