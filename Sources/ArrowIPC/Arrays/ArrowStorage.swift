/// One immutable, 64-byte aligned block of bytes shared by every array decoded from it.
///
/// Invariants: `base` points at `count` initialized bytes that never change and stay alive as long as this
/// object does; `base` is never null (an empty storage still owns one byte). Arrays keep a strong reference to
/// their storage and read it through raw pointers, so no value is ever copied out one by one.
public final class ArrowStorage: @unchecked Sendable {
    /// First byte. Valid for `count` bytes while `self` is alive.
    public let base: UnsafeRawPointer
    /// Number of valid bytes.
    public let count: Int

    /// Alignment of every storage allocation; enough for any Arrow primitive and for SIMD loads.
    public static let alignment = 64

    /// Copies `bytes` into a fresh aligned allocation.
    public convenience init(copying bytes: UnsafeRawBufferPointer) {
        self.init(uninitializedCount: bytes.count) { out in
            if let src = bytes.baseAddress, bytes.count > 0 { out.baseAddress!.copyMemory(from: src, byteCount: bytes.count) }
            return bytes.count
        }
    }

    /// Copies a byte array into a fresh aligned allocation.
    public convenience init(_ bytes: [UInt8]) {
        self.init(uninitializedCount: bytes.count) { out in
            bytes.withUnsafeBytes { src in
                if let s = src.baseAddress, src.count > 0 { out.baseAddress!.copyMemory(from: s, byteCount: src.count) }
            }
            return bytes.count
        }
    }

    /// Allocates `count` zeroed bytes and lets `fill` write them (exactly once, before anyone reads them).
    public convenience init(count: Int, fill: (UnsafeMutableRawBufferPointer) throws -> Void) rethrows {
        try self.init(uninitializedCount: count) { out in
            out.initializeMemory(as: UInt8.self, repeating: 0)
            try fill(out)
            return out.count
        }
    }

    /// Allocates `count` bytes without clearing them and lets `fill` write a prefix of them, returning its
    /// length; the bytes after that prefix are zeroed, so no uninitialized byte is ever readable. This spares
    /// a pass over large buffers that a decompressor overwrites completely anyway.
    public init(uninitializedCount count: Int, fill: (UnsafeMutableRawBufferPointer) throws -> Int) rethrows {
        precondition(count >= 0, "negative storage size")
        let raw = UnsafeMutableRawPointer.allocate(byteCount: max(count, 1), alignment: ArrowStorage.alignment)
        let written: Int
        do {
            written = try fill(UnsafeMutableRawBufferPointer(start: raw, count: count))
        } catch {
            raw.deallocate()
            throw error
        }
        let keep = min(max(written, 0), count)
        (raw + keep).initializeMemory(as: UInt8.self, repeating: 0, count: max(count, 1) - keep)
        base = UnsafeRawPointer(raw)
        self.count = count
    }

    deinit { UnsafeMutableRawPointer(mutating: base).deallocate() }

    /// The whole storage as a raw buffer (valid while `self` is alive).
    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }
}

/// A byte range `offset ..< offset + count` of an `ArrowStorage`; the unit in which Arrow buffers are referenced.
///
/// Invariant: `0 <= offset`, `0 <= count`, `offset + count <= storage.count` (checked by every initializer).
public struct ArrowBuffer: Sendable {
    public let storage: ArrowStorage
    public let offset: Int
    public let count: Int

    /// A checked slice: throws when the range is not inside the storage.
    public init(storage: ArrowStorage, offset: Int, count: Int, what: String = "buffer") throws(ArrowIPCError) {
        guard offset >= 0, count >= 0, offset <= storage.count, count <= storage.count - offset else {
            throw .outOfBounds(offset: offset, length: count, bound: storage.count, what: what)
        }
        self.storage = storage
        self.offset = offset
        self.count = count
    }

    /// The whole storage.
    public init(_ storage: ArrowStorage) {
        self.storage = storage
        offset = 0
        count = storage.count
    }

    /// First byte of the range.
    @inline(__always) public var base: UnsafeRawPointer { storage.base + offset }

    /// The range as a raw buffer (valid while the storage is alive, i.e. while `self` is).
    public var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: base, count: count) }

    /// The same bytes at an address aligned for `T`; copies only if the range is misaligned.
    func aligned<T>(for _: T.Type) -> ArrowBuffer {
        if Int(bitPattern: base) % MemoryLayout<T>.alignment == 0 { return self }
        return ArrowBuffer(ArrowStorage(copying: bytes))
    }
}
