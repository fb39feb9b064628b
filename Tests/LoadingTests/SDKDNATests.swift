import ArrowIPC
import Foundation
import RecordingModel
import RecordingSDK
import Testing

/// The DNA abacus of `Fixtures/scripts/dna.py`, logged from Swift with the same arithmetic (Double, like
/// NumPy, converted to Float when stored) and the same NumPy random numbers (`SDKNumpyRandom`).
/// Only the spiral colours come from the fixture: they are a lookup in matplotlib's turbo table, which is
/// not bundled here.
///
/// The bead offsets in `dna.rrd` are NumPy's legacy sequence for seed **0**, not the script's 42 (the first
/// offset is 0.5488135…, seed 0's first draw): the global NumPy RNG was reseeded between the script's
/// `np.random.seed(42)` and its first draw (by the SDK's `init`/`save`, or the file came from an earlier
/// script version). The test reproduces the file, so it draws from seed 0.
enum DNAScene {
    static let numPoints = 100
    static let tau = 2 * Double.pi

    /// `rerun.utilities.build_color_spiral` positions (radius 2, angular step 0.02, z step 0.1).
    static func spiral(angularOffset: Double) -> [SIMD3<Double>] {
        (0 ..< numPoints).map { i in
            let angle = Double(i) * tau * 0.02 + angularOffset
            return SIMD3(cos(angle) * 2, sin(angle) * 2, Double(i) * 0.1)
        }
    }

    /// `rerun.utilities.bounce_lerp` for t ≥ 0.
    static func bounceLerp(_ a: Double, _ b: Double, _ t: Double) -> Double {
        let tf = t.truncatingRemainder(dividingBy: 1)
        return Int(t) % 2 == 0 ? (1.0 - tf) * a + tf * b : tf * a + (1.0 - tf) * b
    }

    static func float3(_ v: [SIMD3<Double>]) -> [SIMD3<Float>] { v.map { SIMD3<Float>(Float($0.x), Float($0.y), Float($0.z)) } }

    /// Beads at parameters `t` (one per point) with their grey levels.
    static func beads(_ p1: [SIMD3<Double>], _ p2: [SIMD3<Double>], _ t: [Double]) -> Points3D {
        let positions = (0 ..< numPoints).map { n in
            SIMD3(bounceLerp(p1[n].x, p2[n].x, t[n]), bounceLerp(p1[n].y, p2[n].y, t[n]), bounceLerp(p1[n].z, p2[n].z, t[n]))
        }
        let colors = t.map { Color(gray: UInt8(Int(bounceLerp(80, 230, $0 * 2)))) }
        return Points3D(positions: float3(positions), radii: [0.06], colors: colors)
    }

    static func log(spiralColors: [Color]) -> RecordingStream {
        var rng = SDKNumpyRandom(seed: 0)
        var rec = RecordingStream(applicationID: "rerun_example_dna_abacus", recordingID: "fixture-dna",
                                  clock: .simulated(start: 1_795_698_490_000_000_000, step: 1_000))
        rec.setTime("stable_time", duration: 0.0)
        let p1 = spiral(angularOffset: 0), p2 = spiral(angularOffset: tau * 0.5)
        rec.log("dna/structure/left", Points3D(positions: float3(p1), radii: [0.08], colors: spiralColors))
        rec.log("dna/structure/right", Points3D(positions: float3(p2), radii: [0.08], colors: spiralColors))
        rec.log("dna/structure/scaffolding", LineStrips3D(strips: (0 ..< numPoints).map { float3([p1[$0], p2[$0]]) },
                                                          colors: [Color(r: 128, g: 128, b: 128)]))
        let offsets = rng.rand(numPoints)
        rec.log("dna/structure/scaffolding/beads", beads(p1, p2, offsets))
        let timeOffsets = rng.rand(numPoints)
        for i in 0 ..< 400 {
            let time = Double(i) * 0.01
            rec.setTime("stable_time", duration: time)
            rec.log("dna/structure/scaffolding/beads", beads(p1, p2, timeOffsets.map { time + $0 }))
        }
        for i in 0 ..< 400 {
            let time = Double(i) * 0.01
            rec.setTime("stable_time", duration: time)
            rec.log("dna/structure", Transform3D(rotation: .axisAngle(RotationAxisAngle(axis: [0, 0, 1], radians: Float(time / 4.0 * tau)))))
        }
        return rec
    }
}

