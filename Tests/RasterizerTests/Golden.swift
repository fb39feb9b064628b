import Foundation
import MediaCodecs
import Testing
import TestSupport

/// Exact golden-image checks against `Fixtures/golden/raster/<name>.png`.
///
/// Recording and reporting as `GoldenFiles` (`RRD_RECORD_GOLDENS=1` writes the goldens).
enum Golden {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/golden/raster")

    static func check(_ name: String, _ pixels: [UInt8], width: Int, height: Int,
                      sourceLocation: SourceLocation = #_sourceLocation) throws {
        let image = RGBAImage(width: width, height: height, pixels: pixels)
        if let message = try GoldenFiles.mismatch(image, name: name, folder: folder) {
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }
}
