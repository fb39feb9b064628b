import ArrowIPC
import RecordingModel
import RecordingSDK
import Testing

/// One value of every builder with every field given, to check what the builders produce.
enum SDKSamples {
    static let image = Image(pixels: [UInt8](repeating: 7, count: 2 * 3 * 3), width: 3, height: 2, colorModel: .rgb, opacity: 0.5,
                             drawOrder: 1, magnificationFilter: .nearest)

    static let all: [any BuiltinArchetype] = [
        AnnotationContext([ClassDescription(AnnotationInfo(id: 1, label: "person", color: .red),
                                            keypoints: [AnnotationInfo(id: 0, label: "nose", color: Color?.none)], connections: [(0, 1)]),
                           ClassDescription(id: 2)]),
        Arrows2D(vectors: [[1, 0]], origins: [[0, 0]], radii: [0.1], colors: [.red], labels: ["a"], showLabels: true, drawOrder: 2,
                 classIDs: [1]),
        Arrows3D(vectors: [[1, 0, 0]], origins: [[0, 0, 0]], radii: [0.1], colors: [.red], labels: ["a"], showLabels: false, classIDs: [1]),
        Asset3D(contents: [1, 2, 3], mediaType: MediaType.stl, albedoFactor: .white),
        BarChart(TensorData([1.0, 2.0]), color: .blue, abscissa: TensorData([Int32(10), 20]), widths: [0.5]),
        Boxes2D(mins: [[0, 0]], sizes: [[2, 4]], colors: [.green], radii: [0.1], labels: ["b"], showLabels: true, drawOrder: 3, classIDs: [2]),
        Boxes3D(halfSizes: [[1, 1, 1]], centers: [[0, 0, 0]], rotationAxisAngles: [RotationAxisAngle(axis: [0, 0, 1], degrees: 45)],
                quaternions: [.identity], colors: [.green], radii: [0.01], fillMode: .solid, labels: ["c"], showLabels: true, classIDs: [3]),
        Clear(recursive: true),
        DepthImage(depths: [UInt16](repeating: 1000, count: 6), width: 3, height: 2, meter: 1000, colormap: .viridis, depthRange: 0 ... 5,
                   pointFillRatio: 1, drawOrder: 0, magnificationFilter: .linear),
        EncodedImage(contents: [0xFF, 0xD8], mediaType: MediaType.jpeg, opacity: 1, drawOrder: 0, magnificationFilter: .bicubic),
        image,
        InstancePoses3D(translations: [[1, 2, 3]], rotationAxisAngles: [RotationAxisAngle(axis: [1, 0, 0], radians: 1)],
                        quaternions: [.identity], scales: [[1, 1, 1]], mat3x3: [.identity]),
        LineStrips2D(strips: [[[0, 0], [1, 1]]], radii: [.uiPoints(2)], colors: [.red], labels: ["l"], showLabels: true, drawOrder: 1,
                     classIDs: [4]),
        LineStrips3D(strips: [[[0, 0, 0], [1, 1, 1]]], radii: [0.1], colors: [.red], labels: ["l"], showLabels: true, classIDs: [4]),
        Mesh3D(vertexPositions: [[0, 0, 0], [1, 0, 0], [0, 1, 0]], triangleIndices: [[0, 1, 2]], vertexNormals: [[0, 0, 1]],
               vertexColors: [.red], vertexTexcoords: [[0, 0]], albedoFactor: .white, albedoTexture: image, faceRendering: .front, classIDs: [5]),
        Pinhole.update(imageFromCamera: .identity, resolution: [640, 480], cameraXYZ: .rdf, imagePlaneDistance: 1, color: .white,
                       lineWidth: 1, childFrame: "cam", parentFrame: "world"),
        Points2D(positions: [[1, 2]], radii: [1], colors: [.red], labels: ["p"], showLabels: true, drawOrder: 1, classIDs: [1],
                 keypointIDs: [0]),
        Points3D(positions: [[1, 2, 3]], radii: [1], colors: [.red], labels: ["p"], showLabels: true, classIDs: [1], keypointIDs: [0],
                 pointShading: .flat),
        RecordingInfo(startTime: 1, name: "n"),
        Scalars([1, 2]),
        SegmentationImage(classIDs: [UInt8](repeating: 1, count: 6), width: 3, height: 2, opacity: 0.5, drawOrder: 1),
        SeriesLines(colors: [.red], widths: [2], names: ["s"], visibleSeries: [true], aggregationPolicy: .average,
                    interpolationMode: .stepAfter),
        SeriesPoints(colors: [.red], markers: [.circle], names: ["s"], visibleSeries: [true], markerSizes: [3]),
        Tensor(TensorData(shape: [2, 2], values: [UInt8(1), 2, 3, 4], names: ["h", "w"]), valueRange: 0 ... 255),
        TextDocument("# hi", mediaType: MediaType.markdown),
        TextLog("x", level: TextLogLevel.warn, color: .red),
        Transform3D.update(translation: [1, 2, 3], rotationAxisAngle: RotationAxisAngle(axis: [0, 0, 1], radians: 1),
                           quaternion: .identity, scale: [1, 1, 1], mat3x3: .identity, relation: .childFromParent,
                           childFrame: "c", parentFrame: "p"),
    ]
}

