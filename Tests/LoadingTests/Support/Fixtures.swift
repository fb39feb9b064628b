import Foundation
import RecordingModel

/// Paths of the bundled fixtures (`Fixtures/rrd/*.rrd|.rbl`, `Fixtures/expected/*.json`).
enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures").path

    static let names = [
        "blueprint.rbl", "blueprint.rrd", "clear.rrd", "concatenated.rrd", "custom.rrd", "dna.rrd", "geometry.rrd",
        "images.rrd", "mesh_asset.rrd", "no_footer.rrd", "partial_updates.rrd", "partial_updates_optimized.rrd",
        "points.rrd", "points_uncompressed.rrd", "series.rrd", "tensor_text.rrd", "timelines.rrd", "transforms.rrd",
    ]

    static func path(_ name: String) -> String { root + "/rrd/" + name }
    static func expectedPath(_ name: String) -> String { root + "/expected/" + name + ".json" }
    static func bytes(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: URL(fileURLWithPath: path(name)))) }
    static func load(_ name: String) throws -> Recording { try Recording.load(path: path(name)) }
}
