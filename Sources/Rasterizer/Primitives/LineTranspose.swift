/// Eight vectors of 8 lanes as one 8 × 8 matrix, for moving line records between their memory
/// layout (a record's fields side by side) and lanes (one record per lane).
typealias Vectors8 = (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>,
                      SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>)

/// The transpose of `m`: lane `i` of vector `j` of the result is lane `j` of vector `i` of `m`.
/// Unpacks, pair shuffles and half swaps (24 shuffles): built lane by lane through memory, each
/// of the 64 values was a load or an insert.
@inline(__always) func transposed(_ m: Vectors8) -> Vectors8 {
    typealias V = SIMD8<Float>
    @inline(__always) func pairsLo(_ a: V, _ b: V) -> V { V(a[0], a[1], b[0], b[1], a[4], a[5], b[4], b[5]) }
    @inline(__always) func pairsHi(_ a: V, _ b: V) -> V { V(a[2], a[3], b[2], b[3], a[6], a[7], b[6], b[7]) }
    @inline(__always) func lows(_ a: V, _ b: V) -> V { V(lowHalf: a.lowHalf, highHalf: b.lowHalf) }
    @inline(__always) func highs(_ a: V, _ b: V) -> V { V(lowHalf: a.highHalf, highHalf: b.highHalf) }
    let (f0, f1, f2, f3, f4, f5, f6, f7) = m
    let t0 = unpackLo(f0, f1), t1 = unpackHi(f0, f1), t2 = unpackLo(f2, f3), t3 = unpackHi(f2, f3)
    let t4 = unpackLo(f4, f5), t5 = unpackHi(f4, f5), t6 = unpackLo(f6, f7), t7 = unpackHi(f6, f7)
    // u_k: lanes k (low half) and k + 4 (high half) of vectors 0…3; u_{k+4}: of vectors 4…7.
    let u0 = pairsLo(t0, t2), u1 = pairsHi(t0, t2), u2 = pairsLo(t1, t3), u3 = pairsHi(t1, t3)
    let u4 = pairsLo(t4, t6), u5 = pairsHi(t4, t6), u6 = pairsLo(t5, t7), u7 = pairsHi(t5, t7)
    return (lows(u0, u4), lows(u1, u5), lows(u2, u6), lows(u3, u7), highs(u0, u4), highs(u1, u5), highs(u2, u6), highs(u3, u7))
}
