import Foundation
import MediaCodecs
import Testing
import TestSupport

@Suite(.enabled(if: BuiltCLI.path != nil, "needs the rrd-render binary built next to the tests"))
struct CheckCommandTests {
    private func suite(in dir: TemporaryFolder) throws -> String {
        let path = dir.file("suite.json")
        let json = """
        {"version": 1, "name": "mini", "defaults": {"recording": "\(Fixture.path("dna.rrd"))", "size": "160x90"},
         "cases": [{"name": "dna-start", "time": "start"}, {"name": "dna-1s", "time": "1s", "golden": "g/one.png"}]}
        """
        #expect(FileManager.default.createFile(atPath: path, contents: Data(json.utf8)))
        return path
    }

    @Test func recordThenPassThenFailWithArtifacts() throws {
        let dir = try TemporaryFolder()
        let path = try suite(in: dir)
        let first = try rrdRender("check", path, "--record", "missing", "--artifacts", dir.file("art"))
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.file("dna-start.png")))
        let golden = dir.file("g/one.png")
        // The golden equals the snapshot of the same case.
        let snap = dir.file("snap.png")
        _ = try rrdRender("snapshot", Fixture.path("dna.rrd"), "--time", "1s", "--size", "160x90", "-o", snap)
        #expect(fileBytes(snap) == fileBytes(golden))

        let again = try rrdRender("check", path, "--record", "never", "--junit", dir.file("junit.xml"),
                                  "--markdown", dir.file("summary.md"))
        #expect(again.status == 0, "\(again.stderr)")
        #expect(String(decoding: fileBytes(dir.file("junit.xml")) ?? [], as: UTF8.self).contains("<testsuite"))

        var image = try PNGCodec.decode(try #require(fileBytes(golden)))
        for i in stride(from: 0, to: 4 * 50, by: 4) { image.pixels[i] = 255 &- image.pixels[i] }
        try AtomicFile.write(try PNGCodec.encode(image), to: golden)
        let failing = try rrdRender("check", path, "--record", "never", "--artifacts", dir.file("art"))
        #expect(failing.status == 1)
        #expect(failing.stderr.contains("dna-1s") && failing.stderr.contains("--only"))
        #expect(FileManager.default.fileExists(atPath: dir.file("art/dna-1s/diff.png")))
    }

    @Test func ciNeverRecords() throws {
        let dir = try TemporaryFolder()
        let path = try suite(in: dir)
        let run = try Subprocess.run(try #require(BuiltCLI.path), ["check", path],
                                     environment: ["CI": "true", "PATH": "/usr/bin:/bin"])
        #expect(run.status == 1)
        #expect(!FileManager.default.fileExists(atPath: dir.file("dna-start.png")))
    }

    @Test func badSuiteIsAnError() throws {
        let dir = try TemporaryFolder()
        let path = dir.file("bad.json")
        #expect(FileManager.default.createFile(atPath: path, contents: Data(#"{"version": 1, "cases": [{"nam": "x"}]}"#.utf8)))
        let run = try rrdRender("check", path)
        #expect(run.status == 2)
    }
}
