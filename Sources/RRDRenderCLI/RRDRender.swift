import ArgumentParser

/// The `rrd-render` command line: the only place that touches argv, stdout and exit codes.
/// Each subcommand lives in its own file (`<Name>Command.swift`).
@main
struct RRDRender: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rrd-render",
        abstract: "Render Rerun recordings (.rrd) to pictures and videos on the CPU.",
        subcommands: [
            Info.self,
            Snapshot.self,
            Video.self,
            Frames.self,
            Check.self,
            Compare.self,
        ]
    )
}
