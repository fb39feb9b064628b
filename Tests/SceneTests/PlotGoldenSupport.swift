import Foundation
import MediaCodecs
import Rasterizer
import RecordingModel
import SceneBuilding
import Testing

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

    static var recording: Bool { ProcessInfo.processInfo.environment["RRD_RECORD_GOLDENS"] == "1" }

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
        let pixels = try render(drawing)
        let width = drawing.camera.width, height = drawing.camera.height
        let image = RGBAImage(width: width, height: height, pixels: pixels)
        let url = folder.appendingPathComponent(name + ".png")
        if recording {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(PNGCodec.encode(image)).write(to: url)
            return
        }
        guard let data = try? Data(contentsOf: url) else {
            Issue.record(Comment(rawValue: "missing golden \(url.path); run with RRD_RECORD_GOLDENS=1 to write it"),
                         sourceLocation: sourceLocation)
            return
        }
        let golden = try PNGCodec.decode([UInt8](data))
        if golden == image { return }
        var differing = 0
        if golden.width == width && golden.height == height {
            for i in 0..<width * height where golden.pixels[4 * i..<4 * i + 4] != pixels[4 * i..<4 * i + 4] { differing += 1 }
        }
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("rrd-view-goldens")
        try? FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let actual = out.appendingPathComponent(name + ".actual.png")
        try? Data(PNGCodec.encode(image)).write(to: actual)
        Issue.record(Comment(rawValue: "\(name): \(differing) of \(width * height) pixels differ from \(url.path) "
                                 + "(golden \(golden.width)x\(golden.height)); actual picture: \(actual.path)"),
                     sourceLocation: sourceLocation)
    }
}
