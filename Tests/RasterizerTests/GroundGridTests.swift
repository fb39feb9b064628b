import Testing
@testable import Rasterizer

/// The per-pixel ground grid: its formulas at known pixels, the two kernel sets, thread counts, the depth test,
/// and cameras at the horizon, below the plane and in the plane.
@Suite struct GroundGridTests {
    static let background = RGBA8(13, 13, 13)

    /// Lines every `spacing` along x and y in the plane z = 0.
    static func grid(spacing: Double = 0.5, cardinalBlend: Float = 0.4, alpha: UInt8 = 160, lineWidth: Float = 1,
                     halfExtent: Double = 40) -> GroundGrid {
        GroundGrid(xAxis: [1, 0, 0], yAxis: [0, 1, 0], spacing: spacing, cardinalBlend: cardinalBlend,
                   color: RGBA8(128, 200, 255, alpha), lineWidth: lineWidth, invisibleSpacing: 1, visibleSpacing: 5,
                   center: [0, 0], halfExtent: halfExtent)
    }

    static func camera(eye: SIMD3<Float>, target: SIMD3<Float>, width: Int = 203, height: Int = 131,
                       fov: Float = 55) -> Camera {
        .perspective(eye: eye, target: target, up: [0, 0, 1], fovYDegrees: fov, near: 0.01, far: 100,
                     width: width, height: height)
    }

    /// The grid alone, or with an opaque red quad standing on the plane (half of it below) in front of the target.
    static func list(_ grid: GroundGrid, withWall: Bool = false) -> DrawList {
        var list = DrawList(background: background)
        if withWall {
            list.add(MeshBatch(positions: [[-0.8, 0.5, -0.4], [0.8, 0.5, -0.4], [-0.8, 0.5, 0.6], [0.8, 0.5, 0.6]],
                               indices: [0, 1, 2, 1, 3, 2], albedo: RGBA8(200, 40, 40), lighting: .unlit))
        }
        list.add(grid)
        return list
    }

    static let cameras: [(String, Camera)] = [
        ("oblique", camera(eye: [2.5, -3.5, 2], target: [0, 0, 0])),
        ("above", camera(eye: [0.3, 0.2, 6], target: [0.3, 0.25, 0])),
        ("horizon", camera(eye: [0, -6, 0.3], target: [0, 0, 0.3])),
        ("below", camera(eye: [1, -3, -1.5], target: [0, 0, 0])),
        ("close", camera(eye: [0.05, -0.2, 0.05], target: [0.3, 1, 0])),
    ]

    func render(_ list: DrawList, _ camera: Camera, threads: Int = 2, kernels: KernelSet = .simd) throws -> [UInt8] {
        try Renderer().render(list, camera: camera, options: RenderOptions(threads: threads, kernels: kernels))
    }

    /// Pixels that differ from the background, per row.
    func litPerRow(_ pixels: [UInt8], _ camera: Camera) -> [Int] {
        (0..<camera.height).map { y in
            (0..<camera.width).filter { x in
                let i = 4 * (y * camera.width + x)
                return pixels[i] != Self.background.r || pixels[i + 1] != Self.background.g
                    || pixels[i + 2] != Self.background.b
            }.count
        }
    }

    @Test(arguments: 0..<5) func scalarAndSIMDKernelsGiveIdenticalPixels(_ c: Int) throws {
        let (name, camera) = Self.cameras[c]
        for wall in [false, true] {
            for grid in [Self.grid(), Self.grid(spacing: 0.05, cardinalBlend: 0.9, lineWidth: 2.5)] {
                let simd = try render(Self.list(grid, withWall: wall), camera)
                let scalar = try render(Self.list(grid, withWall: wall), camera, kernels: .scalar)
                #expect(simd == scalar, "\(name), wall \(wall), spacing \(grid.spacing)")
                #expect(litPerRow(simd, camera).reduce(0, +) > camera.width, "\(name): the grid is drawn")
            }
        }
    }

    @Test func threadCountDoesNotChangeThePicture() throws {
        let camera = Self.camera(eye: [2.5, -3.5, 2], target: [0, 0, 0], width: 301, height: 197)
        let list = Self.list(Self.grid(), withWall: true)
        let one = try render(list, camera, threads: 1)
        for threads in [2, 16] {
            #expect(try render(list, camera, threads: threads) == one, "\(threads) threads differ from 1")
        }
    }

