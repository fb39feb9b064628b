import RecordingModel

/// Data checks shared by the 2D visualizers: problems are reported against the entity and the data is still
/// drawn the way the viewer draws it (non-finite positions skipped, lists clamped).
enum InstanceChecks {
    /// Warns about per-instance lists whose length is neither 0, 1 nor the instance count: the viewer repeats
    /// their last value (or ignores the extra ones), which is rarely what was meant.
    static func lengths(_ lists: [(name: String, count: Int)], instances: Int, what: String, entity: EntityPath,
                        into scene: inout SpatialCollector) {
        for list in lists where list.count > 1 && list.count != instances {
            let effect = list.count < instances ? "the last value repeats" : "the extra values are ignored"
            scene.warn(entity, "\(list.name) has \(list.count) values for \(instances) \(what); \(effect)")
        }
    }

    /// Warns when some positions are not finite (the rasterizer skips those instances).
    static func finite(_ values: [SIMD2<Float>], what: String, entity: EntityPath, into scene: inout SpatialCollector) {
        let bad = values.reduce(0) { $0 + ($1.x.isFinite && $1.y.isFinite ? 0 : 1) }
        if bad > 0 { scene.warn(entity, "\(bad) of \(values.count) \(what) are not finite and are not drawn") }
    }
}

extension SIMD2 where Scalar == Float {
    /// The point in a 2D entity space (z = 0).
    var xy0: SIMD3<Float> { SIMD3(x, y, 0) }
}