@Suite struct SDKDNATests {
    let fixture: ChunkStore
    let logged: ChunkStore

    init() throws {
        fixture = try #require(Fixtures.load("dna.rrd").recording)
        let left = EntityPath(["dna", "structure", "left"])
        let colors = try #require(fixture.latestAt("Points3D:colors", entity: left, query: LatestAtQuery(timeline: "stable_time", at: 0)))
        logged = DNAScene.log(spiralColors: colors.scalars(UInt32.self).map { Color(u32: $0) }).store
    }

    @Test func sameEntitiesDescriptorsTypesAndStaticFlags() {
        #expect(logged.entityPaths == fixture.entityPaths)
        for e in fixture.entityPaths {
            #expect(logged.components(of: e) == fixture.components(of: e), "\(e)")
            #expect(SDKStoreComparison.columnTypes(logged, e) == SDKStoreComparison.columnTypes(fixture, e), "\(e)")
            for c in fixture.components(of: e) {
                #expect(logged.hasStaticData(entity: e, component: c.component) == fixture.hasStaticData(entity: e, component: c.component))
                #expect(logged.rowCount(entity: e, component: c.component) == fixture.rowCount(entity: e, component: c.component),
                        "\(e) \(c.component)")
            }
        }
        #expect(logged.id.recordingID == "fixture-dna")
    }

    @Test func sameTimelines() throws {
        #expect(Set(logged.timelines.keys) == Set(fixture.timelines.keys))
        for (name, info) in fixture.timelines { #expect(logged.timelines[name]?.timeline.kind == info.timeline.kind) }
        #expect(logged.timelines["stable_time"]?.range == fixture.timelines["stable_time"]?.range)
    }

    /// Every row of every temporal component, in (time, row id) order: times and values identical,
    /// including the random bead offsets.
    @Test func sameHistoryOnStableTime() {
        for e in fixture.entityPaths where e != EntityPath(["__properties"]) {
            for c in fixture.components(of: e) {
                let a = SDKStoreComparison.history(logged, e, c.component, timeline: "stable_time")
                let b = SDKStoreComparison.history(fixture, e, c.component, timeline: "stable_time")
                #expect(a.count == b.count && a == b, "\(e) \(c.component): \(a.count) vs \(b.count) rows")
            }
        }
    }

    @Test(arguments: [Int64(0), 5_000_000, 10_000_000, 1_234_567_890, 2_049_999_999, 2_050_000_000, 3_990_000_000, 10_000_000_000])
    func sameLatestAt(time: Int64) {
        let query = LatestAtQuery(timeline: "stable_time", at: time)
        for e in fixture.entityPaths where e != EntityPath(["__properties"]) {
            for c in fixture.components(of: e) {
                let a = SDKStoreComparison.json(logged.latestAt(c.component, entity: e, query: query))
                let b = SDKStoreComparison.json(fixture.latestAt(c.component, entity: e, query: query))
                #expect(a == b, "\(e) \(c.component) at \(time)")
            }
        }
        let beads = EntityPath(["dna", "structure", "scaffolding", "beads"])
        #expect(logged.view(Points3DView.self, entity: beads, query: query)?.positions.count == 100)
        let transform = logged.view(Transform3DView.self, entity: EntityPath(["dna", "structure"]), query: query)
        #expect(transform != nil)
    }

    @Test func beforeTheFirstFrameNothingIsVisible() {
        let query = LatestAtQuery(timeline: "stable_time", at: -1)
        for e in logged.entityPaths where e != EntityPath(["__properties"]) {
            #expect(logged.latestAt(logged.components(of: e).map(\.component), entity: e, query: query).cells.isEmpty)
        }
    }
}
