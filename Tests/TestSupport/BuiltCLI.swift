import Foundation

/// The `rrd-render` binary built next to the test bundle (`.build/<config>/rrd-render`), if any.
public enum BuiltCLI {
    public static let path: String? = {
        guard let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") else { return nil }
        let candidate = URL(fileURLWithPath: exe).deletingLastPathComponent().appendingPathComponent("rrd-render").path
        return FileManager.default.isExecutableFile(atPath: candidate) ? candidate : nil
    }()

    public static func run(_ arguments: [String]) throws -> Subprocess {
        try Subprocess.run(try requirePath(), arguments)
    }

    private static func requirePath() throws -> String {
        guard let path else { throw CLIMissing() }
        return path
    }

    public struct CLIMissing: Error {}
}
