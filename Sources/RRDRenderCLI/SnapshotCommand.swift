import ArgumentParser
import Foundation
import MediaCodecs

/// `rrd-render snapshot FILE [--timeline NAME] [--time VALUE] ... -o OUT.png|jpg`
struct Snapshot: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Render a picture of a recording at one moment to PNG or JPEG.",
        discussion: """
        Time values: sequence numbers (42), durations (1.5s, 250ms, 2min), timestamps (ISO 8601, e.g. \
        2024-01-02T03:04:05Z), 'start', 'end', or '+OFFSET' from the timeline's start (+10, +1.5s). Default: the \
        end of the timeline, where everything logged is visible. Each component shows its newest value at or \
        before that time (static data always). The file appears whole or not at all. Exit codes: 0 written, \
        2 bad input or a failed write.
        """)

    @OptionGroup var scene: SceneOptions

    @Option(help: "The moment to show (see below).")
    var time: String?

    @Option(name: .shortAndLong, help: "Output file: .png or .jpg/.jpeg.")
    var output: String

    @Option(help: "JPEG quality, 1-100.")
    var quality: Int = 90

    func validate() throws {
        guard ImageFileFormat(path: output) != nil else {
            throw ValidationError("-o must end in .png, .jpg or .jpeg (got '\(output)')")
        }
        guard (1...100).contains(quality) else { throw ValidationError("--quality must be 1-100") }
    }

    func run() async throws {
        let session = try scene.session()
        let image: RGBAImage
        do {
            image = try session.render(try session.query(at: time))
        } catch {
            throw failure("\(error)")
        }
        do {
            try ImageFileFormat(path: output)!.write(image, to: output, quality: quality)
        } catch {
            throw failure("cannot write \(output): \(error)")
        }
    }
}

/// The picture formats `snapshot` and `frames` write, chosen by file extension.
enum ImageFileFormat {
    case png, jpeg

    init?(path: String) {
        switch URL(fileURLWithPath: path).pathExtension.lowercased() {
        case "png": self = .png
        case "jpg", "jpeg": self = .jpeg
        default: return nil
        }
    }

    func write(_ image: RGBAImage, to path: String, quality: Int) throws {
        switch self {
        case .png: try AtomicFile.write(try PNGCodec.encode(image), to: path)
        case .jpeg: try AtomicFile.write(try JPEGCodec.encode(image, quality: quality), to: path)
        }
    }
}
