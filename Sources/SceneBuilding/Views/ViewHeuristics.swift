/// The views the Rerun viewer creates for a recording without a blueprint (rendering-conventions §14).
///
/// The entity tree is cut into subspaces at every Pinhole; the root subspace gets 3D views (at each
/// ViewCoordinates entity, and at `/` for anything not under one), every subspace with 2D content gets 2D views
/// split so that no view stacks two colour images or images of different sizes, and scalars, bar charts, tensors,
/// text documents and text logs get their own views. At most 8 views of each class.
public enum ViewHeuristics {
    public static let maxViewsPerClass = 8

    public static func defaultViews(for entities: [EntityFacts]) -> [ViewSpec] {
        let tree = EntityTree(entities.filter { $0.path.first != "__properties" })
        var views: [ViewSpec] = []
        views += tree.spatial3DViews()
        views += tree.subspaceOrigins.flatMap { tree.spatial2DViews(subspace: $0) }
            .sorted { $0.origin.lexicographicallyPrecedes($1.origin) }
        for e in tree.facts.values.sorted(by: { $0.path.lexicographicallyPrecedes($1.path) }) {
            if e.hasScalars { views.append(ViewSpec(kind: .timeSeries, origin: e.path, contents: .entity(e.path))) }
            if e.hasBarChart { views.append(ViewSpec(kind: .barChart, origin: e.path, contents: .entity(e.path))) }
            if e.hasTensor { views.append(ViewSpec(kind: .tensor, origin: e.path, contents: .entity(e.path))) }
            if e.hasTextDocument {
                views.append(ViewSpec(kind: .textDocument, origin: e.path, contents: .entity(e.path)))
            }
        }
        if tree.facts.values.contains(where: \.hasTextLog) {
            views.append(ViewSpec(kind: .textLog, origin: [], contents: .subtree([])))
        }
        return capped(dropSubsets(views, tree: tree))
    }

    /// Drops a view whose entities are all shown by another view of the same class (the first of equals stays).
    static func dropSubsets(_ views: [ViewSpec], tree: EntityTree) -> [ViewSpec] {
        let paths = tree.allPaths
        let shown = views.map { v in Set(paths.filter { v.contents.contains($0) }) }
        return views.enumerated().filter { i, v in
            !views.indices.contains { j in
                j != i && views[j].kind == v.kind && shown[i].isSubset(of: shown[j])
                    && (shown[i] != shown[j] || j < i)
            }
        }.map(\.element)
    }

    static func capped(_ views: [ViewSpec]) -> [ViewSpec] {
        var perKind: [ViewKind: Int] = [:]
        return views.filter { v in
            perKind[v.kind, default: 0] += 1
            return perKind[v.kind]! <= maxViewsPerClass
        }
    }
}
