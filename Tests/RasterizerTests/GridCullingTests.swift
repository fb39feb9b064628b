import Testing
@testable import Rasterizer

/// The ground grid's culling (`GridPlane.groupsToDraw`): a group of 8 pixels it leaves out has no lit pixel, and
/// where it says every line near a span lies inside the grid's square, the extent tests change nothing.
@Suite struct GridCullingTests {
    static let grids: [GroundGrid] = [
        GroundGridTests.grid(),
        GroundGridTests.grid(spacing: 0.05, cardinalBlend: 0.9, lineWidth: 2.5),
        GroundGridTests.grid(spacing: 0.3, halfExtent: 2),
        GroundGridTests.grid(spacing: 1, halfExtent: 1e6),
    ]

    /// The planes of `grids` that `camera` sees, with their grids.
    static func planes(_ camera: Camera) -> [(grid: GroundGrid, plane: GridPlane)] {
        grids.compactMap { grid in
            var outline: [SIMD2<Double>] = []
            return GridPlane(grid, camera: camera, outline: &outline).map { (grid, $0) }
        }
    }

    /// Every tile row of every tile, over the whole row and over a few partial spans.
    func forEachSpan(_ camera: Camera, _ body: (TileContext, Int, Int, Int) -> Void) {
        let b = TileBuffers()
        for y0 in stride(from: 0, to: camera.height, by: tileSize) {
            for x0 in stride(from: 0, to: camera.width, by: tileSize) {
                let w = min(tileSize, camera.width - x0), h = min(tileSize, camera.height - y0)
                let ctx = TileContext(color: b.color, depth: b.depth, x0: x0, y0: y0, w: w, h: h, tables: .shared)
                for py in 0..<h {
                    for (first, last) in [(0, w - 1), (3, min(w - 1, 12)), (min(9, w - 1), w - 1), (w / 2, w / 2)] {
                        body(ctx, py, first, last)
                    }
                }
            }
        }
    }

    @Test(arguments: 0..<GroundGridTests.cameras.count) func leftOutGroupsHaveNoLitPixel(_ c: Int) throws {
        let (name, camera) = GroundGridTests.cameras[c]
        var drawn = 0, leftOut = 0
        for (grid, plane) in Self.planes(camera) {
            var lit = 0
            forEachSpan(camera) { ctx, py, first, last in
                let r = plane.row(ctx.y0 + py)
                let groups = plane.groupsToDraw(first, last, ctx, r).groups
                #expect(groups & ~((UInt32(2) << UInt32(last >> 3)) - (UInt32(1) << UInt32(first >> 3))) == 0)
                for x in first...last {
                    if groups & (1 << UInt32(x >> 3)) != 0 { drawn += 1; continue }
                    leftOut += 1
                    // Lit: the level rounds to 1/255 or more.
                    if plane.intensity(Float(ctx.x0 + x) + 0.5, r) * 255 >= 0.5 { lit += 1 }
                }
            }
            #expect(lit == 0, "\(name), spacing \(grid.spacing): \(lit) lit pixels in left-out groups")
        }
        // The culling is exercised: some groups are drawn, some left out.
        #expect(drawn > 0 && leftOut > 0, "\(name): \(drawn) drawn, \(leftOut) left out")
    }

    @Test(arguments: 0..<GroundGridTests.cameras.count) func insideSpansNeedNoExtentTests(_ c: Int) throws {
        let (name, camera) = GroundGridTests.cameras[c]
        for (_, plane) in Self.planes(camera) {
            var differing = 0
            forEachSpan(camera) { ctx, py, first, last in
                let r = plane.row(ctx.y0 + py)
                var (groups, inside) = plane.groupsToDraw(first, last, ctx, r)
                guard inside else { return }
                while groups != 0 {
                    let g = 8 * groups.trailingZeroBitCount
                    groups &= groups - 1
                    let unchecked = plane.intensity8(ctx.x0 + g, r, checkExtent: false)
                    let checked = plane.intensity8(ctx.x0 + g, r, checkExtent: true)
                    for j in 0..<8 where g + j >= first && g + j <= last && unchecked[j] != checked[j] { differing += 1 }
                }
            }
            #expect(differing == 0, "\(name): \(differing) pixels")
        }
    }
}
