import ArgumentParser

/// `rrd-bench`: benchmarks that print figures (JSON lines) and never assert times.
/// Each subcommand lives in its own file (`<Name>Bench.swift`).
@main
struct RRDBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rrd-bench",
        abstract: "Measure rrd-render against its peers. Prints one JSON line per measurement.",
        subcommands: [
            Load.self,
            MakePoints.self,
            MakeCamera.self,
            SnapshotBench.self,
            ExportBench.self,
            CompareBench.self,
            EncodeBench.self,
            PlotBench.self,
            RasterBench.self,
            FrameBench.self,
            QueryBench.self,
        ]
    )
}
