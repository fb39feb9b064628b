import ArrowIPC
import Foundation
import RecordingModel
@testable import SceneBuilding
import Testing

/// Blueprints read from the bundled files (`blueprint.rrd`, `blueprint.rbl`, `blueprint_views.rrd` written by
/// `Fixtures/scripts/blueprint_views.py`), query expressions, and the layout of container trees.
@Suite struct BlueprintTests {
    static func blueprint(_ name: String) throws -> Blueprint {
        let recording = try Recording.load(path: ViewGolden.root.appendingPathComponent("Fixtures/rrd/" + name).path)
        return Blueprint(store: try #require(recording.blueprint))
    }

    @Test(arguments: ["blueprint.rrd", "blueprint.rbl"])
    func horizontalPairFromTheFixture(_ name: String) throws {
        let b = try Self.blueprint(name)
        #expect(b.warnings.isEmpty)
        guard case .container(let root)? = b.root else { Issue.record("root is not a container"); return }
        #expect(root.kind == .horizontal)
        #expect(b.allViews.map(\.spec.description) == ["3D /world: + /world/**", "TimeSeries /plot: + /plot/**"])
        #expect(b.allViews.map(\.spec.name) == ["3D", "Plot"])
        let placed = BlueprintLayout.arrange(b, in: PixelRect(x: 0, y: 0, width: 802, height: 400))
        #expect(placed.map(\.rect) == [PixelRect(x: 0, y: 0, width: 400, height: 400),
                                       PixelRect(x: 402, y: 0, width: 400, height: 400)])
    }

    @Test func everyContainerKindAndProperty() throws {
        let b = try Self.blueprint("blueprint_views.rrd")
        #expect(b.warnings.isEmpty)
        let views = Dictionary(uniqueKeysWithValues: b.allViews.map { ($0.spec.name, $0) })
        let world = try #require(views["World"])
        #expect(world.spec.kind == .spatial3D)
        #expect(world.properties.eyePosition == SIMD3(4, 3, 2))
        #expect(world.properties.eyeLookTarget == SIMD3(0, 0, 0.5))
        #expect(world.properties.eyeUp == SIMD3(0, 0, 1))
        let image = try #require(views["Image"])
        #expect(image.properties.visualBounds2D?.x == -2...10)
        #expect(image.properties.visualBounds2D?.y == -1...7)
        let plot = try #require(views["Plot"])
        #expect(plot.properties.scalarAxisRange == -2...2)
        #expect(plot.properties.timeAxisRange == TimeRangeBoundaries(start: .cursorRelative(-20), end: .cursorRelative(5)))
        #expect(plot.properties.legendCorner == .rightTop)
        let log = try #require(views["Log"])
        #expect(log.spec.contents.description == "+ /log/** - /log/ignored")
        #expect(views.values.filter { !$0.visible }.map(\.spec.originText) == ["/hidden"])

        // Vertical 2:1; the grid's 2 columns at 1:2; the tab container shows the tensor; the hidden view takes no room.
        let placed = BlueprintLayout.arrange(b, in: PixelRect(x: 0, y: 0, width: 902, height: 602))
        let rects = Dictionary(uniqueKeysWithValues: placed.map { ($0.view.spec.name, $0.rect) })
        #expect(placed.map(\.view.spec.name) == ["World", "Image", "Plot", "Log", "Tensor", "Bars"])
        #expect(rects["World"] == PixelRect(x: 0, y: 0, width: 300, height: 199))
        #expect(rects["Image"] == PixelRect(x: 302, y: 0, width: 600, height: 199))
        #expect(rects["Plot"] == PixelRect(x: 0, y: 201, width: 300, height: 199))
        #expect(rects["Log"] == PixelRect(x: 302, y: 201, width: 600, height: 199))
        #expect(rects["Tensor"] == PixelRect(x: 0, y: 402, width: 450, height: 200))
        #expect(rects["Bars"] == PixelRect(x: 452, y: 402, width: 450, height: 200))
        let tensor = try #require(placed.first { $0.view.spec.name == "Tensor" })
        #expect(tensor.tabTitles == ["Notes", "Tensor"] && tensor.activeTab == 1)
        #expect(placed.first?.tabTitles == [] && placed.first?.activeTab == nil)
    }

    @Test func blueprintPropertiesBecomePlotOptions() throws {
        let b = try Self.blueprint("blueprint_views.rrd")
        let plot = try #require(b.allViews.first { $0.spec.name == "Plot" })
        let options = plot.properties.timeSeriesOptions(timeline: "frame")
        #expect(options.yRange == -2...2)
        #expect(options.legend == PlotLegend(corner: .rightTop))
        #expect(options.timeAxis?.start.resolved(cursor: 30) == 10)
        #expect(options.timeAxis?.end.resolved(cursor: 30) == 35)
    }

    @Test func queryExpressions() {
        let (f, problems) = QueryExpressions.filter(["$origin/**\n- $origin/b", "+ /c", "/**/x\\"], origin: ["a"])
        #expect(f.included == [EntityFilter.Rule(["a"], subtree: true), EntityFilter.Rule(["c"], subtree: false)])
        #expect(f.excluded == [EntityFilter.Rule(["a", "b"], subtree: false)])
        #expect(problems.count == 1)  // the dangling escape
        let root = QueryExpressions.filter(["$origin/**"], origin: []).filter
        #expect(root.included == [EntityFilter.Rule([], subtree: true)])
        #expect(root.contains(["anything", "below"]))
    }

    @Test func gridTabsAndHiddenNodes() {
        func view(_ n: String, visible: Bool = true) -> BlueprintNode {
            .view(BlueprintView(id: n, spec: ViewSpec(kind: .textLog, origin: [n], contents: .subtree([n])), visible: visible))
        }
        let grid = BlueprintContainer(id: "g", kind: .grid, children: ["a", "b", "c", "d", "e"].map { view($0) })
        let tabs = BlueprintContainer(id: "t", kind: .tabs, children: [view("x"), view("y")], activeTab: "y")
        let root = BlueprintContainer(id: "r", kind: .horizontal,
                                      children: [.container(grid), view("hidden", visible: false), .container(tabs)],
                                      columnShares: [3, 5, 1])
        let placed = BlueprintLayout.arrange(Blueprint(root: .container(root)), in: PixelRect(x: 0, y: 0, width: 402, height: 202))
        // Hidden view: its share (5) is dropped with it; the grid gets 3/4, the tabs 1/4.
        #expect(placed.map(\.view.id) == ["a", "b", "c", "d", "e", "y"])
        #expect(placed.last?.rect == PixelRect(x: 302, y: 0, width: 100, height: 202))
        // 5 views → 3 columns, 2 rows; the last row keeps its 3-column cell width.
        #expect(placed[0].rect == PixelRect(x: 0, y: 0, width: 99, height: 100))
        #expect(placed[4].rect == PixelRect(x: 101, y: 102, width: 98, height: 100))
    }

    @Test func damagedBlueprintsWarnInsteadOfFailing() throws {
        var store = ChunkStore(id: StoreID(kind: .blueprint, recordingID: "bp"))
        func row(_ entity: [String], _ columns: [(String, ArrowArrayBuilder)]) throws {
            store.insert(try Chunk(id: ChunkID(timeNanos: 1, increment: UInt64(store.chunks.count)), entityPath: EntityPath(entity),
                                   rowIDs: [RowID(timeNanos: 2, increment: UInt64(store.chunks.count))], timeColumns: [],
                                   components: columns.map { ComponentColumn(descriptor: ComponentDescriptor(component: $0.0),
                                                                             values: $0.1.array, lengths: [$0.1.array.length]) }))
        }
        // A container that lists itself, a missing view, and a view of a class rrd-render does not draw.
        try row(["container", "c1"], [("ContainerBlueprint:container_kind", .u8([4])),
                                      ("ContainerBlueprint:contents", .utf8(["container/c1", "view/missing", "view/map"]))])
        try row(["view", "map"], [("ViewBlueprint:class_identifier", .utf8(["Map"]))])
        let b = Blueprint(store: store)
        #expect(b.warnings.count == 3)
        #expect(b.allViews.isEmpty)
        guard case .container(let c)? = b.root else { Issue.record("no root"); return }
        #expect(c.kind == .grid && c.children.isEmpty)
    }
}

/// Small Arrow values for hand-built blueprint rows.
enum ArrowArrayBuilder {
    case u8([UInt8]), utf8([String])
    var array: ArrowArray {
        switch self {
        case .u8(let v): .primitive(v)
        case .utf8(let v): .utf8(v)
        }
    }
}
