import CKernelIntrinsics

/// The bounds and the outlier-robust region of interest of a point cloud given in single precision, without a
/// double-precision copy of the cloud: two passes over the floats (`BlockMoments`), the first also finding the
/// bounds. The bounds are exactly (bit for bit) what `BoundingBox.add` over the points converted to
/// `SIMD3<Double>` gives, and the region is exactly what `BoundingBox.robustRegion(of:)` gives for those points.
struct PointCloudExtent {
    /// The box holding every finite point.
    var bounds = BoundingBox.empty
    /// Rerun's robust region (per axis mean ± 2σ, recomputed once over the points inside the first window).
    var regionOfInterest = BoundingBox.empty

    init(_ points: [SIMD3<Float>]) {
        points.withUnsafeBufferPointer { p in
            /// Point i in double precision, fourth lane 0 (a `SIMD3<Float>`'s fourth lane is padding).
            @inline(__always) func point(_ i: Int) -> SIMD4<Double> {
                // Lane 3 cleared with a bit mask: `replacing(with:where:)` went lane by lane. Widened with one
                // conversion (`rrd_widen4`): `SIMD4<Double>(_:)` converted lane by lane and shuffled the halves
                // together, a third of the extent's time.
                let bits = unsafeBitCast(p[i], to: SIMD4<UInt32>.self) & SIMD4(.max, .max, .max, 0)
                return rrd_widen4(unsafeBitCast(bits, to: SIMD4<Float>.self))
            }
            // `pointwiseMin`/`pointwiseMax`'s choices: the old minimum unless the point is below it, the point
            // when it is at or above the old maximum.
            var low = SIMD4<Double>(repeating: .infinity), high = SIMD4<Double>(repeating: -.infinity)
            let all = BlockMoments.of(p.count, point) { q in
                guard BlockMoments.isFinite(q) else { return false }
                low = low.replacing(with: q, where: q .< low)
                high = high.replacing(with: q, where: q .>= high)
                return true
            }
            guard all.count > 0 else { return }
            bounds = BoundingBox(min: SIMD3(low.x, low.y, low.z), max: SIMD3(high.x, high.y, high.z))
            regionOfInterest = all.count >= 2 ? BlockMoments.robustRegion(p.count, point, all: all) : bounds
        }
    }
}
