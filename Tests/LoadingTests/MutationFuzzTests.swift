import ArrowIPC
import Foundation
import RRDFormat
import RecordingModel
import Testing
import TestSupport

/// Seeded mutation fuzzing: fixtures (and their decompressed Arrow IPC payloads) with random bit flips, byte
/// overwrites, large integers, truncations and spliced ranges. Every input must decode or fail with a typed
/// error; a crash or hang fails the run. Whatever loads is also queried through every archetype view.
///
/// Iterations: `RRD_FUZZ_ITERATIONS` (default 100,000 in release builds, 5,000 in debug builds), seed
/// `RRD_FUZZ_SEED` (default 1). The count run and the time taken are printed.
@Suite struct MutationFuzzTests {
    static let iterations: Int = {
        if let s = ProcessInfo.processInfo.environment["RRD_FUZZ_ITERATIONS"], let n = Int(s) { return n }
        #if DEBUG
        return 5_000
        #else
        return 100_000
        #endif
    }()

    static let seed = UInt64(ProcessInfo.processInfo.environment["RRD_FUZZ_SEED"] ?? "") ?? 1

    static let viewTypes: [any ArchetypeView.Type] = [
        Points3DView.self, Points2DView.self, LineStrips3DView.self, LineStrips2DView.self, Boxes3DView.self, Boxes2DView.self,
        Arrows3DView.self, Arrows2DView.self, Mesh3DView.self, Asset3DView.self, ImageView.self, EncodedImageView.self,
        DepthImageView.self, SegmentationImageView.self, PinholeView.self, Transform3DView.self, InstancePoses3DView.self,
        ViewCoordinatesView.self, AnnotationContextView.self, ScalarsView.self, SeriesLinesView.self, SeriesPointsView.self,
        BarChartView.self, TensorView.self, TextDocumentView.self, TextLogView.self,
    ]

    static func mutate(_ input: [UInt8], _ rng: inout SplitMix64) -> [UInt8] {
        var b = input
        guard !b.isEmpty else { return b }
        for _ in 0 ..< 1 + Int(rng.next() % 4) {
            let at = Int(rng.next() % UInt64(b.count))
            switch rng.next() % 7 {
            case 0: b[at] ^= 1 << UInt8(rng.next() % 8)
            case 1: b[at] = UInt8(truncatingIfNeeded: rng.next())
            case 2:  // a large or boundary little-endian integer
                let values: [UInt64] = [0, 1, 0x7F, 0xFF, 0xFFFF, 0x7FFF_FFFF, 0xFFFF_FFFF, 1 << 32, .max, UInt64(b.count)]
                let v = values[Int(rng.next() % UInt64(values.count))]
                for k in 0 ..< min(8, b.count - at) { b[at + k] = UInt8(truncatingIfNeeded: v >> (8 * k)) }
            case 3: b.removeSubrange(at...)
            case 4:  // duplicate a range
                let n = min(Int(rng.next() % 64), b.count - at)
                b.insert(contentsOf: b[at ..< at + n], at: Int(rng.next() % UInt64(b.count)))
            case 5:  // delete a range
                b.removeSubrange(at ..< min(b.count, at + 1 + Int(rng.next() % 32)))
            default:  // zero a run
                for k in at ..< min(b.count, at + 1 + Int(rng.next() % 16)) { b[k] = 0 }
            }
            if b.isEmpty { break }
        }
        return b
    }

    static func exercise(_ recording: Recording, _ rng: inout SplitMix64) {
        for store in recording.stores {
            let entities = store.entityPaths
            guard !entities.isEmpty else { continue }
            let entity = entities[Int(rng.next() % UInt64(entities.count))]
            let query = store.timelines.first.map { LatestAtQuery(timeline: $0.key, at: $0.value.range.upperBound) } ?? .staticOnly
            for v in viewTypes { _ = store.view(v, entity: entity, query: query) }
        }
    }

    @Test func mutatedInputsNeverCrash() throws {
        let files = ["points_uncompressed.rrd", "points.rrd", "timelines.rrd", "tensor_text.rrd", "custom.rrd", "geometry.rrd",
                     "clear.rrd", "images.rrd", "transforms.rrd", "partial_updates_optimized.rrd"]
        let seeds = try files.map { try Fixtures.bytes($0) }
        // Decompressed IPC payloads, so that mutations reach the Arrow reader behind LZ4.
        var payloads: [[UInt8]] = []
        for bytes in seeds.prefix(6) {
            let source = RRDSource(bytes: bytes)
            for (_, m) in try RRDBuilder.payloads(of: bytes) {
                let raw = try decompressedPayload(m, source)
                if !raw.isEmpty { payloads.append(raw) }
            }
        }
        var rng = SplitMix64(seed: Self.seed)
        var loaded = 0, failed = 0, ipcDecoded = 0
        let clock = ContinuousClock()
        let start = clock.now
        for i in 0 ..< Self.iterations {
            if i % 2 == 0 {
                let input = Self.mutate(seeds[Int(rng.next() % UInt64(seeds.count))], &rng)
                do {
                    let r = try Recording.load(bytes: input)
                    loaded += 1
                    Self.exercise(r, &rng)
                } catch {
                    failed += 1
                    #expect(error.offset <= input.count + 16)
                }
            } else {
                let input = Self.mutate(payloads[Int(rng.next() % UInt64(payloads.count))], &rng)
                if let s = try? ArrowIPCStream.decode(ArrowStorage(input)) {
                    ipcDecoded += 1
                    var warnings: [String] = []
                    for batch in s.batches {
                        for column in batch.columns { _ = (0 ..< min(column.length, 64)).map { ArrowJSON.value(column, $0) } }
                        if let chunk = try? Chunk(recordBatch: batch, fallbackID: nil, warnings: &warnings) {
                            var store = ChunkStore(id: StoreID(kind: .recording, recordingID: "fuzz"))
                            store.insert(chunk)
                            Self.exercise(Recording(stores: [store]), &rng)
                        }
                    }
                }
            }
        }
        let elapsed = clock.now - start
        print("mutation fuzz: \(Self.iterations) inputs (seed \(Self.seed)) in \(elapsed): files loaded \(loaded), rejected \(failed); IPC payloads decoded \(ipcDecoded) of \(Self.iterations / 2)")
        #expect(loaded + failed == (Self.iterations + 1) / 2)
        #expect(failed > 0 && loaded > 0)
    }

    /// The Arrow IPC bytes of a message: every decoded array references the one storage holding them.
    func decompressedPayload(_ m: ArrowMessage, _ source: RRDSource) throws -> [UInt8] {
        let stream = try m.decodePayload(from: source)
        guard let b = stream.batches.first?.columns.first?.buffers.first else { return [] }
        return Array(UnsafeRawBufferPointer(start: b.storage.base, count: b.storage.count))
    }
}
