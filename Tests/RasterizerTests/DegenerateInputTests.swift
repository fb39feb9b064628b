import Testing
@testable import Rasterizer

/// Bad geometry is drawn or skipped, never a crash.
@Suite struct DegenerateInputTests {
    let camera = TestScenes.camera
    let bg = RGBA8(13, 13, 13)

    func render(_ list: DrawList, kernels: KernelSet = .simd) throws -> [UInt8] {
        let simd = try Renderer().render(list, camera: camera, options: RenderOptions(threads: 2, kernels: .simd))
        let scalar = try Renderer().render(list, camera: camera, options: RenderOptions(threads: 2, kernels: .scalar))
        #expect(simd == scalar)
        return simd
    }

    func isBackground(_ px: [UInt8]) -> Bool {
        px.withUnsafeBytes { raw in (0..<px.count / 4).allSatisfy { raw.load(fromByteOffset: 4 * $0, as: UInt32.self) == bg.packed } }
    }

    @Test func nonFiniteCoordinatesAreSkipped() throws {
        let bad: [SIMD3<Float>] = [[.nan, 0, 0], [0, .infinity, 0], [0, 0, -.infinity], [.nan, .nan, .nan]]
        var list = DrawList(background: bg)
        list.add(PointBatch(positions: bad, radii: [0.2]))
        list.add(PointBatch(positions: [[0, 0, 0]], radii: [.nan]))
        list.add(LineBatch(positions: bad, radii: [0.1]))
        list.add(MeshBatch(positions: bad + [[0, 0, 0], [1, 0, 0]], indices: [0, 1, 4, 2, 3, 5, 0, 4, 5]))
        list.add(RectShape(minX: .nan, minY: 0, maxX: 10, maxY: 10, color: .white))
        list.add(PointBatch(positions: [[0, 0, 0]], radii: [0.1], worldFromObject: .scale([.nan, 1, 1])))
        #expect(isBackground(try render(list)))
    }

    @Test func zeroAndNegativeSizesDrawNothingOrTheMinimum() throws {
        var list = DrawList(background: bg)
        list.add(MeshBatch(positions: [[0, 0, 0], [1, 1, 1], [2, 2, 2]], lighting: .unlit))     // zero area
        list.add(MeshBatch(positions: [[0, 0, 0], [0, 0, 0], [0, 0, 0]], lighting: .unlit))     // a point
        list.add(RectShape(minX: 10, minY: 10, maxX: 5, maxY: 20, color: .white))                // negative width
        list.add(PointBatch(positions: [[0, 0, 0]], radii: [0], minRadiusPixels: 0))              // zero radius
        list.add(LineBatch(positions: [[0, 0, 0]], radii: [0.1]))                                  // one-point strip
        list.add(LineBatch(positions: [], radii: [0.1]))
        list.add(PointBatch(positions: []))
        list.add(MeshBatch(positions: [], indices: [0, 1, 2]))                                      // indices out of range
        #expect(isBackground(try render(list)))

        // A zero radius with the default minimum still shows a dot of about one pixel.
        var dot = DrawList(background: bg)
        dot.add(PointBatch(positions: [[0, 0, 0]], radii: [0], shape: .disc, shading: .flat))
        let px = try render(dot)
        #expect(!isBackground(px))
    }

    @Test func pointsBehindTheCameraAreSkipped() throws {
        var list = DrawList(background: bg)
        // The camera is at (2.2, 1.6, 2.6) looking at the origin; these are behind it.
        list.add(PointBatch(positions: [[4.4, 3.2, 5.2], [3, 2.5, 4]], radii: [0.5, -10]))
        list.add(LineBatch(positions: [[4.4, 3.2, 5.2], [6, 4, 7]], radii: [-3]))
        #expect(isBackground(try render(list)))
    }

