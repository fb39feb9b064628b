import Foundation
import GoldenImage
import MediaCodecs
import RecordingGoldens
import RecordingModel
import RecordingSDK
import Testing

/// The Swift-test API: a recording logged from Swift and the same data loaded from an `.rrd` give the same
/// picture, and goldens behave as in `rrd-render check`.
@Suite struct RecordingGoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    private func folder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("rrd-recording-golden-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    private func logged() -> ChunkStore {
        var rec = RecordingStream(applicationID: "golden_test", recordingID: "golden-test",
                                  clock: .simulated(start: 1_700_000_000_000_000_000, step: 1_000))
        rec.setTime("frame", sequence: 0)
        rec.log("world/points", Points3D(positions: [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]],
                                         radii: [0.1], colors: [.red, Color(r: 0, g: 200, b: 0), .white]))
        rec.setTime("frame", sequence: 1)
        rec.log("world/box", Boxes3D(halfSizes: [[0.5, 0.5, 0.5]], colors: [Color(r: 80, g: 120, b: 255)]))
        return rec.store
    }

    @Test func recordThenMatchThenFail() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let golden = dir + "/points.png"
        let first = try RecordingGolden.assertMatches(logged(), timeline: "frame", time: "1", width: 160, height: 120,
                                                      golden: golden, record: .missing, artifactsDirectory: dir + "/art")
        guard case .recorded = first else { Issue.record("expected a recorded golden, got \(first)"); return }
        let second = try RecordingGolden.assertMatches(logged(), timeline: "frame", time: "1", width: 160, height: 120,
                                                       golden: golden, record: .never, artifactsDirectory: dir + "/art")
        guard case .matched = second else { Issue.record("expected a match, got \(second)"); return }
        // At frame 0 the box is not logged yet: the picture differs.
        #expect(throws: GoldenFailure.self) {
            try RecordingGolden.assertMatches(logged(), timeline: "frame", time: "0", width: 160, height: 120,
                                              golden: golden, record: .never, artifactsDirectory: dir + "/art")
        }
    }

    @Test func swiftLoggedAndSavedRecordingsRenderAlike() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        var rec = RecordingStream(applicationID: "golden_test", recordingID: "golden-test",
                                  clock: .simulated(start: 1_700_000_000_000_000_000, step: 1_000))
        rec.setTime("frame", sequence: 0)
        rec.log("world/points", Points3D(positions: [[0, 0, 0], [1, 1, 1]], radii: [0.2]))
        try rec.save(to: dir + "/rec.rrd")
        let loaded = try #require(try Recording.load(path: dir + "/rec.rrd").recording)
        let a = try RecordingGolden.render(rec.store, width: 96, height: 64)
        let b = try RecordingGolden.render(loaded, width: 96, height: 64)
        #expect(a == b)
    }

    @Test func disconnectedSpaceIsDrawnInItsOwnView() throws {
        var rec = RecordingStream(applicationID: "golden_test", recordingID: "disconnected",
                                  clock: .simulated(start: 1_700_000_000_000_000_000, step: 1_000))
        rec.log("world/a", Points3D(positions: [[0, 0, 0]], radii: [0.5], colors: [.red]), static: true)
        rec.log("world/b", DisconnectedSpace(), static: true)
        rec.log("world/b", Transform3D(translation: [100, 0, 0]), static: true)
        rec.log("world/b/p", Points3D(positions: [[0, 0, 0]], radii: [0.5], colors: [.white]), static: true)
        let whole = try RecordingGolden.render(rec.store, view: "/", width: 64, height: 48, titleBars: false)
        let alone = try RecordingGolden.render(rec.store, view: "/world/b", width: 64, height: 48, titleBars: false)
        // The root view holds only the red point (the white one is in its own space), centred by the default eye.
        let centre = whole.pixel(x: 32, y: 24)
        #expect(centre.0 > 150 && centre.1 < 80, "\(centre)")
        #expect(!whole.pixels.chunked4.contains { $0.0 > 200 && $0.1 > 200 && $0.2 > 200 })
        let c = alone.pixel(x: 32, y: 24)
        #expect(c.0 > 150 && c.1 > 150 && c.2 > 150, "\(c)")
    }

    @Test func fixtureViewAndErrors() throws {
        let store = try #require(try Recording.load(path: Self.fixtures.appendingPathComponent("rrd/geometry.rrd").path).recording)
        let image = try RecordingGolden.render(store, view: "/shapes", width: 120, height: 90, titleBars: false)
        #expect(image.width == 120 && image.height == 90)
        #expect(throws: RecordingGolden.RenderFailure.self) { try RecordingGolden.render(store, view: "/nope") }
        #expect(throws: RecordingGolden.RenderFailure.self) { try RecordingGolden.render(store, timeline: "nope") }
    }
}

private extension Array where Element == UInt8 {
    var chunked4: [(UInt8, UInt8, UInt8, UInt8)] {
        stride(from: 0, to: count, by: 4).map { (self[$0], self[$0 + 1], self[$0 + 2], self[$0 + 3]) }
    }
}
