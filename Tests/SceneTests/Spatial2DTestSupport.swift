import ArrowIPC
import Foundation
import MediaCodecs
import Rasterizer
import RecordingModel
import Testing
import TestSupport
@testable import SceneBuilding

/// Recordings built from Swift values for the 2D view tests: each `log` adds one static row.
struct Spatial2DStore {
    private(set) var store = ChunkStore(id: StoreID(kind: .recording, recordingID: "spatial2d-test"))
    private var rows: UInt64 = 0

    mutating func log(_ path: String, _ archetype: String, _ fields: [(String, ArrowArray, instances: Int)]) throws {
        rows += 1
        let columns = fields.map {
            ComponentColumn(descriptor: ComponentDescriptor(component: "\(archetype):\($0.0)"), values: $0.1,
                            lengths: [$0.instances])
        }
        store.insert(try Chunk(id: ChunkID(timeNanos: 1, increment: rows), entityPath: try EntityPath(parsing: path),
                               rowIDs: [RowID(timeNanos: 1000 + rows, increment: rows)], timeColumns: [],
                               components: columns))
    }

    static func vec2(_ v: [SIMD2<Float>]) -> ArrowArray { .fixedSizeList(.primitive(v.flatMap { [$0.x, $0.y] }), size: 2) }
    static func floats(_ v: [Float]) -> ArrowArray { .primitive(v) }
    static func colors(_ v: [UInt32]) -> ArrowArray { .primitive(v) }
    static func blob(_ bytes: [UInt8]) -> ArrowArray { .list(.primitive(bytes), lengths: [bytes.count]) }
    static func imageFormat(width: UInt32, height: UInt32, colorModel: UInt8? = nil, datatype: UInt8? = nil) -> ArrowArray {
        var fields: [(name: String, nullable: Bool, array: ArrowArray)] = [
            ("width", false, .primitive([width])), ("height", false, .primitive([height])),
        ]
        if let colorModel { fields.append(("color_model", true, .primitive([colorModel]))) }
        if let datatype { fields.append(("channel_datatype", true, .primitive([datatype]))) }
        return .structure(fields, length: 1)
    }

    mutating func points(_ path: String, _ positions: [SIMD2<Float>], color: UInt32, radius: Float,
                         drawOrder: Float? = nil) throws {
        var fields: [(String, ArrowArray, instances: Int)] = [
            ("positions", Self.vec2(positions), positions.count), ("colors", Self.colors([color]), 1),
            ("radii", Self.floats([radius]), 1),
        ]
        if let drawOrder { fields.append(("draw_order", Self.floats([drawOrder]), 1)) }
        try log(path, "Points2D", fields)
    }

    /// A `width × height` RGB8 image of one colour.
    mutating func image(_ path: String, width: Int, height: Int, rgb: SIMD3<UInt8>, drawOrder: Float? = nil) throws {
        let bytes = (0..<width * height).flatMap { _ in [rgb.x, rgb.y, rgb.z] }
        var fields: [(String, ArrowArray, instances: Int)] = [
            ("buffer", Self.blob(bytes), 1),
            ("format", Self.imageFormat(width: UInt32(width), height: UInt32(height), colorModel: 2, datatype: 6), 1),
        ]
        if let drawOrder { fields.append(("draw_order", Self.floats([drawOrder]), 1)) }
        try log(path, "Image", fields)
    }
}

/// Renders one view through the 2D builder.
func render2D(_ store: ChunkStore, origin: [String] = [], bounds: Bounds2D? = nil, width: Int = 100, height: Int = 100,
              pixelsPerPoint: Float = 1) throws -> (image: RGBAImage, warnings: [RenderWarning]) {
    var view = ViewSpec(kind: .spatial2D, origin: origin, contents: .subtree(origin))
    view.visualBounds = bounds
    let context = ViewContext(store: store, query: .staticOnly, timelineKind: nil, pixelsPerPoint: pixelsPerPoint,
                              threads: 2)
    let drawing = Spatial2DViewBuilder().build(view, width: width, height: height, context: context)
    let pixels = try Renderer().render(drawing.drawList, camera: drawing.camera,
                                       options: RenderOptions(threads: 2, pixelsPerPoint: pixelsPerPoint))
    return (RGBAImage(width: width, height: height, pixels: pixels), drawing.warnings)
}

extension RGBAImage {
    /// The RGBA bytes of pixel (x, y).
    func pixel(_ x: Int, _ y: Int) -> [UInt8] { Array(pixels[4 * (y * width + x)..<4 * (y * width + x) + 4]) }
}

/// The bundled recordings (Fixtures/rrd).
enum SceneFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func store(_ name: String) throws -> ChunkStore {
        let recording = try Recording.load(path: root.appendingPathComponent("Fixtures/rrd/\(name)").path)
        return try #require(recording.recording)
    }
}

/// Exact golden-image checks against `Fixtures/golden/spatial2d/<name>.png`.
///
/// Recording and reporting as `GoldenFiles` (`RRD_RECORD_GOLDENS=1` writes the goldens).
enum Spatial2DGolden {
    static let folder = SceneFixtures.root.appendingPathComponent("Fixtures/golden/spatial2d")

    static func check(_ name: String, _ image: RGBAImage, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if let message = try GoldenFiles.mismatch(image, name: name, folder: folder) {
            Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
    }
}
