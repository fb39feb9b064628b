import Testing
@testable import SceneBuilding

@Suite struct LayoutTests {
    private func view(_ kind: ViewKind, _ name: String) -> ViewSpec {
        ViewSpec(kind: kind, origin: [name], contents: .subtree([name]))
    }

    @Test func splitsAddUpExactly() {
        let cols = PixelRect(x: 10, y: 0, width: 101, height: 50).columns([1, 1, 1], gap: 2)
        #expect(cols.map(\.width).reduce(0, +) + 4 == 101)
        #expect(cols.first?.x == 10 && cols.last?.maxX == 111)
        #expect(zip(cols, cols.dropFirst()).allSatisfy { $0.maxX + 2 == $1.x })
    }

    @Test func oneViewFillsThePicture() {
        let frame = PixelRect(x: 0, y: 0, width: 640, height: 480)
        #expect(DefaultLayout.arrange([view(.spatial3D, "a")], in: frame).map(\.rect) == [frame])
    }

    @Test func threeViewsGiveTheSpatialViewAFullSide() {
        let frame = PixelRect(x: 0, y: 0, width: 1000, height: 500)
        let placed = DefaultLayout.arrange([view(.timeSeries, "t"), view(.spatial3D, "s"), view(.textLog, "l")], in: frame)
        #expect(placed.map(\.view.kind) == [.spatial3D, .textLog, .timeSeries])
        #expect(placed[0].rect == PixelRect(x: 0, y: 0, width: 499, height: 500))
        #expect(placed[1].rect == PixelRect(x: 501, y: 0, width: 499, height: 249))
        #expect(placed[2].rect == PixelRect(x: 501, y: 251, width: 499, height: 249))
    }

    @Test func fiveViewsMakeAThreeColumnGrid() {
        let frame = PixelRect(x: 0, y: 0, width: 1200, height: 600)
        let placed = DefaultLayout.arrange((0..<5).map { view(.spatial2D, "v\($0)") }, in: frame)
        #expect(placed.count == 5)
        #expect(Set(placed.prefix(3).map(\.rect.y)) == [0])
        #expect(placed[3].rect.y == placed[4].rect.y && placed[3].rect.y > 0)
        #expect(placed[3].rect.width == placed[0].rect.width)  // equal cells; the last one stays blank
    }

    /// Column counts the Rerun 0.41 viewer chose for n text views in its 960×540 view area (screenshots of
    /// `layout_probe` recordings): 2 → 2, 5 → 3, 7 → 4, 8 → 4, 11 → 4.
    @Test func automaticColumnsFollowTheViewer() {
        let seen = [2: 2, 5: 3, 7: 4, 8: 4, 11: 4]
        for (n, columns) in seen {
            #expect(AutoGrid.columns(cells: n, width: 960, height: 540, gap: 2) == columns, "n = \(n)")
        }
        #expect(AutoGrid.columns(cells: 2, width: 400, height: 900, gap: 2) == 1)  // portrait: rows
        #expect(AutoGrid.columns(cells: 1, width: 10, height: 10, gap: 2) == 1)
    }

    @Test func sevenViewsMakeRowsOfFourAndThree() {
        let frame = PixelRect(x: 0, y: 0, width: 960, height: 540)
        let placed = DefaultLayout.arrange((0..<7).map { view(.textDocument, "d\($0)") }, in: frame)
        #expect(placed.map(\.view.origin) == (0..<7).map { ["d\($0)"] })
        #expect(placed.filter { $0.rect.y == 0 }.count == 4)
        #expect(placed[4].rect.x == 0 && placed[4].rect.y > 0 && placed[6].rect.maxX < 960)
    }

    /// Past twelve views the viewer makes one tab container per class, in a grid.
    @Test func thirteenViewsBecomeOneTabGroupPerClass() {
        let frame = PixelRect(x: 0, y: 0, width: 960, height: 540)
        let views = (0..<8).map { view(.textDocument, "doc\($0)") } + (0..<5).map { view(.timeSeries, "plot\($0)") }
        let placed = BlueprintLayout.arrange(Blueprint(root: DefaultLayout.tree(views)), in: frame)
        #expect(placed.map(\.view.spec.origin) == [["doc0"], ["plot0"]])
        #expect(placed[0].rect == PixelRect(x: 0, y: 0, width: 479, height: 540))
        #expect(placed[1].rect == PixelRect(x: 481, y: 0, width: 479, height: 540))
        #expect(placed[0].tabTitles.count == 8 && placed[0].activeTab == 0)
        #expect(placed[1].tabTitles.count == 5 && placed[1].activeTab == 0)
    }

    /// As the 0.41 viewer showed `a_doc … d_doc` and an image at `/zimg/deep/er`: a grid keeps origin order (the
    /// image comes last), while of three views the image takes a full side.
    @Test func onlyThreeViewsAreSortedByPriority() {
        let frame = PixelRect(x: 0, y: 0, width: 960, height: 540)
        let docs = ["d_doc", "b_doc", "a_doc", "c_doc"].map { view(.textDocument, $0) }
        let image = ViewSpec(kind: .spatial2D, origin: ["zimg", "deep", "er"], contents: .subtree(["zimg", "deep", "er"]))
        let five = DefaultLayout.arrange(docs + [image], in: frame)
        #expect(five.map(\.view.name) == ["a_doc", "b_doc", "c_doc", "d_doc", "zimg/deep/er"])
        let three = DefaultLayout.arrange([docs[0], image, docs[1]], in: frame)
        #expect(three.map(\.view.name) == ["zimg/deep/er", "b_doc", "d_doc"])
        #expect(three[0].rect.height == 540)
    }

    @Test func unnamedViewsAreTitledLikeTheViewer() {
        #expect(ViewSpec.placeholderName(origin: []) == "/")
        #expect(ViewSpec.placeholderName(origin: ["plots", "sin"]) == "plots/sin")
        #expect(ViewSpec.placeholderName(origin: ["zimg", "deep", "er"]) == "zimg/deep/er")
        #expect(ViewSpec.placeholderName(origin: ["bars", "float_colored"]) == "…/float_colored")
        #expect(ViewSpec.placeholderName(origin: ["a", "b", "c", "d", "e", "f", "g"]) == "…/b/c/d/e/f/g")
    }

    @Test func originsSortLikeEntityPaths() {
        let paths: [[String]] = [["image10"], ["__properties"], ["image2"], ["image2", "a"], ["Image"], ["image02"]]
        #expect(paths.sorted(by: EntityPathOrder.precedes)
            == [["Image"], ["image2"], ["image2", "a"], ["image02"], ["image10"], ["__properties"]])
    }
}
