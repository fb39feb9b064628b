/// The bounds and the outlier-robust region of interest of a point cloud given in single precision, computed
/// without a double-precision copy of the cloud: exactly (bit for bit) what `BoundingBox.add` over the points
/// converted to `SIMD3<Double>` and `BoundingBox.robustRegion(of:)` give, since every sum runs in the same order
/// on the same double values. Four passes over the floats, no allocation.
struct PointCloudExtent {
    /// The box holding every finite point.
    var bounds = BoundingBox.empty
    /// Rerun's robust region (per axis mean ± 2σ, recomputed once over the points inside the first window).
    var regionOfInterest = BoundingBox.empty

    init(_ points: [SIMD3<Float>]) {
        points.withUnsafeBufferPointer { p in
            @inline(__always) func finite(_ q: SIMD3<Float>) -> Bool { q.x.isFinite && q.y.isFinite && q.z.isFinite }
            var count = 0
            var sum = SIMD3<Double>.zero
            for q in p where finite(q) {
                let d = q.double
                bounds.min = pointwiseMin(bounds.min, d); bounds.max = pointwiseMax(bounds.max, d)
                sum += d
                count += 1
            }
            guard count >= 2 else { regionOfInterest = bounds; return }
            let first = Self.window(p, count: count, sum: sum) { finite($0) }
            var insideCount = 0
            var insideSum = SIMD3<Double>.zero
            @inline(__always) func inside(_ q: SIMD3<Float>) -> Bool {
                let d = q.double
                return finite(q) && all(d .>= first.min) && all(d .<= first.max)
            }
            for q in p where inside(q) { insideSum += q.double; insideCount += 1 }
            regionOfInterest = insideCount == 0 ? first : Self.window(p, count: insideCount, sum: insideSum, inside)
        }
    }

    /// Mean ± 2σ per axis of the points `included` picks (`count` of them, summing to `sum`).
    private static func window(_ p: UnsafeBufferPointer<SIMD3<Float>>, count: Int, sum: SIMD3<Double>,
                               _ included: (SIMD3<Float>) -> Bool) -> BoundingBox {
        let n = Double(count)
        let mean = sum / n
        var squares = SIMD3<Double>.zero
        for q in p where included(q) {
            let d = q.double - mean
            squares = squares + d * d
        }
        let variance = squares / n
        let sigma = SIMD3(variance.x.squareRoot(), variance.y.squareRoot(), variance.z.squareRoot())
        return BoundingBox(min: mean - 2 * sigma, max: mean + 2 * sigma)
    }
}
