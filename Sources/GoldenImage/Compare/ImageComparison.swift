import Dispatch
import MediaCodecs
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Compares an actual image with an expected one, pixel by pixel, under a `Tolerance`.
///
/// How it stays fast (two 1920×1080 images in well under 20 ms):
/// 1. Same size and every byte equal (one `memcmp`): identical, nothing else is computed.
/// 2. Otherwise rows are compared with `memcmp`; only rows that differ are walked pixel by pixel,
///    as 32-bit words, and the colour distance is computed only for words that differ.
/// 3. Large images are split into bands of rows compared on all cores; band results are merged
///    in band order, so counts, the worst pixel (first in row-major order on ties) and the diff
///    image are the same for any number of threads.
public enum ImageComparison {
    /// Colours of the diff image.
    public enum DiffColor {
        /// A bad pixel (counted).
        public static let bad: (UInt8, UInt8, UInt8) = (255, 0, 0)
        /// A difference excused as anti-aliasing.
        public static let antialiased: (UInt8, UInt8, UInt8) = (255, 255, 0)
        /// A difference under the threshold (only when the threshold is not 0).
        public static let belowThreshold: (UInt8, UInt8, UInt8) = (255, 190, 200)
    }

    /// Compares `actual` against `expected`. With `makeDiff` the result carries a diff image:
    /// the expected image faded to light grey, bad pixels red, anti-aliasing-only ones yellow,
    /// differences under the threshold pale pink. A size mismatch gives no diff image.
    public static func compare(expected: RGBAImage, actual: RGBAImage, tolerance: Tolerance = .exact,
                               makeDiff: Bool = false) -> (result: ComparisonResult, diff: RGBAImage?) {
        let bands = expected.width * expected.height >= 1 << 18 ? min(64, expected.height) : 1
        return compare(expected: expected, actual: actual, tolerance: tolerance, makeDiff: makeDiff, bands: bands)
    }

