import Testing
@testable import SceneBuilding

/// Rows of rendering-conventions §14.7 (Rerun's own spawn-heuristics outcomes) as synthetic entity trees.
@Suite struct ViewHeuristicsTests {
    private func path(_ s: String) -> [String] { s.split(separator: "/").map(String.init) }

    private func entity(_ p: String, _ configure: (inout EntityFacts) -> Void) -> EntityFacts {
        var e = EntityFacts(path: path(p)); configure(&e); return e
    }

    private func color(_ p: String, _ w: Int = 640, _ h: Int = 480) -> EntityFacts {
        entity(p) { $0.drawsIn2D = true; $0.images = [.init(kind: .color, size: [w, h])] }
    }

    private func described(_ views: [ViewSpec]) -> [String] { views.map(\.description) }

    @Test func singlePointCloudGetsOne3DView() {
        #expect(described(ViewHeuristics.defaultViews(for: [entity("points") { $0.drawsIn3D = true }]))
            == ["3D /: + /**"])
    }

    @Test func singleImageGetsOne2DView() {
        #expect(described(ViewHeuristics.defaultViews(for: [color("image")])) == ["2D /image: + /image/**"])
    }

    @Test func imagesOfDifferentSizesSplit() {
        let seg = entity("image/segmentation") { $0.drawsIn2D = true; $0.images = [.init(kind: .segmentation, size: [320, 240])] }
        #expect(described(ViewHeuristics.defaultViews(for: [color("image"), seg]))
            == ["2D /image: + /image", "2D /image/segmentation: + /image/segmentation/**"])
    }

    @Test func twoColourImagesNeverStack() {
        #expect(described(ViewHeuristics.defaultViews(for: [color("image/a"), color("image/b")]))
            == ["2D /image/a: + /image/a/**", "2D /image/b: + /image/b/**"])
    }

    @Test func colourDepthAndSegmentationStack() {
        let depth = entity("image/depth") { $0.drawsIn2D = true; $0.images = [.init(kind: .depth, size: [640, 480])] }
        let seg = entity("image/seg") { $0.drawsIn2D = true; $0.images = [.init(kind: .segmentation, size: [640, 480])] }
        #expect(described(ViewHeuristics.defaultViews(for: [color("image/color"), depth, seg]))
            == ["2D /image: + /image/**"])
    }

    @Test func cameraWithImageGets3DAnd2D() {
        let cam = entity("camera") { $0.hasPinhole = true }
        #expect(described(ViewHeuristics.defaultViews(for: [cam, color("camera/image")]))
            == ["3D /: + /**", "2D /camera/image: + /camera/image/**"])
    }

    @Test func freeImagesAreExcludedFrom3D() {
        var cam = color("camera"); cam.hasPinhole = true
        let views = ViewHeuristics.defaultViews(for: [cam, entity("box") { $0.drawsIn3D = true }, color("image1"), color("image2")])
        #expect(described(views) == ["3D /: + /** - /image1/** - /image2/**", "2D /camera: + /camera/**",
                                     "2D /image1: + /image1/**", "2D /image2: + /image2/**"])
    }

    @Test func viewCoordinatesEntityGetsTheOnly3DView() {
        let vc = entity("3D") { $0.hasViewCoordinates = true }
        var cam = color("3D/camera"); cam.hasPinhole = true
        let views = ViewHeuristics.defaultViews(for: [vc, entity("3D/box") { $0.drawsIn3D = true }, cam,
                                                       color("image1"), color("image2")])
        #expect(described(views) == ["3D /3D: + /3D/**", "2D /3D/camera: + /3D/camera/**",
                                     "2D /image1: + /image1/**", "2D /image2: + /image2/**"])
    }

    @Test func points2DAndPoints3DSplitBothWays() {
        let views = ViewHeuristics.defaultViews(for: [entity("points2d") { $0.drawsIn2D = true },
                                                       entity("points3d") { $0.drawsIn3D = true }])
        #expect(described(views) == ["3D /: + /** - /points2d/**", "2D /points2d: + /points2d/**"])
    }

    @Test func geometryFixtureShapes() {
        let views = ViewHeuristics.defaultViews(for: [
            entity("shapes/lines2d") { $0.drawsIn2D = true }, entity("shapes/boxes2d") { $0.drawsIn2D = true },
            entity("shapes/arrows2d") { $0.drawsIn2D = true }, entity("shapes/lines3d") { $0.drawsIn3D = true },
            entity("shapes/boxes3d") { $0.drawsIn3D = true },
        ])
        #expect(described(views) == [
            "3D /: + /** - /shapes/arrows2d/** - /shapes/boxes2d/** - /shapes/lines2d/**",
            "2D /shapes: + /shapes/** - /shapes/boxes3d/** - /shapes/lines3d/**",
        ])
    }

    @Test func eachScalarEntityGetsATimeSeriesAndLogsShareOneView() {
        let views = ViewHeuristics.defaultViews(for: [
            entity("plot/sin") { $0.hasScalars = true }, entity("plot/cos") { $0.hasScalars = true },
            entity("log/a") { $0.hasTextLog = true }, entity("log/b") { $0.hasTextLog = true },
            entity("__properties") { $0.hasTextDocument = true },
        ])
        #expect(described(views) == ["TimeSeries /plot/cos: + /plot/cos", "TimeSeries /plot/sin: + /plot/sin",
                                     "TextLog /: + /**"])
    }

    @Test func disconnectedSpaceGetsItsOwn3DView() {
        let views = ViewHeuristics.defaultViews(for: [
            entity("world/robot") { $0.drawsIn3D = true },
            entity("world/sensor") { $0.isDisconnectedSpace = true },
            entity("world/sensor/cloud") { $0.drawsIn3D = true },
        ])
        #expect(described(views) == ["3D /: + /** - /world/sensor/**", "3D /world/sensor: + /world/sensor/**"])
    }

    @Test func atMostEightViewsPerClass() {
        let views = ViewHeuristics.defaultViews(for: (0..<10).map { color("img\($0)") })
        #expect(views.count == 8)
    }
}
