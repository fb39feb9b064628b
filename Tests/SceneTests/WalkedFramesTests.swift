import Foundation
import Rasterizer
import RecordingModel
import Testing
@testable import SceneBuilding

/// Pictures drawn from a forward `LatestAtWalk` (as video frames are) equal the pictures drawn from store
/// queries (as snapshots are), pixel for pixel, on every fixture with a timeline, at many moments of each
/// timeline: every logged time and its neighbours, walking forward with one kept rasterizer, each picture drawn
/// into the previous one's pixels (the first into an array of junk), as an export reuses consumed frames.
@Suite struct WalkedFramesTests {
    static let fixtures = FixtureViewsTests.fixtures

    /// Up to `limit` moments spread over every time logged on `timeline` (each with its neighbours).
    static func moments(_ store: ChunkStore, _ timeline: TimelineName, limit: Int) -> [TimeInt] {
        var times = Set<TimeInt>()
        for chunk in store.chunks {
            guard let column = chunk.timeColumn(timeline) else { continue }
            for t in column.times { times.formUnion([t, t &- 1, t &+ 1]) }
        }
        let sorted = times.sorted()
        guard sorted.count > limit else { return sorted }
        return (0..<limit).map { sorted[$0 * (sorted.count - 1) / (limit - 1)] }
    }

    @Test(arguments: ["dna.rrd", "clear.rrd", "partial_updates.rrd", "partial_updates_optimized.rrd", "timelines.rrd",
                      "transforms.rrd", "points.rrd", "geometry.rrd", "images.rrd", "series.rrd", "tensor_text.rrd",
                      "blueprint.rrd", "custom.rrd", "concatenated.rrd"])
    func walkedPicturesEqualStorePictures(_ name: String) throws {
        let loaded = try Recording.load(path: Self.fixtures.appendingPathComponent(name).path)
        let store = try #require(loaded.recording)
        var compared = 0
        for timeline in store.timelines.keys.sorted() {
            let renderer = RecordingRenderer(store: store, blueprint: loaded.blueprint.map { Blueprint(store: $0) },
                                             timeline: timeline)
            let walk = LatestAtWalk(store: store, timeline: timeline)
            let rasterizer = Renderer()
            var spare = [UInt8](repeating: 0xA5, count: 160 * 120 * 4)
            for t in Self.moments(store, timeline, limit: 24) {
                let walked = try renderer.render(source: walk.at(t), width: 160, height: 120, rasterizer: rasterizer,
                                                 reusing: spare)
                let searched = try renderer.render(query: LatestAtQuery(timeline: timeline, at: t), width: 160, height: 120)
                #expect(walked.image == searched.image, "\(name) \(timeline) at \(t): pictures differ")
                #expect(walked.warnings == searched.warnings, "\(name) \(timeline) at \(t): warnings differ")
                compared += 1
                spare = walked.image.pixels
            }
        }
        #expect(compared > 0)
    }

    /// An export worker's frames (forward walk, kept rasterizer) equal fresh renders at each frame's time, also for
    /// a worker that starts late and one that is handed frames out of order.
    @Test func workerFramesEqualFreshRenders() throws {
        let loaded = try Recording.load(path: Self.fixtures.appendingPathComponent("dna.rrd").path)
        let store = try #require(loaded.recording)
        let renderer = RecordingRenderer(store: store, timeline: "stable_time")
        let range = try #require(store.timelines["stable_time"]?.range)
        let schedule = try FrameSchedule(kind: .duration, from: range.lowerBound, to: range.upperBound, fps: 10)
        let animation = AnimationRenderer(renderer: renderer, timeline: "stable_time", schedule: schedule,
                                          width: 200, height: 120)
        let forward = AnimationRenderer.Worker(animation)
        let order = Array(0..<schedule.count) + [schedule.count / 2, 1, schedule.count - 1, 0]
        for k in order {
            let fresh = try renderer.render(query: LatestAtQuery(timeline: "stable_time", at: schedule.time(k)),
                                            width: 200, height: 120)
            #expect(try forward.frame(k).image == fresh.image, "frame \(k)")
        }
        #expect(schedule.count > 10)
    }
}
