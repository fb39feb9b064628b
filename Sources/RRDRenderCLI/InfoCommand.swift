import ArgumentParser
import Foundation
import RecordingModel

/// `rrd-render info FILE [--json]`: what a recording holds. Exit code 0 on success, 2 when the file cannot
/// be read (the message names the byte offset).
struct Info: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Describe a recording: stores, timelines, entities, components, row counts, warnings.")

    @Argument(help: "The .rrd or .rbl file.")
    var file: String

    @Flag(help: "Print one JSON document (sorted keys) instead of text.")
    var json = false

    func run() async throws {
        let recording: Recording
        do {
            recording = try Recording.load(path: file)
        } catch {
            FileHandle.standardError.write(Data("rrd-render: \(error) (\(file))\n".utf8))
            throw ExitCode(2)
        }
        let summary = RecordingSummary(recording)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            FileHandle.standardOutput.write(try encoder.encode(summary) + Data("\n".utf8))
        } else {
            FileHandle.standardOutput.write(Data(summary.text.utf8))
        }
    }
}
