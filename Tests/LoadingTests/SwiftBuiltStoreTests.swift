import ArrowIPC
import RecordingModel
import Testing

/// Stores filled from Swift values (the path the logging SDK takes): static versus temporal, row-id ties,
/// the atomic Transform3D group, out-of-order insertion, and Clears built by hand.
@Suite struct SwiftBuiltStoreTests {
    static let entity = EntityPath(["e"])
    static let frame = Timeline(name: "frame", kind: .sequence)

    static func row(_ n: UInt64) -> RowID { RowID(timeNanos: 1000 + n, increment: n) }

    /// A one-row chunk with one Float32-scalar component (or several).
    static func chunk(_ entity: EntityPath = entity, time: Int64?, row: UInt64, _ columns: [(String, ArrowArray)]) throws -> Chunk {
        try Chunk(id: ChunkID(timeNanos: 1, increment: row), entityPath: entity, rowIDs: [Self.row(row)],
                  timeColumns: time.map { [TimeColumn(timeline: frame, times: [$0])] } ?? [],
                  components: columns.map { ComponentColumn(descriptor: ComponentDescriptor(component: $0.0), values: $0.1, lengths: [$0.1.length]) })
    }

    static func f(_ v: Float...) -> ArrowArray { .primitive(v) }
    static func q(_ t: Int64) -> LatestAtQuery { LatestAtQuery(timeline: "frame", at: t) }

    @Test func staticWinsAndTiesGoToTheHigherRowID() throws {
        var store = ChunkStore(id: StoreID(kind: .recording, recordingID: "test"))
        // Inserted out of order on purpose.
        store.insert(try Self.chunk(time: 10, row: 5, [("x", Self.f(2))]))
        store.insert(try Self.chunk(time: 10, row: 3, [("x", Self.f(1))]))
        store.insert(try Self.chunk(time: 5, row: 9, [("x", Self.f(0))]))
        #expect(store.latestAt("x", entity: Self.entity, query: Self.q(4)) == nil)
        #expect(store.latestAt("x", entity: Self.entity, query: Self.q(7))?.scalars(Float.self) == [0])
        #expect(store.latestAt("x", entity: Self.entity, query: Self.q(10))?.scalars(Float.self) == [2])
        // A static write shadows every temporal one, whatever the time; the later static write wins.
        store.insert(try Self.chunk(time: nil, row: 20, [("x", Self.f(7))]))
        store.insert(try Self.chunk(time: nil, row: 15, [("x", Self.f(6))]))
        #expect(store.latestAt("x", entity: Self.entity, query: Self.q(4))?.scalars(Float.self) == [7])
        #expect(store.latestAt("x", entity: Self.entity, query: Self.q(100))?.index.isStatic == true)
    }

    @Test func transformGroupIsAtomic() throws {
        var store = ChunkStore(id: StoreID(kind: .recording, recordingID: "test"))
        let translation = ArrowArray.fixedSizeList(.primitive([Float(1), 2, 3]), size: 3)
        let scale = ArrowArray.fixedSizeList(.primitive([Float(2), 2, 2]), size: 3)
        store.insert(try Self.chunk(time: 0, row: 1, [("Transform3D:translation", translation)]))
        store.insert(try Self.chunk(time: 1, row: 2, [("Transform3D:scale", scale)]))
        let t0 = try #require(store.view(Transform3DView.self, entity: Self.entity, query: Self.q(0)))
        #expect(t0.translation == SIMD3(1, 2, 3) && t0.scale == nil)
        // Logging only a scale drops the earlier translation.
        let t1 = try #require(store.view(Transform3DView.self, entity: Self.entity, query: Self.q(1)))
        #expect(t1.translation == nil && t1.scale == SIMD3(2, 2, 2))
        // Per-component latest-at (no group rule) still sees both.
        #expect(store.latestAt(["Transform3D:translation", "Transform3D:scale"], entity: Self.entity, query: Self.q(1)).cells.count == 2)
    }

    @Test func clearAtSameTimeHidesOlderRowsOnly() throws {
        var store = ChunkStore(id: StoreID(kind: .recording, recordingID: "test"))
        let child = Self.entity.child("c")
        store.insert(try Self.chunk(child, time: 3, row: 1, [("x", Self.f(1))]))
        store.insert(try Self.chunk(time: 3, row: 2, [(ClearQuery.component, .bools([true]))]))
        #expect(store.latestAt("x", entity: child, query: Self.q(3)) == nil)
        // Data written at the same time after the Clear (higher row id) survives.
        store.insert(try Self.chunk(child, time: 3, row: 4, [("x", Self.f(2))]))
        #expect(store.latestAt("x", entity: child, query: Self.q(3))?.scalars(Float.self) == [2])
        // A temporal Clear never hides static data.
        store.insert(try Self.chunk(child, time: nil, row: 0, [("s", Self.f(9))]))
        #expect(store.latestAt("s", entity: child, query: Self.q(10))?.scalars(Float.self) == [9])
    }

