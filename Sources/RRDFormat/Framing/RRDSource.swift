#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The bytes of one `.rrd` file, memory-mapped read-only (or held in memory for in-memory input).
///
/// Mapping means a file of any size costs address space, not memory: pages are read on demand and can be
/// dropped by the kernel again, so decoding a 2 GB file does not copy it. Immutable; safe to share.
public final class RRDSource: @unchecked Sendable {
    /// Every byte of the file; valid while `self` is alive.
    public let bytes: UnsafeRawBufferPointer
    private let release: () -> Void

    /// Maps the file at `path`.
    public init(path: String) throws(RRDError) {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw .io(path: path, reason: String(cString: strerror(errno))) }
        guard (st.st_mode & S_IFMT) == S_IFREG else { throw .io(path: path, reason: "not a regular file") }
        let size = Int(st.st_size)
        if size == 0 {
            bytes = UnsafeRawBufferPointer(start: nil, count: 0)
            release = {}
            return
        }
        guard let p = mmap(nil, size, PROT_READ, MAP_PRIVATE, fd, 0), p != MAP_FAILED else {
            throw .io(path: path, reason: "mmap: " + String(cString: strerror(errno)))
        }
        bytes = UnsafeRawBufferPointer(start: p, count: size)
        release = { munmap(p, size) }
    }

    /// Copies `data` (for in-memory input and tests).
    public init(bytes data: [UInt8]) {
        let p = UnsafeMutableRawBufferPointer.allocate(byteCount: max(data.count, 1), alignment: 16)
        data.withUnsafeBytes { if let s = $0.baseAddress, !data.isEmpty { p.baseAddress!.copyMemory(from: s, byteCount: data.count) } }
        bytes = UnsafeRawBufferPointer(start: p.baseAddress, count: data.count)
        release = { p.deallocate() }
    }

    deinit { release() }

    public var count: Int { bytes.count }
}
