import Testing
@testable import SceneBuilding

@Suite struct ClassPaletteTests {
    /// rendering-conventions §3.2.
    static let table: [[UInt8]] = [
        [188, 77, 77], [77, 123, 188], [154, 188, 77], [188, 77, 178], [77, 188, 175], [188, 150, 77],
        [118, 77, 188], [86, 188, 77], [188, 77, 128], [77, 158, 188], [182, 188, 77], [172, 77, 188],
        [77, 188, 146], [188, 112, 77], [77, 94, 188], [133, 188, 77],
    ]

    @Test(arguments: 0..<16)
    func paletteMatchesTheDocumentedTable(id: Int) {
        let c = ClassPalette.color(for: UInt16(id))
        let expected = Self.table[id]
        // The doc allows ±1 from Rerun's rounding; ours matches the table exactly.
        #expect([c.x, c.y, c.z, c.w] == expected + [255], "class \(id)")
    }

    @Test func everyColourHasTheSameValueAndSaturation() {
        for id in [100, 1000, 65535] {
            let c = ClassPalette.color(for: UInt16(id))
            #expect(max(c.x, c.y, c.z) == 188)
            #expect(min(c.x, c.y, c.z) == 77)
        }
    }
}
