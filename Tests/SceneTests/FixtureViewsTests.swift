import Foundation
import Testing
import RecordingModel
@testable import SceneBuilding

/// The default views of the bundled recordings, as rendering-conventions §14.7 lists them for the real viewer.
@Suite struct FixtureViewsTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures/rrd")

    private func views(_ name: String) throws -> [String] {
        let recording = try Recording.load(path: Self.fixtures.appendingPathComponent(name).path)
        let store = try #require(recording.recording)
        return ViewHeuristics.defaultViews(for: EntityFacts.gather(from: store)).map(\.description)
    }

    @Test func pointsSplit3DAnd2D() throws {
        #expect(try views("points.rrd") == ["3D /: + /** - /image_space/**",
                                             "2D /image_space/points2d: + /image_space/points2d/**"])
    }

    @Test func geometryShapesSplitBothWays() throws {
        let v = try views("geometry.rrd")
        #expect(v.count == 2)
        #expect(v.first?.hasPrefix("3D /: + /** -") == true)
        #expect(v.last?.hasPrefix("2D /shapes: + /shapes/** -") == true)
    }

    @Test func imagesGetEight2DViewsAndOne3DView() throws {
        let v = try views("images.rrd")
        #expect(v.filter { $0.hasPrefix("2D") }.count == 8)
        #expect(v.contains("2D /camera/depth: + /camera/depth/**"))
        #expect(v.contains("2D /segmentation/image: + /segmentation/image/**"))
        #expect(v.first == "3D /: + /** - /images/** - /segmentation/**")
    }

    @Test func transformsGetOne3DViewAtTheViewCoordinates() throws {
        #expect(try views("transforms.rrd") == ["3D /world: + /world/**"])
    }

    @Test func seriesGetThreePlotsAndTwoBarCharts() throws {
        let v = try views("series.rrd")
        #expect(v.filter { $0.hasPrefix("TimeSeries") }.count == 3)
        #expect(v.filter { $0.hasPrefix("BarChart") }.count == 2)
        #expect(v.count == 5)
    }

    @Test func tensorTextGetsTensorsDocumentsAndOneLog() throws {
        let v = try views("tensor_text.rrd")
        #expect(v.filter { $0.hasPrefix("Tensor") }.count == 2)
        #expect(v.filter { $0.hasPrefix("TextDocument") }.count == 2)
        #expect(v.filter { $0.hasPrefix("TextLog /: + /**") }.count == 1)
    }

    @Test(arguments: ["mesh_asset.rrd", "dna.rrd", "clear.rrd", "partial_updates.rrd"])
    func single3DView(_ name: String) throws {
        #expect(try views(name) == ["3D /: + /**"])
    }

    @Test func timelinesGetDocumentAndThreePlots() throws {
        let v = try views("timelines.rrd")
        #expect(v.filter { $0.hasPrefix("TimeSeries") }.count == 3)
        #expect(v.filter { $0.hasPrefix("TextDocument") } == ["TextDocument /config: + /config"])
    }

    /// `--view` picks a view by origin or title, and by class where views share an origin (`no_footer.rrd` has a
    /// 3D view and a text log view at `/`, both titled "/").
    @Test func viewSelectionByOriginNameAndClass() throws {
        let recording = try Recording.load(path: Self.fixtures.appendingPathComponent("no_footer.rrd").path)
        let renderer = RecordingRenderer(store: try #require(recording.recording))
        #expect(renderer.views.map(\.name) == ["/", "/"])
        #expect(try renderer.selecting(view: "/", eye: nil, useViewUp: false).views.map(\.kind) == [.spatial3D])
        #expect(try renderer.selecting(view: "TextLog:/", eye: nil, useViewUp: false).views.map(\.kind) == [.textLog])
        #expect(try renderer.selecting(view: "textlog:/", eye: nil, useViewUp: false).views.map(\.kind) == [.textLog])
        #expect(throws: ViewSelectionError.self) { try renderer.selecting(view: "2D:/", eye: nil, useViewUp: false) }
    }
}