    /// `compare` with a chosen number of bands (1...height); tests use it to prove band independence.
    static func compare(expected: RGBAImage, actual: RGBAImage, tolerance: Tolerance, makeDiff: Bool,
                        bands bandCount: Int) -> (result: ComparisonResult, diff: RGBAImage?) {
        let expectedSize = ComparisonResult.Size(width: expected.width, height: expected.height)
        let actualSize = ComparisonResult.Size(width: actual.width, height: actual.height)
        let pixelCount = expected.width * expected.height
        let allowed = tolerance.budget.allowed(of: pixelCount)
        func result(_ tally: Tally) -> ComparisonResult {
            ComparisonResult(expectedSize: expectedSize, actualSize: actualSize, tolerance: tolerance,
                             differentPixels: tally.different, badPixels: tally.bad, antialiasedPixels: tally.antialiased,
                             allowedBadPixels: allowed, worstDistance: ColorDistance.normalized(squared: tally.worstSquared),
                             worstAt: tally.worstIndex.map { .init(x: $0 % expected.width, y: $0 / expected.width) },
                             badBounds: tally.bounds)
        }
        guard expectedSize == actualSize else { return (result(Tally()), nil) }
        guard pixelCount > 0 else { return (result(Tally()), makeDiff ? expected : nil) }
        let identical = expected.pixels.withUnsafeBytes { e in
            actual.pixels.withUnsafeBytes { a in memcmp(e.baseAddress!, a.baseAddress!, e.count) == 0 }
        }
        if identical && !makeDiff { return (result(Tally()), nil) }

        let width = expected.width, height = expected.height
        let maxSquared = Float(tolerance.threshold * tolerance.threshold) * ColorDistance.maxSquared
        var diffPixels = makeDiff ? [UInt8](repeating: 0, count: pixelCount * 4) : []
        var tallies = [Tally](repeating: Tally(), count: bandCount)
        expected.pixels.withUnsafeBufferPointer { expectedBytes in
            actual.pixels.withUnsafeBufferPointer { actualBytes in
                diffPixels.withUnsafeMutableBufferPointer { diffBytes in
                    tallies.withUnsafeMutableBufferPointer { talliesBuffer in
                        expectedBytes.withMemoryRebound(to: UInt32.self) { expectedWords in
                            actualBytes.withMemoryRebound(to: UInt32.self) { actualWords in
                                diffBytes.withMemoryRebound(to: UInt32.self) { diffWords in
                                    let job = BandJob(expected: expectedWords, actual: actualWords,
                                                      diff: makeDiff ? diffWords : nil, tallies: talliesBuffer,
                                                      width: width, height: height, maxSquared: maxSquared,
                                                      exact: tolerance.threshold == 0,
                                                      ignoreAntialiasing: tolerance.ignoreAntialiasing, bandCount: bandCount)
                                    if bandCount == 1 {
                                        job.run(band: 0)
                                    } else {
                                        DispatchQueue.concurrentPerform(iterations: bandCount) { job.run(band: $0) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        let total = tallies.dropFirst().reduce(into: tallies[0]) { $0.merge($1) }
        let diff = makeDiff ? RGBAImage(width: width, height: height, pixels: diffPixels) : nil
        return (result(total), diff)
    }
}

/// Counts for a band of rows; merged in band order.
struct Tally {
    var different = 0
    var bad = 0
    var antialiased = 0
    var worstSquared: Float = 0
    var worstIndex: Int?
    var bounds: ComparisonResult.Bounds?

    mutating func addBad(x: Int, y: Int) {
        bad += 1
        if var b = bounds {
            b.minX = min(b.minX, x); b.maxX = max(b.maxX, x)
            b.minY = min(b.minY, y); b.maxY = max(b.maxY, y)
            bounds = b
        } else {
            bounds = .init(minX: x, minY: y, maxX: x, maxY: y)
        }
    }

    /// Adds a later band's counts; on equal worst distances the earlier pixel stays.
    mutating func merge(_ later: Tally) {
        different += later.different
        bad += later.bad
        antialiased += later.antialiased
        if let index = later.worstIndex, worstIndex == nil || later.worstSquared > worstSquared {
            worstSquared = later.worstSquared
            worstIndex = index
        }
        if let b = later.bounds {
            if let a = bounds {
                bounds = .init(minX: min(a.minX, b.minX), minY: min(a.minY, b.minY),
                               maxX: max(a.maxX, b.maxX), maxY: max(a.maxY, b.maxY))
            } else {
                bounds = b
            }
        }
    }
}

/// The work of one band of rows. Bands write disjoint rows of `diff` and their own tally slot.
private struct BandJob: @unchecked Sendable {
    let expected: UnsafeBufferPointer<UInt32>
    let actual: UnsafeBufferPointer<UInt32>
    let diff: UnsafeMutableBufferPointer<UInt32>?
    let tallies: UnsafeMutableBufferPointer<Tally>
    let width: Int
    let height: Int
    let maxSquared: Float
    let exact: Bool
    let ignoreAntialiasing: Bool
    let bandCount: Int

    func run(band: Int) {
        let rows = (band * height / bandCount)..<((band + 1) * height / bandCount)
        var tally = Tally()
        let detector = AntialiasingDetector(width: width, height: height)
        let rowBytes = width * 4
        for y in rows {
            let start = y * width
            let rowEqual = memcmp(expected.baseAddress! + start, actual.baseAddress! + start, rowBytes) == 0
            if rowEqual {
                if let diff { for x in 0..<width { diff[start + x] = faded(expected[start + x]) } }
                continue
            }
            for x in 0..<width {
                let i = start + x
                let e = expected[i], a = actual[i]
                if e == a {
                    diff?[i] = faded(e)
                    continue
                }
                tally.different += 1
                let squared = ColorDistance.squared(UInt32(littleEndian: e), UInt32(littleEndian: a))
                if tally.worstIndex == nil || squared > tally.worstSquared {
                    tally.worstSquared = squared
                    tally.worstIndex = i
                }
                guard exact || squared > maxSquared else {
                    diff?[i] = color(ImageComparison.DiffColor.belowThreshold)
                    continue
                }
                if ignoreAntialiasing,
                   detector.isAntialiased(expected, actual, x: x, y: y) || detector.isAntialiased(actual, expected, x: x, y: y) {
                    tally.antialiased += 1
                    diff?[i] = color(ImageComparison.DiffColor.antialiased)
                } else {
                    tally.addBad(x: x, y: y)
                    diff?[i] = color(ImageComparison.DiffColor.bad)
                }
            }
        }
        tallies[band] = tally
    }

    /// The expected pixel as light grey: its brightness (over white) faded 90 % towards white.
    @inline(__always)
    private func faded(_ pixel: UInt32) -> UInt32 {
        let y = ColorDistance.brightness(UInt32(littleEndian: pixel))
        let grey = UInt32(255 + (y - 255) * 0.1)
        return UInt32(littleEndian: grey | grey << 8 | grey << 16 | 0xFF00_0000)
    }

    @inline(__always)
    private func color(_ c: (UInt8, UInt8, UInt8)) -> UInt32 {
        UInt32(littleEndian: UInt32(c.0) | UInt32(c.1) << 8 | UInt32(c.2) << 16 | 0xFF00_0000)
    }
}
