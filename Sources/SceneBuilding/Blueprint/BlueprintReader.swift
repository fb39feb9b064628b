import ArrowIPC
import RecordingModel

extension Blueprint {
    /// The timeline on which the viewer writes blueprint edits; the newest row wins.
    public static let timeline = "blueprint"

    /// Reads the layout tree of a blueprint store (a `.rbl` file, or the blueprint stored next to a recording):
    /// `/viewport` names the root container; `/container/<id>` and `/view/<id>` entities (with
    /// `/view/<id>/ViewContents` and the property entities below the view) describe the nodes, latest-at the end of
    /// the `blueprint` timeline. Unknown view classes, missing nodes and cycles become warnings and are left out.
    public init(store: ChunkStore) {
        let query = LatestAtQuery(timeline: Self.timeline, at: .max)
        var warnings: [String] = []
        func cell(_ entity: EntityPath, _ component: String) -> ComponentCell? {
            store.latestAt(component, entity: entity, query: query)
        }
        let viewport = EntityPath(["viewport"])
        let autoViews = cell(viewport, "ViewportBlueprint:auto_views")?.bools().first
        var rootID = cell(viewport, "ViewportBlueprint:root_container").flatMap(Self.uuids)?.first
        if rootID == nil {
            // No viewport row: a blueprint with a single top container still has one container entity.
            let containers = store.entityPaths.filter { $0.parts.count == 2 && $0.parts[0] == "container" }
            if containers.count == 1 { rootID = containers[0].parts[1] }
        }

        var visiting: Set<String> = []
        func node(_ kind: String, _ id: String) -> BlueprintNode? {
            guard visiting.insert(kind + "/" + id).inserted else {
                warnings.append("blueprint: \(kind)/\(id) contains itself; left out")
                return nil
            }
            defer { visiting.remove(kind + "/" + id) }
            let entity = EntityPath([kind, id])
            guard !store.components(of: entity).isEmpty else {
                warnings.append("blueprint: \(kind)/\(id) is referenced but has no data; left out")
                return nil
            }
            return kind == "container" ? container(id, entity) : view(id, entity)
        }
        func container(_ id: String, _ entity: EntityPath) -> BlueprintNode? {
            let code = cell(entity, "ContainerBlueprint:container_kind")?.scalars(UInt8.self).first ?? 1
            guard let kind = BlueprintContainer.Kind(rawValue: code) else {
                warnings.append("blueprint: container/\(id) has unknown kind \(code); left out")
                return nil
            }
            let contents = cell(entity, "ContainerBlueprint:contents")?.strings() ?? []
            let children = contents.compactMap { text -> BlueprintNode? in
                guard let path = try? EntityPath(parsing: text), path.parts.count == 2,
                      ["view", "container"].contains(path.parts[0]) else {
                    warnings.append("blueprint: container/\(id) lists \"\(text)\", which is not a view or container")
                    return nil
                }
                return node(path.parts[0], path.parts[1])
            }
            let active = cell(entity, "ContainerBlueprint:active_tab")?.strings().first
                .flatMap { try? EntityPath(parsing: $0) }?.parts.last
            let columns = cell(entity, "ContainerBlueprint:grid_columns")?.scalars(UInt32.self).first
            return .container(BlueprintContainer(
                id: id, kind: kind, children: children,
                columnShares: (cell(entity, "ContainerBlueprint:col_shares")?.scalars(Float.self) ?? []).map(Double.init),
                rowShares: (cell(entity, "ContainerBlueprint:row_shares")?.scalars(Float.self) ?? []).map(Double.init),
                gridColumns: columns.map { max(1, Int(min($0, 1000))) }, activeTab: active,
                visible: cell(entity, "ContainerBlueprint:visible")?.bools().first ?? true,
                name: cell(entity, "ContainerBlueprint:display_name")?.strings().first))
        }
        func view(_ id: String, _ entity: EntityPath) -> BlueprintNode? {
            let cls = cell(entity, "ViewBlueprint:class_identifier")?.strings().first ?? ""
            guard let kind = ViewKind(rawValue: cls) else {
                warnings.append("blueprint: view/\(id) has class \"\(cls)\", which rrd-render does not draw; left out")
                return nil
            }
            let originText = cell(entity, "ViewBlueprint:space_origin")?.strings().first ?? "/"
            let origin = (try? EntityPath(parsing: originText))?.parts ?? []
            let queries = cell(entity.child("ViewContents"), "ViewContents:query")?.strings() ?? ["$origin/**"]
            let (filter, problems) = QueryExpressions.filter(queries, origin: origin)
            warnings += problems.map { "blueprint: view/\(id): \($0)" }
            let name = cell(entity, "ViewBlueprint:display_name")?.strings().first
            return .view(BlueprintView(
                id: id, spec: ViewSpec(kind: kind, origin: origin, contents: filter, name: name),
                properties: Self.properties(of: entity, store: store, query: query),
                visible: cell(entity, "ViewBlueprint:visible")?.bools().first ?? true))
        }

        let root = rootID.flatMap { id in
            store.components(of: EntityPath(["container", id])).isEmpty ? node("view", id) : node("container", id)
        }
        if rootID == nil && !store.entityPaths.isEmpty { warnings.append("blueprint: no root container") }
        self.init(root: root, autoViews: autoViews, warnings: warnings)
    }

