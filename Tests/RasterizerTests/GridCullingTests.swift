import Testing
@testable import Rasterizer

/// The ground grid's culling (`GridPlane.groupsToDraw`): a group of 8 pixels it leaves out has no lit pixel, a row's
/// groups do not depend on the row it is paired with, and where it says every line near a group lies inside the
/// grid's square, the extent tests change nothing.
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

    /// Every pair of tile rows of every tile (the second the first again on a tile's last odd row): `body(ctx, py,
    /// groups of py, groups of py + 1 in the pair)`, with the groups of each row as one `groupsToDraw` pass gives.
    func forEachPair(_ plane: GridPlane, _ camera: Camera,
                     _ body: (TileContext, Int, GridPlane.RowGroups, GridPlane.RowGroups) -> Void) {
        let b = TileBuffers()
        for y0 in stride(from: 0, to: camera.height, by: tileSize) {
            for x0 in stride(from: 0, to: camera.width, by: tileSize) {
                let w = min(tileSize, camera.width - x0), h = min(tileSize, camera.height - y0)
                let ctx = TileContext(b, x0: x0, y0: y0, w: w, h: h, tables: .shared)
                for py in stride(from: 0, to: h, by: 2) {
                    let r0 = plane.row(y0 + py), r1 = plane.row(y0 + min(py + 1, h - 1))
                    let (g0, g1) = plane.groupsToDraw(ctx, r0, r1)
                    body(ctx, py, g0, g1)
                }
            }
        }
    }

    @Test(arguments: 0..<GroundGridTests.cameras.count) func leftOutGroupsHaveNoLitPixel(_ c: Int) throws {
        let (name, camera) = GroundGridTests.cameras[c]
        var drawn = 0, leftOut = 0
        for (grid, plane) in Self.planes(camera) {
            var lit = 0, pairing = 0
            forEachPair(plane, camera) { ctx, py, g0, g1 in
                // Lanes are independent: a row's groups do not depend on the row it is paired with.
                let r1 = plane.row(ctx.y0 + min(py + 1, ctx.h - 1))
                if plane.groupsToDraw(ctx, r1, plane.row(ctx.y0 + py)).0 != g1 { pairing += 1 }
                for (y, groups) in [(py, g0), (min(py + 1, ctx.h - 1), g1)] {
                    #expect(groups.draw & ~0xF == 0 && groups.inside & ~groups.draw == 0)
                    let r = plane.row(ctx.y0 + y)
                    for x in 0..<ctx.w {
                        if groups.draw & (1 << UInt32(x >> 3)) != 0 { drawn += 1; continue }
                        leftOut += 1
                        // Lit: the level rounds to 1/255 or more.
                        if plane.intensity(Float(ctx.x0 + x) + 0.5, r) * 255 >= 0.5 { lit += 1 }
                    }
                }
            }
            #expect(lit == 0, "\(name), spacing \(grid.spacing): \(lit) lit pixels in left-out groups")
            #expect(pairing == 0, "\(name), spacing \(grid.spacing): \(pairing) rows depend on their pair")
        }
        // The culling is exercised: some groups are drawn, some left out.
        #expect(drawn > 0 && leftOut > 0, "\(name): \(drawn) drawn, \(leftOut) left out")
    }

    @Test(arguments: 0..<GroundGridTests.cameras.count) func insideGroupsNeedNoExtentTests(_ c: Int) throws {
        let (name, camera) = GroundGridTests.cameras[c]
        var insideGroups = 0
        for (_, plane) in Self.planes(camera) {
            var differing = 0
            forEachPair(plane, camera) { ctx, py, g0, g1 in
                for (y, groups) in [(py, g0), (min(py + 1, ctx.h - 1), g1)] {
                    let r = plane.row(ctx.y0 + y)
                    var inside = groups.cut(0, ctx.w - 1).inside
                    while inside != 0 {
                        let g = 8 * inside.trailingZeroBitCount
                        inside &= inside - 1
                        insideGroups += 1
                        let unchecked = plane.intensity8(ctx.x0 + g, r, checkExtent: false)
                        let checked = plane.intensity8(ctx.x0 + g, r, checkExtent: true)
                        for j in 0..<min(8, ctx.w - g) where unchecked[j] != checked[j] { differing += 1 }
                    }
                }
            }
            #expect(differing == 0, "\(name): \(differing) pixels")
        }
        // The shortcut is exercised.
        #expect(insideGroups > 0, "\(name): no group inside the square")
    }
}
