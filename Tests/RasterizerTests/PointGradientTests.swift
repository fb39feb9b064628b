import Testing
@testable import Rasterizer

/// The opaque gradient-shaded points' SIMD path (`gradientSIMD`: ids first, each pixel shaded once
/// afterwards) against the scalar reference (`opaqueScalar`, each point shaded as it is drawn), on
/// what the two-pass form could get wrong: every sub-pixel phase and radius around the fixed-block
/// bounds, depth ties and overdraw (the pixel must take the shade of the point that won each
/// sample), pixels whose samples come from several points, overlays, points in several record
/// lists (more than `chunkSize` points) and records spanning many tiles.
@Suite struct PointGradientTests {
    static let background = PointKernelTests.background

    /// Radii on both sides of every block bound, and past the largest block.
    static let boundRadii: [Float] = {
        var r: [Float] = [0.3, 1, 1.5, 2, 2.4, 3, 4.5]
        for bound: Float in [0.625, 1.125, 1.62109375, 2.12109375, 2.62109375] {
            r += [bound.nextDown, bound, bound.nextUp, bound - 1 / 16]
        }
        return r
    }()

    @Test func gradientPointsMatchTheScalarReferenceAtEveryPhaseAndBlockBound() throws {
        let camera = Camera.pixels(width: 150, height: 96)
        for shape in [PointShape.disc, .sphere, .square] {
            for layer in [Layer.scene, .overlay] {
                let list = PointKernelTests.phaseGrid(shape: shape, shading: .gradient, radii: Self.boundRadii, layer: layer)
                let img = try PointKernelTests.renderAllWays(list, camera)
                #expect(PointKernelTests.drawnCount(img) > 10000, "\(shape) \(layer)")
            }
        }
    }

    @Test func theShadeIsTheViewersRadialGradient() throws {
        // One disc of radius 8 px centred on a pixel corner: the pixel whose centre is 0.5 px right
        // and below the centre has ρ = √0.5 / 8, shade s = max(0.4, √(1.2 − ρ)) on the linear
        // colour; a pixel near the rim is darker than the centre.
        let camera = Camera.pixels(width: 40, height: 40)
        let color = RGBA8(200, 120, 40)
        var list = DrawList(background: Self.background)
        list.add(PointBatch(positions: [[20, 20, 0]], radii: [-8], colors: [color], shape: .disc, shading: .gradient,
                            minRadiusPixels: 0, space: .pixels))
        let img = try PointKernelTests.renderAllWays(list, camera)
        let t = SRGBTables.shared
        let rho = Float(0.5).squareRoot() / 8
        let s = max(0.4, (1.2 - rho).squareRoot())
        let c = t.unpack(color.packed)
        #expect(PointKernelTests.pixel(img, 40, 20, 20) == t.pack(c.x * s, c.y * s, c.z * s, 1))
        let rim = PointKernelTests.pixel(img, 40, 27, 20), centre = PointKernelTests.pixel(img, 40, 20, 20)
        #expect(rim & 0xFF < centre & 0xFF && rim != Self.background.packed)
        #expect(PointKernelTests.pixel(img, 40, 29, 20) == Self.background.packed)
    }

    @Test func overdrawKeepsTheShadeOfTheNearestAndTheFirstAtEqualDepth() throws {
        // Three gradient discs over one pixel, the nearest drawn second; a fourth at its depth
        // drawn last stays hidden. Each covered pixel must show the nearest one's shade.
        let camera = Camera.pixels(width: 24, height: 24)
        let colors = [RGBA8(255, 0, 0), RGBA8(0, 255, 0), RGBA8(0, 0, 255), RGBA8(255, 255, 0)]
        var list = DrawList(background: Self.background)
        list.add(PointBatch(positions: [[12, 12, 0.5], [12.3, 12.2, 0.1], [11.8, 12, 0.7], [12.1, 11.9, 0.1]],
                            radii: [-2.5, -1.7, -3.1, -2.0], colors: colors, shape: .disc, shading: .gradient,
                            minRadiusPixels: 0, space: .pixels))
        let img = try PointKernelTests.renderAllWays(list, camera)
        var alone = DrawList(background: Self.background)
        alone.add(PointBatch(positions: [[12.3, 12.2, 0.1]], radii: [-1.7], colors: [colors[1]], shape: .disc,
                             shading: .gradient, minRadiusPixels: 0, space: .pixels))
        let single = try PointKernelTests.renderAllWays(alone, camera)
        // Where the green disc covers all 4 samples alone, the stack shows exactly its pixel.
        #expect(PointKernelTests.pixel(img, 24, 12, 12) == PointKernelTests.pixel(single, 24, 12, 12))
        #expect(PointKernelTests.pixel(img, 24, 11, 12) == PointKernelTests.pixel(single, 24, 11, 12))
        #expect(PointKernelTests.pixel(img, 24, 12, 12) & 0xFF00 != 0)
    }

