import MediaCodecs
import Rasterizer
import RecordingModel
import Testing
@testable import SceneBuilding

/// The bundled recordings' 2D views (and the 3D view of `images.rrd`, with its camera frustum and depth cloud)
/// rendered through `RecordingRenderer` at 320 × 240 without title bars, against goldens and exact texel colours.
@Suite struct Spatial2DFixtureTests {
    static let width = 320, height = 240

    static func render(_ file: String, origin: String, eye: Eye? = nil, threads: Int = 2) throws -> (image: RGBAImage, warnings: [RenderWarning]) {
        let store = try SceneFixtures.store(file)
        var renderer = RecordingRenderer(store: store)
        renderer.composer = PictureComposer(titleBars: false)
        var view = try #require(renderer.views.first { $0.originText == origin }, "no view at \(origin)")
        if let eye { view.eye = eye }
        let timeline = try #require(TimeSelection.defaultTimeline(in: store))
        let time = try TimeSelection.time(nil, on: timeline, in: store)
        return try renderer.restricted(to: [view]).render(query: LatestAtQuery(timeline: timeline.name, at: time),
                                                          width: width, height: height, threads: threads)
    }

    static let imageViews = ["/camera/depth", "/images/gray_f32", "/images/gray_u8", "/images/rgb_jpeg", "/images/rgb_png",
                             "/images/rgb_u8", "/images/rgba_u8", "/segmentation/image"]

    @Test(arguments: imageViews) func imagesView(_ origin: String) throws {
        let (image, warnings) = try Self.render("images.rrd", origin: origin)
        #expect(warnings.isEmpty, "\(warnings)")
        try Spatial2DGolden.check("images" + origin.replacingOccurrences(of: "/", with: "_"), image)
    }

    /// The 24 × 16 images fill the width of 320 × 240: 40/3 pixels per texel, 40/3 pixels of letterbox above.
    static func pixel(ofTexel i: Int, _ j: Int, in image: RGBAImage) -> [UInt8] {
        let scale = 40.0 / 3
        return image.pixel(Int((Double(i) + 0.5) * scale), Int(scale + (Double(j) + 0.5) * scale))
    }

    @Test func rawAndPNGTexelsAreShownExactly() throws {
        for origin in ["/images/rgb_u8", "/images/rgb_png"] {
            let image = try Self.render("images.rrd", origin: origin).image
            for (i, j) in [(0, 0), (23, 0), (0, 15), (23, 15), (11, 7)] {
                #expect(Self.pixel(ofTexel: i, j, in: image) == [UInt8(10 * i), UInt8(15 * j), 128, 255], "\(origin) (\(i), \(j))")
            }
        }
    }

    @Test func depthTexelsAreColourMappedOverZeroToMax() throws {
        let image = try Self.render("images.rrd", origin: "/camera/depth").image
        for (i, j) in [(0, 0), (23, 15), (5, 9)] {
            let c = Colormap.viridis.rgba8(at: Float(1000 + 50 * i + 10 * j) / 2300)
            #expect(Self.pixel(ofTexel: i, j, in: image) == [c.x, c.y, c.z, 255], "(\(i), \(j))")
        }
    }

    /// The camera looks up the world's Z axis (RDF camera, RFU world); an eye beside it shows the frustum and the
    /// back-projected depth cloud 1 to 2.3 m in front of it.
    @Test func imagesThreeDViewShowsTheDepthCloud() throws {
        let eye = Eye(position: [3, -3, 1], target: [0, 0, 1.2], up: [0, 0, 1])
        let (image, warnings) = try Self.render("images.rrd", origin: "/", eye: eye)
        #expect(warnings.isEmpty, "\(warnings)")
        try Spatial2DGolden.check("images_3d", image)
    }

    @Test func geometryShapesView() throws {
        let (image, warnings) = try Self.render("geometry.rrd", origin: "/shapes")
        #expect(warnings.isEmpty, "\(warnings)")
        try Spatial2DGolden.check("geometry_shapes", image)
    }

    @Test func sameBytesForAnyThreadCount() throws {
        for (file, origin) in [("geometry.rrd", "/shapes"), ("images.rrd", "/segmentation/image")] {
            let one = try Self.render(file, origin: origin, threads: 1).image
            #expect(try Self.render(file, origin: origin, threads: 3).image == one, "\(file) \(origin)")
        }
    }

    @Test func pointsView() throws {
        let (image, warnings) = try Self.render("points.rrd", origin: "/image_space/points2d")
        #expect(warnings.isEmpty, "\(warnings)")
        try Spatial2DGolden.check("points_points2d", image)
    }
}
