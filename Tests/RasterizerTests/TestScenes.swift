@testable import Rasterizer
import TestSupport

/// Small scenes, one per primitive, shared by the golden, kernel and thread tests.
enum TestScenes {
    static let width = 96, height = 64

    static var camera: Camera {
        .perspective(eye: [2.2, 1.6, 2.6], target: [0, 0, 0], fovYDegrees: 50, near: 0.05, far: 20,
                     width: width, height: height)
    }

    /// A lit cube (viewer rig) resting on a vertex-coloured, unlit floor quad.
    static var triangles: DrawList {
        var list = DrawList(background: RGBA8(13, 13, 13))
        list.add(cube(center: [0, 0, 0], half: 0.5, color: RGBA8(200, 120, 60)))
        list.add(MeshBatch(positions: [[-1.5, -0.5, -1.5], [1.5, -0.5, -1.5], [-1.5, -0.5, 1.5], [1.5, -0.5, 1.5]],
                           indices: [0, 2, 1, 1, 2, 3],
                           colors: [RGBA8(255, 0, 0), RGBA8(0, 255, 0), RGBA8(0, 0, 255), RGBA8(255, 255, 255)],
                           lighting: .unlit))
        return list
    }

    /// Sphere impostors (gradient), flat discs and squares; scene-unit and screen-point radii.
    static var points: DrawList {
        var list = DrawList(background: RGBA8(13, 13, 13))
        list.add(PointBatch(positions: [[-0.6, 0, 0], [0, 0, 0], [0.6, 0, 0]], radii: [0.25, 0.35, 0.25],
                            colors: [RGBA8(230, 60, 60), RGBA8(60, 200, 80), RGBA8(60, 110, 230)]))
        list.add(PointBatch(positions: [[-0.8, 0.7, 0], [-0.4, 0.7, 0], [0, 0.7, 0], [0.4, 0.7, 0]],
                            radii: [-1, -2, -3.5, -5], colors: [RGBA8(240, 200, 40)], shape: .disc, shading: .flat))
        list.add(PointBatch(positions: [[-0.6, -0.6, 0.3], [0.6, -0.6, 0.3]], radii: [0.12],
                            colors: [RGBA8(200, 200, 200)], shape: .square, shading: .flat))
        return list
    }

    /// Strips with per-vertex colours, a thick strip with a sharp turn (round join), screen widths.
    static var lines: DrawList {
        var list = DrawList(background: RGBA8(13, 13, 13))
        list.add(LineBatch(positions: [[-1, -0.5, 0], [-0.3, 0.6, 0], [0.2, -0.4, 0], [1, 0.5, 0],
                                       [-1, -0.9, 0], [1, -0.7, 0]],
                           stripStarts: [0, 4], radii: [-2.5, -0.75],
                           colors: [RGBA8(255, 80, 80), RGBA8(80, 255, 80), RGBA8(80, 80, 255), RGBA8(255, 255, 80),
                                    RGBA8(255, 255, 255), RGBA8(120, 120, 120)],
                           colorsPerVertex: true))
        list.add(LineBatch(positions: [[-0.8, 0.8, -0.3], [0.8, 0.9, 0.3]], radii: [0.06], colors: [RGBA8(0, 200, 255)]))
        return list
    }

    /// A 4×4 texture magnified with nearest filtering, and a fine checkerboard minified.
    static var images: DrawList {
        var list = DrawList(background: RGBA8(13, 13, 13))
        var small = [UInt8]()
        for y in 0..<4 { for x in 0..<4 { small += [UInt8(x * 80), UInt8(y * 80), UInt8(255 - x * 40), 255] } }
        let tex = Texture(width: 4, height: 4, rgba: small)!
        list.add(ImageQuad(texture: tex, origin: [4, 4, 0], xAxis: [40, 0, 0], yAxis: [0, 40, 0], space: .pixels))
        var fine = [UInt8]()
        for y in 0..<128 { for x in 0..<128 { fine += (x + y) % 2 == 0 ? [255, 255, 255, 255] : [0, 0, 0, 255] } }
        let checker = Texture(width: 128, height: 128, rgba: fine)!
        list.add(ImageQuad(texture: checker, origin: [50, 6, 0], xAxis: [40, 0, 0], yAxis: [0, 24, 0], space: .pixels))
        // Half-transparent image over both.
        list.add(ImageQuad(texture: tex, origin: [30, 34, 0], xAxis: [40, 0, 0], yAxis: [0, 26, 0], opacity: 0.5,
                           space: .pixels))
        return list
    }

    /// Transparent meshes over an opaque one (blended phase).
    static var transparency: DrawList {
        var list = DrawList(background: RGBA8(13, 13, 13))
        list.add(cube(center: [0, 0, 0], half: 0.4, color: RGBA8(255, 255, 255)))
        var glass = cube(center: [0.3, 0.1, 0.4], half: 0.45, color: RGBA8(60, 140, 255))
        glass.opacity = 0.4
        list.add(glass)
        list.add(PointBatch(positions: [[-0.5, 0.5, 0.5]], radii: [0.3], colors: [RGBA8(255, 80, 40)], opacity: 0.5))
        return list
    }

