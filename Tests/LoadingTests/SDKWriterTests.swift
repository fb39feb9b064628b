import ArrowIPC
import Foundation
import RecordingModel
import RecordingSDK
import Testing

/// The `.rrd` writer: what it writes, this project's reader loads back identically (chunk ids, row ids,
/// time columns, descriptors, Arrow types, every value), for logged data and for every fixture re-encoded.
@Suite struct SDKWriterTests {
    /// A store as JSON, one entry per chunk id: everything a chunk holds.
    static func chunks(_ store: ChunkStore) -> [String: JSONValue] {
        var out: [String: JSONValue] = [:]
        for c in store.chunks {
            let times: [JSONValue] = c.timeColumns.map {
                .array([.string($0.timeline.name), .string($0.timeline.kind.rawValue), .array($0.times.map { .int($0) })])
            }
            let columns: [JSONValue] = c.components.map { col in
                let rows: [JSONValue] = (0 ..< col.rowCount).map { r in
                    col.instanceRange(row: r).map { .array($0.map { ArrowJSON.value(col.values, $0) }) } ?? .null
                }
                return .array([.string(col.descriptor.component), col.descriptor.archetype.map(JSONValue.string) ?? .null,
                               col.descriptor.componentType.map(JSONValue.string) ?? .null, .string(col.cells.type.description), .array(rows)])
            }
            out[c.id.chunkString] = .array([.string(c.entityPath.description), .array(c.rowIDs.map { .string($0.rowString) }),
                                            .array(times), .array(columns)])
        }
        return out
    }

    static func expectSameStores(_ a: [ChunkStore], _ b: [ChunkStore], sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.map(\.id) == b.map(\.id), sourceLocation: sourceLocation)
        for (x, y) in zip(a, b) {
            let cx = chunks(x), cy = chunks(y)
            #expect(cx.count == cy.count, sourceLocation: sourceLocation)
            for (id, v) in cx { #expect(cy[id] == v, "chunk \(id) of \(x.id)", sourceLocation: sourceLocation) }
        }
    }

    static let dna: RecordingStream = {
        var rec = RecordingStream(applicationID: "dna", recordingID: "dna-rt", clock: .simulated(start: 1_700_000_000_000_000_000, step: 1_000))
        rec.setTime("stable_time", duration: 0.0)
        let p1 = DNAScene.spiral(angularOffset: 0), p2 = DNAScene.spiral(angularOffset: .pi)
        rec.log("dna/structure/left", Points3D(positions: DNAScene.float3(p1), radii: [0.08], colors: [.red]))
        for i in 0 ..< 20 {
            rec.setTime("stable_time", duration: Double(i) * 0.01)
            rec.log("dna/structure/scaffolding/beads", DNAScene.beads(p1, p2, (0 ..< 100).map { Double($0) / 100 + Double(i) * 0.01 }))
            rec.log("dna/structure", Transform3D(rotation: .axisAngle(RotationAxisAngle(axis: [0, 0, 1], radians: Float(i)))))
        }
        rec.log("world", ViewCoordinates.rightHandZUp, static: true)
        rec.log("any", AnyValues(["a": [1, 2], "b": "x", "c": [true]]))
        rec.log("gone", Points3D.cleared())
        rec.log("img", SDKSamples.image)
        return rec
    }()

    @Test(arguments: [RRDWriter.Compression.lz4, .none])
    func loggedDataRoundTrips(compression: RRDWriter.Compression) throws {
        let bytes = Self.dna.encodedRRD(compression: compression)
        let loaded = try Recording.load(bytes: bytes)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        #expect(loaded.writerVersions == ["0.41.0"])
        Self.expectSameStores(loaded.stores, [Self.dna.store])
        let store = try #require(loaded.recording)
        SDKStoreComparison.expectSameData(store, Self.dna.store, queries: SDKStoreComparison.queries("stable_time", [0, 50_000_000, 190_000_000]),
                                          ignoringValues: [])
    }

    @Test func lz4IsSmallerAndOutputIsDeterministic() {
        let a = Self.dna.encodedRRD(), b = Self.dna.encodedRRD(), raw = Self.dna.encodedRRD(compression: .none)
        #expect(a == b)
        #expect(a.count < raw.count)
        #expect(Array(a.prefix(12)) == Array("RRF2".utf8) + [0, 41, 0, 0, 1, 2, 0, 0])
    }

    /// Every fixture, re-encoded store by store, loads back to the same chunks (all Arrow types of the
    /// fixtures: unions, structs, nested lists, null cells, blueprint stores).
    @Test(arguments: Fixtures.names)
    func fixturesRoundTrip(name: String) throws {
        let original = try Fixtures.load(name)
        let (bytes, skipped) = RRDWriter().encode(original.stores)
        #expect(skipped.isEmpty, "\(skipped)")
        let reloaded = try Recording.load(bytes: bytes)
        #expect(reloaded.warnings.isEmpty, "\(reloaded.warnings)")
        Self.expectSameStores(reloaded.stores, original.stores)
    }

    @Test func saveWritesAFileTheReaderLoads() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("sdk-save-\(getpid()).rrd").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try Self.dna.save(to: path)
        let loaded = try Recording.load(path: path)
        Self.expectSameStores(loaded.stores, [Self.dna.store])
        #expect(throws: SDKFileError.self) { try Self.dna.save(to: "/nonexistent-dir/x.rrd") }
    }
}
