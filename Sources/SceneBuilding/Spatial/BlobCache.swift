import ArrowIPC
import Foundation

/// Remembers what was decoded from a blob (an asset, an encoded or raw image) so that drawing the same data again,
/// frame after frame, does not decode it again. Keyed by the blob's bytes in the loaded recording (their storage
/// is immutable and kept alive by the entry) and by a variant: everything else the decoding depends on (a media
/// type, an image format), so that a blob read another way is decoded again. Bounded to `capacity` entries (oldest
/// use evicted first). Thread-safe: a thread asking for a value that another thread is making waits for it (two
/// export workers drawing neighbouring frames of one camera image decode it once).
public final class BlobCache<Value: Sendable>: @unchecked Sendable {
    private struct Key: Hashable {
        let storage: ObjectIdentifier, offset: Int, count: Int, variant: AnyHashable
    }
    private enum Entry {
        case ready(blob: ArrowBuffer, value: Value, lastUse: UInt64)
        /// Being made by some thread; waiters sleep on `condition`.
        case making
    }
    private var entries: [Key: Entry] = [:]
    private var clock: UInt64 = 0
    private let condition = NSCondition()
    public let capacity: Int

    public init(capacity: Int = 64) { self.capacity = max(1, capacity) }

    /// The cached value for `blob` and `variant`, or `make()`'s (not cached when it throws). `make` must not use this
    /// cache: two makers waiting for each other's keys would wait forever.
    public func value(for blob: ArrowBuffer, variant: AnyHashable = "", make: () throws -> Value) rethrows -> Value {
        let key = Key(storage: ObjectIdentifier(blob.storage), offset: blob.offset, count: blob.count, variant: variant)
        condition.lock()
        while true {
            switch entries[key] {
            case .ready(let kept, let value, _):
                clock += 1
                entries[key] = .ready(blob: kept, value: value, lastUse: clock)
                condition.unlock()
                return value
            case .making:
                condition.wait()
            case nil:
                entries[key] = .making
                condition.unlock()
                let value: Value
                do {
                    value = try make()
                } catch {
                    condition.lock()
                    entries[key] = nil
                    condition.broadcast()
                    condition.unlock()
                    throw error
                }
                condition.lock()
                evictOldest()
                clock += 1
                entries[key] = .ready(blob: blob, value: value, lastUse: clock)
                condition.broadcast()
                condition.unlock()
                return value
            }
        }
    }

    /// Makes room for one more ready entry (called with the lock held).
    private func evictOldest() {
        var ready = 0, oldest: (key: Key, lastUse: UInt64)?
        for (key, entry) in entries {
            guard case .ready(_, _, let lastUse) = entry else { continue }
            ready += 1
            if oldest == nil || lastUse < oldest!.lastUse { oldest = (key, lastUse) }
        }
        if ready >= capacity, let oldest { entries[oldest.key] = nil }
    }
}
