import Foundation
import MediaCodecs
import Testing

/// Exact golden-image checks against `Fixtures/golden/raster/<name>.png`.
///
/// `RRD_RECORD_GOLDENS=1` (re)writes the golden and passes; otherwise a missing golden fails, and a
/// mismatch fails with the number of differing pixels and writes the actual picture to
/// `$TMPDIR/rrd-raster-goldens/<name>.actual.png`.
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden/raster")

    static var recording: Bool { ProcessInfo.processInfo.environment["RRD_RECORD_GOLDENS"] == "1" }

    static func check(_ name: String, _ pixels: [UInt8], width: Int, height: Int,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let image = RGBAImage(width: width, height: height, pixels: pixels)
        let url = folder.appendingPathComponent(name + ".png")
        if recording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(PNGCodec.encode(image)).write(to: url)
            return
        }
        guard let data = try? Data(contentsOf: url) else {
            let message = "missing golden \(url.path); run with RRD_RECORD_GOLDENS=1 to write it"
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
            return
        }
        let golden = try PNGCodec.decode([UInt8](data))
        if golden == image { return }
        var differing = 0
        if golden.width == width && golden.height == height {
            for i in 0..<width * height where golden.pixels[4 * i..<4 * i + 4] != pixels[4 * i..<4 * i + 4] { differing += 1 }
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("rrd-raster-goldens")
        try? FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let actual = out.appendingPathComponent(name + ".actual.png")
        try? Data(PNGCodec.encode(image)).write(to: actual)
        let message = "\(name): \(differing) of \(width * height) pixels differ from \(url.path) "
            + "(golden \(golden.width)x\(golden.height)); actual picture: \(actual.path)"
        Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
    }
}
