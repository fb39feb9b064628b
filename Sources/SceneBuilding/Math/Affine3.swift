/// A 3D affine transform in double precision: `p' = linear · p + translation`.
///
/// Transforms are named `targetFromSource` (e.g. `worldFromEntity`) and compose right to left:
/// `worldFromCamera * cameraFromPoint` maps a point from point space to world space.
/// `linear` is stored as three columns (the images of the x, y and z unit vectors).
public struct Affine3: Equatable, Sendable {
    public var c0: SIMD3<Double>
    public var c1: SIMD3<Double>
    public var c2: SIMD3<Double>
    public var translation: SIMD3<Double>

    public init(c0: SIMD3<Double>, c1: SIMD3<Double>, c2: SIMD3<Double>, translation: SIMD3<Double> = .zero) {
        self.c0 = c0; self.c1 = c1; self.c2 = c2; self.translation = translation
    }

    public static let identity = Affine3(c0: [1, 0, 0], c1: [0, 1, 0], c2: [0, 0, 1])

    public static func translation(_ t: SIMD3<Double>) -> Affine3 {
        var m = identity; m.translation = t; return m
    }

    public static func scale(_ s: SIMD3<Double>) -> Affine3 {
        Affine3(c0: [s.x, 0, 0], c1: [0, s.y, 0], c2: [0, 0, s.z])
    }

    /// A rotation of `angle` radians about `axis` (right-handed). Nil when the axis has no usable length.
    public static func rotation(axis: SIMD3<Double>, angle: Double) -> Affine3? {
        let len = (axis * axis).sum().squareRoot()
        guard len.isFinite, len > 0, angle.isFinite else { return nil }
        return rotation(quaternion: SIMD4(axis / len * sin(angle / 2), cos(angle / 2)))
    }

    /// The rotation of an xyzw quaternion, normalised first. Nil for a zero or non-finite quaternion.
    public static func rotation(quaternion q: SIMD4<Double>) -> Affine3? {
        let len = (q * q).sum().squareRoot()
        guard len.isFinite, len > 0 else { return nil }
        let (x, y, z, w) = (q.x / len, q.y / len, q.z / len, q.w / len)
        return Affine3(
            c0: [1 - 2 * (y * y + z * z), 2 * (x * y + z * w), 2 * (x * z - y * w)],
            c1: [2 * (x * y - z * w), 1 - 2 * (x * x + z * z), 2 * (y * z + x * w)],
            c2: [2 * (x * z + y * w), 2 * (y * z - x * w), 1 - 2 * (x * x + y * y)])
    }

    /// Applies the full transform to a point.
    @inlinable public func apply(_ p: SIMD3<Double>) -> SIMD3<Double> {
        c0 * p.x + c1 * p.y + c2 * p.z + translation
    }

    /// Applies only the linear part (for directions).
    @inlinable public func applyLinear(_ v: SIMD3<Double>) -> SIMD3<Double> {
        c0 * v.x + c1 * v.y + c2 * v.z
    }

    public static func * (a: Affine3, b: Affine3) -> Affine3 {
        Affine3(c0: a.applyLinear(b.c0), c1: a.applyLinear(b.c1), c2: a.applyLinear(b.c2),
                translation: a.apply(b.translation))
    }

    public var determinant: Double {
        (c0 * cross(c1, c2)).sum()
    }

    /// The inverse, or nil when the linear part is singular or not finite.
    public var inverse: Affine3? {
        let det = determinant
        guard det.isFinite, abs(det) > 1e-300 else { return nil }
        // Rows of the inverse are the cross products of the columns, divided by the determinant.
        let r0 = cross(c1, c2) / det, r1 = cross(c2, c0) / det, r2 = cross(c0, c1) / det
        let inv = Affine3(c0: [r0.x, r1.x, r2.x], c1: [r0.y, r1.y, r2.y], c2: [r0.z, r1.z, r2.z])
        return Affine3(c0: inv.c0, c1: inv.c1, c2: inv.c2, translation: -inv.applyLinear(translation))
    }

    /// The geometric mean of the lengths of the three basis columns: how scene-unit radii scale.
    public var averageScale: Double {
        func length(_ v: SIMD3<Double>) -> Double { (v * v).sum().squareRoot() }
        return Foundation.cbrt(length(c0) * length(c1) * length(c2))
    }

    public var isFinite: Bool {
        [c0, c1, c2, translation].allSatisfy { $0.x.isFinite && $0.y.isFinite && $0.z.isFinite }
    }
}

@inlinable public func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
    SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
}

@inlinable public func dot(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> Double { (a * b).sum() }

@inlinable public func normalized(_ v: SIMD3<Double>) -> SIMD3<Double> {
    let len = dot(v, v).squareRoot()
    return len > 0 ? v / len : v
}

import Foundation
