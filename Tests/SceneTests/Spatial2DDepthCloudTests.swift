import Rasterizer
import RecordingModel
import Testing
@testable import SceneBuilding

/// Depth images back-projected into 3D views (rendering-conventions §8.11).
@Suite struct Spatial2DDepthCloudTests {
    /// fx = fy = 2, principal point (1, 1), a 2 × 2 u16 depth image in millimetres with one empty texel.
    @Test func cloudIsPlacedWithTheCameraPoseAndAxes() throws {
        var s = Spatial2DStore()
        try s.log("/cam/depth", "DepthImage", [
            ("buffer", Spatial2DStore.blob(leBytes([UInt16(1000), 0, 2000, 3000])), 1),
            ("format", Spatial2DStore.imageFormat(width: 2, height: 2, datatype: 8), 1),
        ])
        let context = ViewContext(store: s.store, query: .staticOnly, timelineKind: nil)
        let camera = PinholeCamera(fx: 2, fy: 2, cx: 1, cy: 1, resolution: [2, 2], cameraAxes: ViewAxes(x: .right, y: .up, z: .back),
                                   imagePlaneDistance: 0.5)
        var scene = SpatialCollector()
        DepthClouds().collect(entity: EntityPath(["cam", "depth"]), camera: camera,
                              originFromCamera: .translation([10, 0, 0]), context: context, into: &scene)
        #expect(scene.warnings.isEmpty)
        guard case let .points(batch)? = scene.orderedDrawables.first else {
            Issue.record("no point cloud drawn")
            return
        }
        #expect(batch.shape == .disc && batch.shading == .flat)
        // RDF (x right, y down, z forward) → RUB (x right, y up, z back), then the camera's translation.
        let world = batch.positions.map { p -> SIMD3<Float> in
            let q = batch.worldFromObject.transformPoint(p)
            return SIMD3(q.x, q.y, q.z)
        }
        let expected: [SIMD3<Float>] = [[10 - 0.5, 0.5, -1], [10 - 1, 0, -2], [10, 0, -3]]
        #expect(world.count == 3)
        #expect(zip(world, expected).allSatisfy { approxEqual($0, $1) }, "\(world)")
        // Radius = fill ratio · depth / fy when the pinhole resolution matches the image.
        #expect(zip(batch.radii, [Float(0.5), 1, 1.5]).allSatisfy { abs($0 - $1) < 1e-6 } && batch.radii.count == 3)
        let colors = [Float(1000), 2000, 3000].map { Colormap.turbo.rgba8(at: $0 / 3000) }
        #expect(batch.colors == colors.map { RGBA8($0.x, $0.y, $0.z, $0.w) })
        let box = scene.bounds
        #expect(approxEqual(box.min.float, [9, 0, -3]) && approxEqual(box.max.float, [10, 0.5, -1]), "\(box)")
    }

    @Test func depthImagesAreNotDrawnAsRectanglesInThreeDViews() throws {
        var s = Spatial2DStore()
        try s.log("/depth", "DepthImage", [
            ("buffer", Spatial2DStore.blob(leBytes([UInt16(1000)])), 1),
            ("format", Spatial2DStore.imageFormat(width: 1, height: 1, datatype: 8), 1),
        ])
        let context = ViewContext(store: s.store, query: .staticOnly, timelineKind: nil)
        var in3D = SpatialCollector(), in2D = SpatialCollector()
        let entity = EntityPath(["depth"])
        DepthImageVisualizer().collect(VisualizerInput(entity: entity, originFromEntity: .identity, context: context,
                                                       in3DView: true), into: &in3D)
        DepthImageVisualizer().collect(VisualizerInput(entity: entity, originFromEntity: .identity, context: context,
                                                       in3DView: false), into: &in2D)
        #expect(in3D.drawables.isEmpty)
        #expect(in2D.drawables.count == 1)
    }
}

/// 2D content on a camera's image plane in a 3D view: drawn with the plane's placement, without 2D labels
/// (rendering-conventions §8.15).
@Suite struct Spatial2DOnImagePlaneTests {
    @Test func imagesAndShapesAreDrawnButLabelsAreNot() throws {
        var s = Spatial2DStore()
        try s.image("/cam/img", width: 4, height: 2, rgb: [9, 9, 9])
        try s.log("/cam/pts", "Points2D", [("positions", Spatial2DStore.vec2([[1, 1]]), 1),
                                           ("labels", .utf8(["p"]), 1)])
        try s.log("/cam/box", "Boxes2D", [("half_sizes", Spatial2DStore.vec2([[1, 1]]), 1),
                                          ("labels", .utf8(["b"]), 1)])
        let context = ViewContext(store: s.store, query: .staticOnly, timelineKind: nil)
        let plane = Affine3(c0: [0.1, 0, 0], c1: [0, 0.1, 0], c2: [0, 0, 0.1], translation: [0, 0, 1])
        var in3D = SpatialCollector(), in2D = SpatialCollector()
        for entity in ["img", "pts", "box"].map({ EntityPath(["cam", $0]) }) {
            for v in SpatialVisualizers.in2D {
                v.collect(VisualizerInput(entity: entity, originFromEntity: plane, context: context, in3DView: true),
                          into: &in3D)
                v.collect(VisualizerInput(entity: entity, originFromEntity: .identity, context: context, in3DView: false),
                          into: &in2D)
            }
        }
        #expect(in3D.drawables.count == 3 && in2D.drawables.count == 3)
        #expect(in3D.labels.isEmpty)
        #expect(in2D.labels.map(\.text).sorted() == ["b", "p"])
        guard case let .image(quad)? = in3D.drawables.first(where: { $0.visualizer == ImageVisualizer.name })?.drawable else {
            Issue.record("no image quad")
            return
        }
        let far = quad.worldFromObject.transformPoint(quad.xAxis + quad.yAxis)
        #expect(approxEqual(SIMD3(far.x, far.y, far.z), [0.4, 0.2, 1]))
    }
}
