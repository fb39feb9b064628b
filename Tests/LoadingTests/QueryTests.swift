import ArrowIPC
import RecordingModel
import Testing

/// Latest-at, Clear, partial updates, static data, timelines and annotation lookup on the fixtures, checked
/// against the values the fixture scripts logged.
@Suite struct QueryTests {
    static func frame(_ t: Int64) -> LatestAtQuery { LatestAtQuery(timeline: "frame", at: t) }

    func positions(_ store: ChunkStore, _ path: String, _ q: LatestAtQuery) throws -> [SIMD3<Float>]? {
        store.view(Points3DView.self, entity: try EntityPath(parsing: path), query: q)?.positions
    }

    @Test func clearFlatAndRecursive() throws {
        let store = try #require(try Fixtures.load("clear.rrd").recording)
        // Frame 0: everything visible.
        #expect(try positions(store, "scene/a", Self.frame(0)) == [SIMD3(0, 0, 0)])
        #expect(try positions(store, "scene/b/child", Self.frame(0)) == [SIMD3(3, 3, 3)])
        // Frame 1: flat Clear of scene/a hides only scene/a.
        #expect(try positions(store, "scene/a", Self.frame(1)) == nil)
        #expect(try positions(store, "scene/a/child", Self.frame(1)) == [SIMD3(1, 1, 1)])
        #expect(try positions(store, "scene/b", Self.frame(1)) == [SIMD3(2, 2, 2)])
        // Frame 2: recursive Clear of scene/b hides the subtree.
        #expect(try positions(store, "scene/b", Self.frame(2)) == nil)
        #expect(try positions(store, "scene/b/child", Self.frame(2)) == nil)
        #expect(try positions(store, "scene/a/child", Self.frame(2)) == [SIMD3(1, 1, 1)])
        // Before the clears existed they hide nothing; without the Clear rule the data is still there.
        #expect(store.latestAtIgnoringClears("Points3D:positions", entity: try EntityPath(parsing: "scene/b/child"), query: Self.frame(5)) != nil)
        #expect(ClearView.latest(in: store, entity: try EntityPath(parsing: "scene/b"), query: Self.frame(2))?.isRecursive == true)
        #expect(ClearView.latest(in: store, entity: try EntityPath(parsing: "scene/a"), query: Self.frame(2))?.isRecursive == false)
        // A static Clear logged after static data hides it at every time, and for static-only queries.
        #expect(try positions(store, "scene/static_cleared", Self.frame(0)) == nil)
        #expect(try positions(store, "scene/static_cleared", .staticOnly) == nil)
    }

    @Test(arguments: ["partial_updates.rrd", "partial_updates_optimized.rrd"])
    func partialUpdatesAccumulate(file: String) throws {
        let store = try #require(try Fixtures.load(file).recording)
        let p = EntityPath(["p"])
        func view(_ t: Int64) -> Points3DView? { store.view(Points3DView.self, entity: p, query: Self.frame(t)) }
        #expect(view(-1) == nil)
        #expect(view(0)?.positions == [SIMD3(1, 2, 3)])
        #expect(view(0)?.colors.values == [0xFF00_00FF])
        // Only positions logged: the colour stays.
        #expect(view(1)?.positions == [SIMD3(4, 5, 6)])
        #expect(view(1)?.colors.values == [0xFF00_00FF])
        // Only colours logged: the positions stay.
        #expect(view(2)?.positions == [SIMD3(4, 5, 6)])
        #expect(view(2)?.colors.values == [0x00FF_00FF])
        // Points3D.cleared(): every field written as an empty list → zero instances (not "absent").
        #expect(view(3)?.count == 0)
        #expect(view(3)?.colors.isEmpty == true)
        // clear_unset with radii: radii set, the rest empty.
        #expect(view(4)?.count == 0)
        #expect(view(4)?.radii.values == [1.0])
        // Null cells (optimized file) and absent columns both mean "not written": same answers, also via the cursor.
        var cursor = LatestAtCursor(store: store, entity: p, view: Points3DView.self, timeline: "frame")
        for t: Int64 in -1 ... 5 {
            let a = cursor.view(Points3DView.self, at: t), b = view(t)
            #expect(a?.positions == b?.positions && a?.colors.values == b?.colors.values && a?.radii.values == b?.radii.values)
        }
    }

