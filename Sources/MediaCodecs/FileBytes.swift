#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads with POSIX error messages ("No such file or directory: a.png").
public enum FileBytes {
    /// Reads the file at `path`; refuses files larger than `maxBytes`.
    public static func read(_ path: String, maxBytes: Int = 1 << 32) throws -> [UInt8] {
        guard let file = fopen(path, "rb") else { throw MediaError.io(path: path, reason: errnoText()) }
        defer { fclose(file) }
        var info = stat()
        guard fstat(fileno(file), &info) == 0 else { throw MediaError.io(path: path, reason: errnoText()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw MediaError.io(path: path, reason: "not a regular file") }
        let size = Int(info.st_size)
        guard size <= maxBytes else { throw MediaError.io(path: path, reason: "file of \(size) bytes is too large") }
        var bytes = [UInt8](repeating: 0, count: size)
        let got = bytes.withUnsafeMutableBytes { fread($0.baseAddress, 1, size, file) }
        guard got == size else { throw MediaError.io(path: path, reason: "short read (\(got) of \(size) bytes)") }
        return bytes
    }

    static func errnoText(_ code: Int32 = errno) -> String { String(cString: strerror(code)) }
}
