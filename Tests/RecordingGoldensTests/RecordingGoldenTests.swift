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

    @Test func fixtureViewAndErrors() throws {
        let store = try #require(try Recording.load(path: Self.fixtures.appendingPathComponent("rrd/geometry.rrd").path).recording)
        let image = try RecordingGolden.render(store, view: "/shapes", width: 120, height: 90, titleBars: false)
        #expect(image.width == 120 && image.height == 90)
        #expect(throws: RecordingGolden.RenderFailure.self) { try RecordingGolden.render(store, view: "/nope") }
        #expect(throws: RecordingGolden.RenderFailure.self) { try RecordingGolden.render(store, timeline: "nope") }
    }
}
