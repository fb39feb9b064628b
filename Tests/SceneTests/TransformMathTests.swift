import Testing
@testable import SceneBuilding

private func close(_ a: SIMD3<Double>, _ b: SIMD3<Double>, _ tol: Double = 1e-12) -> Bool {
    let d = a - b
    return max(abs(d.x), abs(d.y), abs(d.z)) <= tol
}

@Suite struct TransformMathTests {
    @Test func partsComposeInRerunsFixedOrder() throws {
        // Scale first, then rotate 90° about z, then translate: (1,0,0) → scale 2 → (2,0,0) → (0,2,0) → (1,2,3).
        let parts = TransformParts(translation: [1, 0, 3], axisAngle: (axis: [0, 0, 5], angle: .pi / 2), scale: [2, 2, 2])
        #expect(close(try parts.matrix().apply([1, 0, 0]), [1, 2, 3]))
    }

    @Test func quaternionIsXYZWAndNormalised() throws {
        // 180° about x as an unnormalised xyzw quaternion: y → −y.
        let m = try TransformParts(quaternion: [3, 0, 0, 0]).matrix()
        #expect(close(m.apply([0, 1, 0]), [0, -1, 0]))
    }

    @Test func mat3x3IsColumnMajorAndAppliedFirst() throws {
        // Columns (0,1,0), (−1,0,0), (0,0,1): a 90° rotation about z.
        let m = try TransformParts(translation: [0, 0, 1], mat3x3: [0, 1, 0, -1, 0, 0, 0, 0, 1]).matrix()
        #expect(close(m.apply([1, 0, 0]), [0, 1, 1]))
    }

    @Test func childFromParentIsInverted() throws {
        let m = try TransformParts(translation: [1, 2, 3], childFromParent: true).matrix()
        #expect(close(m.apply([1, 2, 3]), .zero))
    }

    @Test func invalidTransformsAreErrors() throws {
        #expect(throws: TransformParts.Invalid.zeroQuaternion) { try TransformParts(quaternion: .zero).matrix() }
        #expect(throws: TransformParts.Invalid.zeroScale) { try TransformParts(scale: .zero).matrix() }
        #expect(throws: TransformParts.Invalid.singularMatrix) {
            try TransformParts(mat3x3: [1, 0, 0, 1, 0, 0, 0, 0, 1]).matrix()
        }
        #expect(throws: TransformParts.Invalid.zeroAxis) {
            try TransformParts(axisAngle: (axis: .zero, angle: 1)).matrix()
        }
        // Instance poses ignore a bad rotation instead.
        #expect(close(try TransformParts(translation: [1, 0, 0], quaternion: .zero).matrix(lenientRotations: true)
            .apply(.zero), [1, 0, 0]))
    }

    @Test func averageScaleIsGeometricMean() {
        #expect(abs(Affine3.scale([1, 8, 1]).averageScale - 2) < 1e-12)
    }

    @Test func inverseRoundTrips() throws {
        let m = try TransformParts(translation: [1, -2, 3], quaternion: [0.1, 0.2, 0.3, 0.9], scale: [1, 2, 3]).matrix()
        let inv = try #require(m.inverse)
        #expect(close((inv * m).apply([4, 5, 6]), [4, 5, 6], 1e-9))
    }

    @Test func viewAxesDecodeRerunCodes() throws {
        let zUp = try #require(ViewAxes(codes: [3, 5, 1]))  // RIGHT_HAND_Z_UP
        #expect(zUp.up == [0, 0, 1] && zUp.right == [1, 0, 0] && zUp.forward == [0, 1, 0])
        let flu = try #require(ViewAxes(codes: [5, 4, 1]))
        #expect(flu.forward == [1, 0, 0] && flu.right == [0, -1, 0])
        #expect(ViewAxes(codes: [3, 4, 1]) == nil)  // right and left: degenerate
        #expect(ViewAxes(codes: [0, 1, 2]) == nil)
        // RUB camera: RDF forward (0,0,1) maps to −z (back is +z).
        let rub = try #require(ViewAxes(codes: [3, 1, 6]))
        #expect(rub.fromRDF.apply([0, 0, 1]) == [0, 0, -1])
        #expect(rub.fromRDF.apply([0, 1, 0]) == [0, -1, 0])
    }

    @Test func defaultEyeMatchesTheViewer() {
        let roi = BoundingBox(min: [-1, -1, -1], max: [1, 1, 1])
        let eye = Eye.viewerDefault(regionOfInterest: roi, axes: .rfu)
        let dir = normalized(eye.target - eye.position)
        #expect(close(dir, [0.30151134457776363, 0.9045340337332909, -0.30151134457776363], 1e-12))
        #expect(abs((eye.position - eye.target).squaredLength - 6.75) < 1e-9)  // (1.5·√3)²
        #expect(eye.up == [0, 0, 1])
        #expect(Eye.viewerDefault(regionOfInterest: .empty, axes: .rfu).target == .zero)
    }

    @Test func robustRegionIgnoresOutliers() {
        var pts = (0..<100).map { i in SIMD3<Double>(Double(i % 10), Double(i / 10), 0) }
        pts.append([1e6, 0, 0])
        let roi = BoundingBox.robustRegion(of: pts)
        #expect(roi.max.x < 20)
        #expect(BoundingBox.robustRegion(of: [SIMD3<Double>(1, 2, 3)]) == BoundingBox(min: [1, 2, 3], max: [1, 2, 3]))
    }

    @Test func pinholePlacesImageOnPlaneAndBuildsFrustum() throws {
        let cam = try #require(PinholeCamera(imageFromCamera: [20, 0, 0, 0, 20, 0, 12, 8, 1], resolution: [24, 16],
                                             imagePlaneDistance: 2))
        #expect(close(cam.cameraFromImage.apply([12, 8, 0]), [0, 0, 2]))
        #expect(close(cam.cameraFromImage.apply([24, 16, 0]), [1.2, 0.8, 2]))
        let strips = try #require(cam.frustumStrips)
        #expect(strips.count == 6)
        #expect(close(strips[4][2], [1.2, 0.8, 2]))
        #expect(abs(cam.fovY! - 2 * atan(8.0 / 20)) < 1e-12)
    }
}

private extension SIMD3<Double> {
    var squaredLength: Double { (self * self).sum() }
}

import Foundation
