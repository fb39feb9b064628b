import Foundation
import MediaCodecs

/// Exact golden-image files for the project's own tests: `<folder>/<name>.png`.
///
/// With `RRD_RECORD_GOLDENS=1` the golden is (re)written and the check passes; otherwise a missing golden fails,
/// and a mismatch fails with the number of differing pixels, the actual picture written to
/// `$TMPDIR/rrd-goldens/<name>.actual.png`.
public enum GoldenFiles {
    public static var recording: Bool { ProcessInfo.processInfo.environment["RRD_RECORD_GOLDENS"] == "1" }

    /// Nil when `image` equals the golden (or was just recorded); otherwise what is wrong, for the test to report.
    public static func mismatch(_ image: RGBAImage, name: String, folder: URL) throws -> String? {
        let url = folder.appendingPathComponent(name + ".png")
        if recording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try AtomicFile.write(try PNGCodec.encode(image), to: url.path)
            return nil
        }
        guard let data = try? Data(contentsOf: url) else {
            return "missing golden \(url.path); run with RRD_RECORD_GOLDENS=1 to write it"
        }
        let golden = try PNGCodec.decode([UInt8](data))
        if golden == image { return nil }
        var differing = 0
        if golden.width == image.width && golden.height == image.height {
            for i in 0..<image.width * image.height
            where golden.pixels[4 * i..<4 * i + 4] != image.pixels[4 * i..<4 * i + 4] {
                differing += 1
            }
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("rrd-goldens")
        try? FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let actual = out.appendingPathComponent(name + ".actual.png")
        try? AtomicFile.write(try PNGCodec.encode(image), to: actual.path)
        return "\(name): \(differing) of \(image.width * image.height) pixels differ from \(url.path) "
            + "(golden \(golden.width)x\(golden.height)); actual picture: \(actual.path)"
    }
}
