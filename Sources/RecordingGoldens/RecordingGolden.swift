import GoldenImage
import MediaCodecs
import RecordingModel
import SceneBuilding

/// Golden-image checks of recordings for users' own Swift tests (Swift Testing or XCTest): render a recording,
/// loaded from an `.rrd` or logged with `RecordingSDK`, exactly as `rrd-render snapshot` would, and compare it with
/// a golden PNG under the same record modes and artifacts as `rrd-render check`.
///
/// ```swift
/// var rec = RecordingStream(applicationID: "my_test")
/// rec.setTime("frame", sequence: 1)
/// rec.log("points", Points3D(positions: [[0, 0, 0], [1, 1, 1]]))
/// try RecordingGolden.assertMatches(rec.store, timeline: "frame", time: "1", golden: "Goldens/points.png")
/// ```
public enum RecordingGolden {
    /// Why a recording could not be rendered (before any comparison).
    public struct RenderFailure: Error, CustomStringConvertible {
        public let description: String
    }

    /// The picture `rrd-render snapshot` makes of `store` with these arguments (views laid out by `blueprint`, the
    /// default views otherwise; `time` in the forms snapshot accepts; nil = the end of the timeline).
    public static func render(_ store: ChunkStore, blueprint: ChunkStore? = nil, timeline: String? = nil,
                              time: String? = nil, view: String? = nil, width: Int = 640, height: Int = 480,
                              eye: Eye? = nil, titleBars: Bool = true) throws -> RGBAImage {
        do {
            let chosen = try TimeSelection.timeline(named: timeline, in: store)
            let query = try chosen.map { LatestAtQuery(timeline: $0.name, at: try TimeSelection.time(time, on: $0, in: store)) }
                ?? .staticOnly
            var renderer = RecordingRenderer(store: store, blueprint: blueprint.map { Blueprint(store: $0) },
                                             timeline: chosen?.name)
            renderer.composer = PictureComposer(titleBars: titleBars)
            renderer = try renderer.selecting(view: view, eye: eye, useViewUp: false)
            return try renderer.render(query: query, width: width, height: height).image
        } catch {
            throw RenderFailure(description: "\(error)")
        }
    }

    /// Renders `store` and checks it against `golden`; throws `GoldenFailure` (with artifact paths and how to
    /// re-record) when it differs beyond `tolerance`. Record mode: `record`, else `RRD_GOLDEN_RECORD`, else `never`
    /// under CI and `missing` locally.
    @discardableResult
    public static func assertMatches(_ store: ChunkStore, blueprint: ChunkStore? = nil, timeline: String? = nil,
                                     time: String? = nil, view: String? = nil, width: Int = 640, height: Int = 480,
                                     eye: Eye? = nil, golden: String, tolerance: Tolerance = .exact,
                                     record: RecordMode? = nil, artifactsDirectory: String? = nil) throws
        -> GoldenCheck.Outcome {
        let image = try render(store, blueprint: blueprint, timeline: timeline, time: time, view: view, width: width,
                               height: height, eye: eye)
        return try Golden.assertMatches(image, golden: golden, tolerance: tolerance, record: record,
                                        artifactsDirectory: artifactsDirectory)
    }
}
