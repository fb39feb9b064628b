import ArrowIPC

extension ChunkStore {
    /// The newest cell of `component` on `entity` at `query`, **ignoring Clears**: the static cell with the
    /// largest row id if any (static wins whatever the time), else the temporal cell with the largest
    /// `(time, rowID)` at or before `query.time` on `query.timeline`. Null cells are never returned.
    public func latestAtIgnoringClears(_ component: String, entity: EntityPath, query: LatestAtQuery) -> ComponentCell? {
        guard let index = entities[entity]?.components[component] else { return nil }
        if let s = index.staticRef { return cell(s, component: component, isStatic: true) }
        guard let timeline = query.timeline, let refs = index.temporal[timeline],
              let k = lastIndex(atOrBefore: query.time, in: refs) else { return nil }
        return cell(refs[k], component: component, isStatic: false)
    }

    /// The newest Clear that applies to `entity` at `query` (rendering-conventions §4.3): the latest-at Clear
    /// of the entity itself (flat or recursive) and, for every ancestor, its latest-at Clear if that one is
    /// recursive. Returns the largest of their indices (static counting as newest), or nil.
    public func clearIndex(for entity: EntityPath, query: LatestAtQuery) -> DataIndex? {
        guard hasClears else { return nil }
        var newest: DataIndex? = nil
        var path: EntityPath? = entity
        var isSelf = true
        while let p = path {
            if let c = latestAtIgnoringClears(ClearQuery.component, entity: p, query: query) {
                newest = ClearQuery.newest(newest, with: c, isSelf: isSelf)
            }
            path = p.parent
            isSelf = false
        }
        return newest
    }

    /// The newest visible cell of `component` on `entity` at `query`: `latestAtIgnoringClears`, hidden when a
    /// Clear applies whose index is at least the cell's (a value survives a Clear only if written strictly after it).
    public func latestAt(_ component: String, entity: EntityPath, query: LatestAtQuery) -> ComponentCell? {
        guard let c = latestAtIgnoringClears(component, entity: entity, query: query) else { return nil }
        if let clear = clearIndex(for: entity, query: query), !(clear < c.index) { return nil }
        return c
    }

    /// Latest-at for several components at once, each resolved on its own (partial updates accumulate).
    public func latestAt(_ components: [String], entity: EntityPath, query: LatestAtQuery) -> LatestAtResults {
        let clear = clearIndex(for: entity, query: query)
        var cells: [String: ComponentCell] = [:]
        for name in components {
            guard let c = latestAtIgnoringClears(name, entity: entity, query: query) else { continue }
            if let clear, !(clear < c.index) { continue }
            cells[name] = c
        }
        return LatestAtResults(entityPath: entity, cells: cells)
    }

    /// Latest-at for an **atomic group** (rendering-conventions §4.4, e.g. the Transform3D fields): the newest
    /// row holding any member defines the whole group; members absent from that row count as unset. The group
    /// as a whole is hidden by a Clear at least as new as that row.
    public func latestAtGroup(_ components: [String], entity: EntityPath, query: LatestAtQuery) -> LatestAtResults {
        var found: [String: ComponentCell] = [:]
        for name in components {
            if let c = latestAtIgnoringClears(name, entity: entity, query: query) { found[name] = c }
        }
        guard let newest = found.values.map(\.index).max() else { return LatestAtResults(entityPath: entity, cells: [:]) }
        if let clear = clearIndex(for: entity, query: query), !(clear < newest) {
            return LatestAtResults(entityPath: entity, cells: [:])
        }
        return LatestAtResults(entityPath: entity, cells: found.filter { $0.value.index == newest })
    }
}