    @Test func clampingRepeatsTheLastValue() {
        let c = Clamped<Float>([1, 2])
        #expect((0 ..< 4).map { c[$0] } == [1, 2, 2, 2])
        #expect(Clamped<Float>([])[0] == nil)
        #expect(Clamped<Float>([5]).broadcast(to: 3) == [5, 5, 5])
    }

    @Test func entityPathParsingAndEscaping() throws {
        let p = try EntityPath(parsing: "/world/a\\ b/c\\/d")
        #expect(p.parts == ["world", "a b", "c/d"])
        #expect(p.description == "/world/a\\ b/c\\/d")
        #expect(try EntityPath(parsing: p.description) == p)
        #expect(try EntityPath(parsing: "world//points/") == EntityPath(["world", "points"]))
        #expect(try EntityPath(parsing: "/").isRoot)
        #expect(p.parent == EntityPath(["world", "a b"]))
        #expect(p.ancestors.map(\.description) == ["/world/a\\ b", "/world", "/"])
        #expect(try EntityPath(parsing: "x\\u{e9}") == EntityPath(["x\u{e9}"]))
        #expect(throws: EntityPathError.self) { try EntityPath(parsing: "bad\\") }
        #expect(EntityPath(["a", "b"]).isDescendant(orSelfOf: EntityPath(["a"])))
        #expect(!EntityPath(["ab"]).isDescendant(orSelfOf: EntityPath(["a"])))
    }

    /// A chunk of rows holding `counts[k]` instances of `FixedSizeList<Float>[size]` each, at times 0, 1, 2, …,
    /// with lane `c` of instance `i` of row `k` equal to `value(k, i, c)`.
    static func listRows(size: Int, _ counts: [Int], _ value: (Int, Int, Int) -> Float) throws -> ChunkStore {
        var floats: [Float] = []
        for (k, n) in counts.enumerated() { for i in 0..<n { for c in 0..<size { floats.append(value(k, i, c)) } } }
        let chunk = try Chunk(id: ChunkID(timeNanos: 1, increment: 1), entityPath: entity, rowIDs: (1...counts.count).map { row(UInt64($0)) },
                              timeColumns: [TimeColumn(timeline: frame, times: (0..<counts.count).map(Int64.init))],
                              components: [ComponentColumn(descriptor: ComponentDescriptor(component: "v"),
                                                           values: .fixedSizeList(.primitive(floats), size: size), lengths: counts)])
        var store = ChunkStore(id: StoreID(kind: .recording, recordingID: "test"))
        store.insert(chunk)
        return store
    }

    @Test func vectorsReadEachRowsInstancesWithZeroPadding() throws {
        // Rows of 1, 2 and 9 instances in one chunk: the later rows' cells start inside the list array, and the last
        // triple of each is read by lanes (its neighbour's first float is never part of it).
        let counts = [1, 2, 9]
        func value(_ k: Int, _ i: Int, _ c: Int) -> Float {
            k == 2 && i == 4 && c == 2 ? .infinity : Float(100 * k + i) - Float(c) * 0.25
        }
        for size in 2...4 {
            let store = try Self.listRows(size: size, counts, value)
            for (t, n) in counts.enumerated() {
                let cell = try #require(store.latestAt("v", entity: Self.entity, query: Self.q(Int64(t))))
                func expected(_ c: Int) -> [Float] { (0..<n).map { value(t, $0, c) } }
                switch size {
                case 2:
                    let read = cell.vec2()
                    #expect(read.map(\.x) == expected(0) && read.map(\.y) == expected(1), "row \(t)")
                    #expect(cell.vec3().isEmpty && cell.vec4().isEmpty)
                case 3:
                    let read = cell.vec3()
                    #expect(read.map(\.x) == expected(0) && read.map(\.y) == expected(1) && read.map(\.z) == expected(2), "row \(t)")
                    #expect(read.allSatisfy { unsafeBitCast($0, to: SIMD4<UInt32>.self)[3] == 0 }, "row \(t): padding lane")
                    // Another list size is a type mismatch, never a misread.
                    #expect(cell.vec2().isEmpty && cell.vec4().isEmpty)
                default:
                    let read = cell.vec4()
                    #expect((0..<4).allSatisfy { c in read.map { $0[c] } == expected(c) }, "row \(t)")
                    #expect(cell.vec2().isEmpty && cell.vec3().isEmpty)
                }
            }
        }
    }
}
