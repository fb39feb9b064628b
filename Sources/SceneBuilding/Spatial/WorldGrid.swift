import Foundation
import Rasterizer

/// The 3D view's ground grid (rendering-conventions §6.3): lines 1 pt wide every `spacing` scene units in the
/// plane through the origin perpendicular to the up axis, (128, 128, 128) at alpha 60, drawn transparent.
/// The spacing grows ×10 as the camera rises: `10^floor(max(log10(height) − 0.9, 0))`.
enum WorldGrid {
    /// Lines on each side of the point below the camera target.
    static let halfLineCount = 60

    static func lines(eye: Eye, axes: ViewAxes) -> LineBatch {
        let up = axes.up, u = axes.right, v = axes.forward
        let height = abs(dot(eye.position, up))
        let level = max(log10(max(height, 1e-9)) - 0.9, 0)
        let spacing = pow(10, level.rounded(.down))
        let center = eye.target - dot(eye.target, up) * up
        let cu = (dot(center, u) / spacing).rounded() * spacing, cv = (dot(center, v) / spacing).rounded() * spacing
        let extent = Double(halfLineCount) * spacing
        var positions: [SIMD3<Float>] = [], starts: [Int] = []
        for k in -halfLineCount...halfLineCount {
            let offset = Double(k) * spacing
            starts.append(positions.count)
            positions += [((cu + offset) * u + (cv - extent) * v).float, ((cu + offset) * u + (cv + extent) * v).float]
            starts.append(positions.count)
            positions += [((cu - extent) * u + (cv + offset) * v).float, ((cu + extent) * u + (cv + offset) * v).float]
        }
        return LineBatch(positions: positions, stripStarts: starts, radii: [-0.5], colors: [RGBA8(128, 128, 128)],
                         opacity: Float(Theme.grid3D.a) / 255)
    }
}