    @Test func golden() throws {
        let camera = Self.camera(eye: [2.5, -3.5, 2], target: [0, 0, 0], width: 160, height: 100)
        let list = Self.list(Self.grid(), withWall: true)
        let simd = try render(list, camera)
        #expect(simd == (try render(list, camera, kernels: .scalar)))
        try Golden.check("ground_grid", simd, width: camera.width, height: camera.height)
    }

    // MARK: the formulas at known pixels

    /// Straight down from height 2 with a 90° field of view on 200×200 pixels: 50 pixels per unit; the eye is
    /// 0.5 pixel off the origin, so the line x = 0 runs through the centres of column 99.
    func planeFromAbove(_ grid: GroundGrid) throws -> GridPlane {
        let camera = Camera.perspective(eye: [0.01, 0.3, 2], target: [0.01, 0.3, 0], up: [0, 1, 0], fovYDegrees: 90,
                                        near: 0.01, far: 100, width: 200, height: 200)
        var outline: [SIMD2<Double>] = []
        return try #require(GridPlane(grid, camera: camera, outline: &outline))
    }

    @Test func aLineIsOnePixelWideWithOnePixelOfAntiAliasing() throws {
        let plane = try planeFromAbove(Self.grid(spacing: 1, cardinalBlend: 0))
        let row = plane.row(100)
        #expect(abs(plane.intensity(99.5, row) - 1) < 1e-4)
        #expect(abs(plane.intensity(99.75, row) - 0.75) < 1e-3)
        #expect(plane.intensity(98.5, row) < 1e-3)
        #expect(plane.intensity(100.5, row) < 1e-3)
        #expect(plane.intensity(120.5, row) == 0)
        // The next line, 50 pixels on.
        #expect(abs(plane.intensity(149.5, row) - 1) < 1e-4)
        let wide = try planeFromAbove(Self.grid(spacing: 1, cardinalBlend: 0, lineWidth: 3))
        #expect(abs(wide.intensity(100.5, row) - 1) < 1e-4)
        #expect(abs(wide.intensity(101, row) - 0.5) < 1e-3)
        #expect(wide.intensity(101.5, row) < 1e-3)
    }

    @Test func linesFadeByTheirOnScreenSpacingAndCardinalLinesBlendIn() throws {
        // 0.06 units = 3 pixels per cell: fade linearstep(1, 5, 3) = 0.5; cardinal lines (every tenth) see 30 pixels.
        let plane = try planeFromAbove(Self.grid(spacing: 0.06, cardinalBlend: 0))
        let row = plane.row(100)
        #expect(abs(plane.intensity(99.5, row) - 0.5) < 1e-3)
        let half = try planeFromAbove(Self.grid(spacing: 0.06, cardinalBlend: 0.5))
        #expect(abs(half.intensity(102.5, half.row(100)) - 0.25) < 1e-3)     // regular: (1 − t) · 0.5
        #expect(abs(half.intensity(99.5, half.row(100)) - 0.75) < 1e-3)      // cardinal: (1 − t) · 0.5 + t · 1
        // 1 pixel per cell: regular lines gone, the cardinal ones (10 pixels apart) at full strength.
        let dense = try planeFromAbove(Self.grid(spacing: 0.02, cardinalBlend: 0.5))
        let denseRow = dense.row(100)
        #expect(dense.intensity(100.5, denseRow) < 1e-3)
        #expect(abs(dense.intensity(99.5, denseRow) - 0.5) < 1e-3)
    }

    @Test func theGridEndsAtItsSquare() throws {
        // 25 pixels per cell, the square 2 cells on each side of the origin: the lines x = k · 0.5 run through
        // column 99 + 25 · k, those with |k| ≤ 2 drawn; rows more than 2 cells (50 pixels) from the origin are empty.
        let plane = try planeFromAbove(Self.grid(spacing: 0.5, cardinalBlend: 0, halfExtent: 2))
        let row = plane.row(100)
        #expect(abs(plane.intensity(149.5, row) - 1) < 1e-4)
        #expect(abs(plane.intensity(49.5, row) - 1) < 1e-4)
        #expect(plane.intensity(174.5, row) == 0)
        #expect(plane.intensity(24.5, row) == 0)
        #expect(plane.intensity(99.5, plane.row(50)) == 0)
        #expect(abs(plane.intensity(99.5, plane.row(70)) - 1) < 1e-4)
    }

