import Testing
@testable import Rasterizer

/// The point kernels against their scalar references, on the cases the fast paths single out:
/// small points at every sub-pixel phase and radius around the fixed-block bounds, each depth mode
/// (opaque scene, transparent scene, overlay), shaded spheres of 1–3 px, and degenerate input.
@Suite struct PointKernelTests {
    static let background = RGBA8(5, 10, 20)

    /// Renders with both kernel sets and 1, 2 and 16 threads; all must give the same bytes.
    static func renderAllWays(_ list: DrawList, _ camera: Camera) throws -> [UInt8] {
        let simd = try Renderer().render(list, camera: camera, options: RenderOptions(threads: 2, kernels: .simd))
        let scalar = try Renderer().render(list, camera: camera, options: RenderOptions(threads: 1, kernels: .scalar))
        #expect(simd == scalar, "SIMD and scalar kernels differ")
        for threads in [1, 16] {
            let other = try Renderer().render(list, camera: camera, options: RenderOptions(threads: threads, kernels: .simd))
            #expect(other == simd, "\(threads) threads differ from 2")
        }
        return simd
    }

    static func pixel(_ img: [UInt8], _ width: Int, _ x: Int, _ y: Int) -> UInt32 {
        img.withUnsafeBytes { $0.load(fromByteOffset: 4 * (y * width + x), as: UInt32.self) }
    }

    static func drawnCount(_ img: [UInt8]) -> Int {
        let bg = background.packed
        return img.withUnsafeBytes { raw in (0..<img.count / 4).filter { raw.load(fromByteOffset: 4 * $0, as: UInt32.self) != bg }.count }
    }

    /// Small points on a grid, each at another sub-pixel phase (sixteenths of a pixel) and radius,
    /// overlapping their neighbours at varied depths, in pixel space. One radius is given as the
    /// batch's one radius (the flat-record path of opaque flat points), several as per-point radii.
    static func phaseGrid(shape: PointShape, shading: PointShading, radii: [Float], opacity: Float = 1,
                          layer: Layer = .scene) -> DrawList {
        var list = DrawList(background: background)
        var pos: [SIMD3<Float>] = [], cols: [RGBA8] = [], rs: [Float] = []
        var k = 0
        for j in 0..<40 {
            for i in 0..<60 {
                let fx = Float(k % 16) / 16, fy = Float((k / 16) % 16) / 16
                // Depth in [−0.9, 0.9], varied so that neighbours overlap in both orders, and some equal.
                let z = Float((k * 7) % 19) / 10 - 0.9
                pos.append([3 + Float(i) * 2.3 + fx, 3 + Float(j) * 2.1 + fy, z])
                cols.append(RGBA8(UInt8(truncatingIfNeeded: 40 + k * 3), UInt8(truncatingIfNeeded: 200 - k), UInt8(truncatingIfNeeded: k * 11)))
                rs.append(-radii[k % radii.count])
                k += 1
            }
        }
        list.add(PointBatch(positions: pos, radii: radii.count == 1 ? [-radii[0]] : rs, colors: cols, shape: shape,
                            shading: shading, opacity: opacity,
                            minRadiusPixels: 0, layer: layer, space: .pixels))
        return list
    }

    static let smallRadii: [Float] = [0.3, 0.5, 0.6249, 0.625, 0.7, 0.9, 1, 1.1249, 1.125, 1.3, 1.5, 1.6210937, 1.62109375,
                                      2, 2.1210937, 2.12109375, 2.5, 2.6210937, 2.62109375, 3]

    @Test func smallPointsMatchTheScalarKernelsAtEverySubPixelPhase() throws {
        let camera = Camera.pixels(width: 150, height: 96)
        for shape in [PointShape.square, .disc, .sphere] {
            for (opacity, layer) in [(Float(1), Layer.scene), (1, .overlay), (0.6, .scene)] {
                let list = Self.phaseGrid(shape: shape, shading: .flat, radii: Self.smallRadii, opacity: opacity, layer: layer)
                let img = try Self.renderAllWays(list, camera)
                #expect(Self.drawnCount(img) > 4000, "\(shape) \(layer) opacity \(opacity)")
            }
        }
    }

    @Test func pointsOfOneScreenRadiusMatchTheScalarKernelsAtEverySubPixelPhase() throws {
        // One radius per batch: opaque flat discs and squares below `radius6` take the 16-byte
        // `FlatPointRecord`s (each fixed block, the bounds on either side, scene and overlay).
        let camera = Camera.pixels(width: 150, height: 96)
        for shape in [PointShape.square, .disc] {
            for radius in Self.smallRadii {
                for layer in [Layer.scene, .overlay] {
                    let list = Self.phaseGrid(shape: shape, shading: .flat, radii: [radius], layer: layer)
                    let img = try Self.renderAllWays(list, camera)
                    #expect(Self.drawnCount(img) > 2000, "\(shape) radius \(radius) \(layer)")
                    // The same radius given per point takes the full records: the same picture.
                    let perPoint = Self.phaseGrid(shape: shape, shading: .flat, radii: [radius, radius], layer: layer)
                    let full = try Renderer().render(perPoint, camera: camera, options: RenderOptions(threads: 2, kernels: .simd))
                    #expect(full == img, "\(shape) radius \(radius) \(layer): flat and full records differ")
                }
            }
        }
    }