    @Test func timelinesOfAllKindsAndStaticData() throws {
        let recording = try Fixtures.load("timelines.rrd")
        let store = try #require(recording.recording)
        let kinds = store.timelines.mapValues(\.timeline.kind)
        #expect(kinds == ["frame": .sequence, "elapsed": .duration, "wall_clock": .timestamp, "log_time": .timestamp])
        #expect(store.timelines["frame"]?.range == 7 ... 104)
        #expect(store.timelines["elapsed"]?.range == 0 ... 1_000_000_000)
        let sensor = EntityPath(["sensor"])
        for i in 0 ..< 5 {
            let byFrame = store.view(ScalarsView.self, entity: sensor, query: Self.frame(100 + Int64(i)))
            let byElapsed = store.view(ScalarsView.self, entity: sensor, query: LatestAtQuery(timeline: "elapsed", at: Int64(i) * 250_000_000))
            #expect(byFrame?.scalars == [Double(i) * 1.5])
            #expect(byElapsed?.scalars == [Double(i) * 1.5])
        }
        // 2024-01-02T03:04:05Z + 40 ms steps.
        let base: Int64 = 1_704_164_645_000_000_000
        #expect(store.view(ScalarsView.self, entity: sensor, query: LatestAtQuery(timeline: "wall_clock", at: base + 80_000_000))?.scalars == [3.0])
        #expect(store.view(ScalarsView.self, entity: sensor, query: LatestAtQuery(timeline: "wall_clock", at: base - 1)) == nil)
        // Data logged only on another timeline is invisible.
        #expect(store.view(ScalarsView.self, entity: EntityPath(["only_frame"]), query: LatestAtQuery(timeline: "wall_clock", at: .max)) == nil)
        #expect(store.view(ScalarsView.self, entity: EntityPath(["only_frame"]), query: Self.frame(7))?.scalars == [42.0])
        #expect(store.view(ScalarsView.self, entity: EntityPath(["only_frame"]), query: Self.frame(6)) == nil)
        // Static data is visible on every timeline and for static-only queries.
        let config = EntityPath(["config"])
        #expect(store.view(TextDocumentView.self, entity: config, query: .staticOnly)?.text == "static configuration")
        #expect(store.view(TextDocumentView.self, entity: config, query: Self.frame(-1000))?.text == "static configuration")
        #expect(store.hasStaticData(entity: config, component: "TextDocument:text"))
        // Range query over the sensor.
        let cells = store.range("Scalars:scalars", entity: sensor, timeline: "frame", times: 101 ... 103)
        #expect(cells.map { $0.scalars(Double.self) } == [[1.5], [3.0], [4.5]])
    }

    @Test func annotationContextFoundUpTheHierarchy() throws {
        let store = try #require(try Fixtures.load("images.rrd").recording)
        let (holder, context) = try #require(store.annotationContext(for: try EntityPath(parsing: "segmentation/image"), query: Self.frame(0)))
        #expect(holder == EntityPath(["segmentation"]))
        #expect(context.description(of: 1)?.info == AnnotationInfo(id: 1, label: "left", color: UInt32(0xFF00_00FF)))
        #expect(context.description(of: 2)?.info.color == 0x0000_FFFF)
        #expect(context.description(of: 0)?.info.label == "background")
        #expect(store.annotationContext(for: try EntityPath(parsing: "images/rgb_u8"), query: Self.frame(0)) == nil)
        let seg = try #require(store.view(SegmentationImageView.self, entity: try EntityPath(parsing: "segmentation/image"), query: Self.frame(0)))
        #expect(seg.format.width == 24 && seg.format.height == 16 && seg.buffer.count == 24 * 16)
        #expect(seg.opacity == 0.5)
        let depth = try #require(store.view(DepthImageView.self, entity: try EntityPath(parsing: "camera/depth"), query: Self.frame(0)))
        #expect(depth.meter == 1000 && depth.colormap == 6 && depth.format.channelDatatype == 8)
        let pinhole = try #require(store.view(PinholeView.self, entity: EntityPath(["camera"]), query: Self.frame(0)))
        #expect(pinhole.resolution == SIMD2(24, 16))
        #expect(pinhole.imageFromCamera[0] == 20 && pinhole.cameraXYZ == SIMD3(3, 2, 5))
    }

