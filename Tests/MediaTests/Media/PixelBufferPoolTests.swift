import Foundation
import TestSupport
import Testing
@testable import MediaCodecs

/// Frame buffers handed back by the video pipeline and taken again by a renderer.
@Suite struct PixelBufferPoolTests {
    @Test func takesOnlyArraysOfTheAskedSizeAndKeepsAtMostItsCapacity() {
        let pool = PixelBufferPool(capacity: 2)
        #expect(pool.take(count: 16) == nil)
        pool.give([UInt8](repeating: 1, count: 16))
        pool.give([UInt8](repeating: 2, count: 8))
        pool.give([UInt8](repeating: 3, count: 16))   // full: dropped
        #expect(pool.take(count: 4) == nil)
        #expect(pool.take(count: 8) == [UInt8](repeating: 2, count: 8))
        #expect(pool.take(count: 16) == [UInt8](repeating: 1, count: 16))
        #expect(pool.take(count: 16) == nil)
    }

    /// A frame its submitter still holds keeps its pixels when the writer's recycled copy is taken and overwritten.
    @Test func theWriterGivesBackConvertedFramesWithoutTouchingHeldOnes() throws {
        let folder = try TemporaryFolder()
        let writer = try VideoWriter(path: folder.file("v.mp4"), width: 64, height: 48,
                                     settings: VideoSettings(conversionThreads: 1, framesInFlight: 2))
        let held = SyntheticFrames.frame(0, width: 64, height: 48)
        try writer.append(held)
        for k in 1..<6 { try writer.append(SyntheticFrames.frame(k, width: 64, height: 48)) }
        _ = try writer.finish()
        var taken = try #require(writer.recycledPixels.take(count: 64 * 48 * 4))
        #expect(taken.count == held.pixels.count)
        for i in taken.indices { taken[i] = 0 }
        #expect(held == SyntheticFrames.frame(0, width: 64, height: 48))
        #expect(writer.recycledPixels.capacity == 3)
    }
}
