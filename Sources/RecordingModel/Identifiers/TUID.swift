/// Rerun's 128-bit time-ordered id: writer clock nanoseconds plus an increment. Orders by (time, increment).
///
/// In Arrow (row ids, chunk ids in the footer) it is 16 **big-endian** bytes; in protobuf two little-endian
/// fixed64 fields. Printed as 16 upper-case hex digits of the time and 16 lower-case of the increment.
public struct TUID: Hashable, Comparable, Sendable {
    public var timeNanos: UInt64
    public var increment: UInt64

    public init(timeNanos: UInt64, increment: UInt64) {
        self.timeNanos = timeNanos
        self.increment = increment
    }

    /// Reads the big-endian Arrow layout (16 bytes at `pointer`).
    public init(bigEndianBytes pointer: UnsafeRawPointer) {
        timeNanos = UInt64(bigEndian: pointer.loadUnaligned(as: UInt64.self))
        increment = UInt64(bigEndian: pointer.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    }

    /// The 16 big-endian bytes of the Arrow layout.
    public var bigEndianBytes: [UInt8] {
        (0 ..< 8).map { UInt8(truncatingIfNeeded: timeNanos >> (56 - 8 * $0)) }
            + (0 ..< 8).map { UInt8(truncatingIfNeeded: increment >> (56 - 8 * $0)) }
    }

    public static func < (a: TUID, b: TUID) -> Bool { (a.timeNanos, a.increment) < (b.timeNanos, b.increment) }

    /// `prefix` + 16 upper-case hex digits (time) + 16 lower-case hex digits (increment).
    public func formatted(prefix: String) -> String {
        func hex(_ v: UInt64) -> String { let s = String(v, radix: 16); return String(repeating: "0", count: 16 - s.count) + s }
        return prefix + hex(timeNanos).uppercased() + hex(increment)
    }
}

/// Identifies one row of data; the larger row id is the newer write.
public typealias RowID = TUID
/// Identifies one chunk.
public typealias ChunkID = TUID

extension TUID {
    /// `row_…` text form.
    public var rowString: String { formatted(prefix: "row_") }
    /// `chunk_…` text form.
    public var chunkString: String { formatted(prefix: "chunk_") }

    /// Parses `chunk_` / `row_` + 32 hex digits (any case).
    public init?(formatted text: String) {
        guard let us = text.lastIndex(of: "_") else { return nil }
        let hex = text[text.index(after: us)...]
        guard hex.count == 32, let t = UInt64(hex.prefix(16), radix: 16), let i = UInt64(hex.suffix(16), radix: 16) else { return nil }
        self.init(timeNanos: t, increment: i)
    }
}
