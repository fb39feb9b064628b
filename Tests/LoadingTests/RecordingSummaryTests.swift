import Foundation
import RecordingModel
import Testing

/// The summary behind `rrd-render info`: contents, and byte-identical JSON from run to run.
@Suite struct RecordingSummaryTests {
    @Test func timelinesSummary() throws {
        let summary = RecordingSummary(try Fixtures.load("timelines.rrd"))
        #expect(summary.streams == 1 && summary.writerVersions == ["0.41.0"] && summary.warnings.isEmpty)
        let store = try #require(summary.stores.first)
        #expect(store.kind == "recording" && store.recordingID == "fixture-timelines")
        #expect(store.timelines.map(\.name) == ["elapsed", "frame", "log_time", "wall_clock"])
        #expect(store.timelines.map(\.kind) == ["duration", "sequence", "timestamp", "timestamp"])
        #expect(store.timelines[1].min == 7 && store.timelines[1].max == 104)
        #expect(store.staticEntities == ["/__properties", "/config"])
        let sensor = try #require(store.entities.first { $0.path == "/sensor" })
        #expect(sensor.rows == 5 && !sensor.isStatic && sensor.archetypes == ["rerun.archetypes.Scalars"])
        #expect(sensor.components.map(\.component) == ["Scalars:scalars"])
        #expect(sensor.components[0].arrowType == "list<item: double>" && sensor.components[0].rows == 5)
    }

    @Test func blueprintAndRecordingStoresAreBothListed() throws {
        let summary = RecordingSummary(try Fixtures.load("blueprint.rrd"))
        #expect(summary.stores.map(\.kind) == ["recording", "blueprint"])
        #expect(summary.stores[1].timelines.contains { $0.name == "blueprint" && $0.kind == "sequence" })
        let concatenated = RecordingSummary(try Fixtures.load("concatenated.rrd"))
        #expect(concatenated.streams == 2 && concatenated.stores.map(\.recordingID) == ["fixture-clear", "fixture-timelines"])
    }

    @Test func jsonIsDeterministic() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let a = try encoder.encode(RecordingSummary(try Fixtures.load("custom.rrd")))
        let b = try encoder.encode(RecordingSummary(try Fixtures.load("custom.rrd")))
        #expect(a == b)
        #expect(String(decoding: a, as: UTF8.self).contains("\"user.CustomPoints3D:confidences\""))
    }
}
