import Foundation
import MediaCodecs
import Testing
import TestSupport

@Suite(.enabled(if: BuiltCLI.path != nil, "needs the rrd-render binary built next to the tests"))
struct AnimationCommandTests {
    @Test func framesMatchSnapshotsExactly() throws {
        let dir = try TemporaryFolder()
        let run = try rrdRender("frames", Fixture.path("dna.rrd"), "--timeline", "stable_time", "--from", "1s",
                                "--to", "1.2s", "--fps", "10", "--size", "200x120", "-q", "-o", dir.file("f/frame_%03d.png"))
        #expect(run.status == 0, "\(run.stderr)")
        #expect((try? FileManager.default.contentsOfDirectory(atPath: dir.file("f")))?.sorted()
            == ["frame_000.png", "frame_001.png", "frame_002.png"])
        for (k, time) in ["1s", "1.1s", "1.2s"].enumerated() {
            let snap = dir.file("snap\(k).png")
            let s = try rrdRender("snapshot", Fixture.path("dna.rrd"), "--time", time, "--size", "200x120", "-o", snap)
            #expect(s.status == 0)
            #expect(fileBytes(snap) == fileBytes(dir.file("f/frame_00\(k).png")), "frame \(k) differs from the snapshot at \(time)")
        }
    }

    @Test func durationTimelineVideo() throws {
        let dir = try TemporaryFolder()
        let out = dir.file("dna.mp4")
        let run = try rrdRender("video", Fixture.path("dna.rrd"), "--timeline", "stable_time", "--to", "1s", "--fps", "20",
                                "--size", "161x91", "--codec", "h264", "--preset", "ultrafast", "-o", out)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("rounded") || run.stderr.contains("160x90"))
        let facts = try #require(try VideoFacts(out))
        // 0 … 1 s at 20 fps: 21 frames, 1.05 s.
        #expect(facts.frames == 21 && facts.rate == "20/1" && abs(facts.duration - 1.05) < 0.01)
        #expect(facts.codec == "h264" && facts.pixelFormat == "yuv420p" && facts.width == 160 && facts.height == 90)
    }

    @Test func sequenceTimelineVideoStepsOnePerFrame() throws {
        let dir = try TemporaryFolder()
        let out = dir.file("seq.mp4")
        // timelines.rrd: `frame` runs 100…104 for the sensor (and 7 for another entity: a gap of 92 steps).
        let run = try rrdRender("video", Fixture.path("timelines.rrd"), "--timeline", "frame", "--from", "100", "--fps", "5",
                                "--size", "128x96", "--preset", "ultrafast", "-o", out)
        #expect(run.status == 0, "\(run.stderr)")
        let facts = try #require(try VideoFacts(out))
        #expect(facts.frames == 5 && facts.rate == "5/1" && abs(facts.duration - 1.0) < 0.01)
    }

    @Test func gapsInATimelineStillGiveOneFramePerStep() throws {
        let dir = try TemporaryFolder()
        let run = try rrdRender("frames", Fixture.path("timelines.rrd"), "--timeline", "frame", "--size", "64x48", "-q",
                                "-o", dir.file("f/%d.png"))
        #expect(run.status == 0, "\(run.stderr)")
        // 7 … 104: 98 frames, also through the gap between 7 and 100.
        let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.file("f"))) ?? []
        #expect(files.count == 98 && files.contains("0.png") && files.contains("97.png"))
    }

    @Test func timestampTimelineWithRange() throws {
        let dir = try TemporaryFolder()
        let out = dir.file("ts.mp4")
        // wall_clock: 2024-01-02T03:04:05Z in 40 ms steps; 80 ms at 25 fps = 3 frames.
        let run = try rrdRender("video", Fixture.path("timelines.rrd"), "--timeline", "wall_clock",
                                "--from", "2024-01-02T03:04:05Z", "--to", "+80ms", "--fps", "25", "--size", "64x48",
                                "--preset", "ultrafast", "-o", out)
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try #require(try VideoFacts(out)).frames == 3)
    }

    @Test func emptyRangeAndBadDestinationLeaveNoFile() throws {
        let dir = try TemporaryFolder()
        let reversed = try rrdRender("video", Fixture.path("dna.rrd"), "--from", "2s", "--to", "1s", "-o", dir.file("x.mp4"))
        #expect(reversed.status == 2 && reversed.stderr.contains("empty"))
        let missingDir = try rrdRender("video", Fixture.path("dna.rrd"), "--to", "0.1s", "--size", "64x48",
                                       "-o", dir.file("no/such/dir/x.mp4"))
        #expect(missingDir.status == 2)
        #expect(dir.contents.isEmpty)
    }
}