    @Test func flatRecordsAreTakenForOpaqueFlatPointsOfOneScreenRadiusOnly() {
        let frame = FrameSetup(grid: TileGrid(width: 64, height: 64), camera: .pixels(width: 64, height: 64),
                               pixelCamera: .pixels(width: 64, height: 64), pixelsPerPoint: 2, tables: .shared, kernels: .simd)
        func radius(_ radii: [Float], shape: PointShape = .square, shading: PointShading = .flat, opacity: Float = 1,
                    minRadius: Float = 0) -> Float {
            let batch = PointBatch(positions: [[1, 2, 0], [3, 4, 0]], radii: radii, shape: shape, shading: shading,
                                   opacity: opacity, minRadiusPixels: minRadius, space: .pixels)
            return PointDraw(batch, frame: frame, pool: BinsPool(), flatPool: BinsPool()).flatRadius
        }
        #expect(radius([-0.5]) == 1)                      // points × pixelsPerPoint
        #expect(radius([-0.5], shape: .disc) == 1)
        #expect(radius([]) == 0)                          // the default radius, 1.5 points = 3 px: at least radius6
        #expect(radius([-0.25], minRadius: 0.75) == 0.75)
        #expect(radius([-0.5, -0.5]) == 0)                // per-point radii
        #expect(radius([0.5]) == 0)                       // scene units: each point its own
        #expect(radius([-0.5], shape: .sphere) == 0)
        #expect(radius([-0.5], shading: .gradient) == 0)
        #expect(radius([-0.5], opacity: 0.5) == 0)
        #expect(radius([-1.5]) == 0)                      // 3 px: at least radius6
        #expect(radius([.nan]) == 0)
        #expect(radius([-0.0]) == 0)
    }

    @Test func shadedSpheresMatchTheScalarKernels() throws {
        let camera = Camera.pixels(width: 150, height: 96)
        for opacity: Float in [1, 0.5] {
            let list = Self.phaseGrid(shape: .sphere, shading: .gradient, radii: Self.smallRadii + [4, 6.5], opacity: opacity)
            let img = try Self.renderAllWays(list, camera)
            #expect(Self.drawnCount(img) > 4000, "opacity \(opacity)")
        }
    }

    @Test func aUnitSquareOnPixelCornersCoversExactlyFourPixels() throws {
        // Centre (10, 10), radius 1: the square [9, 11]² holds every sample of pixels 9 and 10 in
        // both directions and none of their neighbours.
        let camera = Camera.pixels(width: 20, height: 20)
        let red = RGBA8(255, 0, 0)
        var list = DrawList(background: Self.background)
        list.add(PointBatch(positions: [[10, 10, 0]], radii: [-1], colors: [red], shape: .square, shading: .flat,
                            minRadiusPixels: 0, space: .pixels))
        let img = try Self.renderAllWays(list, camera)
        for y in 7..<13 {
            for x in 7..<13 {
                let inside = (9...10).contains(x) && (9...10).contains(y)
                #expect(Self.pixel(img, 20, x, y) == (inside ? red.packed : Self.background.packed), "pixel \(x), \(y)")
            }
        }
    }

    @Test func overlappingSquaresKeepTheNearestAndTheFirstAtEqualDepth() throws {
        let camera = Camera.pixels(width: 20, height: 20)
        let a = RGBA8(255, 0, 0), b = RGBA8(0, 255, 0), c = RGBA8(0, 0, 255)
        var list = DrawList(background: Self.background)
        // b is nearer than a (drawn over it), c at b's depth comes later (hidden where b is).
        list.add(PointBatch(positions: [[10, 10, 0.5], [11, 10, 0.2], [12, 10, 0.2]], radii: [-1],
                            colors: [a, b, c], shape: .square, shading: .flat, minRadiusPixels: 0, space: .pixels))
        let img = try Self.renderAllWays(list, camera)
        #expect(Self.pixel(img, 20, 9, 10) == a.packed)
        #expect(Self.pixel(img, 20, 10, 10) == b.packed)
        #expect(Self.pixel(img, 20, 11, 10) == b.packed)
        #expect(Self.pixel(img, 20, 12, 10) == c.packed)
        // In an overlay nothing is tested: the last drawn wins.
        var overlay = DrawList(background: Self.background)
        overlay.add(PointBatch(positions: [[10, 10, 0.5], [11, 10, 0.9]], radii: [-1], colors: [a, b], shape: .square,
                               shading: .flat, minRadiusPixels: 0, layer: .overlay, space: .pixels))
        let top = try Self.renderAllWays(overlay, camera)
        #expect(Self.pixel(top, 20, 10, 10) == b.packed)
        #expect(Self.pixel(top, 20, 9, 10) == a.packed)
    }

    @Test func degenerateSmallPointsAreSkippedOrDrawnWithoutCrashing() throws {
        let camera = Camera.perspective(eye: [4, 3, 4], target: .zero, fovYDegrees: 60, near: 0.05, far: 20,
                                        width: 97, height: 65)
        let positions: [SIMD3<Float>] = [[.nan, 0, 0], [0, .infinity, 0], [0, 0, -.infinity], [4, 3, 4], [8, 6, 8],
                                         [0, 0, 0], [0.1, 0.1, 0], [0.2, 0, 0.1], [-0.3, 0.2, 0], [0.4, -0.2, 0.3]]
        let radii: [Float] = [-1, -1, -1, -1, -1, 0, -0.0, .nan, -.infinity, 1e30]
        for shape in [PointShape.square, .disc, .sphere] {
            for shading in [PointShading.flat, .gradient] {
                var list = DrawList(background: Self.background)
                list.add(PointBatch(positions: positions, radii: radii, shape: shape, shading: shading, minRadiusPixels: 0))
                list.add(PointBatch(positions: positions, radii: [-1e9, -0.7], shape: shape, shading: shading))
                let img = try Self.renderAllWays(list, camera)
                // The huge radii cover the frame.
                #expect(Self.drawnCount(img) == 97 * 65, "\(shape) \(shading)")
            }
        }
    }
}
