import Foundation

/// A 4×4 matrix of `Float`, stored row-major (`m[4 * row + col]`) and applied to column vectors
/// (`y = M · x`), like the benchmark scenes' `view` and `proj`.
///
/// Names say which spaces a matrix maps between, read right to left: `clipFromWorld =
/// clipFromCamera * cameraFromWorld`. Products and inverses are computed in `Double` and rounded
/// once, so a chain of products does not drift.
public struct Mat4: Sendable, Equatable {
    /// Row-major elements: `m[4 * row + col]`.
    public var m: SIMD16<Float>

    /// A matrix from its 16 row-major elements.
    public init(rowMajor m: SIMD16<Float>) { self.m = m }

    /// A matrix from 16 row-major elements; `nil` unless exactly 16 are given.
    public init?(rowMajor array: [Float]) {
        guard array.count == 16 else { return nil }
        var m = SIMD16<Float>()
        for i in 0..<16 { m[i] = array[i] }
        self.m = m
    }

    public static let identity = Mat4(rowMajor: SIMD16(1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1))

    /// Element at `row`, `col` (both 0...3).
    @inlinable public subscript(row: Int, col: Int) -> Float {
        get { m[4 * row + col] }
        set { m[4 * row + col] = newValue }
    }

    /// The product `a · b` (apply `b` first), computed in `Double`.
    public static func * (a: Mat4, b: Mat4) -> Mat4 {
        var r = SIMD16<Float>()
        for i in 0..<4 {
            for j in 0..<4 {
                var s = 0.0
                for k in 0..<4 { s += Double(a[i, k]) * Double(b[k, j]) }
                r[4 * i + j] = Float(s)
            }
        }
        return Mat4(rowMajor: r)
    }

    /// `M · (p, 1)`: a point to homogeneous coordinates. The sum order is fixed (x, y, z, then the
    /// translation), so every kernel that transforms points this way gets the same bits.
    @inlinable public func transformPoint(_ p: SIMD3<Float>) -> SIMD4<Float> {
        SIMD4(m[0] * p.x + m[1] * p.y + m[2] * p.z + m[3],
              m[4] * p.x + m[5] * p.y + m[6] * p.z + m[7],
              m[8] * p.x + m[9] * p.y + m[10] * p.z + m[11],
              m[12] * p.x + m[13] * p.y + m[14] * p.z + m[15])
    }

    /// `M · (d, 0)`, first three components: a direction (no translation).
    @inlinable public func transformDirection(_ d: SIMD3<Float>) -> SIMD3<Float> {
        SIMD3(m[0] * d.x + m[1] * d.y + m[2] * d.z,
              m[4] * d.x + m[5] * d.y + m[6] * d.z,
              m[8] * d.x + m[9] * d.y + m[10] * d.z)
    }

    /// The transpose.
    public var transposed: Mat4 {
        var r = SIMD16<Float>()
        for i in 0..<4 { for j in 0..<4 { r[4 * j + i] = m[4 * i + j] } }
        return Mat4(rowMajor: r)
    }

    /// The inverse, or `nil` when the matrix is singular or not finite (Gauss–Jordan in `Double`).
    public var inverse: Mat4? {
        var a = [Double](repeating: 0, count: 32)
        for i in 0..<4 {
            for j in 0..<4 { a[8 * i + j] = Double(m[4 * i + j]) }
            a[8 * i + 4 + i] = 1
        }
        for col in 0..<4 {
            var pivot = col
            for r in col + 1..<4 where abs(a[8 * r + col]) > abs(a[8 * pivot + col]) { pivot = r }
            let p = a[8 * pivot + col]
            guard p != 0, p.isFinite else { return nil }
            if pivot != col { for j in 0..<8 { a.swapAt(8 * pivot + j, 8 * col + j) } }
            for j in 0..<8 { a[8 * col + j] /= p }
            for r in 0..<4 where r != col {
                let f = a[8 * r + col]
                if f != 0 { for j in 0..<8 { a[8 * r + j] -= f * a[8 * col + j] } }
            }
        }
        var r = SIMD16<Float>()
        for i in 0..<4 { for j in 0..<4 { r[4 * i + j] = Float(a[8 * i + 4 + j]) } }
        return Mat4(rowMajor: r)
    }

    /// A translation by `t`.
    public static func translation(_ t: SIMD3<Float>) -> Mat4 {
        var r = identity
        r[0, 3] = t.x; r[1, 3] = t.y; r[2, 3] = t.z
        return r
    }

    /// A scale by `s` along each axis.
    public static func scale(_ s: SIMD3<Float>) -> Mat4 {
        var r = identity
        r[0, 0] = s.x; r[1, 1] = s.y; r[2, 2] = s.z
        return r
    }

    /// `cameraFromWorld` of an OpenGL-style camera at `eye` looking at `target` (the camera looks
    /// down its −z axis, +y up, +x right). Computed in `Double`, like the benchmark scenes' `look_at`.
    public static func lookAt(eye: SIMD3<Float>, target: SIMD3<Float>, up: SIMD3<Float>) -> Mat4 {
        let e = SIMD3<Double>(eye), t = SIMD3<Double>(target), u = SIMD3<Double>(up)
        func normalize(_ v: SIMD3<Double>) -> SIMD3<Double> {
            let l = (v * v).sum().squareRoot()
            return l > 0 ? v / l : v
        }
        func cross(_ a: SIMD3<Double>, _ b: SIMD3<Double>) -> SIMD3<Double> {
            SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
        }
        let f = normalize(t - e)
        let s = normalize(cross(f, u))
        let v = cross(s, f)
        let rows: [Double] = [s.x, s.y, s.z, -(s * e).sum(),
                              v.x, v.y, v.z, -(v * e).sum(),
                              -f.x, -f.y, -f.z, (f * e).sum(),
                              0, 0, 0, 1]
        return Mat4(rowMajor: rows.map { Float($0) })!
    }

    /// OpenGL perspective `clipFromCamera`: vertical field of view in radians, `aspect` = width /
    /// height, depth mapped to NDC −1 (near) … +1 (far).
    public static func perspective(fovY: Float, aspect: Float, near: Float, far: Float) -> Mat4 {
        let t = 1.0 / Foundation.tan(Double(fovY) / 2)
        let n = Double(near), f = Double(far)
        let rows: [Double] = [t / Double(aspect), 0, 0, 0,
                              0, t, 0, 0,
                              0, 0, (f + n) / (n - f), 2 * f * n / (n - f),
                              0, 0, -1, 0]
        return Mat4(rowMajor: rows.map { Float($0) })!
    }

    /// OpenGL orthographic `clipFromCamera` for the camera-space box
    /// [left, right] × [bottom, top] × [−far, −near].
    public static func orthographic(left: Float, right: Float, bottom: Float, top: Float,
                                    near: Float, far: Float) -> Mat4 {
        let l = Double(left), r = Double(right), b = Double(bottom), t = Double(top)
        let n = Double(near), f = Double(far)
        let rows: [Double] = [2 / (r - l), 0, 0, -(r + l) / (r - l),
                              0, 2 / (t - b), 0, -(t + b) / (t - b),
                              0, 0, -2 / (f - n), -(f + n) / (f - n),
                              0, 0, 0, 1]
        return Mat4(rowMajor: rows.map { Float($0) })!
    }
}