    /// UUIDs of a `FixedSizeList<UInt8>[16]` cell, written 8-4-4-4-12 in lowercase hex.
    static func uuids(_ cell: ComponentCell) -> [String]? {
        guard case .fixedSizeList(_, 16) = cell.values.type, let bytes = cell.values.listChild?.values(UInt8.self) else { return nil }
        return cell.instances.compactMap { i in
            guard cell.values.isValid(i), 16 * (i + 1) <= bytes.count else { return nil }
            let hex = (0..<16).map { b in
                let v = bytes[16 * i + b]
                return String(v >> 4, radix: 16) + String(v & 15, radix: 16)
            }
            return [0..<4, 4..<6, 6..<8, 8..<10, 10..<16].map { hex[$0].joined() }.joined(separator: "-")
        }
    }

    /// The properties stored under `/view/<id>/<Archetype>`.
    static func properties(of view: EntityPath, store: ChunkStore, query: LatestAtQuery) -> ViewProperties {
        var p = ViewProperties()
        func cell(_ archetype: String, _ field: String) -> ComponentCell? {
            store.latestAt("\(archetype):\(field)", entity: view.child(archetype), query: query)
        }
        p.eyePosition = cell("EyeControls3D", "position")?.vec3().first
        p.eyeLookTarget = cell("EyeControls3D", "look_target")?.vec3().first
        p.eyeUp = cell("EyeControls3D", "eye_up")?.vec3().first
        if let c = cell("VisualBounds2D", "range"), let x = c.values.field("x_range"), let y = c.values.field("y_range"),
           let i = c.instances.first, let xr = pair(x, i), let yr = pair(y, i) {
            p.visualBounds2D = (xr, yr)
        }
        p.scalarAxisRange = cell("ScalarAxis", "range")?.f64x2().first.flatMap { $0.x <= $0.y ? $0.x...$0.y : nil }
        if let c = cell("TimeAxis", "view_range"), let i = c.instances.first { p.timeAxisRange = timeRange(c.values, i) }
        p.legendCorner = cell("PlotLegend", "corner")?.scalars(UInt8.self).first.flatMap(PlotLegend.Corner.init)
        p.legendVisible = cell("PlotLegend", "visible")?.bools().first
        if let c = cell("VisibleTimeRanges", "ranges"), let names = c.values.field("timeline"), let ranges = c.values.field("range") {
            p.visibleTimeRanges = c.instances.compactMap { i in
                guard let name = names.string(at: i), let r = timeRange(ranges, i) else { return nil }
                return (name, r)
            }.sorted { $0.timeline < $1.timeline }
        }
        p.colormap = cell("TensorScalarMapping", "colormap")?.scalars(UInt8.self).first.flatMap(Colormap.init)
        p.monospace = cell("TextDocumentFormat", "monospace")?.bools().first
        p.wordWrap = cell("TextDocumentFormat", "word_wrap")?.bools().first
        return p
    }

    /// Element `i` of a `FixedSizeList<Double>[2]` as a range (nil when not ordered or not finite).
    private static func pair(_ array: ArrowArray, _ i: Int) -> ClosedRange<Double>? {
        guard case .fixedSizeList(_, 2) = array.type, let v = array.listChild?.values(Double.self), 2 * i + 1 < v.count else { return nil }
        let (a, b) = (v[2 * i], v[2 * i + 1])
        return a.isFinite && b.isFinite && a <= b ? a...b : nil
    }

    /// Element `i` of a `Struct{start: Union, end: Union}` time range.
    private static func timeRange(_ array: ArrowArray, _ i: Int) -> TimeRangeBoundaries? {
        guard let s = array.field("start"), let e = array.field("end"), let start = boundary(s, i), let end = boundary(e, i) else {
            return nil
        }
        return TimeRangeBoundaries(start: start, end: end)
    }

    /// Slot `i` of a `TimeRangeBoundary` union: CursorRelative / Absolute (Int64) or Infinite.
    private static func boundary(_ union: ArrowArray, _ i: Int) -> TimeBoundary? {
        guard case .denseUnion(let fields, _) = union.type, let (k, j) = union.unionSlot(at: i) else { return nil }
        let child = union.children[k]
        switch fields[k].name {
        case "Infinite": return .infinite
        case "CursorRelative", "Absolute":
            guard let v = child.values(Int64.self), j >= 0, j < v.count else { return nil }
            return fields[k].name == "Absolute" ? .absolute(v[j]) : .cursorRelative(v[j])
        default: return nil
        }
    }
}
