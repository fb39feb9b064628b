/// The entity hierarchy as the view heuristics see it: every logged entity plus its implicit ancestors,
/// and the subspace (nearest Pinhole at or above) each one belongs to.
struct EntityTree {
    let facts: [[String]: EntityFacts]
    /// Every logged path and every ancestor of one, sorted.
    let allPaths: [[String]]
    /// Entities with a Pinhole, sorted: the origins of the 2D subspaces. The root subspace is `[]`.
    let pinholes: [[String]]

    init(_ entities: [EntityFacts]) {
        var facts: [[String]: EntityFacts] = [:]
        for e in entities { facts[e.path] = e }
        self.facts = facts
        var all = Set<[String]>([[]])
        for p in facts.keys { for n in 0...p.count { all.insert(Array(p.prefix(n))) } }
        allPaths = all.sorted { $0.lexicographicallyPrecedes($1) }
        pinholes = facts.values.filter(\.hasPinhole).map(\.path).sorted { $0.lexicographicallyPrecedes($1) }
    }

    /// The root subspace and every pinhole subspace.
    var subspaceOrigins: [[String]] { [[]] + pinholes }

    func subspaceOrigin(of path: [String]) -> [String] {
        pinholes.filter { path.starts(with: $0) }.max { $0.count < $1.count } ?? []
    }

    func children(of path: [String]) -> [[String]] {
        allPaths.filter { $0.count == path.count + 1 && $0.starts(with: path) }
    }

    /// Logged entities at or below `path` that belong to `subspace`.
    func entities(under path: [String], in subspace: [String]) -> [EntityFacts] {
        allPaths.lazy.filter { $0.starts(with: path) && self.subspaceOrigin(of: $0) == subspace }
            .compactMap { facts[$0] }
    }

    private func subtreeHas(_ path: [String], _ predicate: (EntityFacts) -> Bool) -> Bool {
        facts.values.contains { $0.path.starts(with: path) && predicate($0) }
    }

    // MARK: 3D

    /// Entities with a DisconnectedSpace outside pinhole subspaces: each is the origin of a 3D space of its own.
    var disconnectedOrigins: [[String]] {
        facts.values.filter { $0.isDisconnectedSpace && subspaceOrigin(of: $0.path).isEmpty }.map(\.path)
            .sorted { $0.lexicographicallyPrecedes($1) }
    }

    func spatial3DViews() -> [ViewSpec] {
        let cuts = disconnectedOrigins
        // Each 3D space: the root, and every disconnected entity; a space ends where a nested one starts.
        return ([[]] + cuts).flatMap { space in
            let nested = cuts.filter { $0.count > space.count && $0.starts(with: space) }
            return spatial3DViews(space: space, excluding: nested)
        }
    }

    private func spatial3DViews(space: [String], excluding nested: [[String]]) -> [ViewSpec] {
        func inNested(_ p: [String]) -> Bool { nested.contains { p.starts(with: $0) } }
        let rootEntities = entities(under: space, in: []).filter { !inNested($0.path) }
        let viewCoordinateOrigins = rootEntities.filter { $0.hasViewCoordinates && !$0.hasPinhole }.map(\.path)
        let anchors = rootEntities.filter(\.indicates3D).map(\.path)
            + pinholes.filter { $0.starts(with: space) && !inNested($0) }
        guard !anchors.isEmpty else { return [] }
        var origins = viewCoordinateOrigins.filter { $0 != space }
        if anchors.contains(where: { a in !origins.contains { a.starts(with: $0) } }) {
            origins.insert(space, at: 0)
        }
        return origins.map { origin in
            var filter = EntityFilter.subtree(origin)
            filter.excluded = onlyOtherClassSubtrees(under: origin, in: [], wanted: \.drawsIn2D,
                                                     keep: { $0.indicates3D })
                + nested.filter { $0.starts(with: origin) }.map { EntityFilter.Rule($0, subtree: true) }
            return ViewSpec(kind: .spatial3D, origin: origin, contents: filter)
        }
    }

    /// For each entity matching `wanted` but not `keep`, the highest ancestor below `origin` whose subtree has
    /// nothing matching `keep`: those subtrees hold only the other view class's content and are excluded.
    private func onlyOtherClassSubtrees(under origin: [String], in subspace: [String],
                                        wanted: (EntityFacts) -> Bool,
                                        keep: (EntityFacts) -> Bool) -> [EntityFilter.Rule] {
        var rules: [EntityFilter.Rule] = []
        for e in entities(under: origin, in: subspace) where wanted(e) && !keep(e) {
            var top = e.path
            while top.count > origin.count + 1, !subtreeHas(Array(top.dropLast()), keep) { top.removeLast() }
            guard top.count > origin.count, !subtreeHas(top, keep) else { continue }
            let rule = EntityFilter.Rule(top, subtree: true)
            if !rules.contains(rule) { rules.append(rule) }
        }
        return rules
    }

    // MARK: 2D

    func spatial2DViews(subspace: [String]) -> [ViewSpec] {
        let entities2D = entities(under: subspace, in: subspace).filter(\.drawsIn2D)
        guard !entities2D.isEmpty else { return [] }
        let root = subspace.isEmpty ? commonAncestor(entities2D.map(\.path)) : subspace
        let hasImages = entities2D.contains { !$0.images.isEmpty }
        let specs = hasImages ? split2D(at: root, subspace: subspace)
                              : [ViewSpec(kind: .spatial2D, origin: root, contents: .subtree(root))]
        return specs.map { spec in
            guard spec.contents.included.contains(where: \.subtree) else { return spec }
            var s = spec
            s.contents.excluded = onlyOtherClassSubtrees(under: spec.origin, in: subspace, wanted: \.indicates3D,
                                                         keep: { $0.drawsIn2D })
            return s
        }
    }

    /// The image-splitting walk of rendering-conventions §14.4.
    private func split2D(at node: [String], subspace: [String]) -> [ViewSpec] {
        let below = entities(under: node, in: subspace)
        guard below.contains(where: \.drawsIn2D) else { return [] }
        let images = below.flatMap(\.images)
        let sizes = Set(images.map { $0.size.map { [$0.x, $0.y] } ?? [-1, -1] })
        let qualifies = sizes.count <= 1 && images.filter { $0.kind == .color }.count <= 1
            && images.filter { $0.kind == .depth }.count <= 1
        let visualizable = facts[node]?.drawsIn2D == true && subspaceOrigin(of: node) == subspace
        let subtreeView = ViewSpec(kind: .spatial2D, origin: node, contents: .subtree(node))
        if qualifies && visualizable { return [subtreeView] }
        var out: [ViewSpec] = []
        if visualizable { out.append(ViewSpec(kind: .spatial2D, origin: node, contents: .entity(node))) }
        let childViews = children(of: node).filter { !pinholes.contains($0) }
            .flatMap { split2D(at: $0, subspace: subspace) }
        if qualifies && childViews.count > 1 { return [subtreeView] }
        return out + childViews
    }

    private func commonAncestor(_ paths: [[String]]) -> [String] {
        guard var prefix = paths.first else { return [] }
        for p in paths.dropFirst() {
            while !p.starts(with: prefix) { prefix.removeLast() }
        }
        return prefix
    }
}
