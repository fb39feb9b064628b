import ArgumentParser
import Foundation
import MediaCodecs
import SceneBuilding

/// `rrd-render frames FILE --timeline NAME [...] -o DIR/frame_%05d.png`
struct Frames: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render the frames of an animation along a timeline as numbered PNG or JPEG files.",
        discussion: """
        The frames are those `video` would encode with the same options (see `rrd-render video --help`); frame k \
        is written to the -o pattern with %d (or %05d etc.) replaced by k, and is identical to `snapshot` at \
        that frame's time. Missing folders are created. Exit codes: 0 written, 2 bad input or a failed write, \
        130 interrupted.
        """)

    @OptionGroup var scene: SceneOptions
    @OptionGroup var animation: AnimationOptions

    @Option(name: .shortAndLong, help: "Output pattern with one %d or %0Nd, ending in .png or .jpg.")
    var output: String

    @Option(help: "JPEG quality, 1-100.")
    var quality: Int = 90

    func validate() throws {
        guard Self.fileName(output, 0) != nil else {
            throw ValidationError("-o must contain exactly one %d or %0Nd (e.g. out/frame_%05d.png), got '\(output)'")
        }
        guard ImageFileFormat(path: output) != nil else { throw ValidationError("-o must end in .png, .jpg or .jpeg") }
        guard (1...100).contains(quality) else { throw ValidationError("--quality must be 1-100") }
    }

    func run() async throws {
        let session = try scene.session()
        let schedule = try animation.schedule(session)
        let format = ImageFileFormat(path: output)!
        let folder = URL(fileURLWithPath: Self.fileName(output, 0)!).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw failure("cannot create \(folder): \(error)")
        }
        guard let frames = session.animation(schedule) else { throw failure("the recording has no timeline") }
        let progress = ProgressLine(total: schedule.count, quiet: animation.quiet)
        let interruption = Interruption {}
        let warnings = WarningOnce()
        let pattern = output, quality = self.quality
        do {
            try frames.run(workers: scene.threads, isCancelled: { interruption.isInterrupted }) { image, k, found in
                warnings.report(found)
                try format.write(image, to: Self.fileName(pattern, k)!, quality: quality)
                progress.advance()
            }
        } catch {
            progress.finish()
            throw failure("\(error)")
        }
        progress.finish()
        if interruption.isInterrupted {
            FileHandle.standardError.write(Data("rrd-render: interrupted\n".utf8))
            throw ExitCode(130)
        }
    }

    /// `pattern` with its single `%d` / `%0Nd` replaced by `k`; nil when the pattern has none or several.
    static func fileName(_ pattern: String, _ k: Int) -> String? {
        guard let regex = try? NSRegularExpression(pattern: "%(0?)([0-9]?)d") else { return nil }
        let range = NSRange(pattern.startIndex..., in: pattern)
        let matches = regex.matches(in: pattern, range: range)
        guard matches.count == 1, let m = matches.first, let r = Range(m.range, in: pattern),
              pattern.filter({ $0 == "%" }).count == 1 else { return nil }
        let width = Range(m.range(at: 2), in: pattern).flatMap { Int(pattern[$0]) } ?? 0
        var digits = String(k)
        if digits.count < width { digits = String(repeating: "0", count: width - digits.count) + digits }
        return pattern.replacingCharacters(in: r, with: digits)
    }
}
