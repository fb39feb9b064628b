import Foundation
import MediaCodecs
import Testing
import TestSupport

@Suite(.enabled(if: BuiltCLI.path != nil, "needs the rrd-render binary built next to the tests"))
struct SnapshotCommandTests {
    @Test func sameBytesForEveryThreadCount() throws {
        let dir = try TemporaryFolder()
        var outputs: [[UInt8]] = []
        for threads in ["1", "2", "16"] {
            let out = dir.file("dna-\(threads).png")
            let run = try rrdRender("snapshot", Fixture.path("dna.rrd"), "--time", "1.5s", "--size", "320x180",
                                    "--threads", threads, "-o", out)
            #expect(run.status == 0, "\(run.stderr)")
            outputs.append(try #require(fileBytes(out)))
        }
        #expect(outputs[0] == outputs[1] && outputs[1] == outputs[2])
        let image = try PNGCodec.decode(outputs[0])
        #expect(image.width == 320 && image.height == 180)
    }

    @Test func jpegOutput() throws {
        let dir = try TemporaryFolder()
        let out = dir.file("dna.jpg")
        let run = try rrdRender("snapshot", Fixture.path("dna.rrd"), "--size", "160x90", "-o", out, "--quality", "80")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(try JPEGCodec.decode(try #require(fileBytes(out))).width == 160)
    }

    @Test func unknownTimelineListsTheValidOnes() throws {
        let dir = try TemporaryFolder()
        let run = try rrdRender("snapshot", Fixture.path("dna.rrd"), "--timeline", "frame", "-o", dir.file("x.png"))
        #expect(run.status == 2)
        #expect(run.stderr.contains("unknown timeline 'frame'") && run.stderr.contains("stable_time"))
        #expect(dir.contents.isEmpty)
    }

    @Test func unknownViewListsTheViews() throws {
        let dir = try TemporaryFolder()
        let run = try rrdRender("snapshot", Fixture.path("geometry.rrd"), "--view", "/nope", "-o", dir.file("x.png"))
        #expect(run.status == 2)
        #expect(run.stderr.contains("no view '/nope'") && run.stderr.contains("/shapes (2D"))
    }

    @Test func badTimeSaysWhatIsExpected() throws {
        let dir = try TemporaryFolder()
        let run = try rrdRender("snapshot", Fixture.path("timelines.rrd"), "--timeline", "wall_clock", "--time",
                                "yesterday", "-o", dir.file("x.png"))
        #expect(run.status == 2 && run.stderr.contains("ISO 8601"))
    }

    @Test func damagedRecordingNamesTheOffsetAndWritesNothing() throws {
        let dir = try TemporaryFolder()
        let bytes = try #require(fileBytes(Fixture.path("points.rrd")))
        let broken = dir.file("broken.rrd")
        #expect(FileManager.default.createFile(atPath: broken, contents: Data(bytes.prefix(7))))
        let run = try rrdRender("snapshot", broken, "-o", dir.file("x.png"))
        #expect(run.status == 2)
        #expect(run.stderr.contains("broken.rrd") && run.stderr.contains("offset"))
        #expect(!FileManager.default.fileExists(atPath: dir.file("x.png")))
        let missing = try rrdRender("snapshot", dir.file("none.rrd"), "-o", dir.file("x.png"))
        #expect(missing.status == 2 && missing.stderr.contains("none.rrd"))
    }

    @Test func badArgumentsAreUsageErrors() throws {
        let run = try rrdRender("snapshot", Fixture.path("dna.rrd"), "--size", "0x10", "-o", "x.png")
        #expect(run.status != 0 && run.stderr.contains("--size"))
        let ext = try rrdRender("snapshot", Fixture.path("dna.rrd"), "-o", "x.gif")
        #expect(ext.status != 0 && ext.stderr.contains(".png"))
    }
}
