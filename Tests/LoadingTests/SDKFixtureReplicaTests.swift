import ArrowIPC
import Foundation
import RecordingModel
import RecordingSDK
import Testing

/// The deterministic fixture scripts (`Fixtures/scripts/*.py`) re-logged from Swift: the stores must hold
/// the same entities, descriptors, Arrow types, static flags and latest-at values as the files rerun-sdk 0.41
/// wrote. Entities whose values come from NumPy's PCG64 generator or from image codecs are skipped (named
/// in each test).
@Suite struct SDKFixtureReplicaTests {
    static func stream(_ app: String, _ id: String) -> RecordingStream {
        RecordingStream(applicationID: app, recordingID: id, clock: .simulated(start: 1_795_698_000_000_000_000, step: 1_000))
    }

    static func fixture(_ name: String) throws -> ChunkStore { try #require(Fixtures.load(name).recording) }

    @Test func partialUpdates() throws {
        var rec = Self.stream("fixture_partial_updates", "fixture-partial-updates")
        rec.setTime("frame", sequence: 0)
        rec.log("p", Points3D(positions: [[1, 2, 3]], colors: [Color(r: 255, g: 0, b: 0)]))
        rec.setTime("frame", sequence: 1)
        rec.log("p", Points3D(positions: [[4, 5, 6]]))
        rec.setTime("frame", sequence: 2)
        rec.log("p", Points3D.update(colors: [Color(r: 0, g: 255, b: 0)]))
        rec.setTime("frame", sequence: 3)
        rec.log("p", Points3D.cleared())
        rec.setTime("frame", sequence: 4)
        rec.log("p", Points3D.update(radii: [1.0], clearUnset: true))
        let queries = SDKStoreComparison.queries("frame", [-1, 0, 1, 2, 3, 4, 5])
        SDKStoreComparison.expectSameData(rec.store, try Self.fixture("partial_updates.rrd"), queries: queries)
        // The compacted file (null cells in one chunk) answers the same.
        SDKStoreComparison.expectSameData(rec.store, try Self.fixture("partial_updates_optimized.rrd"), queries: queries)
    }

    @Test func clears() throws {
        var rec = Self.stream("fixture_clear", "fixture-clear")
        rec.setTime("frame", sequence: 0)
        rec.log("scene/a", Points3D(positions: [[0, 0, 0]]))
        rec.log("scene/a/child", Points3D(positions: [[1, 1, 1]]))
        rec.log("scene/b", Points3D(positions: [[2, 2, 2]]))
        rec.log("scene/b/child", Points3D(positions: [[3, 3, 3]]))
        rec.setTime("frame", sequence: 1)
        rec.log("scene/a", Clear(recursive: false))
        rec.setTime("frame", sequence: 2)
        rec.log("scene/b", Clear(recursive: true))
        rec.log("scene/static_cleared", Points3D(positions: [[9, 9, 9]]), static: true)
        rec.log("scene/static_cleared", Clear.flat, static: true)
        SDKStoreComparison.expectSameData(rec.store, try Self.fixture("clear.rrd"), queries: SDKStoreComparison.queries("frame", [-1, 0, 1, 2, 3]))
    }

    @Test func timelineKinds() throws {
        var rec = Self.stream("fixture_timelines", "fixture-timelines")
        rec.log("config", TextDocument("static configuration"), static: true)
        let base = Date(timeIntervalSince1970: 1_704_164_645)  // 2024-01-02T03:04:05Z
        for i in 0 ..< 5 {
            rec.setTime("frame", sequence: 100 + i)
            rec.setTime("elapsed", duration: 0.25 * Double(i))
            rec.setTime("wall_clock", timestamp: base.addingTimeInterval(0.04 * Double(i)))
            rec.log("sensor", Scalars(Double(i) * 1.5))
        }
        rec.logTimeEnabled = false
        rec.resetTime()
        rec.setTime("frame", sequence: 7)
        rec.log("only_frame", Scalars(42.0))
        rec.resetTime()
        rec.setTime("wall_clock", timestamp: 1_700_000_000.5)
        rec.log("only_timestamp", Scalars(1.0))

        let fixture = try Self.fixture("timelines.rrd")
        for (name, info) in fixture.timelines {
            #expect(rec.store.timelines[name]?.timeline == info.timeline)
            if name != Timeline.logTime.name { #expect(rec.store.timelines[name]?.range == info.range, "\(name)") }
        }
        for timeline in ["frame", "elapsed", "wall_clock"] {
            let e = EntityPath(["sensor"])
            #expect(SDKStoreComparison.history(rec.store, e, "Scalars:scalars", timeline: timeline)
                == SDKStoreComparison.history(fixture, e, "Scalars:scalars", timeline: timeline), "\(timeline)")
        }
        for entity in ["only_frame", "only_timestamp"] {
            let mine = rec.store.chunks(of: EntityPath([entity])), theirs = fixture.chunks(of: EntityPath([entity]))
            #expect(mine.map { $0.timeColumns.map(\.timeline) } == theirs.map { $0.timeColumns.map(\.timeline) })
            #expect(mine.map { $0.timeColumns.map(\.times) } == theirs.map { $0.timeColumns.map(\.times) })
        }
        SDKStoreComparison.expectSameData(rec.store, fixture, queries: SDKStoreComparison.queries("frame", [99, 100, 102, 104, 7]))
    }

    @Test func customData() throws {
        var rec = Self.stream("fixture_custom", "fixture-custom")
        rec.setTime("frame", sequence: 0)
        rec.log("any", AnyValues(["confidence": [0.9, 0.8, 0.7], "description": "free text", "counts": [1, 2, 3], "flags": [true, false]]))
        rec.log("any_typed", AnyValues().withComponentOverride("user.Confidence", "user.ConfidenceScore", [0.25, 0.5]))
        rec.log("custom/points", ConfidentPoints(positions: [[0, 0, 0], [1, 1, 1], [2, 2, 2]], confidences: [0.5, 0.75, 1.0]))
        rec.log("dynamic", DynamicArchetype(archetype: "user.Sensor", components: ["temperature": [21.5], "unit": "celsius"]))
        rec.sendRecordingName("custom data fixture")
        rec.sendProperty("sensor_info", AnyValues(["model": "X100", "serial": [1234]]))
        SDKStoreComparison.expectSameData(rec.store, try Self.fixture("custom.rrd"), queries: SDKStoreComparison.queries("frame", [0]))
    }

    @Test func geometry() throws {
        var rec = Self.stream("fixture_geometry", "fixture-geometry")
        rec.setTime("frame", sequence: 0)
        rec.log("shapes/strips2d", LineStrips2D(strips: [[[0, 0], [2, 1], [4, -1], [6, 0]], [[0, 3], [1, 4], [2, 3]]], radii: [0.05, 0.1],
                                                colors: [.red, .blue], labels: ["red", "blue"]))
        rec.log("shapes/strips3d", LineStrips3D(strips: [[[0, 0, 0], [0, 0, 1], [1, 0, 1]], [[2, 2, 2], [3, 3, 3]]], radii: [0.02],
                                                colors: [.green]))
        rec.log("shapes/boxes2d", Boxes2D(mins: [[0, 0], [5, 5]], sizes: [[2, 3], [1, 1]], colors: [Color(r: 200, g: 100, b: 0)],
                                          labels: ["one", "two"]))
        let s = Float(sin(Double.pi / 8)), c = Float(cos(Double.pi / 8))
        rec.log("shapes/boxes3d_quat", Boxes3D(halfSizes: [[0.5, 0.5, 0.5], [0.2, 0.4, 0.6]], centers: [[0, 0, 0], [2, 0, 0]],
                                               quaternions: [Quaternion(x: 0, y: 0, z: s, w: c)],
                                               colors: [Color(r: 0, g: 128, b: 255), Color(r: 255, g: 128, b: 0)], fillMode: .solid,
                                               labels: ["quat_box", "quat_box_2"]))
        rec.log("shapes/boxes3d_axis_angle", Boxes3D(halfSizes: [[1.0, 0.5, 0.25]], centers: [[0, 3, 0]],
                                                     rotationAxisAngles: [RotationAxisAngle(axis: [0, 1, 0], degrees: 30)], radii: [0.01]))
        rec.log("shapes/arrows2d", Arrows2D(vectors: [[1, 0], [0, -1]], origins: [[0, 0], [1, 1]], colors: [Color(r: 255, g: 0, b: 255)],
                                            labels: ["right", "down"]))
        rec.log("shapes/arrows3d", Arrows3D(vectors: [[1, 0, 0], [0, 1, 0], [0, 0, 1]], origins: [[0, 0, 0], [0, 0, 0], [0, 0, 0]],
                                            radii: [0.025], colors: [.red, .green, .blue]))
        SDKStoreComparison.expectSameData(rec.store, try Self.fixture("geometry.rrd"), queries: SDKStoreComparison.queries("frame", [0]))
    }

    @Test func transforms() throws {
        var rec = Self.stream("fixture_transforms", "fixture-transforms")
        rec.log("world", ViewCoordinates.rightHandZUp, static: true)
        rec.log("world/translated", Transform3D(translation: [1, 2, 3]), static: true)
        rec.log("world/axis_angle", Transform3D(rotation: .axisAngle(RotationAxisAngle(axis: [0, 0, 1], degrees: 90)), uniformScale: 2),
                static: true)
        let half = Double.pi / 8
        rec.log("world/quaternion", Transform3D(quaternion: Quaternion(x: Float(sin(half)), y: 0, z: 0, w: Float(cos(half))), scale: [1, 2, 3]),
                static: true)
        rec.log("world/mat3x3", Transform3D(translation: [0, 0, 1], mat3x3: Mat3x3(rows: [[1, 0, 0], [0, 0, -1], [0, 1, 0]])), static: true)
        rec.log("world/from_parent", Transform3D(translation: [5, 0, 0], relation: .childFromParent), static: true)
        for frame in 0 ..< 4 {
            rec.setTime("frame", sequence: frame)
            rec.log("world/spinning", Transform3D(rotation: .axisAngle(RotationAxisAngle(axis: [0, 1, 0], radians: Float(Double(frame) * 0.5)))))
        }
        rec.log("world/cam_focal", Pinhole(focalLength: [500, 510], width: 640, height: 480, principalPoint: [320, 240], cameraXYZ: .rdf),
                static: true)
        rec.log("world/cam_fov", Pinhole(fovY: 0.7853982, aspectRatio: 1.7777778, cameraXYZ: .rub, imagePlaneDistance: 0.5), static: true)
        rec.log("world/cam_focal/axes", ViewCoordinates.flu, static: true)
        SDKStoreComparison.expectSameData(rec.store, try Self.fixture("transforms.rrd"),
                                          queries: SDKStoreComparison.queries("frame", [-1, 0, 1, 2, 3, 10]))
        let view = rec.store.view(PinholeView.self, entity: EntityPath(["world", "cam_fov"]), query: .staticOnly)
        #expect(view != nil)
    }

    @Test func series() throws {
        var rec = Self.stream("fixture_series", "fixture-series")
        rec.log("plots/sin", SeriesLines(colors: [.red], widths: [2.0], names: ["sin(0.1 t)"]), static: true)
        rec.log("plots/cos", SeriesPoints(colors: [.green], markers: [.circle], names: ["cos(0.1 t)"], markerSizes: [3.0]), static: true)
        rec.log("plots/pair", SeriesLines(colors: [.blue, Color(r: 255, g: 0, b: 255)], names: ["a", "b"]), static: true)
        for t in 0 ..< 50 {
            rec.setTime("step", sequence: t)
            rec.log("plots/sin", Scalars(sin(Double(t) / 10.0)))
            rec.log("plots/cos", Scalars(cos(Double(t) / 10.0)))
            rec.log("plots/pair", Scalars([Double(t) * 0.5, -Double(t) * 0.25]))
        }
        rec.setTime("step", sequence: 0)
        rec.log("bars/simple", BarChart([Int64(8), 4, 0, 9, 1, 4, 1, 6, 9, 0]))
        rec.log("bars/float_colored", BarChart(TensorData([0.5, 1.5, 2.25]), color: Color(r: 255, g: 128, b: 0),
                                               abscissa: TensorData([Int32(10), 20, 30])))
        let fixture = try Self.fixture("series.rrd")
        SDKStoreComparison.expectSameData(rec.store, fixture, queries: SDKStoreComparison.queries("step", [-1, 0, 1, 25, 49, 60]))
        #expect(SDKStoreComparison.history(rec.store, EntityPath(["plots", "pair"]), "Scalars:scalars", timeline: "step")
            == SDKStoreComparison.history(fixture, EntityPath(["plots", "pair"]), "Scalars:scalars", timeline: "step"))
    }