@Suite struct SDKDescriptorTests {
    /// Every field of every SDK archetype has the component, component type and Arrow type of rerun-sdk 0.41,
    /// and no 0.41 field is missing.
    @Test func schemasMatchTheTypeTable() throws {
        let byArchetype = Dictionary(grouping: SDKTypeTable.rows, by: \.archetype)
        #expect(byArchetype.count == 28)
        for (archetype, rows) in byArchetype {
            let schema = try #require(BuiltinArchetypes.schema(named: archetype), "no schema for \(archetype)")
            #expect(Set(schema.fields.map { schema.descriptor($0).component }) == Set(rows.map(\.component)), "\(archetype)")
            for row in rows {
                let field = try #require(schema.fields.first { schema.descriptor($0).component == row.component })
                let d = schema.descriptor(field)
                #expect(d.archetype == "rerun.archetypes.\(archetype)")
                #expect(d.componentType == row.componentType, "\(row.component)")
                #expect(field.instanceType.description == row.arrowType, "\(row.component)")
            }
        }
    }

    /// Every builtin archetype column of every fixture (recording stores) has a schema field with the same
    /// descriptor and exactly the same instance Arrow type (nullability and child names included).
    @Test(arguments: Fixtures.names)
    func fixtureColumnsCanBeProduced(name: String) throws {
        let recording = try Fixtures.load(name)
        var checked = 0
        for store in recording.stores where store.id.kind == .recording {
            for chunk in store.chunks {
                for column in chunk.components {
                    guard let archetype = column.descriptor.archetype, archetype.hasPrefix("rerun.archetypes.") else { continue }
                    let schema = try #require(BuiltinArchetypes.schema(named: archetype), "\(name): no schema for \(archetype)")
                    let field = try #require(schema.field(column.descriptor.archetypeField), "\(name): \(column.descriptor.component)")
                    #expect(schema.descriptor(field) == column.descriptor)
                    #expect(field.instanceType == column.instanceType, "\(name) \(column.descriptor.component)")
                    checked += 1
                }
            }
        }
        #expect(checked > 0 || recording.recording == nil)
    }

    /// What the builders produce: every field set, each batch typed and named as its schema says, both for
    /// the full value and for `cleared()` (every field an empty list).
    @Test func buildersProduceSchemaDescriptorsAndTypes() throws {
        #expect(SDKSamples.all.count == 27)
        for sample in SDKSamples.all {
            let schema = type(of: sample).schema
            #expect(sample.archetypeName == schema.name)
            #expect(sample.values.setFields == schema.fields.map(\.name), "\(schema.name) leaves fields unset")
            for batch in sample.componentBatches {
                let field = try #require(schema.field(batch.descriptor.archetypeField))
                #expect(batch.descriptor == schema.descriptor(field))
                #expect(batch.array.type == field.instanceType, "\(batch.descriptor.component): \(batch.array.type)")
                #expect(batch.count >= 1)
            }
            let cleared = type(of: sample).cleared()
            #expect(cleared.componentBatches.count == schema.fields.count)
            for batch in cleared.componentBatches {
                #expect(batch.count == 0)
                #expect(batch.array.type == schema.field(batch.descriptor.archetypeField)?.instanceType)
            }
        }
    }

    @Test func viewCoordinatesAndDisconnectedSpaceDescriptors() {
        let vc = ViewCoordinates.rightHandZUp.componentBatches
        #expect(vc.count == 1 && vc[0].descriptor.component == "ViewCoordinates:xyz")
        #expect(vc[0].array.listChild?.values(UInt8.self).map(Array.init) == [3, 5, 1])
        #expect(ViewCoordinates.rdf.codes == [3, 2, 5] && ViewCoordinates.rub.codes == [3, 1, 6] && ViewCoordinates.flu.codes == [5, 4, 1])
        let ds = DisconnectedSpace().componentBatches
        #expect(ds.count == 1)
        #expect(ds[0].descriptor == ComponentDescriptor(component: "DisconnectedSpace:disconnected_space",
                                                        archetype: "rerun.archetypes.DisconnectedSpace",
                                                        componentType: "rerun.components.DisconnectedSpace"))
        #expect(ds[0].array.bool(at: 0) == true)
        #expect(DisconnectedSpace(false).componentBatches[0].array.bool(at: 0) == false)
    }
}
