import Foundation
import Rasterizer

/// The 3D view's ground grid (rendering-conventions §6.3): lines 1 pt wide every `spacing` scene units in the
/// plane through the origin perpendicular to the up axis, (128, 128, 128) at alpha 60, drawn transparent.
/// The spacing grows ×10 as the camera rises: `10^floor(max(log10(height) − 0.9, 0))`.
///
/// Like the viewer, lines fade out where they crowd together: the grid is cut into one-cell segments, and a
/// segment is drawn at full, ⅔ or ⅓ strength, or not at all, by its length on screen (≥ 24, 12, 6 px). Short
/// segments also keep the rasterizer's work proportional to the pixels the grid really covers.
enum WorldGrid {
    /// Cells on each side of the point below the camera target.
    static let halfCellCount = 60
    static let fadeSteps: [(minPixels: Float, alpha: Float)] = [(24, 60), (12, 40), (6, 20)]

    static func batches(eye: Eye, axes: ViewAxes, camera: Camera, pixelsPerPoint: Float) -> [LineBatch] {
        let up = axes.up, u = axes.right, v = axes.forward
        let height = abs(dot(eye.position, up))
        let level = max(log10(max(height, 1e-9)) - 0.9, 0)
        let spacing = pow(10, level.rounded(.down))
        let center = eye.target - dot(eye.target, up) * up
        let cu = (dot(center, u) / spacing).rounded(), cv = (dot(center, v) / spacing).rounded()
        var groups = Array(repeating: [SIMD3<Float>](), count: fadeSteps.count)
        func point(_ a: Double, _ b: Double) -> SIMD3<Double> { (cu + a) * spacing * u + (cv + b) * spacing * v }
        let n = halfCellCount
        for line in -n...n {
            for cell in -n..<n {
                let a = Double(line), b = Double(cell)
                for (p, q) in [(point(a, b), point(a, b + 1)), (point(b, a), point(b + 1, a))] {
                    guard let step = fade(p, q, camera: camera, pixelsPerPoint: pixelsPerPoint) else { continue }
                    groups[step] += [p.float, q.float]
                }
            }
        }
        return groups.enumerated().compactMap { step, positions in
            guard !positions.isEmpty else { return nil }
            return LineBatch(positions: positions, stripStarts: Array(stride(from: 0, to: positions.count, by: 2)),
                             radii: [-0.5], colors: [RGBA8(128, 128, 128)], opacity: fadeSteps[step].alpha / 255)
        }
    }

    /// Which fade step a segment falls in, by its on-screen length; nil when too short or off screen.
    private static func fade(_ p: SIMD3<Double>, _ q: SIMD3<Double>, camera: Camera, pixelsPerPoint: Float) -> Int? {
        guard let a = camera.project(p.float), let b = camera.project(q.float) else { return nil }
        let w = Float(camera.width), h = Float(camera.height)
        guard max(a.x, b.x) >= 0, min(a.x, b.x) <= w, max(a.y, b.y) >= 0, min(a.y, b.y) <= h else { return nil }
        let length = ((a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y)).squareRoot() / pixelsPerPoint
        return fadeSteps.firstIndex { length >= $0.minPixels }
    }
}
