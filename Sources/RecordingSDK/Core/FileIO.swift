import Foundation

/// Why a file given to the SDK could not be read or written.
public struct SDKFileError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "\(reason): \(path)" }
}

/// The whole file at `path`.
func readFile(_ path: String) throws(SDKFileError) -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else { throw SDKFileError(path: path, reason: "cannot read file") }
    return Array(data)
}

/// Writes `bytes` to a temporary file next to `path`, then renames it over `path`.
func writeFileAtomically(_ path: String, _ bytes: [UInt8]) throws(SDKFileError) {
    let temporary = path + ".tmp-\(getpid())"
    guard FileManager.default.createFile(atPath: temporary, contents: Data(bytes)) else {
        throw SDKFileError(path: path, reason: "cannot write file")
    }
    guard rename(temporary, path) == 0 else {
        unlink(temporary)
        throw SDKFileError(path: path, reason: "cannot rename temporary file into place")
    }
}
