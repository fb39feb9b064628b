import Rasterizer
import RecordingModel
import Testing
@testable import SceneBuilding

/// The 2D view's visible bounds, letterboxing and camera (rendering-conventions §7.1–§7.3).
@Suite struct Spatial2DBoundsTests {
    static let context = ViewContext(store: ChunkStore(id: StoreID(kind: .recording, recordingID: "empty")),
                                     query: .staticOnly, timelineKind: nil)

    @Test func letterboxWidensTheAxisWithSpareRoomAroundTheCentre() {
        let tall = Spatial2DViewBuilder.letterboxed(Bounds2D(min: [0, 0], max: [24, 16]), width: 320, height: 240)
        #expect(tall == Bounds2D(min: [0, -1], max: [24, 17]))
        let wide = Spatial2DViewBuilder.letterboxed(Bounds2D(min: [10, 10], max: [20, 20]), width: 200, height: 100)
        #expect(wide == Bounds2D(min: [5, 10], max: [25, 20]))
    }

    @Test func cameraMapsTheBoundsOntoTheViewportWithYDown() throws {
        let camera = Spatial2DViewBuilder.camera(showing: Bounds2D(min: [0, 0], max: [24, 16]), width: 320, height: 240)
        let topLeft = try #require(camera.project([0, 0, 0]))
        let bottomRight = try #require(camera.project([24, 16, 0]))
        #expect(abs(topLeft.x) < 1e-3 && abs(topLeft.y - 240.0 / 18) < 1e-3)
        #expect(abs(bottomRight.x - 320) < 1e-3 && abs(bottomRight.y - 240 * 17.0 / 18) < 1e-3)
        // Content off the z = 0 plane (2D transforms can give it a z) is neither moved nor clipped.
        let lifted = try #require(camera.project([12, 8, 1000]))
        #expect(abs(lifted.x - 160) < 1e-3 && abs(lifted.y - 120) < 1e-3)
        #expect(abs(camera.pixelsPerUnit(atClipW: 1) - 240.0 / 18) < 1e-3)
    }

    @Test func fixedBoundsWinOverEverything() {
        var view = ViewSpec(kind: .spatial2D, origin: [], contents: .subtree([]))
        view.visualBounds = Bounds2D(min: [-5, -5], max: [5, 5])
        let roi = BoundingBox(min: [0, 0, 0], max: [50, 50, 0])
        #expect(Spatial2DViewBuilder.visibleBounds(view: view, regionOfInterest: roi, context: Self.context)
            == Bounds2D(min: [-5, -5], max: [5, 5]))
    }

    @Test func regionOfInterestWithAnAreaElseTheDefaultSquare() {
        let view = ViewSpec(kind: .spatial2D, origin: [], contents: .subtree([]))
        let roi = BoundingBox(min: [1, 2, 0], max: [3, 7, 0])
        #expect(Spatial2DViewBuilder.visibleBounds(view: view, regionOfInterest: roi, context: Self.context)
            == Bounds2D(min: [1, 2], max: [3, 7]))
        // A single point, a horizontal row of points and an empty view have no area: [0, 100]².
        for degenerate in [BoundingBox(min: [4, 4, 0], max: [4, 4, 0]), BoundingBox(min: [0, 4, 0], max: [9, 4, 0]),
                           BoundingBox.empty] {
            #expect(Spatial2DViewBuilder.visibleBounds(view: view, regionOfInterest: degenerate, context: Self.context)
                == Bounds2D(min: [0, 0], max: [100, 100]))
        }
    }

    @Test func pinholeAtTheOriginGivesItsResolutionElseItsImageSize() throws {
        var s = Spatial2DStore()
        try s.log("/cam", "Pinhole", [("image_from_camera", .fixedSizeList(.primitive([Float(10), 0, 0, 0, 10, 0, 4, 3, 1]), size: 9), 1),
                                      ("resolution", Spatial2DStore.vec2([[8, 6]]), 1)])
        try s.log("/bare", "Pinhole", [("image_from_camera", .fixedSizeList(.primitive([Float(10), 0, 0, 0, 10, 0, 4, 3, 1]), size: 9), 1)])
        try s.image("/bare", width: 5, height: 7, rgb: [1, 2, 3])
        let context = ViewContext(store: s.store, query: .staticOnly, timelineKind: nil)
        let far = BoundingBox(min: [-40, -40, 0], max: [90, 90, 0])
        let cam = ViewSpec(kind: .spatial2D, origin: ["cam"], contents: .subtree(["cam"]))
        #expect(Spatial2DViewBuilder.visibleBounds(view: cam, regionOfInterest: far, context: context)
            == Bounds2D(min: [0, 0], max: [8, 6]))
        let bare = ViewSpec(kind: .spatial2D, origin: ["bare"], contents: .subtree(["bare"]))
        #expect(Spatial2DViewBuilder.visibleBounds(view: bare, regionOfInterest: far, context: context)
            == Bounds2D(min: [0, 0], max: [5, 7]))
    }

    /// UI-point radii keep their size on screen whatever the zoom; scene-unit radii scale with it.
    @Test func pointRadiiInPointsStayAndInSceneUnitsScale() throws {
        func litWidth(radius: Float, boundsSize: Double) throws -> Int {
            var s = Spatial2DStore()
            try s.points("/p", [[5, 5]], color: 0xFFFFFFFF, radius: radius)
            let image = try render2D(s.store, bounds: Bounds2D(min: [5 - boundsSize / 2, 5 - boundsSize / 2],
                                                                max: [5 + boundsSize / 2, 5 + boundsSize / 2])).image
            return (0..<100).filter { image.pixel($0, 50)[1] > 128 }.count
        }
        #expect(try litWidth(radius: -5, boundsSize: 10) == 10)
        #expect(try litWidth(radius: -5, boundsSize: 50) == 10)
        #expect(try litWidth(radius: 1, boundsSize: 10) == 20)
        #expect(try litWidth(radius: 1, boundsSize: 50) == 4)
    }
}
