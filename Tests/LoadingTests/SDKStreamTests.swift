import ArrowIPC
import Foundation
import RecordingModel
import RecordingSDK
import Testing

/// RecordingStream semantics on logged data: time kinds, static vs temporal, row-id order, log_time/log_tick,
/// Clears, partial updates, warnings.
@Suite struct SDKStreamTests {
    static func stream(step: Int64 = 10) -> RecordingStream {
        RecordingStream(applicationID: "test", recordingID: "r", clock: .simulated(start: 1_000, step: step), sendProperties: false)
    }

    static let e = EntityPath(["p"])
    static func positions(_ s: ChunkStore, _ q: LatestAtQuery) -> [SIMD3<Float>]? {
        s.latestAt("Points3D:positions", entity: e, query: q)?.vec3()
    }

    @Test func staticWinsOverTemporalWhateverTheOrder() {
        var rec = Self.stream()
        rec.setTime("frame", sequence: 5)
        rec.log("p", Points3D(positions: [[1, 1, 1]]))
        rec.log("p", Points3D(positions: [[2, 2, 2]]), static: true)
        rec.setTime("frame", sequence: 6)
        rec.log("p", Points3D(positions: [[3, 3, 3]]))
        for t: Int64 in [0, 5, 6, 100] { #expect(Self.positions(rec.store, LatestAtQuery(timeline: "frame", at: t)) == [[2, 2, 2]]) }
        #expect(Self.positions(rec.store, .staticOnly) == [[2, 2, 2]])
        #expect(rec.store.chunks(of: Self.e).filter(\.isStatic).count == 1)
    }

    @Test func laterLogAtTheSameTimeWinsEvenWithAFrozenClock() {
        var rec = Self.stream(step: 0)
        rec.setTime("frame", sequence: 1)
        rec.log("p", Points3D(positions: [[1, 0, 0]]))
        rec.log("p", Points3D(positions: [[2, 0, 0]]))
        #expect(Self.positions(rec.store, LatestAtQuery(timeline: "frame", at: 1)) == [[2, 0, 0]])
        let ids = rec.store.chunks.flatMap(\.rowIDs)
        #expect(zip(ids, ids.dropFirst()).allSatisfy { $0 < $1 })
        #expect(Set(rec.store.chunks.map(\.id)).count == rec.store.chunks.count)
    }

    @Test func timeKindsAndConversions() throws {
        var rec = Self.stream()
        rec.setTime("seq", sequence: 42)
        rec.setTime("dur", duration: 1.5)
        rec.setTime("dur2", duration: .milliseconds(250))
        rec.setTime("dur3", durationNanos: 7)
        rec.setTime("ts", timestamp: Date(timeIntervalSince1970: 1_704_164_645.04))
        rec.setTime("ts2", timestamp: 1_700_000_000.5)
        rec.setTime("ts3", timestampNanos: 123)
        rec.log("p", Scalars(1))
        let chunk = try #require(rec.store.chunks.first)
        let times = Dictionary(uniqueKeysWithValues: chunk.timeColumns.map { ($0.timeline.name, ($0.timeline.kind, $0.times[0])) })
        #expect(times["seq"]! == (.sequence, 42))
        #expect(times["dur"]! == (.duration, 1_500_000_000))
        #expect(times["dur2"]! == (.duration, 250_000_000))
        #expect(times["dur3"]! == (.duration, 7))
        #expect(times["ts"]! == (.timestamp, 1_704_164_645_040_000_000))
        #expect(times["ts2"]! == (.timestamp, 1_700_000_000_500_000_000))
        #expect(times["ts3"]! == (.timestamp, 123))
        #expect(times["log_time"]! == (.timestamp, 1_000))
        #expect(rec.currentTime.map(\.timeline.name) == ["dur", "dur2", "dur3", "seq", "ts", "ts2", "ts3"])
    }

    @Test func disableTimelineResetTimeLogTimeAndLogTick() {
        var rec = Self.stream()
        rec.logTickEnabled = true
        rec.setTime("a", sequence: 1)
        rec.setTime("b", sequence: 2)
        rec.disableTimeline("a")
        rec.log("p", Scalars(1))
        rec.log("p", Scalars(2))
        #expect(rec.store.chunks.map { $0.timeColumns.map(\.timeline.name) } == [["b", "log_tick", "log_time"], ["b", "log_tick", "log_time"]])
        #expect(rec.store.chunks.map { $0.timeColumn("log_tick")!.times } == [[0], [1]])
        rec.resetTime()
        rec.logTimeEnabled = false
        rec.logTickEnabled = false
        rec.log("q", Scalars(3))
        // No timeline at all: the row is static, as in Rerun.
        #expect(rec.store.chunks(of: EntityPath(["q"])).map(\.isStatic) == [true])
    }

    @Test func clearHidesUntilRewrittenAndRecursiveReachesChildren() {
        var rec = Self.stream()
        rec.setTime("t", sequence: 0)
        rec.log("a", Points3D(positions: [[0, 0, 0]]))
        rec.log("a/b", Points3D(positions: [[1, 1, 1]]))
        rec.setTime("t", sequence: 1)
        rec.log("a", Clear(recursive: true))
        rec.setTime("t", sequence: 2)
        rec.log("a/b", Points3D(positions: [[2, 2, 2]]))
        func at(_ path: [String], _ t: Int64) -> [SIMD3<Float>]? {
            rec.store.latestAt("Points3D:positions", entity: EntityPath(path), query: LatestAtQuery(timeline: "t", at: t))?.vec3()
        }
        #expect(at(["a"], 0) == [[0, 0, 0]] && at(["a", "b"], 0) == [[1, 1, 1]])
        #expect(at(["a"], 1) == nil && at(["a", "b"], 1) == nil)
        #expect(at(["a"], 2) == nil && at(["a", "b"], 2) == [[2, 2, 2]])
    }

    @Test func partialUpdatesAccumulateAndClearedFieldsAreEmpty() throws {
        var rec = Self.stream()
        rec.setTime("t", sequence: 0)
        rec.log("p", Points3D(positions: [[1, 2, 3]], radii: [0.5], colors: [.red]))
        rec.setTime("t", sequence: 1)
        rec.log("p", Points3D.update(colors: [.green]))
        rec.setTime("t", sequence: 2)
        rec.log("p", Points3D.empty().clearing("radii"))
        let v1 = try #require(rec.store.view(Points3DView.self, entity: Self.e, query: LatestAtQuery(timeline: "t", at: 1)))
        #expect(v1.positions == [[1, 2, 3]] && v1.colors.values == [Color.green.rgba] && v1.radii.values == [0.5])
        let radii = rec.store.latestAt("Points3D:radii", entity: Self.e, query: LatestAtQuery(timeline: "t", at: 2))
        #expect(radii?.isEmpty == true)
        let v2 = try #require(rec.store.view(Points3DView.self, entity: Self.e, query: LatestAtQuery(timeline: "t", at: 2)))
        #expect(v2.radii.isEmpty && v2.colors.values == [Color.green.rgba])
        // Only the given fields are written.
        #expect(Points3D.update(colors: [.green]).componentBatches.map(\.descriptor.component) == ["Points3D:colors"])
        #expect(Points3D.update(colors: [.green], clearUnset: true).componentBatches.count == Points3D.schema.fields.count)
        #expect(Points3D.empty().componentBatches.isEmpty)
    }

    @Test func transformGroupIsReplacedAsAWhole() throws {
        var rec = Self.stream()
        rec.setTime("t", sequence: 0)
        rec.log("x", Transform3D(translation: [1, 2, 3], uniformScale: 2))
        rec.setTime("t", sequence: 1)
        rec.log("x", Transform3D(rotation: .quaternion(.identity)))
        let v = try #require(rec.store.view(Transform3DView.self, entity: EntityPath(["x"]), query: LatestAtQuery(timeline: "t", at: 1)))
        #expect(v.translation == nil && v.scale == nil && v.quaternion == [0, 0, 0, 1])
    }

    @Test func badPathsAndDuplicateComponents() throws {
        var rec = Self.stream()
        rec.log("bad\\", Scalars(1))
        #expect(rec.warnings.count == 1 && rec.store.chunks.isEmpty)
        rec.log("ok", [Scalars(1), Scalars(2)] as [any AsComponents])
        let cell = try #require(rec.store.latestAt("Scalars:scalars", entity: EntityPath(["ok"]), query: LatestAtQuery(timeline: "log_time", at: .max)))
        #expect(cell.scalars(Double.self) == [2])
        rec.log("empty", AnyValues())
        #expect(!rec.store.entityPaths.contains(EntityPath(["empty"])))
    }

    @Test func propertiesAreStaticUnderProperties() throws {
        var rec = RecordingStream(applicationID: "app", recordingID: "rid", clock: .simulated(start: 77, step: 1))
        rec.sendRecordingName("name")
        rec.sendProperty("info", AnyValues(["model": "X"]))
        let props = EntityPath(["__properties"])
        #expect(rec.store.latestAt("RecordingInfo:start_time", entity: props, query: .staticOnly)?.scalars(Int64.self) == [77])
        #expect(rec.store.latestAt("RecordingInfo:name", entity: props, query: .staticOnly)?.strings() == ["name"])
        #expect(rec.store.latestAt("model", entity: props.child("info"), query: .staticOnly)?.strings() == ["X"])
        #expect(rec.recording.recording?.id == StoreID(kind: .recording, recordingID: "rid", applicationID: "app"))
    }

    @Test func anyValueLiteralsInferPyarrowTypes() {
        let v = AnyValues(["f": [1.5, 2], "i": [1, 2], "s": ["a"], "b": [true], "one": 3.0, "text": "x", "mixed": ["a", 1]])
        let types = Dictionary(uniqueKeysWithValues: v.componentBatches.map { ($0.descriptor.component, $0.array.type) })
        #expect(types == ["f": .float64, "i": .int64, "s": .utf8, "b": .bool, "one": .float64, "text": .utf8, "mixed": .utf8])
        #expect(v.componentBatches.allSatisfy { $0.descriptor.archetype == nil && $0.descriptor.componentType == nil })
        #expect(v.with("i", .floats([1])).componentBatches.first { $0.descriptor.component == "i" }?.array.type == .float32)
    }

    @Test func colorsRadiiAndConversions() {
        #expect(Color(r: 255, g: 0, b: 0).rgba == 0xFF00_00FF)
        #expect(Color(rgb: 0x80_8080).rgba == 2_155_905_279)
        #expect(Color([1, 2, 3, 4]).rgba == 0x0102_0304 && Color(red: 1, green: 0.5, blue: 0).rgba == 0xFF80_00FF)
        #expect(Radius.uiPoints(2).value == -2 && Radius(0.5).value == 0.5 && Radius.uiPoints([1, 3]).map(\.value) == [-1, -3])
        #expect(Mat3x3(rows: [[1, 2, 3], [4, 5, 6], [7, 8, 9]]).columnMajor == [1, 4, 7, 2, 5, 8, 3, 6, 9])
        let b = Boxes2D(mins: [[0, 0]], sizes: [[2, 4]])
        #expect(b.values["centers"]?.listChild?.values(Float.self).map(Array.init) == [1, 2])
        #expect(b.values["half_sizes"]?.listChild?.values(Float.self).map(Array.init) == [1, 2])
        let q = Quaternion(axis: [0, 0, 2], radians: .pi)
        #expect(abs(q.xyzw.z - 1) < 1e-6 && abs(q.xyzw.w) < 1e-6)
    }
}
