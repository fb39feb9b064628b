import ArrowIPC
import RRDFormat
import RecordingModel
import Testing
import TestSupport

/// Hostile and damaged files: each gives a typed error naming the offset, or a warning with the rest loaded.
@Suite struct BadInputTests {
    static func frameOffsets(_ bytes: [UInt8]) throws -> [(offset: Int, end: Int, isArrow: Bool)] {
        var d = RRDDecoder(source: RRDSource(bytes: bytes))
        var out: [(Int, Int, Bool)] = []
        while let f = try d.next() {
            if case .arrow = f.message { out.append((f.offset, f.offset + 16 + f.length, true)) } else { out.append((f.offset, f.offset + 16 + f.length, false)) }
        }
        return out
    }

    @Test(arguments: ["points.rrd", "blueprint.rrd", "no_footer.rrd"])
    func truncationAtEveryMessageBoundary(file: String) throws {
        let bytes = try Fixtures.bytes(file)
        let frames = try Self.frameOffsets(bytes)
        for (k, f) in frames.enumerated() {
            // Cut exactly before frame k: a valid (footer-less) stream holding the chunks before it.
            let loaded = try Recording.load(bytes: Array(bytes[0 ..< f.offset]))
            let expectedChunks = frames[..<k].filter(\.isArrow).count
            #expect(loaded.stores.reduce(0) { $0 + $1.chunks.count } == expectedChunks)
            // Cut inside the frame header and inside the body: a truncation error at the frame's offset or later.
            for cut in [f.offset + 7, f.offset + 16 + (f.end - f.offset - 16) / 2] where cut < f.end {
                do {
                    _ = try Recording.load(bytes: Array(bytes[0 ..< cut]))
                    Issue.record("\(file) cut at \(cut) loaded without error")
                } catch {
                    guard case .truncated(let offset, _, _, _) = error else { Issue.record("\(error)"); continue }
                    #expect(offset >= f.offset && offset <= cut)
                }
            }
        }
    }

    @Test func truncationAtRandomOffsets() throws {
        let bytes = try Fixtures.bytes("dna.rrd")
        var rng = SplitMix64(seed: 42)
        for _ in 0 ..< 200 {
            let cut = Int(rng.next() % UInt64(bytes.count))
            do {
                let r = try Recording.load(bytes: Array(bytes[0 ..< cut]))
                #expect(r.stores.reduce(0) { $0 + $1.chunks.count } <= 7)
            } catch {
                #expect(error.offset <= cut, "\(error)")
            }
        }
    }

    @Test func wrongMagicAndOldStreams() throws {
        var bytes = try Fixtures.bytes("points.rrd")
        bytes[3] = UInt8(ascii: "1")
        #expect(throws: RRDError.badMagic(offset: 0, found: Array("RRF1".utf8))) { try Recording.load(bytes: bytes) }
        bytes = try Fixtures.bytes("points.rrd")
        bytes[9] = 1  // MsgPack serializer (Rerun ≤ 0.22)
        #expect { try Recording.load(bytes: bytes) } throws: { ($0 as? RRDError)?.offset == 9 }
        bytes = try Fixtures.bytes("points.rrd")
        bytes[5] = 22  // version 0.22
        #expect { try Recording.load(bytes: bytes) } throws: { ($0 as? RRDError)?.offset == 4 }
        #expect(throws: RRDError.self) { try Recording.load(bytes: []) }
        #expect(throws: RRDError.self) { try Recording.load(bytes: Array("not an rrd file at all".utf8)) }
    }