    @Test func transformGroupAndTypedTransforms() throws {
        let store = try #require(try Fixtures.load("transforms.rrd").recording)
        let spinning = try EntityPath(parsing: "world/spinning")
        let t = try #require(store.view(Transform3DView.self, entity: spinning, query: Self.frame(2)))
        #expect(t.rotationAxisAngle == RotationAxisAngle(axis: SIMD3(0, 1, 0), angle: 1.0))
        #expect(t.translation == nil)
        let translated = try #require(store.view(Transform3DView.self, entity: try EntityPath(parsing: "world/translated"), query: .staticOnly))
        #expect(translated.translation == SIMD3(1, 2, 3))
        #expect(store.view(ViewCoordinatesView.self, entity: EntityPath(["world"]), query: .staticOnly)?.xyz == SIMD3(3, 5, 1))
    }

    @Test func customAndAnyValuesColumnsAreKept() throws {
        let store = try #require(try Fixtures.load("custom.rrd").recording)
        let any = store.components(of: EntityPath(["any"]))
        #expect(any.map(\.component) == ["confidence", "counts", "description", "flags"])
        #expect(any.allSatisfy { $0.archetype == nil && $0.componentType == nil })
        let custom = store.components(of: try EntityPath(parsing: "custom/points"))
        let conf = try #require(custom.first { $0.component == "user.CustomPoints3D:confidences" })
        #expect(conf.componentType == "user.Confidence" && conf.archetypeField == "confidences")
        let cell = try #require(store.latestAt("user.CustomPoints3D:confidences", entity: try EntityPath(parsing: "custom/points"), query: Self.frame(0)))
        #expect(cell.scalars(Float.self) == [0.5, 0.75, 1.0])
        #expect(store.view(Points3DView.self, entity: try EntityPath(parsing: "custom/points"), query: Self.frame(0))?.count == 3)
    }

    @Test func dnaCursorMatchesStoreQueries() throws {
        let store = try #require(try Fixtures.load("dna.rrd").recording)
        let beads = try EntityPath(parsing: "dna/structure/scaffolding/beads")
        let structure = try EntityPath(parsing: "dna/structure")
        var beadCursor = LatestAtCursor(store: store, entity: beads, view: Points3DView.self, timeline: "stable_time")
        var transformCursor = LatestAtCursor(store: store, entity: structure, view: Transform3DView.self, timeline: "stable_time")
        let range = try #require(store.timelines["stable_time"]?.range)
        var checked = 0
        for t in stride(from: range.lowerBound - 1, through: range.upperBound + 1, by: Int(range.count / 97)) {
            let q = LatestAtQuery(timeline: "stable_time", at: t)
            let a = beadCursor.view(Points3DView.self, at: t), b = store.view(Points3DView.self, entity: beads, query: q)
            #expect(a?.positions == b?.positions && a?.colors.values == b?.colors.values)
            #expect(transformCursor.view(Transform3DView.self, at: t)?.rotationAxisAngle
                == store.view(Transform3DView.self, entity: structure, query: q)?.rotationAxisAngle)
            checked += b == nil ? 0 : 1
        }
        #expect(checked > 90)
        // Backwards moves fall back to a search and still agree.
        let mid = range.lowerBound + Int64(range.count / 2)
        #expect(beadCursor.view(Points3DView.self, at: mid)?.positions
            == store.view(Points3DView.self, entity: beads, query: LatestAtQuery(timeline: "stable_time", at: mid))?.positions)
    }
}
