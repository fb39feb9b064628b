import Foundation

/// A column-major 4×4 affine transform in Double, used only to compose glTF node transforms.
struct GLTFMatrix: Equatable {
    /// `m[column * 4 + row]`, as glTF stores `matrix`.
    var m: [Double]

    static let identity = GLTFMatrix(m: [1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1])

    /// A node's local transform: its `matrix`, else T · R · S from translation, rotation (unit quaternion x, y, z, w;
    /// normalised here) and scale. Returns nil for a malformed or non-finite transform.
    static func local(_ node: GLTFDocument.Node) -> GLTFMatrix? {
        if let matrix = node.matrix {
            guard matrix.count == 16, matrix.allSatisfy(\.isFinite) else { return nil }
            return GLTFMatrix(m: matrix)
        }
        let t = node.translation ?? [0, 0, 0]
        let r = node.rotation ?? [0, 0, 0, 1]
        let s = node.scale ?? [1, 1, 1]
        guard t.count == 3, r.count == 4, s.count == 3, (t + r + s).allSatisfy(\.isFinite) else { return nil }
        let length = (r[0] * r[0] + r[1] * r[1] + r[2] * r[2] + r[3] * r[3]).squareRoot()
        guard length > 0 else { return nil }
        let (x, y, z, w) = (r[0] / length, r[1] / length, r[2] / length, r[3] / length)
        // Rotation matrix columns, each scaled by its scale factor.
        let c0 = [1 - 2 * (y * y + z * z), 2 * (x * y + z * w), 2 * (x * z - y * w)].map { $0 * s[0] }
        let c1 = [2 * (x * y - z * w), 1 - 2 * (x * x + z * z), 2 * (y * z + x * w)].map { $0 * s[1] }
        let c2 = [2 * (x * z + y * w), 2 * (y * z - x * w), 1 - 2 * (x * x + y * y)].map { $0 * s[2] }
        return GLTFMatrix(m: c0 + [0] + c1 + [0] + c2 + [0] + t + [1])
    }

    static func * (a: GLTFMatrix, b: GLTFMatrix) -> GLTFMatrix {
        var out = [Double](repeating: 0, count: 16)
        for column in 0..<4 {
            for row in 0..<4 {
                var sum = 0.0
                for k in 0..<4 { sum += a.m[k * 4 + row] * b.m[column * 4 + k] }
                out[column * 4 + row] = sum
            }
        }
        return GLTFMatrix(m: out)
    }

    var isIdentity: Bool { self == .identity }

    func transformPoint(_ p: SIMD3<Float>) -> SIMD3<Float> {
        let x = Double(p.x), y = Double(p.y), z = Double(p.z)
        return SIMD3(Float(m[0] * x + m[4] * y + m[8] * z + m[12]),
                     Float(m[1] * x + m[5] * y + m[9] * z + m[13]),
                     Float(m[2] * x + m[6] * y + m[10] * z + m[14]))
    }

    /// The inverse transpose of the upper 3×3 (row-major rows of the normal matrix), or nil when singular.
    func normalMatrix() -> [Double]? {
        let a = m[0], b = m[4], c = m[8]
        let d = m[1], e = m[5], f = m[9]
        let g = m[2], h = m[6], i = m[10]
        let det = a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g)
        guard det != 0, det.isFinite else { return nil }
        // inverse = adjugate / det; its transpose is the cofactor matrix / det.
        return [(e * i - f * h), -(d * i - f * g), (d * h - e * g),
                -(b * i - c * h), (a * i - c * g), -(a * h - b * g),
                (b * f - c * e), -(a * f - c * d), (a * e - b * d)].map { $0 / det }
    }

    static func transformNormal(_ n: SIMD3<Float>, _ nm: [Double]) -> SIMD3<Float> {
        let x = Double(n.x), y = Double(n.y), z = Double(n.z)
        let r = (nm[0] * x + nm[1] * y + nm[2] * z, nm[3] * x + nm[4] * y + nm[5] * z, nm[6] * x + nm[7] * y + nm[8] * z)
        let length = (r.0 * r.0 + r.1 * r.1 + r.2 * r.2).squareRoot()
        guard length > 0 else { return .zero }
        return SIMD3(Float(r.0 / length), Float(r.1 / length), Float(r.2 / length))
    }
}
