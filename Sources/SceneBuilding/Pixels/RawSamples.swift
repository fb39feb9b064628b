import Foundation

/// One little-endian channel sample type, read from unaligned bytes. Generic code over this protocol is
/// specialised per type, so the per-sample loops have no dynamic dispatch.
protocol RawSample {
    static var byteCount: Int { get }
    /// The sample at byte offset `offset` of `base`, as a Double (exact for every type except 64-bit integers).
    static func load(_ base: UnsafeRawPointer, _ offset: Int) -> Double
    /// Whether the type can hold NaN or infinities.
    static var isFloat: Bool { get }
}

extension RawSample where Self: FixedWidthInteger {
    static var byteCount: Int { MemoryLayout<Self>.size }
    static var isFloat: Bool { false }
    @inline(__always)
    static func load(_ base: UnsafeRawPointer, _ offset: Int) -> Double {
        Double(Self(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: Self.self)))
    }
}

extension UInt8: RawSample {}
extension Int8: RawSample {}
extension UInt16: RawSample {}
extension Int16: RawSample {}
extension UInt32: RawSample {}
extension Int32: RawSample {}
extension UInt64: RawSample {}
extension Int64: RawSample {}

extension Float16: RawSample {
    static var byteCount: Int { 2 }
    static var isFloat: Bool { true }
    @inline(__always)
    static func load(_ base: UnsafeRawPointer, _ offset: Int) -> Double {
        Double(Float16(bitPattern: UInt16(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt16.self))))
    }
}

extension Float: RawSample {
    static var byteCount: Int { 4 }
    static var isFloat: Bool { true }
    @inline(__always)
    static func load(_ base: UnsafeRawPointer, _ offset: Int) -> Double {
        Double(Float(bitPattern: UInt32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt32.self))))
    }
}

extension Double: RawSample {
    static var byteCount: Int { 8 }
    static var isFloat: Bool { true }
    @inline(__always)
    static func load(_ base: UnsafeRawPointer, _ offset: Int) -> Double {
        Double(bitPattern: UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self)))
    }
}

extension ChannelDatatype {
    /// Calls `body` with the Swift type that stores one sample of this datatype.
    func withSampleType<R>(_ body: (any RawSample.Type) throws -> R) rethrows -> R {
        switch self {
        case .u8: try body(UInt8.self)
        case .i8: try body(Int8.self)
        case .u16: try body(UInt16.self)
        case .i16: try body(Int16.self)
        case .u32: try body(UInt32.self)
        case .i32: try body(Int32.self)
        case .u64: try body(UInt64.self)
        case .i64: try body(Int64.self)
        case .f16: try body(Float16.self)
        case .f32: try body(Float.self)
        case .f64: try body(Double.self)
        }
    }
}

/// The smallest and largest finite sample of the first `count` samples, or nil when none is finite.
func finiteRange<T: RawSample>(_ raw: UnsafeRawBufferPointer, count: Int, as _: T.Type) -> (min: Double, max: Double)? {
    guard count > 0, let base = raw.baseAddress else { return nil }
    var lo = Double.infinity
    var hi = -Double.infinity
    let step = T.byteCount
    for i in 0..<count {
        let v = T.load(base, i &* step)
        if T.isFloat && !v.isFinite { continue }
        lo = Swift.min(lo, v)
        hi = Swift.max(hi, v)
    }
    return lo <= hi ? (lo, hi) : nil
}

/// Reads the first `count` samples as Floats into `out` (which must hold `count` elements).
func loadSamples<T: RawSample>(_ raw: UnsafeRawBufferPointer, count: Int, as _: T.Type,
                               into out: UnsafeMutableBufferPointer<Float>) {
    guard count > 0, let base = raw.baseAddress else { return }
    let step = T.byteCount
    for i in 0..<count { out[i] = Float(T.load(base, i &* step)) }
}

/// The viewer's value-range heuristic (rendering-conventions §8.10), applied to a finite data range:
/// floats within [0, 1] → [0, 1]; any data within [0, 255] → [0, 255]; constant data → [v − 1, v + 1];
/// otherwise [min, max]. With no finite data the range is [0, 1] for floats and [0, 255] otherwise.
public func valueRangeHeuristic(finiteMin: Double, finiteMax: Double, isFloat: Bool) -> (min: Double, max: Double) {
    if isFloat && 0 <= finiteMin && finiteMax <= 1 { return (0, 1) }
    if 0 <= finiteMin && finiteMax <= 255 { return (0, 255) }
    if finiteMin == finiteMax { return (finiteMin - 1, finiteMax + 1) }
    return (finiteMin, finiteMax)
}
