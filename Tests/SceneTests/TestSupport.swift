import Foundation
import Testing

/// Reads a file of Tests/SceneTests/Data (written by scripts/make_scene_test_assets.py).
func testData(_ name: String) throws -> [UInt8] {
    let url = try #require(Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Data"),
                           "missing test input Data/\(name)")
    return [UInt8](try Data(contentsOf: url))
}

/// Little-endian bytes of a list of fixed-width integers.
func leBytes<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
    values.flatMap { v in (0..<MemoryLayout<T>.size).map { UInt8(truncatingIfNeeded: v.littleEndian >> (8 * $0)) } }
}

func leBytes(_ values: [Float]) -> [UInt8] { leBytes(values.map(\.bitPattern)) }
func leBytes(_ values: [Double]) -> [UInt8] { leBytes(values.map(\.bitPattern)) }
func leBytes(_ values: [Float16]) -> [UInt8] { leBytes(values.map(\.bitPattern)) }

/// RGBA pixels of an image as an array of 4-tuples flattened into [[UInt8]] for readable expectations.
func pixelList(_ pixels: [UInt8]) -> [[UInt8]] {
    stride(from: 0, to: pixels.count, by: 4).map { Array(pixels[$0..<$0 + 4]) }
}

func approxEqual(_ a: SIMD3<Float>, _ b: SIMD3<Float>, tolerance: Float = 1e-5) -> Bool {
    abs(a.x - b.x) <= tolerance && abs(a.y - b.y) <= tolerance && abs(a.z - b.z) <= tolerance
}
