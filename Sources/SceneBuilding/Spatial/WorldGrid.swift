import Foundation
import Rasterizer

/// The 3D view's ground grid (rendering-conventions §6.3, Rerun's `world_grid.wgsl`): lines 1 pt wide every
/// `spacing` scene units in the plane through the origin perpendicular to the up axis, drawn per pixel by the
/// rasterizer (`GroundGrid`, which holds the per-pixel formulas) in the transparent phase.
///
/// * Level: `c = max(log10(camera height / 1) − 0.9, 0)`; lines every `10^⌊c⌋` units, and every tenth line (a
///   "cardinal" line) blends in with the fraction `t = c − ⌊c⌋`: a regular line has intensity `(1 − t)·f`, a
///   cardinal one `(1 − t)·f + t·f₁₀`.
/// * Fade `f`: the viewer fades lines by how close together they are on screen, per pixel, by the measure
///   `s = 1 / (ppp · max(fwidth(u), fwidth(v)))` (`u`, `v` in cells: points per cell along the densest direction).
///   Rerun's shader source says `linearstep(2, 10, s)` for a 1 pt line; the 0.41 viewer's pixels follow
///   `f = linearstep(1, 5, s)` (its lines appear at s ≈ 1 and reach full strength at s ≈ 5, measured per pixel in the
///   side-by-side pictures of `scripts/compare_with_viewer.py`), so that is used here; `f₁₀` is the same at `10·s`.
///   So lines vanish towards the horizon, where the rows crowd together.
/// * Brightness: the source says (128, 128, 128) at alpha 60, but the 0.41 viewer's lines reach only 0.58 of that:
///   a full-strength line over the #0d0d0d background peaks at sRGB 49–51 (alpha 60 would give 66), measured in the
///   same pictures. So the alpha at full strength is 35.
/// * Extent: the square of `marginCells` cells on each side of the point below the camera target, besides the cells
///   between it and the eye (at most `maxHalfCellCount`).
enum WorldGrid {
    /// Line colour; its alpha is the opacity at full strength.
    static let color = RGBA8(128, 128, 128, 35)
    /// Line width, in points.
    static let lineWidth: Float = 1
    /// On-screen line spacing (points) at which lines are gone, and from which they are at full strength.
    static let invisibleSpacing: Float = 1, visibleSpacing: Float = 5
    /// Cells on each side of the point below the camera target, besides those between it and the eye.
    static let marginCells = 60, maxHalfCellCount = 200

    /// The grid for one eye.
    static func grid(eye: Eye, axes: ViewAxes, pixelsPerPoint: Float) -> GroundGrid {
        let up = axes.up, u = axes.right, v = axes.forward
        let height = abs(dot(eye.position, up))
        let cardinality = max(log10(max(height, 1e-9)) - 0.9, 0)
        let level = cardinality.rounded(.down)
        let spacing = pow(10, level)
        let center = eye.target - dot(eye.target, up) * up
        let toEye = eye.position - eye.target
        let reach = Int(min((dot(toEye, toEye).squareRoot() / spacing).rounded(.up), Double(maxHalfCellCount)))
        return GroundGrid(xAxis: u, yAxis: v, spacing: spacing, cardinalBlend: Float(cardinality - level),
                          color: color, lineWidth: lineWidth * pixelsPerPoint,
                          invisibleSpacing: invisibleSpacing * pixelsPerPoint,
                          visibleSpacing: visibleSpacing * pixelsPerPoint,
                          center: [(dot(center, u) / spacing).rounded(), (dot(center, v) / spacing).rounded()],
                          halfExtent: Double(min(marginCells + reach, maxHalfCellCount)))
    }
}
