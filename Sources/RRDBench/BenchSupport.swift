import ArgumentParser
import Foundation

/// Seconds of `body`, on a monotonic clock.
func seconds(_ body: () throws -> Void) rethrows -> Double {
    let clock = ContinuousClock()
    let start = clock.now
    try body()
    let d = clock.now - start
    return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

/// The median of some timings.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
}

/// Prints one JSON object (sorted keys) on its own line.
func printJSONLine(_ object: [String: Any]) {
    if let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) {
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }
}

/// Rounds to 3 decimals for printing.
func r3(_ x: Double) -> Double { (x * 1000).rounded() / 1000 }

/// A `--size` value `WIDTHxHEIGHT` (both above 1).
func frameSize(_ text: String) throws -> (width: Int, height: Int) {
    let parts = text.split(separator: "x").compactMap { Int($0) }
    guard parts.count == 2, parts[0] > 1, parts[1] > 1 else { throw ValidationError("--size must be WIDTHxHEIGHT, not \(text)") }
    return (parts[0], parts[1])
}
