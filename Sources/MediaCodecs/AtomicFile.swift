import Foundation

/// Writes files so that they appear whole or not at all: the bytes go to a temporary file in the
/// same folder, which is renamed over the destination only once fully written and flushed.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try write(to: path) { handle in try handle.write(contentsOf: bytes) }
    }

    /// Calls `body` with a handle on a temporary file next to `path`, then renames it to `path`.
    /// If `body` throws, the temporary file is removed and `path` is left untouched.
    public static func write(to path: String, _ body: (FileHandle) throws -> Void) throws {
        let temp = temporaryPath(for: path)
        guard FileManager.default.createFile(atPath: temp, contents: nil) else {
            throw MediaError.io(path: path, reason: "cannot create \(temp)")
        }
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temp))
            defer { try? handle.close() }
            try body(handle)
            try handle.synchronize()
        } catch {
            try? FileManager.default.removeItem(atPath: temp)
            throw error is MediaError ? error : MediaError.io(path: path, reason: "\(error)")
        }
        try commit(temp, to: path)
    }

    /// A unique temporary path in the folder of `path` (rename is only atomic within one file system).
    public static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        let name = ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).\(UInt32.random(in: 0...UInt32.max)).tmp"
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }

    /// Renames a finished temporary file to its destination, replacing any old file.
    public static func commit(_ temp: String, to path: String) throws {
        guard rename(temp, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temp)
            throw MediaError.io(path: path, reason: reason)
        }
    }
}