    // MARK: cameras that see little or nothing

    @Test func atTheHorizonNothingIsDrawnAboveItAndTheCrowdedRowsFadeOut() throws {
        // Looking straight along the plane from 0.3 above: the horizon is the middle row.
        let camera = Self.camera(eye: [0, -6, 0.3], target: [0, 0, 0.3], width: 200, height: 120)
        let lit = litPerRow(try render(Self.list(Self.grid(halfExtent: 1e6)), camera), camera)
        #expect(lit[0..<62].allSatisfy { $0 == 0 }, "\(lit)")
        #expect(lit[100..<120].reduce(0, +) > 0)
    }

    @Test func fromBelowThePlaneTheGridIsAboveTheHorizon() throws {
        let camera = Self.camera(eye: [0, -6, -0.3], target: [0, 0, -0.3], width: 200, height: 120)
        let lit = litPerRow(try render(Self.list(Self.grid(halfExtent: 1e6)), camera), camera)
        #expect(lit[58..<120].allSatisfy { $0 == 0 }, "\(lit)")
        #expect(lit[0..<20].reduce(0, +) > 0)
    }

    @Test func aPlaneSeenEdgeOnOrBadNumbersDrawNothing() throws {
        let edgeOn = Self.camera(eye: [0, -6, 0], target: [0, 0, 0], width: 64, height: 48)
        let empty = try render(DrawList(background: Self.background), edgeOn)
        #expect(try render(Self.list(Self.grid()), edgeOn) == empty)
        let camera = Self.camera(eye: [2.5, -3.5, 2], target: [0, 0, 0], width: 64, height: 48)
        let blank = try render(DrawList(background: Self.background), camera)
        var bad = [Self.grid(spacing: 0), Self.grid(spacing: .nan), Self.grid(alpha: 0), Self.grid(lineWidth: .nan),
                   Self.grid(halfExtent: -1)]
        var nanAxis = Self.grid()
        nanAxis.xAxis = [.nan, 0, 0]
        bad.append(nanAxis)
        for grid in bad {
            #expect(try render(Self.list(grid), camera) == blank)
            #expect(try render(Self.list(grid), camera, kernels: .scalar) == blank)
        }
    }

    @Test func opaqueGeometryInFrontHidesTheGridAndNothingBehindDoes() throws {
        let camera = Self.camera(eye: [0, -3, 2], target: [0, 0, 0], width: 120, height: 80)
        // The grid's square (2 units on each side) lies wholly behind a square 0.2 above the plane (3 units on each
        // side), and wholly in front of one 0.2 below it.
        var above = DrawList(background: Self.background), below = DrawList(background: Self.background)
        let quad: [SIMD3<Float>] = [[-3, -3, 0], [3, -3, 0], [-3, 3, 0], [3, 3, 0]]
        above.add(MeshBatch(positions: quad.map { $0 + [0, 0, 0.2] }, indices: [0, 1, 2, 1, 3, 2],
                            albedo: RGBA8(40, 40, 200), lighting: .unlit))
        below.add(MeshBatch(positions: quad.map { $0 + [0, 0, -0.2] }, indices: [0, 1, 2, 1, 3, 2],
                            albedo: RGBA8(40, 40, 200), lighting: .unlit))
        let withoutGridAbove = try render(above, camera), withoutGridBelow = try render(below, camera)
        let grid = Self.grid(halfExtent: 4)
        above.add(grid); below.add(grid)
        #expect(try render(above, camera) == withoutGridAbove)
        let drawn = try render(below, camera)
        let changed = (0..<120 * 80).filter { i in withoutGridBelow[4 * i..<4 * i + 4] != drawn[4 * i..<4 * i + 4] }
        #expect(changed.count > 500)
    }
}
