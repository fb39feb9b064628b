import Foundation
import MediaCodecs
import Rasterizer
import RecordingModel
import SceneBuilding
import Testing
import TestSupport

/// Exact golden-image checks of single views against `Fixtures/golden/views/<name>.png`, and loading of the
/// bundled recordings for them.
///
/// `RRD_RECORD_GOLDENS=1` (re)writes the golden and passes; otherwise a missing golden fails, and a mismatch
/// fails with the number of differing pixels and writes the actual picture to
/// `$TMPDIR/rrd-view-goldens/<name>.actual.png`.
enum ViewGolden {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let folder = root.appendingPathComponent("Fixtures/golden/views")

    /// The recording store of `Fixtures/rrd/<name>`.
    static func store(_ name: String) throws -> ChunkStore {
        try #require(try Recording.load(path: root.appendingPathComponent("Fixtures/rrd/" + name).path).recording)
    }

    /// A context at `time` on `timeline` of `store`.
    static func context(_ store: ChunkStore, timeline: String, at time: Int64, threads: Int = 1) -> ViewContext {
        ViewContext(store: store, query: LatestAtQuery(timeline: timeline, at: time),
                    timelineKind: store.timelines[timeline]?.timeline.kind, threads: threads)
    }

    /// Renders a view drawing to RGBA8 pixels.
    static func render(_ drawing: ViewDrawing, threads: Int = 1) throws -> [UInt8] {
        try Renderer().render(drawing.drawList, camera: drawing.camera, options: RenderOptions(threads: threads))
    }

    static func check(_ name: String, _ drawing: ViewDrawing, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let image = RGBAImage(width: drawing.camera.width, height: drawing.camera.height, pixels: try render(drawing))
        if let message = try GoldenFiles.mismatch(image, name: name, folder: folder) {
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }
}
