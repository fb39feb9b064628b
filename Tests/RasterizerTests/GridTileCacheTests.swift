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

/// Tiles that only the ground grid touches, drawn straight into the output, against the same tiles drawn through
/// samples and resolve: identical bytes for every camera (near-plane and horizon cuts included), both kernel sets,
/// and grids with wide lines, crowded lines and a light background.
@Suite struct GridAloneTests {
    @Test(arguments: 0..<GridTileCacheTests.views.count) func directTilesEqualSampledTiles(_ v: Int) throws {
        let camera = GridTileCacheTests.views[v]
        let grids = [GroundGridTests.grid(), GroundGridTests.grid(spacing: 0.05, cardinalBlend: 0.9, lineWidth: 2.5),
                     GroundGridTests.grid(alpha: 255, halfExtent: 3)]
        for (g, grid) in grids.enumerated() {
            for background in [GroundGridTests.background, RGBA8(200, 210, 220)] {
                var list = DrawList(background: background)
                list.add(grid)
                for kernels in [KernelSet.simd, .scalar] {
                    let options = RenderOptions(threads: 2, kernels: kernels)
                    let sampled = Renderer()
                    sampled.drawsGridAloneDirectly = false
                    let expected = try sampled.render(list, camera: camera, options: options)
                    let direct = try Renderer().render(list, camera: camera, options: options)
                    #expect(direct == expected, "view \(v), grid \(g), background \(background), \(kernels)")
                }
            }
        }
    }

    @Test func nothingIsWrittenOutsideTheTarget() throws {
        // Frames whose last tiles are partial, drawn into a wider buffer with rows to spare: every byte outside the
        // frame's rectangle keeps its sentinel, with a renderer drawing each frame anew and one copying kept tiles.
        let kept = Renderer()
        for (v, camera) in GridTileCacheTests.views.enumerated() {
            var list = DrawList(background: GroundGridTests.background)
            list.add(GroundGridTests.grid(spacing: 0.05, lineWidth: 2.5))
            let rowBytes = camera.width * 4 + 64, rows = camera.height + 2
            for (round, renderer) in [Renderer(), kept, kept, kept].enumerated() {
                var buffer = [UInt8](repeating: 0xAB, count: rowBytes * rows)
                try buffer.withUnsafeMutableBytes {
                    try renderer.render(list, camera: camera, options: RenderOptions(threads: 2), into: $0, rowBytes: rowBytes)
                }
                let outside = (0..<rows).flatMap { y in
                    (0..<rowBytes).filter { y >= camera.height || $0 >= camera.width * 4 }.map { buffer[y * rowBytes + $0] }
                }
                #expect(outside.allSatisfy { $0 == 0xAB }, "view \(v), round \(round)")
            }
        }
    }

    @Test func aNearPlaneThroughTheGridCutsPixels() throws {
        // A near plane this far out cuts the plane right below the eye: pixels there are partly in front of it.
        let camera = Camera.perspective(eye: [0, -2, 0.6], target: [0, 0, 0], up: [0, 0, 1], fovYDegrees: 70,
                                        near: 0.9, far: 50, width: 160, height: 120)
        var list = DrawList(background: GroundGridTests.background)
        list.add(GroundGridTests.grid(alpha: 255))
        let sampled = Renderer()
        sampled.drawsGridAloneDirectly = false
        let expected = try sampled.render(list, camera: camera)
        #expect(try Renderer().render(list, camera: camera) == expected)
    }
}
