import Testing
@testable import GoldenImage
@testable import MediaCodecs

@Suite struct ImageComparisonTests {
    @Test func identicalImagesAreIdentical() {
        let image = TestImages.noise(width: 40, height: 30)
        let (result, diff) = ImageComparison.compare(expected: image, actual: image)
        #expect(result.verdict == .identical && result.passed)
        #expect(result.differentPixels == 0 && result.badPixels == 0 && result.worstAt == nil && diff == nil)
        #expect(result.summary == "identical: 40x30, every pixel equal")
    }

    @Test func onePixelChangeIsFoundAndLocated() {
        let expected = RGBAImage(width: 20, height: 10, fill: (0, 0, 0, 255))
        var actual = expected
        TestImages.set(&actual, 13, 7, (255, 255, 255, 255))
        let (result, _) = ImageComparison.compare(expected: expected, actual: actual)
        #expect(result.verdict == .different && !result.passed)
        #expect(result.badPixels == 1 && result.differentPixels == 1 && result.allowedBadPixels == 0)
        #expect(result.worstAt == .init(x: 13, y: 7))
        #expect(abs(result.worstDistance - 0.966) < 1e-3, "black against white")
        #expect(result.badBounds == .init(minX: 13, minY: 7, maxX: 13, maxY: 7))
        #expect(result.summary == "different: 1 bad pixel (allowed 0) of 200; 1 pixel differs at all; worst colour distance 0.966 at (13, 7), threshold 0; bad pixels within x 13...13, y 7...7")
        let allowOne = Tolerance(budget: .pixels(1))
        #expect(ImageComparison.compare(expected: expected, actual: actual, tolerance: allowOne).result.verdict == .withinTolerance)
        let allowHalfPercent = Tolerance(budget: .fraction(0.005)) // 1 of 200
        #expect(ImageComparison.compare(expected: expected, actual: actual, tolerance: allowHalfPercent).result.passed)
        let allowLess = Tolerance(budget: .fraction(0.004)) // rounds down to 0
        #expect(!ImageComparison.compare(expected: expected, actual: actual, tolerance: allowLess).result.passed)
    }

    @Test func thresholdSeparatesSmallFromLargeChanges() {
        let expected = RGBAImage(width: 4, height: 4, fill: (100, 100, 100, 255))
        var actual = expected
        TestImages.set(&actual, 1, 1, (102, 100, 100, 255)) // tiny change
        TestImages.set(&actual, 2, 2, (200, 40, 40, 255)) // large change
        let exact = ImageComparison.compare(expected: expected, actual: actual).result
        #expect(exact.badPixels == 2)
        let loose = ImageComparison.compare(expected: expected, actual: actual, tolerance: Tolerance(threshold: 0.1)).result
        #expect(loose.badPixels == 1 && loose.differentPixels == 2 && loose.worstAt == .init(x: 2, y: 2))
        let tiny = ColorDistance.normalized((100, 100, 100, 255), (102, 100, 100, 255))
        #expect(tiny > 0 && tiny < 0.02)
    }

    @Test func antialiasingOnlyChangeCountsUnlessIgnored() {
        let expected = TestImages.edge(grey: 128)
        let actual = TestImages.edge(grey: 90)
        let strict = ImageComparison.compare(expected: expected, actual: actual).result
        #expect(strict.badPixels == 12 && strict.antialiasedPixels == 0 && !strict.passed)
        let lenient = ImageComparison.compare(expected: expected, actual: actual,
                                              tolerance: Tolerance(ignoreAntialiasing: true)).result
        #expect(lenient.badPixels == 0 && lenient.antialiasedPixels == 12 && lenient.verdict == .withinTolerance)
        #expect(lenient.summary.contains("12 more on anti-aliased edges ignored"))
    }

    @Test func aChangeInsideAFlatAreaIsNotAntialiasing() {
        let expected = TestImages.edge()
        var actual = expected
        TestImages.set(&actual, 3, 5, (128, 128, 128, 255)) // inside the black half
        let result = ImageComparison.compare(expected: expected, actual: actual, tolerance: Tolerance(ignoreAntialiasing: true)).result
        #expect(result.badPixels == 1 && result.antialiasedPixels == 0)
    }

    @Test func sizeMismatchIsADifferenceWithAClearMessage() {
        let (result, diff) = ImageComparison.compare(expected: RGBAImage(width: 4, height: 3), actual: RGBAImage(width: 3, height: 4),
                                                     makeDiff: true)
        #expect(result.verdict == .sizeMismatch && !result.passed && diff == nil)
        #expect(result.summary == "size mismatch: expected 4x3, actual 3x4")
    }

    @Test func diffImageMarksBadRedAntialiasingYellowOverFadedGrey() throws {
        var expected = TestImages.edge(grey: 128)
        var actual = TestImages.edge(grey: 90)
        TestImages.set(&expected, 2, 2, (0, 0, 0, 255))
        TestImages.set(&actual, 2, 2, (255, 255, 255, 255))
        let (_, diff) = ImageComparison.compare(expected: expected, actual: actual,
                                                tolerance: Tolerance(ignoreAntialiasing: true), makeDiff: true)
        let image = try #require(diff)
        #expect(image.pixel(x: 2, y: 2) == (255, 0, 0, 255))
        #expect(image.pixel(x: 8, y: 0) == (255, 255, 0, 255))
        #expect(image.pixel(x: 0, y: 0) == (229, 229, 229, 255), "black faded 90 % towards white")
        #expect(image.pixel(x: 15, y: 0) == (255, 255, 255, 255))
    }

    @Test func anyNumberOfBandsGivesTheSameResultAndDiff() {
        let expected = TestImages.noise(width: 300, height: 200, seed: 1)
        var actual = expected
        for k in 0..<500 { TestImages.set(&actual, (k * 37) % 300, (k * 11) % 200, (255, 0, 255, 255)) }
        let tolerance = Tolerance(threshold: 0.05, ignoreAntialiasing: true)
        let one = ImageComparison.compare(expected: expected, actual: actual, tolerance: tolerance, makeDiff: true, bands: 1)
        #expect(one.result.differentPixels > 400 && one.result.badPixels > 0)
        for bands in [2, 7, 64, 200] {
            let many = ImageComparison.compare(expected: expected, actual: actual, tolerance: tolerance, makeDiff: true, bands: bands)
            #expect(many.result == one.result, "\(bands) bands")
            #expect(many.diff == one.diff, "\(bands) bands")
        }
    }

    @Test func toleranceValuesAreValidated() {
        #expect(Tolerance(threshold: 1.5).problem == "threshold 1.5 is outside 0...1")
        #expect(Tolerance(budget: .pixels(-1)).problem == "max bad pixels -1 is negative")
        #expect(Tolerance(budget: .fraction(2)).problem == "max bad fraction 2.0 is outside 0...1")
        #expect(Tolerance(threshold: 0.1, ignoreAntialiasing: true, budget: .pixels(3)).problem == nil)
    }
}
