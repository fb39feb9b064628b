import Foundation

/// The values made for the last `capacity` keys (least recently used evicted first), for work that the next
/// frame of an animation usually repeats with equal inputs (the ground grid of a camera that did not move).
/// Thread-safe; a lookup compares keys one by one, so keep `capacity` small.
final class RecentValues<Key: Equatable & Sendable, Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [(key: Key, value: Value)] = []
    let capacity: Int

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// The value stored for `key`, if still held (it becomes the most recent).
    func value(for key: Key) -> Value? {
        lock.lock(); defer { lock.unlock() }
        guard let i = entries.firstIndex(where: { $0.key == key }) else { return nil }
        let hit = entries.remove(at: i)
        entries.append(hit)
        return hit.value
    }

    func store(_ value: Value, for key: Key) {
        lock.lock(); defer { lock.unlock() }
        entries.removeAll { $0.key == key }
        if entries.count >= capacity { entries.removeFirst() }
        entries.append((key, value))
    }
}
