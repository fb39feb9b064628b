import ArrowIPC
import RecordingModel
import Testing

/// Every fixture decodes to exactly what the reference decoder (`rrd_dump.py`) wrote in `expected/*.json`:
/// entities, static flags, row ids, timelines (kind, Arrow type, values), component descriptors and Arrow
/// types, and every listed value (with the JSON's 8-element truncation applied to our values too).
@Suite struct FixtureContentTests {
    @Test(arguments: Fixtures.names)
    func matchesReferenceDecoder(name: String) throws {
        let recording = try Fixtures.load(name)
        #expect(recording.warnings.isEmpty, "\(recording.warnings)")
        let expected = try JSONValue.parse(file: Fixtures.expectedPath(name))
        let streams = try #require(expected["streams"]?.array)
        #expect(recording.streamCount == streams.count)
        let expectedChunks = streams.flatMap { $0["chunks"]?.array ?? [] }

        var actualChunks: [String: (StoreID, Chunk)] = [:]
        for store in recording.stores { for c in store.chunks { actualChunks[c.id.chunkString] = (store.id, c) } }
        #expect(actualChunks.count == expectedChunks.count)

        for e in expectedChunks {
            let id = try #require(e["chunk_id"]?.string)
            guard let (storeID, chunk) = actualChunks[id] else {
                Issue.record("chunk \(id) missing")
                continue
            }
            #expect(storeID.recordingID == e["store"]?["recording_id"]?.string)
            #expect(storeID.kind.rawValue == e["store"]?["kind"]?.string)
            #expect(chunk.entityPath.description == e["entity_path"]?.string)
            #expect(chunk.isStatic == e["is_static"]?.bool)
            #expect(Int64(chunk.rowCount) == e["num_rows"]?.int)
            #expect(JSONValue.array(chunk.rowIDs.map { .string($0.rowString) }).truncated(8) == e["row_ids"], "row ids of \(id)")

            let timelines = e["timelines"]?.array ?? []
            #expect(chunk.timeColumns.count == timelines.count)
            for t in timelines {
                let tc = try #require(chunk.timeColumn(t["name"]!.string!))
                #expect(tc.timeline.kind.rawValue == t["type"]?.string)
                #expect(JSONValue.array(tc.times.map { .int($0) }).truncated(8) == t["values"], "\(id) \(tc.timeline.name)")
            }

            let components = e["components"]?.array ?? []
            #expect(chunk.components.count == components.count)
            for ec in components {
                let name = try #require(ec["component"]?.string)
                let column = try #require(chunk.column(name), "\(id): no column \(name)")
                #expect(column.descriptor.archetype == ec["archetype"]?.string)
                #expect(column.descriptor.componentType == ec["component_type"]?.string)
                #expect(column.descriptor.archetypeField == ec["archetype_field"]?.string)
                #expect(column.cells.type.description == ec["arrow_type"]?.string)
                let rows: [JSONValue] = (0 ..< column.rowCount).map { r in
                    guard let range = column.instanceRange(row: r) else { return .null }
                    return .array(range.map { ArrowJSON.value(column.values, $0) })
                }
                let actual = JSONValue.array(rows).truncated(8)
                #expect(actual == ec["values"], "\(name) in \(chunk.entityPath):\n  got \(actual)\n  expected \(ec["values"] ?? .null)")
            }
        }
    }
}
