import Testing
@testable import SceneBuilding

@Suite struct ColormapTests {
    private func rgb(_ map: Colormap, _ t: Float) -> [Int] {
        let c = map.rgba8(at: t)
        return [Int(c.x), Int(c.y), Int(c.z)]
    }

    private func close(_ a: [Int], _ b: [Int], within tolerance: Int) -> Bool {
        zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
    }

    @Test func enumIDsMatchTheFileFormat() {
        let expected: [(UInt8, Colormap)] = [(1, .grayscale), (2, .inferno), (3, .magma), (4, .plasma), (5, .turbo),
                                             (6, .viridis), (7, .cyanToYellow), (8, .spectral), (9, .twilight),
                                             (10, .rvizMap), (11, .rvizCostmap), (12, .costmap)]
        for (id, map) in expected { #expect(Colormap(rawValue: id) == map) }
        #expect(Colormap(rawValue: 0) == nil)
        #expect(Colormap(rawValue: 13) == nil)
    }

    @Test func turboMatchesTheDocumentedSamples() {
        #expect(rgb(.turbo, 0) == [35, 23, 27])
        #expect(rgb(.turbo, 0.25) == [38, 189, 225])
        #expect(rgb(.turbo, 0.5) == [150, 250, 80])
        #expect(rgb(.turbo, 0.75) == [255, 128, 29])
        #expect(rgb(.turbo, 1) == [144, 13, 0])
    }

    @Test func viridisMatchesTheDocumentedSamples() {
        #expect(rgb(.viridis, 0) == [71, 1, 85])
        #expect(rgb(.viridis, 0.5) == [31, 144, 139])
        #expect(rgb(.viridis, 1) == [252, 231, 33])
    }

    @Test func polynomialFitsStayCloseToMatplotlib() {
        // matplotlib / ColorBrewer reference colours. Rerun's minimax fits are within a few levels in the middle and
        // up to ~6 at the ends.
        #expect(close(rgb(.inferno, 0.5), [188, 55, 84], within: 4))
        #expect(close(rgb(.magma, 0.5), [183, 55, 121], within: 4))
        #expect(close(rgb(.plasma, 0.5), [204, 71, 120], within: 4))
        #expect(close(rgb(.inferno, 1), [252, 255, 164], within: 6))
        #expect(close(rgb(.magma, 1), [252, 253, 191], within: 6))
        #expect(close(rgb(.plasma, 0), [13, 8, 135], within: 6))
        #expect(close(rgb(.plasma, 1), [240, 249, 33], within: 6))
    }

    @Test func spectralFollowsRerunsFitNotColorBrewer() {
        // Rerun's Spectral polynomial, evaluated in Double: it strays up to ~20 levels from ColorBrewer's
        // #9e0142 … #ffffbf … #5e4fa2; the viewer draws the polynomial, so we do too.
        #expect(rgb(.spectral, 0.5) == [252, 248, 170])
        #expect(rgb(.spectral, 1) == [110, 70, 143])
    }

    @Test func polynomialMapsStartAtTheirConstantTerm() {
        // t = 0 gives c0 exactly: a check on the first coefficient row of each table.
        #expect(rgb(.inferno, 0) == [0, 0, 0])
        #expect(rgb(.magma, 0) == [0, 0, 0])
        #expect(rgb(.plasma, 0) == [15, 6, 139])
        #expect(rgb(.spectral, 0) == [149, 2, 59])
        #expect(rgb(.twilight, 0) == [254, 217, 240])
        #expect(close(rgb(.twilight, 1), rgb(.twilight, 0), within: 1), "twilight is cyclic")
    }

    @Test func grayscaleIsARampInSRGB() {
        #expect(rgb(.grayscale, 0) == [0, 0, 0])
        #expect(rgb(.grayscale, 0.5) == [128, 128, 128])
        #expect(rgb(.grayscale, 1) == [255, 255, 255])
    }

    @Test func inputIsClampedAndNaNCountsAsZero() {
        #expect(rgb(.turbo, -3) == rgb(.turbo, 0))
        #expect(rgb(.turbo, 7) == rgb(.turbo, 1))
        #expect(rgb(.viridis, .nan) == rgb(.viridis, 0))
    }

    @Test func cyanToYellowFollowsItsFormula() {
        #expect(rgb(.cyanToYellow, 0) == [0, 255, 255])
        #expect(rgb(.cyanToYellow, 0.5) == [64, 64, 64])
        #expect(rgb(.cyanToYellow, 1) == [255, 255, 0])
    }

    @Test func occupancyPalettesFollowRVizSemantics() {
        func cell(_ map: Colormap, _ value: Int) -> [Int] {
            let c = map.rgba8(at: Float(value) / 255)
            return [Int(c.x), Int(c.y), Int(c.z), Int(c.w)]
        }
        #expect(cell(.rvizMap, 0) == [255, 255, 255, 255])
        #expect(cell(.rvizMap, 100) == [0, 0, 0, 255])
        #expect(cell(.rvizMap, 50) == [128, 128, 128, 255])
        #expect(cell(.rvizMap, 110) == [0, 255, 0, 255])
        #expect(cell(.rvizMap, 191) == [255, 128, 0, 255])
        #expect(cell(.rvizMap, 255) == [112, 137, 134, 255])
        #expect(cell(.rvizCostmap, 0) == [0, 0, 0, 0])
        #expect(cell(.rvizCostmap, 49) == [125, 0, 130, 255])
        #expect(cell(.rvizCostmap, 99) == [0, 255, 255, 255])
        #expect(cell(.rvizCostmap, 100) == [255, 0, 255, 255])
        #expect(cell(.costmap, 0) == [0, 0, 0, 0])
        #expect(cell(.costmap, 1) == [135, 217, 166, 255]) // mix(green, yellow, 1/98)
        #expect(cell(.costmap, 99) == [215, 47, 33, 255])
        #expect(cell(.costmap, 100) == [24, 106, 221, 255])
    }

    @Test func tableSamplesTheMapEvenly() {
        let table = Colormap.turbo.table(count: 5)
        #expect(table.count == 5)
        #expect(table[2] == Colormap.turbo.rgba8(at: 0.5))
        #expect(table[4] == Colormap.turbo.rgba8(at: 1))
    }
}
