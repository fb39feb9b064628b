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
        #expect(placed.map(\.view.kind) == [.spatial3D, .timeSeries, .textLog])
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
}
