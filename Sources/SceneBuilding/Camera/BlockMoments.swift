/// Per-axis count, mean and sum of squared deviations ("M2") of a point set, in double precision, fed a
/// block of points at a time. A block's own mean and squared deviations come from two passes over the
/// block alone (small enough to stay in cache), and the block joins the running totals with Chan's
/// pairwise update. So one pass over the points gives what the two-pass formula gives, to rounding, and
/// stays accurate for clouds far from the origin. The totals depend only on the points, their order and
/// `blockSize`: the same input gives the same bits.
///
/// Lanes are x, y, z and a fourth that callers keep at 0.
struct BlockMoments {
    /// Points per block: 512 × 32 bytes fit in the first-level cache.
    static var blockSize: Int { 512 }

    private(set) var count = 0
    private(set) var mean = SIMD4<Double>()
    /// Σ (p − mean)² per axis.
    private(set) var squares = SIMD4<Double>()

    /// Adds a block (at most `blockSize` points; any count works).
    mutating func add(_ block: UnsafeBufferPointer<SIMD4<Double>>) {
        let k = block.count
        guard k > 0 else { return }
        // Two accumulators per sum halve the chain of dependent adds.
        var s0 = SIMD4<Double>(), s1 = SIMD4<Double>(), i = 0
        while i + 1 < k { s0 += block[i]; s1 += block[i + 1]; i += 2 }
        if i < k { s0 += block[i] }
        let blockMean = (s0 + s1) / Double(k)
        var q0 = SIMD4<Double>(), q1 = SIMD4<Double>()
        i = 0
        while i + 1 < k {
            let d0 = block[i] - blockMean, d1 = block[i + 1] - blockMean
            q0 += d0 * d0; q1 += d1 * d1
            i += 2
        }
        if i < k { let d = block[i] - blockMean; q0 += d * d }
        let n = Double(count), m = Double(k), total = n + m
        let delta = blockMean - mean
        mean += delta * (m / total)
        squares += (q0 + q1) + delta * delta * (n * m / total)
        count += k
    }

    /// Mean ± 2σ (population σ) per axis; empty without points.
    var window: BoundingBox {
        guard count > 0 else { return .empty }
        let v = squares / Double(count)
        let mean3 = SIMD3(mean.x, mean.y, mean.z)
        let sigma = SIMD3(v.x.squareRoot(), v.y.squareRoot(), v.z.squareRoot())
        return BoundingBox(min: mean3 - 2 * sigma, max: mean3 + 2 * sigma)
    }

    /// The moments of the points among `0..<n` that `keep` accepts, in index order, fed to `add` in blocks
    /// of `blockSize`; `point(i)` gives point i with its fourth lane 0.
    @inline(__always)
    static func of(_ n: Int, _ point: (Int) -> SIMD4<Double>, keep: (SIMD4<Double>) -> Bool) -> BlockMoments {
        var moments = BlockMoments()
        withUnsafeTemporaryAllocation(of: SIMD4<Double>.self, capacity: blockSize) { buffer in
            var filled = 0
            for i in 0..<n {
                let p = point(i)
                guard keep(p) else { continue }
                buffer[filled] = p
                filled += 1
                if filled == blockSize {
                    moments.add(UnsafeBufferPointer(rebasing: buffer[..<filled]))
                    filled = 0
                }
            }
            moments.add(UnsafeBufferPointer(rebasing: buffer[..<filled]))
        }
        return moments
    }

    /// Whether every lane is finite (`p − p` is 0 exactly then, NaN otherwise).
    @inline(__always) static func isFinite(_ p: SIMD4<Double>) -> Bool { all(p - p .== 0) }

    /// Whether lanes x, y, z lie in `box` (bounds included).
    @inline(__always) static func isInside(_ p: SIMD4<Double>, _ box: BoundingBox) -> Bool {
        let low = SIMD4(box.min.x, box.min.y, box.min.z, 0), high = SIMD4(box.max.x, box.max.y, box.max.z, 0)
        return all((p .>= low) .& (p .<= high))
    }

    /// Rerun's outlier-robust region of interest (rendering-conventions §6.2) of the `n` points `point`
    /// gives, from `all`, the moments of its finite points (`of(n, point, keep: isFinite)`, at least 2 of
    /// them; callers use the plain bounds below that): per axis the mean ± 2σ of the finite points,
    /// recomputed once over the finite points inside that first window (one more pass over the points).
    @inline(__always)
    static func robustRegion(_ n: Int, _ point: (Int) -> SIMD4<Double>, all: BlockMoments) -> BoundingBox {
        let first = all.window
        let inside = of(n, point) { isFinite($0) && isInside($0, first) }
        return inside.count == 0 ? first : inside.window
    }
}
