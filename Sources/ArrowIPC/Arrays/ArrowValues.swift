/// A fixed-width Arrow value type that can be read straight out of a buffer.
public protocol ArrowPrimitive: BitwiseCopyable, Sendable {
    /// The Arrow type a plain array of this Swift type has.
    static var arrowType: ArrowType { get }
    /// True when the bytes of an array of `type` are values of `Self` (e.g. Int64 also reads Timestamp/Duration).
    static func canRead(_ type: ArrowType) -> Bool
}

extension ArrowPrimitive {
    public static func canRead(_ type: ArrowType) -> Bool { type == arrowType }
}

extension Int8: ArrowPrimitive { public static var arrowType: ArrowType { .int8 } }
extension Int16: ArrowPrimitive { public static var arrowType: ArrowType { .int16 } }
extension Int32: ArrowPrimitive { public static var arrowType: ArrowType { .int32 } }
extension Int64: ArrowPrimitive {
    public static var arrowType: ArrowType { .int64 }
    public static func canRead(_ type: ArrowType) -> Bool {
        switch type {
        case .int64, .timestamp, .duration: true
        default: false
        }
    }
}
extension UInt8: ArrowPrimitive { public static var arrowType: ArrowType { .uint8 } }
extension UInt16: ArrowPrimitive { public static var arrowType: ArrowType { .uint16 } }
extension UInt32: ArrowPrimitive { public static var arrowType: ArrowType { .uint32 } }
extension UInt64: ArrowPrimitive { public static var arrowType: ArrowType { .uint64 } }
extension Float: ArrowPrimitive { public static var arrowType: ArrowType { .float32 } }
extension Double: ArrowPrimitive { public static var arrowType: ArrowType { .float64 } }

/// An IEEE 754 half-precision value as stored by Arrow (`halffloat`), convertible to `Float`.
public struct ArrowFloat16: ArrowPrimitive, Hashable {
    public var bitPattern: UInt16
    public static var arrowType: ArrowType { .float16 }

    public init(bitPattern: UInt16) { self.bitPattern = bitPattern }

    /// Rounds a `Float` to the nearest half (ties to even); overflow becomes infinity.
    public init(_ value: Float) {
        let bits = value.bitPattern
        let sign = UInt16((bits >> 16) & 0x8000)
        let exp = Int((bits >> 23) & 0xFF)
        var mant = bits & 0x7F_FFFF
        if exp == 0xFF {
            bitPattern = sign | 0x7C00 | (mant != 0 ? 0x200 : 0)
            return
        }
        let e = exp - 127 + 15
        if e >= 0x1F { bitPattern = sign | 0x7C00; return }
        if e <= 0 {
            if e < -10 { bitPattern = sign; return }
            mant |= 0x80_0000
            let shift = UInt32(14 - e)
            var half = mant >> shift
            let rem = mant & ((1 << shift) - 1)
            let halfway = UInt32(1) << (shift - 1)
            if rem > halfway || (rem == halfway && (half & 1) == 1) { half += 1 }
            bitPattern = sign | UInt16(half)
            return
        }
        var half = (UInt32(e) << 10) | (mant >> 13)
        let rem = mant & 0x1FFF
        if rem > 0x1000 || (rem == 0x1000 && (half & 1) == 1) { half += 1 }
        bitPattern = sign | UInt16(truncatingIfNeeded: half)
    }

    /// The exact `Float` value.
    public var floatValue: Float {
        let sign = UInt32(bitPattern & 0x8000) << 16
        let exp = Int((bitPattern >> 10) & 0x1F)
        let mant = UInt32(bitPattern & 0x3FF)
        if exp == 0x1F { return Float(bitPattern: sign | 0x7F80_0000 | (mant << 13)) }
        if exp == 0 {
            let magnitude = Float(mant) * Float(sign: .plus, exponent: -24, significand: 1)
            return sign != 0 ? -magnitude : magnitude
        }
        return Float(bitPattern: sign | (UInt32(exp - 15 + 127) << 23) | (mant << 13))
    }
}

/// A zero-copy, read-only view of `count` values of `T` inside an `ArrowStorage` (kept alive by the view).
public struct ArrowValues<T: BitwiseCopyable>: RandomAccessCollection, @unchecked Sendable {
    let storage: ArrowStorage
    let base: UnsafePointer<T>
    public let count: Int

    init(buffer: ArrowBuffer, count: Int) {
        storage = buffer.storage
        base = buffer.base.assumingMemoryBound(to: T.self)
        self.count = count
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    @inline(__always) public subscript(i: Int) -> T {
        precondition(i >= 0 && i < count, "ArrowValues index out of range")
        return base[i]
    }

    /// Runs `body` on the values as a typed buffer (valid only inside `body`).
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<T>) throws -> R) rethrows -> R {
        try withExtendedLifetime(storage) { try body(UnsafeBufferPointer(start: base, count: count)) }
    }

    /// The values `range` as another zero-copy view of the same storage.
    public func slice(_ range: Range<Int>) -> ArrowValues<T> {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "ArrowValues range out of bounds")
        return ArrowValues(storage: storage, base: base + range.lowerBound, count: range.count)
    }

    private init(storage: ArrowStorage, base: UnsafePointer<T>, count: Int) {
        self.storage = storage
        self.base = base
        self.count = count
    }

    /// A copy of the values `range` as a Swift array (one memcpy).
    public func copy(_ range: Range<Int>) -> [T] {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "ArrowValues range out of bounds")
        return withExtendedLifetime(storage) { Array(UnsafeBufferPointer(start: base + range.lowerBound, count: range.count)) }
    }
}
