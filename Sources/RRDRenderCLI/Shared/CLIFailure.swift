import ArgumentParser
import Foundation

/// Prints `rrd-render: message` on standard error and returns the exit code for bad input or a failed run (2).
func failure(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("rrd-render: \(message)\n".utf8))
    return ExitCode(2)
}

/// Prints a warning on standard error (the run goes on).
func warn(_ message: String) {
    FileHandle.standardError.write(Data("rrd-render: warning: \(message)\n".utf8))
}