    /// A label with a pill, left-aligned text, a rounded rectangle and a polyline, in pixels.
    static func overlay(font: Font) -> DrawList {
        var list = DrawList(background: RGBA8(0, 0, 0))
        list.add(RectShape(minX: 4.5, minY: 40, maxX: 60, maxY: 60, cornerRadius: 6, color: RGBA8(40, 90, 200)))
        list.addPolyline([[64, 58], [74, 44], [84, 56], [92, 40]], width: 2, color: RGBA8(255, 200, 0))
        list.add(TextLabel("Label", at: [48, 6], sizePixels: 12, color: RGBA8(255, 255, 255), font: font,
                           alignment: .center, background: RGBA8(44, 43, 43, 128)))
        list.add(TextLabel("Ag 1.5", at: [8, 24], sizePixels: 11, color: RGBA8(120, 255, 120), font: font))
        return list
    }

    /// A cube of 12 triangles with face normals.
    static func cube(center c: SIMD3<Float>, half h: Float, color: RGBA8) -> MeshBatch {
        var pos: [SIMD3<Float>] = [], nrm: [SIMD3<Float>] = [], idx: [UInt32] = []
        let faces: [(SIMD3<Float>, SIMD3<Float>, SIMD3<Float>)] = [
            ([1, 0, 0], [0, 1, 0], [0, 0, 1]), ([-1, 0, 0], [0, 0, 1], [0, 1, 0]),
            ([0, 1, 0], [0, 0, 1], [1, 0, 0]), ([0, -1, 0], [1, 0, 0], [0, 0, 1]),
            ([0, 0, 1], [1, 0, 0], [0, 1, 0]), ([0, 0, -1], [0, 1, 0], [1, 0, 0]),
        ]
        for (n, u, v) in faces {
            let b = UInt32(pos.count)
            for (su, sv) in [(-1, -1), (1, -1), (-1, 1), (1, 1)] as [(Float, Float)] {
                pos.append(c + h * (n + su * u + sv * v))
                nrm.append(n)
            }
            idx += [b, b + 1, b + 2, b + 1, b + 3, b + 2]
        }
        return MeshBatch(positions: pos, indices: idx, normals: nrm, colors: [color], lighting: .viewerRig)
    }

    /// A larger random scene for kernel and thread tests: many points, a mesh, lines.
    static func busy(seed: UInt64) -> DrawList {
        var rng = SplitMix64(seed: seed)
        var list = DrawList(background: RGBA8(5, 10, 20))
        var pts: [SIMD3<Float>] = [], cols: [RGBA8] = [], radii: [Float] = []
        for _ in 0..<3000 {
            pts.append([rng.unit() - 0.5, rng.unit() - 0.5, rng.unit() - 0.5])
            cols.append(RGBA8(UInt8(rng.next() & 0xFF), UInt8(rng.next() & 0xFF), UInt8(rng.next() & 0xFF)))
            radii.append(rng.unit() < 0.5 ? 0.004 + 0.02 * rng.unit() : -(0.5 + 3 * rng.unit()))
        }
        list.add(PointBatch(positions: pts, radii: radii, colors: cols, shape: .sphere))
        list.add(PointBatch(positions: pts.map { $0 * 0.7 }, radii: [0.006], colors: cols, shape: .disc, shading: .flat))
        var grid: [SIMD3<Float>] = [], idx: [UInt32] = [], nrm: [SIMD3<Float>] = []
        let n = 24
        for z in 0...n {
            for x in 0...n {
                let fx = Float(x) / Float(n) - 0.5, fz = Float(z) / Float(n) - 0.5
                grid.append([fx, 0.1 * (fx * 9).sinApprox * (fz * 7).sinApprox - 0.3, fz])
                nrm.append([0, 1, 0])
            }
        }
        for z in 0..<n { for x in 0..<n {
            let a = UInt32(z * (n + 1) + x)
            idx += [a, a + UInt32(n + 1), a + 1, a + 1, a + UInt32(n + 1), a + UInt32(n + 2)]
        } }
        list.add(MeshBatch(positions: grid, indices: idx, normals: nrm, colors: [RGBA8(180, 160, 220)],
                           lighting: .lambert(direction: [0.28, 0.87, 0.4], ambient: 0.15)))
        var lp: [SIMD3<Float>] = []
        for i in 0..<400 { let t = Float(i) / 60; lp.append([0.5 * t.sinApprox, t / 7 - 0.3, 0.5 * (t + 1.57).sinApprox]) }
        list.add(LineBatch(positions: lp, radii: [-1.2], colors: cols, colorsPerVertex: true))
        var glass = cube(center: [0.1, 0, 0.1], half: 0.3, color: RGBA8(90, 200, 120))
        glass.opacity = 0.35
        list.add(glass)
        return list
    }
}


extension Float {
    /// A sine good enough for test geometry, the same on every platform (no libm).
    var sinApprox: Float {
        var x = self.truncatingRemainder(dividingBy: 2 * .pi)
        if x > .pi { x -= 2 * .pi } else if x < -.pi { x += 2 * .pi }
        return x * (1 - x * x / 6 + x * x * x * x / 120 - x * x * x * x * x * x / 5040)
    }
}