    /// `tensor/u8` is skipped (PCG64 random values).
    @Test func tensorAndText() throws {
        var rec = Self.stream("fixture_tensor_text", "fixture-tensor-text")
        rec.setTime("frame", sequence: 0)
        rec.log("tensor/f64", Tensor(TensorData(shape: [3, 4], values: (0 ..< 12).map { $0 == 11 ? 1.0 : Double($0) * (1.0 / 11.0) }),
                                     valueRange: 0 ... 1))
        rec.log("docs/readme", TextDocument("# Fixture\n\nSome **markdown** with a [link](https://example.com).", mediaType: MediaType.markdown),
                static: true)
        rec.log("docs/plain", TextDocument("plain text body"), static: true)
        for (i, level) in [TextLogLevel.info, TextLogLevel.warn, TextLogLevel.error, "CUSTOM"].enumerated() {
            rec.setTime("frame", sequence: i)
            rec.log("logs", TextLog("message \(i)", level: level, color: i == 3 ? .white : nil))
        }
        SDKStoreComparison.expectSameData(rec.store, try Self.fixture("tensor_text.rrd"), skipping: [EntityPath(["tensor", "u8"])],
                                          queries: SDKStoreComparison.queries("frame", [0, 1, 2, 3]))
    }

    @Test func meshAndAssets() throws {
        var rec = Self.stream("fixture_mesh_asset", "fixture-mesh-asset")
        rec.log("mesh/pyramid", Mesh3D(vertexPositions: [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1]],
                                       triangleIndices: [[0, 2, 1], [0, 1, 3], [0, 3, 2], [1, 2, 3]],
                                       vertexNormals: [[-0.577, -0.577, -0.577], [1, 0, 0], [0, 1, 0], [0, 0, 1]],
                                       vertexColors: [.red, .green, .blue, .white]), static: true)
        let obj = ["# unit square made of two triangles", "v 0 0 0", "v 1 0 0", "v 1 1 0", "v 0 1 0", "f 1 2 3", "f 1 3 4", ""]
            .joined(separator: "\n")
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sdk-mesh-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let objPath = dir.appendingPathComponent("square.obj").path
        try obj.write(toFile: objPath, atomically: true, encoding: .utf8)
        rec.log("assets/square_obj", try Asset3D(path: objPath), static: true)
        var stl = Array("fixture stl".utf8) + [UInt8](repeating: 0x20, count: 80 - 11)
        stl += withUnsafeBytes(of: UInt32(1).littleEndian, Array.init)
        for f: Float in [0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 1, 0] { stl += withUnsafeBytes(of: f.bitPattern.littleEndian, Array.init) }
        stl += [0, 0]
        rec.log("assets/triangle_stl", Asset3D(contents: stl, mediaType: MediaType.stl, albedoFactor: Color(r: 200, g: 200, b: 255)),
                static: true)
        SDKStoreComparison.expectSameData(rec.store, try Self.fixture("mesh_asset.rrd"), queries: [])
    }

    /// `world/points_animated` is skipped (PCG64 random positions).
    @Test func points() throws {
        var rec = Self.stream("fixture_points", "fixture-points")
        rec.log("world/points_static", Points3D(positions: [[0, 0, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 1, 1]],
                                                radii: [0.1, 0.2, 0.3, 0.4, 0.5],
                                                colors: [.red, .green, .blue, Color(r: 255, g: 255, b: 0), Color(r: 255, g: 255, b: 255, a: 128)],
                                                labels: ["origin", "x", "y", "z", "xyz"], classIDs: [1, 2, 2, 2, 3], keypointIDs: [0, 1, 2, 3, 4]),
                static: true)
        rec.setTime("frame", sequence: 0)
        rec.log("image_space/points2d", Points2D(positions: [[10, 20], [30, 40], [50, 60]], radii: [1, 2, 3], colors: [.red, .green, .blue],
                                                 labels: ["a", "b", "c"], classIDs: [7, 8, 9], keypointIDs: [0, 1, 2]))
        SDKStoreComparison.expectSameData(rec.store, try Self.fixture("points.rrd"), skipping: [EntityPath(["world", "points_animated"])],
                                          queries: SDKStoreComparison.queries("frame", [0, 2]))
    }

    /// `images/gray_f32` (PCG64), `images/rgb_jpeg` (libjpeg output) and `images/rgb_png` (Pillow output) are skipped.
    @Test func images() throws {
        let (w, h) = (24, 16)
        var rec = Self.stream("fixture_images", "fixture-images")
        rec.setTime("frame", sequence: 0)
        var rgb: [UInt8] = [], gray: [UInt8] = [], rgba: [UInt8] = [], depth: [UInt16] = [], seg: [UInt8] = []
        for y in 0 ..< h {
            for x in 0 ..< w {
                rgb += [UInt8(x * 10), UInt8(y * 15), 128]
                rgba += [UInt8(x * 10), UInt8(y * 15), 128, 200]
                gray.append(UInt8(x * 255 / (w - 1)))
                depth.append(UInt16(1000 + 50 * x + 10 * y))
                seg.append(x < w / 2 ? 1 : (4 ..< 12).contains(y) && (w / 2 + 2 ..< w - 2).contains(x) ? 2 : 0)
            }
        }
        rec.log("images/rgb_u8", Image(pixels: rgb, width: w, height: h, colorModel: .rgb))
        rec.log("images/gray_u8", Image(pixels: gray, width: w, height: h, colorModel: .l))
        rec.log("images/rgba_u8", Image(pixels: rgba, width: w, height: h, colorModel: .rgba))
        rec.log("camera", Pinhole(focalLength: 20, width: Double(w), height: Double(h), cameraXYZ: .rdf), static: true)
        rec.log("camera/depth", DepthImage(depths: depth, width: w, height: h, meter: 1000, colormap: .viridis))
        rec.log("segmentation", AnnotationContext([ClassDescription(id: 0, label: "background", color: Color(r: 0, g: 0, b: 0)),
                                                   ClassDescription(id: 1, label: "left", color: .red),
                                                   ClassDescription(id: 2, label: "right", color: .blue)]), static: true)
        rec.log("segmentation/image", SegmentationImage(classIDs: seg, width: w, height: h, opacity: 0.5))
        let skipped: Set<EntityPath> = [EntityPath(["images", "gray_f32"]), EntityPath(["images", "rgb_jpeg"]), EntityPath(["images", "rgb_png"])]
        SDKStoreComparison.expectSameData(rec.store, try Self.fixture("images.rrd"), skipping: skipped,
                                          queries: SDKStoreComparison.queries("frame", [0]))
        let found = rec.store.annotationContext(for: EntityPath(["segmentation", "image"]), query: .staticOnly)
        let expected = try Self.fixture("images.rrd").annotationContext(for: EntityPath(["segmentation", "image"]), query: .staticOnly)
        #expect(found?.0 == EntityPath(["segmentation"]) && found?.1.classes == expected?.1.classes)
    }
}

/// The custom archetype of Rerun's "custom data" docs: builtin Points3D plus a `user.CustomPoints3D:confidences`
/// column of type `user.Confidence` (f32), exactly as `Fixtures/scripts/custom.py` logs it.
struct ConfidentPoints: Archetype {
    var positions: [SIMD3<Float>]
    var confidences: [Float]

    var archetypeName: String { "user.CustomPoints3D" }
    var componentBatches: [ComponentBatch] {
        Points3D(positions: positions).componentBatches
            + [ComponentBatch(archetype: archetypeName, field: "confidences", componentType: "user.Confidence", .floats(confidences))]
    }
}
