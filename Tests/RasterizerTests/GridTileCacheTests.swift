import Testing
@testable import Rasterizer

/// A renderer kept from frame to frame copies the tiles that only the ground grid touches from an earlier frame with
/// the same grid, camera, background and kernels (from the third such frame on): every frame must still be byte for byte a fresh renderer's picture,
/// whatever moves, however the views alternate and however many there are.
@Suite struct GridTileCacheTests {
    /// The grid with an opaque wall standing on it, moved `shift` along x: tiles change between grid-only and not.
    static func frame(shift: Float, background: RGBA8 = GroundGridTests.background) -> DrawList {
        var list = DrawList(background: background)
        let x0 = -0.8 + shift, x1 = 0.8 + shift
        list.add(MeshBatch(positions: [[x0, 0.5, -0.4], [x1, 0.5, -0.4], [x0, 0.5, 0.6], [x1, 0.5, 0.6]],
                           indices: [0, 1, 2, 1, 3, 2], albedo: RGBA8(200, 40, 40), lighting: .unlit))
        list.add(GroundGridTests.grid())
        return list
    }

    static let views = GroundGridTests.cameras.map(\.1) + [
        GroundGridTests.camera(eye: [2.5, -3.5, 2], target: [0, 0, 0], width: 97, height: 211),
    ]

    func fresh(_ list: DrawList, _ camera: Camera, threads: Int, kernels: KernelSet = .simd) throws -> [UInt8] {
        try Renderer().render(list, camera: camera, options: RenderOptions(threads: threads, kernels: kernels))
    }

    @Test(arguments: [1, 2]) func movingDrawsOverAStillGrid(threads: Int) throws {
        let kept = Renderer(), camera = Self.views[0]
        for k in 0..<6 {
            let list = Self.frame(shift: Float(k) * 0.45 - 1)
            let picture = try kept.render(list, camera: camera, options: RenderOptions(threads: threads))
            #expect(picture == (try fresh(list, camera, threads: threads)), "frame \(k)")
        }
    }

    @Test func viewsTakenInTurnMoreThanTheCacheHolds() throws {
        let kept = Renderer()
        #expect(Self.views.count > GridTileCache.capacity)
        // Each view twice in a row (its pixels are kept from its second frame on, evicting the oldest), then in
        // turn, then backwards.
        let order = Self.views.indices.flatMap { [$0, $0] } + Array(Self.views.indices) + Self.views.indices.reversed()
        for (step, v) in order.enumerated() {
            let list = Self.frame(shift: Float(step % 4) * 0.3)
            let picture = try kept.render(list, camera: Self.views[v], options: RenderOptions(threads: 2))
            #expect(picture == (try fresh(list, Self.views[v], threads: 2)), "step \(step), view \(v)")
        }
    }

    @Test func backgroundAndKernelsAreKeysToo() throws {
        let kept = Renderer(), camera = Self.views[0]
        let plain = Self.frame(shift: 0), light = Self.frame(shift: 0, background: RGBA8(200, 210, 220))
        for (list, kernels) in [(plain, KernelSet.simd), (light, .simd), (plain, .scalar), (light, .scalar), (plain, .simd)] {
            let picture = try kept.render(list, camera: camera, options: RenderOptions(threads: 2, kernels: kernels))
            #expect(picture == (try fresh(list, camera, threads: 2, kernels: kernels)))
        }
        #expect(try fresh(plain, camera, threads: 1) != (try fresh(light, camera, threads: 1)))
    }

    @Test func aChangedGridIsDrawnAfresh() throws {
        let kept = Renderer(), camera = Self.views[0]
        for grid in [GroundGridTests.grid(), GroundGridTests.grid(spacing: 0.25), GroundGridTests.grid()] {
            var list = DrawList(background: GroundGridTests.background)
            list.add(grid)
            let picture = try kept.render(list, camera: camera, options: RenderOptions(threads: 1))
            #expect(picture == (try fresh(list, camera, threads: 1)), "spacing \(grid.spacing)")
        }
    }
}
