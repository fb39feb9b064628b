import ArrowIPC
import Foundation
import RecordingModel

/// `rerun.components.RotationQuat`: a quaternion stored as `x, y, z, w`.
public struct Quaternion: Sendable, Hashable {
    public var xyzw: SIMD4<Float>

    public init(xyzw: SIMD4<Float>) { self.xyzw = xyzw }
    public init(x: Float, y: Float, z: Float, w: Float) { xyzw = SIMD4(x, y, z, w) }

    public static let identity = Quaternion(x: 0, y: 0, z: 0, w: 1)

    /// The rotation of `radians` about `axis` (normalised here).
    public init(axis: SIMD3<Float>, radians: Float) {
        let len = (axis * axis).sum().squareRoot()
        let n = len > 0 ? axis / len : SIMD3<Float>(0, 0, 0)
        let s = sin(radians / 2)
        self.init(x: n.x * s, y: n.y * s, z: n.z * s, w: cos(radians / 2))
    }
}

extension RotationAxisAngle {
    /// A rotation of `radians` about `axis`.
    public init(axis: SIMD3<Float>, radians: Float) { self.init(axis: axis, angle: radians) }

    /// A rotation of `degrees` about `axis` (converted to radians in double precision, as the Python SDK
    /// does, then stored as Float).
    public init(axis: SIMD3<Float>, degrees: Double) { self.init(axis: axis, angle: Float(degrees * .pi / 180)) }
}

/// A 3D rotation given either way Rerun accepts (Python's `Rotation3DLike`).
public enum Rotation3D: Sendable, Hashable {
    case axisAngle(RotationAxisAngle)
    case quaternion(Quaternion)
}

/// A 3×3 matrix; construct it from rows (as the Python SDK does) or columns. Stored column-major.
public struct Mat3x3: Sendable, Hashable {
    /// Nine values, column-major (the stored order).
    public var columnMajor: [Float]

    public init(columnMajor: [Float]) {
        precondition(columnMajor.count == 9, "a 3×3 matrix needs 9 values")
        self.columnMajor = columnMajor
    }

    /// From three rows (`[[r0c0, r0c1, r0c2], ...]`).
    public init(rows: [[Float]]) {
        precondition(rows.count == 3 && rows.allSatisfy { $0.count == 3 }, "a 3×3 matrix needs 3 rows of 3")
        columnMajor = (0 ..< 3).flatMap { c in (0 ..< 3).map { r in rows[r][c] } }
    }

    /// From three columns.
    public init(columns: [SIMD3<Float>]) {
        precondition(columns.count == 3, "a 3×3 matrix needs 3 columns")
        columnMajor = columns.flatMap { [$0.x, $0.y, $0.z] }
    }

    public static let identity = Mat3x3(columnMajor: [1, 0, 0, 0, 1, 0, 0, 0, 1])
}

extension ArrowArray {
    static func quaternions(_ q: [Quaternion]) -> ArrowArray { vec4(q.map(\.xyzw)) }
    static func mat3x3(_ m: [Mat3x3]) -> ArrowArray { fixed(m.flatMap(\.columnMajor), size: 9) }

    /// `RotationAxisAngle` struct instances.
    static func rotationAxisAngles(_ r: [RotationAxisAngle]) -> ArrowArray {
        .structure([("axis", false, vec3(r.map(\.axis))), ("angle", false, .primitive(r.map(\.angle)))], length: r.count)
    }
}
