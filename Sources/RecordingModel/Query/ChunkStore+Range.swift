extension ChunkStore {
    /// Every non-null cell of `component` on `entity` whose time on `timeline` lies in `times`, ordered by
    /// `(time, rowID)`. When the component has static data, that single static cell is the answer (static data
    /// shadows temporal data). Clears are not applied here; ask `clearCells` for them.
    public func range(_ component: String, entity: EntityPath, timeline: TimelineName, times: ClosedRange<TimeInt>) -> [ComponentCell] {
        guard let index = entities[entity]?.components[component] else { return [] }
        if let s = index.staticRef { return cell(s, component: component, isStatic: true).map { [$0] } ?? [] }
        guard let refs = index.temporal[timeline] else { return [] }
        var lo = 0, hi = refs.count
        while lo < hi {
            let mid = (lo + hi) >> 1
            if refs[mid].time < times.lowerBound { lo = mid + 1 } else { hi = mid }
        }
        var out: [ComponentCell] = []
        var k = lo
        while k < refs.count, refs[k].time <= times.upperBound {
            if let c = cell(refs[k], component: component, isStatic: false) { out.append(c) }
            k += 1
        }
        return out
    }

    /// The Clear cells of `entity` and the recursive ones of its ancestors with a time in `times`, ordered by
    /// index (for range views such as plots, where a Clear breaks a line).
    public func clearCells(for entity: EntityPath, timeline: TimelineName, times: ClosedRange<TimeInt>) -> [ComponentCell] {
        guard hasClears else { return [] }
        var out: [ComponentCell] = []
        for (k, p) in entity.selfAndAncestors.enumerated() {
            for c in range(ClearQuery.component, entity: p, timeline: timeline, times: times) where !c.isEmpty {
                if k == 0 || c.values.bool(at: c.instances.lowerBound) == true { out.append(c) }
            }
        }
        return out.sorted { $0.index < $1.index }
    }
}
