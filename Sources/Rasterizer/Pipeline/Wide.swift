import CKernelIntrinsics

/// Lane-mask and shuffle helpers for the 8-lane kernels.
///
/// The standard library's `any(_:)` on a `SIMDMask` reduces through the generic `SIMD.min()`,
/// which is not specialised and cost 10–20 % of the line and point kernels; these read the mask's
/// storage (−1 / 0 per lane, same layout as `SIMD8<Int32>`) with concrete types instead, and reduce
/// it with the C shims of `CKernelIntrinsics` (one instruction where the CPU has one).
typealias LaneMask = SIMDMask<SIMD8<Int32>>

/// Whether any lane is set.
@inline(__always) func anyLane(_ m: LaneMask) -> Bool { rrd_any_bits8(unsafeBitCast(m, to: SIMD8<Int32>.self)) }

/// The mask as lane bits (all ones / zero per lane), to combine and apply with integer operations.
@inline(__always) func maskBits(_ m: LaneMask) -> SIMD8<UInt32> { unsafeBitCast(m, to: SIMD8<UInt32>.self) }

/// Bit `j` set for every set lane `j`.
@inline(__always) func laneBits(_ m: LaneMask) -> UInt32 { rrd_lane_bits8(unsafeBitCast(m, to: SIMD8<Int32>.self)) }

// Concrete minimum / maximum: in the kernels `Swift.min`/`max` on `Float` and `Int32` went through
// the `Comparable` witness instead of one instruction. (NaN: the second argument wins.)
@inline(__always) func minf(_ a: Float, _ b: Float) -> Float { a < b ? a : b }
@inline(__always) func maxf(_ a: Float, _ b: Float) -> Float { a > b ? a : b }
@inline(__always) func minf(_ a: Float, _ b: Float, _ c: Float) -> Float { minf(minf(a, b), c) }
@inline(__always) func maxf(_ a: Float, _ b: Float, _ c: Float) -> Float { maxf(maxf(a, b), c) }
@inline(__always) func mini(_ a: Int32, _ b: Int32, _ c: Int32) -> Int32 { let m = a < b ? a : b; return m < c ? m : c }
@inline(__always) func maxi(_ a: Int32, _ b: Int32, _ c: Int32) -> Int32 { let m = a > b ? a : b; return m > c ? m : c }

/// Lanes that are finite (not NaN, not ±∞): `abs(v) < ∞` lane by lane.
@inline(__always) func isFinite(_ v: SIMD8<Float>) -> LaneMask {
    (v .> -Float.infinity) .& (v .< Float.infinity)
}

/// Tile coordinate `⌊v⌋ >> tileShift` of pixel coordinates in [0, 2²²) (other lanes give
/// unspecified values): the floored float plus 1.5 · 2²³ holds the integer in its low bits.
@inline(__always) func tileIndex(_ v: SIMD8<Float>) -> SIMD8<Int32> {
    let f = v.rounded(.down) + 12_582_912
    return (unsafeBitCast(f, to: SIMD8<Int32>.self) &- 0x4B40_0000) &>> Int32(tileShift)
}

// Selects as bit operations on lane masks (`maskBits`). `replacing(with:where:)` and the `SIMDMask` operators are
// written lane by lane in the standard library; where a kernel holds several computations of the same shape, the
// compiler re-vectorised those lanes across them into 128-bit pieces, shuffles and scalar extractions (the ground
// grid's intensity ran 1.75× slower so). Comparisons, bit operations and arithmetic stay whole vectors.

/// `m ? a : b` lane by lane, `m` holding all ones or zero per lane.
@inline(__always) func select(_ m: SIMD8<UInt32>, _ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
    let ua = unsafeBitCast(a, to: SIMD8<UInt32>.self), ub = unsafeBitCast(b, to: SIMD8<UInt32>.self)
    return unsafeBitCast(ub ^ ((ua ^ ub) & m), to: SIMD8<Float>.self)
}

/// `m ? a : b` lane by lane for integer lanes.
@inline(__always) func select(_ m: SIMD8<UInt32>, _ a: SIMD8<UInt32>, _ b: SIMD8<UInt32>) -> SIMD8<UInt32> {
    b ^ ((a ^ b) & m)
}

@inline(__always) func select(_ m: SIMD8<UInt32>, _ a: SIMD8<Int32>, _ b: SIMD8<Int32>) -> SIMD8<Int32> {
    b ^ ((a ^ b) & unsafeBitCast(m, to: SIMD8<Int32>.self))
}

/// `m ? a : 0` lane by lane.
@inline(__always) func keep(_ a: SIMD8<Float>, _ m: SIMD8<UInt32>) -> SIMD8<Float> {
    unsafeBitCast(unsafeBitCast(a, to: SIMD8<UInt32>.self) & m, to: SIMD8<Float>.self)
}

/// Whether any lane of `m` is set.
@inline(__always) func anyBits(_ m: SIMD8<UInt32>) -> Bool { rrd_any_bits8(unsafeBitCast(m, to: SIMD8<Int32>.self)) }

/// Whether every bit of every lane of `m` is set.
@inline(__always) func allBits(_ m: SIMD8<UInt32>) -> Bool { rrd_all_bits8(unsafeBitCast(m, to: SIMD8<Int32>.self)) }

/// Whether any bit of any lane of the 4-lane `m` is set.
@inline(__always) func anyBits(_ m: SIMD4<UInt32>) -> Bool { rrd_any_bits4(unsafeBitCast(m, to: SIMD4<Int32>.self)) }

/// Whether every bit of every lane of the 4-lane `m` is set.
@inline(__always) func allBits(_ m: SIMD4<UInt32>) -> Bool { rrd_all_bits4(unsafeBitCast(m, to: SIMD4<Int32>.self)) }

/// Lanes 0, 1, 4, 5 of `a` and `b` interleaved (`a0 b0 a1 b1 a4 b4 a5 b5`: one unpack shuffle on
/// AVX, per 128-bit half).
@inline(__always) func unpackLo(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
    SIMD8(a[0], b[0], a[1], b[1], a[4], b[4], a[5], b[5])
}

/// Lanes 2, 3, 6, 7 of `a` and `b` interleaved (`a2 b2 a3 b3 a6 b6 a7 b7`).
@inline(__always) func unpackHi(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> {
    SIMD8(a[2], b[2], a[3], b[3], a[6], b[6], a[7], b[7])
}
