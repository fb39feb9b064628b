import ArrowIPC
import Dispatch
import Foundation
import Rasterizer
import RecordingModel
import Testing
@testable import SceneBuilding

/// `BlobCache` (decoded blobs kept across frames) and the image visualizers that use it: a value is made once per
/// blob and variant, and a picture whose format changes while its bytes stay is decoded again.
@Suite struct DecodedImageCacheTests {
    /// Counts calls from several threads.
    private final class Counter: @unchecked Sendable {
        private let lock = NSLock()
        private var n = 0
        func add() { lock.lock(); n += 1; lock.unlock() }
        var value: Int { lock.lock(); defer { lock.unlock() }; return n }
    }

    private func blob(_ bytes: [UInt8]) -> ArrowBuffer { ArrowBuffer(ArrowStorage(bytes)) }

    @Test func aValueIsMadeOncePerBlobAndVariant() {
        let cache = BlobCache<Int>(capacity: 4)
        let a = blob([1, 2, 3]), b = blob([1, 2, 3])
        let made = Counter()
        func value(_ x: ArrowBuffer, _ variant: AnyHashable, _ v: Int) -> Int {
            cache.value(for: x, variant: variant) { made.add(); return v }
        }
        #expect(value(a, "png", 1) == 1)
        #expect(value(a, "png", 2) == 1, "kept")
        #expect(value(a, "jpeg", 3) == 3, "another variant of the same bytes")
        #expect(value(b, "png", 4) == 4, "equal bytes in other storage are another blob")
        #expect(made.value == 3)
    }

    @Test func theOldestUseIsEvictedAndFailuresAreNotKept() throws {
        let cache = BlobCache<Int>(capacity: 2)
        let a = blob([1]), b = blob([2]), c = blob([3])
        _ = cache.value(for: a) { 1 }
        _ = cache.value(for: b) { 2 }
        _ = cache.value(for: a) { 0 }              // a used last: b is the oldest
        _ = cache.value(for: c) { 3 }              // evicts b
        #expect(cache.value(for: a) { -1 } == 1)
        #expect(cache.value(for: b) { -2 } == -2, "made again")
        struct Failure: Error {}
        #expect(throws: Failure.self) { try cache.value(for: c, variant: "x") { throw Failure() } }
        #expect(cache.value(for: c, variant: "x") { 5 } == 5, "a throwing make leaves nothing behind")
    }

    @Test func threadsAskingTogetherWaitForOneMaker() {
        let cache = BlobCache<Int>(capacity: 4)
        let shared = blob([7, 7, 7])
        let made = Counter(), results = Counter()
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            let v = cache.value(for: shared) {
                made.add()
                Thread.sleep(forTimeInterval: 0.05)
                return 42
            }
            if v == 42 { results.add() }
        }
        #expect(made.value == 1)
        #expect(results.value == 8)
    }

    /// A static Image whose format is logged again with other channels (BGR instead of RGB) while its buffer stays:
    /// the next picture decodes the same bytes under the new format instead of reusing the first decoding.
    @Test func anImageIsDecodedAgainWhenOnlyItsFormatChanges() throws {
        var s = Spatial2DStore()
        try s.image("/img", width: 2, height: 2, rgb: [200, 10, 30])
        let bounds = Bounds2D(min: [0, 0], max: [2, 2])
        #expect(try render2D(s.store, bounds: bounds, width: 20, height: 20).image.pixel(5, 5) == [200, 10, 30, 255])
        try s.log("/img", "Image", [("format", Spatial2DStore.imageFormat(width: 2, height: 2, colorModel: 4, datatype: 6), 1)])
        let (image, warnings) = try render2D(s.store, bounds: bounds, width: 20, height: 20)
        #expect(warnings.isEmpty)
        #expect(image.pixel(5, 5) == [30, 10, 200, 255])
    }

    /// A colour-mapped depth picture logged again with another colormap over the same bytes is mapped again.
    @Test func aDepthImageIsMappedAgainWhenItsColormapChanges() throws {
        var s = Spatial2DStore()
        try s.log("/depth", "DepthImage", [
            ("buffer", Spatial2DStore.blob(leBytes([UInt16(1000), 2000, 3000, 4000])), 1),
            ("format", Spatial2DStore.imageFormat(width: 2, height: 2, datatype: 8), 1),
        ])
        let bounds = Bounds2D(min: [0, 0], max: [2, 2])
        let turbo = try render2D(s.store, bounds: bounds, width: 20, height: 20).image.pixel(15, 15)
        try s.log("/depth", "DepthImage", [("colormap", .primitive([Colormap.grayscale.rawValue]), 1)])
        let gray = try render2D(s.store, bounds: bounds, width: 20, height: 20).image.pixel(15, 15)
        #expect(gray == [255, 255, 255, 255], "the deepest texel, white in Grayscale")
        #expect(turbo != gray)
    }

    /// A back-projected depth cloud logged again with another meter over the same bytes is projected again.
    @Test func aDepthCloudIsProjectedAgainWhenItsMeterChanges() throws {
        var s = Spatial2DStore()
        try s.log("/cam/depth", "DepthImage", [
            ("buffer", Spatial2DStore.blob(leBytes([UInt16(1000)])), 1),
            ("format", Spatial2DStore.imageFormat(width: 1, height: 1, datatype: 8), 1),
            ("meter", .primitive([Float(1000)]), 1),
        ])
        let camera = PinholeCamera(fx: 2, fy: 2, cx: 0.5, cy: 0.5, resolution: [1, 1],
                                   cameraAxes: ViewAxes(x: .right, y: .down, z: .forward), imagePlaneDistance: 0.5)
        func depth() -> Float? {
            var scene = SpatialCollector()
            DepthClouds().collect(entity: EntityPath(["cam", "depth"]), camera: camera, originFromCamera: .identity,
                                  context: ViewContext(store: s.store, query: .staticOnly, timelineKind: nil), into: &scene)
            guard case let .points(batch)? = scene.orderedDrawables.first else { return nil }
            return batch.positions.first?.z
        }
        #expect(depth() == 1)
        try s.log("/cam/depth", "DepthImage", [("meter", .primitive([Float(500)]), 1)])
        #expect(depth() == 2)
    }
}