    @Test func declaredLengthsOf4GiBAndPastTheEnd() throws {
        var bytes = try Fixtures.bytes("points.rrd")
        let first = try Self.frameOffsets(bytes)[0].offset
        for (k, b) in RRDBuilder.u64(1 << 32).enumerated() { bytes[first + 8 + k] = b }
        #expect(throws: RRDError.lengthTooLarge(offset: first + 8, length: 1 << 32, what: "message body")) { try Recording.load(bytes: bytes) }
        for (k, b) in RRDBuilder.u64(UInt64(bytes.count)).enumerated() { bytes[first + 8 + k] = b }
        #expect { try Recording.load(bytes: bytes) } throws: {
            guard case .truncated(let o, _, _, _) = $0 as? RRDError else { return false }
            return o == first + 16
        }
        // An unknown message kind names its offset.
        bytes = try Fixtures.bytes("points.rrd")
        bytes[first] = 9
        #expect(throws: RRDError.unknownMessageKind(offset: first, kind: 9)) { try Recording.load(bytes: bytes) }
    }

    @Test func lyingUncompressedSize() throws {
        let (payload, message) = try #require(try RRDBuilder.payloads(of: Fixtures.bytes("points.rrd")).first)
        #expect(message.compression == .lz4)
        let truth = message.uncompressedSize
        for lie in [truth - 1, truth + 1, truth * 2, UInt64(payload.count) * 1000, 1 << 40] {
            let file = RRDBuilder.header + RRDBuilder.arrowMsg(payload: payload, compression: 2, uncompressedSize: lie)
            let r = try Recording.load(bytes: file)
            #expect(r.stores.allSatisfy { $0.chunks.isEmpty })
            #expect(r.warnings.count == 1 && r.warnings[0].offset == 12 && r.warnings[0].message.contains("LZ4"), "\(r.warnings)")
        }
        // The truth loads.
        let ok = try Recording.load(bytes: RRDBuilder.header + RRDBuilder.arrowMsg(payload: payload, compression: 2, uncompressedSize: truth))
        #expect(ok.warnings.isEmpty && ok.stores.first?.chunks.count == 1)
    }

    /// Decompressed IPC bytes of the points fixture's temporal Points3D chunk, and its decoded stream.
    static func ipcPayload() throws -> ([UInt8], ArrowIPCStream) {
        let source = RRDSource(bytes: try Fixtures.bytes("points_uncompressed.rrd"))
        let messages = try RRDBuilder.payloads(of: Array(source.bytes))
        for (payload, m) in messages {
            let stream = try m.decodePayload(from: source)
            if stream.batches.first?.length == 3 { return (payload, stream) }
        }
        throw RRDError.badArrowMessage(offset: 0, reason: "fixture chunk not found")
    }

    @Test func arrowOffsetsAndBuffersOutOfBounds() throws {
        let (payload, stream) = try Self.ipcPayload()
        let batch = try #require(stream.batches.first)
        let listIndex = try #require(batch.schema.fields.firstIndex { $0.name == "Points3D:positions" })
        let offsets = batch.columns[listIndex].buffers[0]
        // 1. A list offset pointing far past its child: typed error, no trap.
        var bad = payload
        let lastOffset = offsets.offset + 4 * batch.length
        for (k, b) in withUnsafeBytes(of: Int32(1_000_000).littleEndian, Array.init).enumerated() { bad[lastOffset + k] = b }
        #expect { try ArrowIPCStream.decode(ArrowStorage(bad)) } throws: {
            guard case .outOfBounds = $0 as? ArrowIPCError else { return false }
            return true
        }
        // 2. Decreasing offsets.
        bad = payload
        for (k, b) in withUnsafeBytes(of: Int32(-5).littleEndian, Array.init).enumerated() { bad[offsets.offset + 4 + k] = b }
        #expect(throws: ArrowIPCError.self) { try ArrowIPCStream.decode(ArrowStorage(bad)) }
        // 3. A Buffer struct in the RecordBatch metadata whose length runs past the body.
        let all = try #require(bodyBuffers(payload: payload, stream: stream))
        bad = payload
        let pattern = RRDBuilder.u64(UInt64(all.offsetInBody)) + RRDBuilder.u64(UInt64(all.length))
        let at = try #require(find(pattern, in: bad))
        for (k, b) in RRDBuilder.u64(1 << 40).enumerated() { bad[at + 8 + k] = b }
        #expect { try ArrowIPCStream.decode(ArrowStorage(bad)) } throws: {
            guard case .outOfBounds = $0 as? ArrowIPCError else { return false }
            return true
        }
        // Through the whole loader: a warning naming the message, the rest loaded.
        let good = RRDBuilder.arrowMsg(payload: payload, compression: 1, uncompressedSize: UInt64(payload.count))
        let file = RRDBuilder.header + RRDBuilder.arrowMsg(payload: bad, compression: 1, uncompressedSize: UInt64(bad.count)) + good
        let r = try Recording.load(bytes: file)
        #expect(r.warnings.map(\.offset) == [12])
        #expect(r.stores.first?.chunks.count == 1)
    }

    /// The offset/length of the last non-empty buffer of the payload's record batch, relative to the body.
    func bodyBuffers(payload: [UInt8], stream: ArrowIPCStream) -> (offsetInBody: Int, length: Int)? {
        guard let batch = stream.batches.first else { return nil }
        // Body start = end of the record batch metadata; the row-id values buffer is the second buffer.
        let rowIDs = batch.columns[batch.schema.fields.firstIndex { $0.name == "rerun.controls.RowId" }!]
        let values = rowIDs.buffers[0]
        // Buffers are 64-byte aligned inside the body; the row-id buffer is at body offset 64 (after the validity bitmap slot).
        for bodyStart in stride(from: values.offset, through: 0, by: -8) {
            let rel = values.offset - bodyStart
            let pattern = RRDBuilder.u64(UInt64(rel)) + RRDBuilder.u64(UInt64(values.count))
            if find(pattern, in: Array(payload[0 ..< bodyStart])) != nil { return (rel, values.count) }
        }
        return nil
    }

    func find(_ pattern: [UInt8], in bytes: [UInt8]) -> Int? {
        guard bytes.count >= pattern.count else { return nil }
        for i in 0 ... bytes.count - pattern.count where bytes[i] == pattern[0] && Array(bytes[i ..< i + pattern.count]) == pattern {
            return i
        }
        return nil
    }
}

