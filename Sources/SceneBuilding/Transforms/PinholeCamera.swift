/// A Pinhole's intrinsics and the way it places 2D content into its parent 3D space (rendering-conventions §5.4, §8.13).
///
/// Image coordinates are pixels, x right, y down. `cameraAxes` is the camera's ViewCoordinates (default RDF).
public struct PinholeCamera: Equatable, Sendable {
    public var fx: Double, fy: Double, cx: Double, cy: Double
    /// Image size in pixels, when known.
    public var resolution: SIMD2<Double>?
    public var cameraAxes: ViewAxes
    /// Distance of the image plane from the camera centre, in scene units.
    public var imagePlaneDistance: Double

    public init(fx: Double, fy: Double, cx: Double, cy: Double, resolution: SIMD2<Double>?,
                cameraAxes: ViewAxes = .rdf, imagePlaneDistance: Double) {
        self.fx = fx; self.fy = fy; self.cx = cx; self.cy = cy
        self.resolution = resolution; self.cameraAxes = cameraAxes; self.imagePlaneDistance = imagePlaneDistance
    }

    /// From a column-major `image_from_camera` (fx = m[0], fy = m[4], principal point = m[6], m[7]); skew ignored.
    /// Nil when a focal length is zero or anything is not finite.
    public init?(imageFromCamera m: [Double], resolution: SIMD2<Double>?, cameraAxes: ViewAxes = .rdf,
                 imagePlaneDistance: Double) {
        guard m.count == 9, m.allSatisfy(\.isFinite), m[0] != 0, m[4] != 0 else { return nil }
        self.init(fx: m[0], fy: m[4], cx: m[6], cy: m[7], resolution: resolution, cameraAxes: cameraAxes,
                  imagePlaneDistance: imagePlaneDistance)
    }

    /// Rerun's fallback image-plane distance: 0.02 × the ROI diagonal, or 0.3 when that is 0 or not finite.
    public static func fallbackImagePlaneDistance(roiDiagonal: Double) -> Double {
        let d = 0.02 * roiDiagonal
        return d.isFinite && d > 0 ? d : 0.3
    }

    /// Vertical field of view from the resolution height and fy (nil without a resolution).
    public var fovY: Double? {
        resolution.map { 2 * atan(0.5 * $0.y / fy) }
    }

    /// `cameraFromImage`: maps image-space points (u, v, z) onto the image plane in the camera's own axes.
    /// `p_RDF = ((u − cx)·d/fx, (v − cy)·d/fy, d + z·hm)` with hm the harmonic mean of the two scales.
    public var cameraFromImage: Affine3 {
        let d = imagePlaneDistance
        let hm = 2 / (fx / d + fy / d)
        let rdfFromImage = Affine3(c0: [d / fx, 0, 0], c1: [0, d / fy, 0], c2: [0, 0, hm],
                                   translation: [-cx * d / fx, -cy * d / fy, d])
        return cameraAxes.fromRDF * rdfFromImage
    }

    /// A pixel (u, v) un-projected to `depth` along the optical axis, in the camera's own axes.
    public func unproject(u: Double, v: Double, depth: Double) -> SIMD3<Double> {
        cameraAxes.fromRDF.apply([(u - cx) * depth / fx, (v - cy) * depth / fy, depth])
    }

    /// The frustum as line strips in the camera's own axes: four rays from the centre to the image-plane corners,
    /// the image-plane rectangle, and the "up" triangle above the top edge. Nil without a resolution.
    public var frustumStrips: [[SIMD3<Double>]]? {
        guard let res = resolution, res.x > 0, res.y > 0 else { return nil }
        let (w, h, d) = (res.x, res.y, imagePlaneDistance)
        let corners = [(0.0, 0.0), (0, h), (w, h), (w, 0)].map { unproject(u: $0.0, v: $0.1, depth: d) }
        let origin = SIMD3<Double>.zero
        var strips = corners.map { [origin, $0] }
        strips.append(corners + [corners[0]])
        strips.append([(0.4 * w, 0.0), (0.5 * w, -0.1 * w), (0.6 * w, 0)].map { unproject(u: $0.0, v: $0.1, depth: d) })
        return strips
    }
}

import Foundation
