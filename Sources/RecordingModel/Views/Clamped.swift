/// Rerun's "clamped zip" for optional per-instance components: instance `i` gets `values[i]`; a list shorter
/// than the primary one repeats its **last** value; an empty list (or none logged) gives nil, meaning "use the
/// default"; extra values are ignored (rendering-conventions §2).
public struct Clamped<T: Sendable>: Sendable {
    public let values: [T]

    public init(_ values: [T]) { self.values = values }

    /// The value for instance `i`, or nil when nothing was logged.
    @inline(__always) public subscript(i: Int) -> T? {
        values.isEmpty ? nil : values[min(max(i, 0), values.count - 1)]
    }

    /// The value for instance `i`, or `fallback`.
    @inline(__always) public func value(at i: Int, default fallback: T) -> T { self[i] ?? fallback }

    /// `count` values, clamped (nil when nothing was logged).
    public func broadcast(to count: Int) -> [T]? {
        values.isEmpty ? nil : (0 ..< count).map { values[min($0, values.count - 1)] }
    }

    public var isEmpty: Bool { values.isEmpty }
}
