import ArrowIPC
import Foundation

/// Remembers what was decoded from a blob (an asset, an encoded image) so that drawing the same data again,
/// frame after frame, does not decode it again. Keyed by the blob's bytes in the loaded recording (their storage
/// is immutable and kept alive by the entry), bounded to `capacity` entries (oldest use evicted first).
/// Thread-safe.
public final class BlobCache<Value: Sendable>: @unchecked Sendable {
    private struct Key: Hashable {
        let storage: ObjectIdentifier, offset: Int, count: Int, variant: String
    }
    private var entries: [Key: (blob: ArrowBuffer, value: Value, lastUse: UInt64)] = [:]
    private var clock: UInt64 = 0
    private let lock = NSLock()
    public let capacity: Int

    public init(capacity: Int = 64) { self.capacity = max(1, capacity) }

    /// The cached value for `blob` (and `variant`, for different decodings of the same bytes), or `make()`'s.
    public func value(for blob: ArrowBuffer, variant: String = "", make: () throws -> Value) rethrows -> Value {
        let key = Key(storage: ObjectIdentifier(blob.storage), offset: blob.offset, count: blob.count, variant: variant)
        lock.lock()
        clock += 1
        if let hit = entries[key] {
            entries[key] = (hit.blob, hit.value, clock)
            lock.unlock()
            return hit.value
        }
        lock.unlock()
        let value = try make()
        lock.lock()
        defer { lock.unlock() }
        if entries.count >= capacity, let oldest = entries.min(by: { $0.value.lastUse < $1.value.lastUse })?.key {
            entries[oldest] = nil
        }
        entries[key] = (blob, value, clock)
        return value
    }
}