    @Test func manyPointsInSeveralRecordListsPerTile() throws {
        // More than two chunks of points over a small frame: each tile's ids name records of
        // several lists; heavy overlap at varied depths.
        let camera = Camera.pixels(width: 70, height: 50)
        var pos: [SIMD3<Float>] = [], cols: [RGBA8] = [], rs: [Float] = []
        for k in 0..<(2 * chunkSize + 777) {
            let a = Float(k) * 0.61803, b = Float(k) * 0.41421
            pos.append([1 + 68 * (a - a.rounded(.down)), 1 + 48 * (b - b.rounded(.down)), Float((k * 13) % 97) / 50 - 0.95])
            cols.append(RGBA8(UInt8(truncatingIfNeeded: k), UInt8(truncatingIfNeeded: k >> 3), UInt8(truncatingIfNeeded: k * 7)))
            rs.append(-Self.boundRadii[k % Self.boundRadii.count])
        }
        for shape in [PointShape.disc, .sphere] {
            var list = DrawList(background: Self.background)
            list.add(PointBatch(positions: pos, radii: rs, colors: cols, shape: shape, shading: .gradient,
                                minRadiusPixels: 0, space: .pixels))
            let img = try PointKernelTests.renderAllWays(list, camera)
            #expect(PointKernelTests.drawnCount(img) == 70 * 50, "\(shape)")
        }
    }

    @Test func recordsSpanningManyTilesMixWithSmallOnes() throws {
        // A disc of radius 150 px spans more than `Bins.maxCopies` tiles (the merged record
        // lists), drawn between small points in front of and behind it.
        let camera = Camera.pixels(width: 200, height: 160)
        var pos: [SIMD3<Float>] = [], rs: [Float] = [], cols: [RGBA8] = []
        for k in 0..<400 {
            pos.append([Float(k % 25) * 8 + 3.3, Float(k / 25) * 10 + 2.7, k % 2 == 0 ? -0.5 : 0.5])
            rs.append(-Self.boundRadii[k % Self.boundRadii.count])
            cols.append(RGBA8(UInt8(truncatingIfNeeded: 60 + k), 200, UInt8(truncatingIfNeeded: k * 5)))
            if k == 200 { pos.append([100, 80, 0]); rs.append(-150); cols.append(RGBA8(90, 90, 250)) }
        }
        for layer in [Layer.scene, .overlay] {
            var list = DrawList(background: Self.background)
            list.add(PointBatch(positions: pos, radii: rs, colors: cols, shape: .disc, shading: .gradient,
                                minRadiusPixels: 0, layer: layer, space: .pixels))
            let img = try PointKernelTests.renderAllWays(list, camera)
            #expect(PointKernelTests.drawnCount(img) == 200 * 160, "\(layer)")
        }
    }

    @Test func theLaneEncodingReadsTheTableAtItsEnds() {
        // `PointDraw.encodeIndex` maps what `SRGB.encode` sends to 0 or 255 onto the table's
        // first and last entries, and spells the table's bounds as literals.
        #expect(SRGB.encodeTable.first == 0)
        #expect(SRGB.encodeTable.last == 255)
        #expect(SRGB.encodeLowBits == 0x3780_0000)
        #expect(SRGB.encodeShift == 13)
    }
}
