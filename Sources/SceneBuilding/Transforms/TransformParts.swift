/// The fields of a Transform3D (or one InstancePoses3D pose), in any combination.
///
/// `matrix` composes them in Rerun's fixed order, whatever order the user gave them in:
/// `Translation · RotationAxisAngle · RotationQuat · Scale · Mat3x3` (rendering-conventions §5.2), in f64.
public struct TransformParts: Equatable, Sendable {
    public var translation: SIMD3<Double>?
    public var axisAngle: (axis: SIMD3<Double>, angle: Double)?
    public var quaternion: SIMD4<Double>?
    public var scale: SIMD3<Double>?
    /// Column-major 3×3, as stored in `TransformMat3x3`.
    public var mat3x3: [Double]?
    /// `relation = ChildFromParent`: the composed matrix is inverted before use.
    public var childFromParent: Bool

    public init(translation: SIMD3<Double>? = nil, axisAngle: (axis: SIMD3<Double>, angle: Double)? = nil,
                quaternion: SIMD4<Double>? = nil, scale: SIMD3<Double>? = nil, mat3x3: [Double]? = nil,
                childFromParent: Bool = false) {
        self.translation = translation; self.axisAngle = axisAngle; self.quaternion = quaternion
        self.scale = scale; self.mat3x3 = mat3x3; self.childFromParent = childFromParent
    }

    public static func == (a: TransformParts, b: TransformParts) -> Bool {
        a.translation == b.translation && a.axisAngle?.axis == b.axisAngle?.axis
            && a.axisAngle?.angle == b.axisAngle?.angle && a.quaternion == b.quaternion && a.scale == b.scale
            && a.mat3x3 == b.mat3x3 && a.childFromParent == b.childFromParent
    }

    /// Why a transform cannot be used.
    public enum Invalid: Error, Equatable { case zeroAxis, zeroQuaternion, zeroScale, singularMatrix, notInvertible, notFinite }

    /// `parentFromChild`. With `lenientRotations` (instance poses), an invalid rotation counts as identity.
    public func matrix(lenientRotations: Bool = false) throws(Invalid) -> Affine3 {
        var m = Affine3.identity
        if let t = translation {
            guard t.x.isFinite, t.y.isFinite, t.z.isFinite else { throw .notFinite }
            m = .translation(t)
        }
        if let aa = axisAngle {
            if let r = Affine3.rotation(axis: aa.axis, angle: aa.angle) { m = m * r }
            else if !lenientRotations { throw .zeroAxis }
        }
        if let q = quaternion {
            if let r = Affine3.rotation(quaternion: q) { m = m * r }
            else if !lenientRotations { throw .zeroQuaternion }
        }
        if let s = scale {
            guard s != .zero else { throw .zeroScale }
            guard s.x.isFinite, s.y.isFinite, s.z.isFinite else { throw .notFinite }
            m = m * .scale(s)
        }
        if let a = mat3x3 {
            guard a.count == 9 else { throw .singularMatrix }
            let mat = Affine3(c0: [a[0], a[1], a[2]], c1: [a[3], a[4], a[5]], c2: [a[6], a[7], a[8]])
            guard mat.isFinite else { throw .notFinite }
            guard mat.determinant != 0 else { throw .singularMatrix }
            m = m * mat
        }
        if childFromParent {
            guard let inverse = m.inverse else { throw .notInvertible }
            m = inverse
        }
        return m
    }
}