    @Test func hugeRadiiCoverTheWholeFrame() throws {
        var list = DrawList(background: bg)
        list.add(PointBatch(positions: [[0, 0, 0]], radii: [1e30], colors: [RGBA8(255, 0, 0)], shape: .disc, shading: .flat))
        let px = try render(list)
        px.withUnsafeBytes { raw in
            #expect((0..<px.count / 4).allSatisfy { raw.load(fromByteOffset: 4 * $0, as: UInt32.self) == RGBA8(255, 0, 0).packed })
        }
        var lines = DrawList(background: bg)
        lines.add(LineBatch(positions: [[0, 0, 0], [0.1, 0, 0]], radii: [-.greatestFiniteMagnitude], colors: [RGBA8(0, 255, 0)]))
        let lp = try render(lines)
        #expect(lp[0..<4] == [0, 255, 0, 255])
    }

    @Test func hugePrimitivesAreStoredOnceAndKeepSubmissionOrder() throws {
        // 600 frame-filling discs over 256 tiles are kept once each (not once per tile) and merged
        // back per tile in submission order: at equal depth the first submitted wins. Point 0 is
        // a small blue disc, point 1 a huge red one, the rest huge green ones.
        let n = 600
        var colors = [RGBA8](repeating: RGBA8(0, 255, 0), count: n)
        colors[0] = RGBA8(0, 0, 255)
        colors[1] = RGBA8(255, 0, 0)
        var radii = [Float](repeating: 1e9, count: n)
        radii[0] = -4
        var list = DrawList(background: bg)
        list.add(PointBatch(positions: [SIMD3<Float>](repeating: [0, 0, 0], count: n), radii: radii, colors: colors,
                            shape: .disc, shading: .flat))
        let cam = Camera.perspective(eye: [2, 1.5, 2], target: .zero, fovYDegrees: 60, near: 0.05, far: 20,
                                     width: 512, height: 512)
        for kernels in [KernelSet.simd, .scalar] {
            let px = try Renderer().render(list, camera: cam, options: RenderOptions(threads: 2, kernels: kernels))
            var counts: [UInt32: Int] = [:]
            px.withUnsafeBytes { raw in for i in 0..<512 * 512 { counts[raw.load(fromByteOffset: 4 * i, as: UInt32.self), default: 0] += 1 } }
            #expect(counts[RGBA8(0, 0, 255).packed, default: 0] > 30)           // the small disc, first
            #expect(counts[RGBA8(0, 255, 0).packed, default: 0] == 0)           // later ones lose
            #expect(counts[RGBA8(255, 0, 0).packed, default: 0] > 512 * 512 - 100)
        }
    }

    @Test func trianglesCrossingTheNearPlaneAreClipped() throws {
        // A floor passing under and behind the camera, and a huge triangle far outside the frame.
        var list = DrawList(background: bg)
        list.add(MeshBatch(positions: [[-50, -0.5, -50], [50, -0.5, -50], [0, -0.5, 100]], colors: [RGBA8(0, 200, 0)],
                           lighting: .unlit))
        list.add(MeshBatch(positions: [[-1e7, 0, 0], [1e7, 0, 0], [0, 1e7, 0]], colors: [RGBA8(0, 0, 200)], lighting: .unlit,
                           opacity: 0.5))
        let px = try render(list)
        // Bottom row is the floor, seen from above.
        let bottom = (TestScenes.height - 1) * TestScenes.width * 4
        #expect(px[bottom + 1] > 100)
    }

    @Test func invalidFrameSizesAreErrors() {
        let cam = Camera.pixels(width: 0, height: 10)
        #expect(throws: RenderError.invalidSize(width: 0, height: 10)) { try Renderer().render(DrawList(), camera: cam) }
        let big = Camera.pixels(width: maxFrameSide + 1, height: 10)
        #expect(throws: RenderError.self) { try Renderer().render(DrawList(), camera: big) }
        var small = [UInt8](repeating: 0, count: 10)
        #expect(throws: RenderError.self) {
            try small.withUnsafeMutableBytes { try Renderer().render(DrawList(), camera: .pixels(width: 4, height: 4), into: $0, rowBytes: 16) }
        }
    }
}
