import Foundation
import Rasterizer

/// The 3D view's ground grid (rendering-conventions §6.3, Rerun's `world_grid.wgsl`): lines every `spacing` scene
/// units in the plane through the origin perpendicular to the up axis, drawn per pixel by the rasterizer
/// (`GroundGrid`, which holds the per-pixel formulas) in the transparent phase.
///
/// * Level: `c = max(log10(camera height / 1) − 0.9, 0)`; lines every `10^⌊c⌋` units, and every tenth line (a
///   "cardinal" line) blends in with the fraction `t = c − ⌊c⌋`: a regular line has intensity `(1 − t)·f`, a
///   cardinal one `(1 − t)·f + t·f₁₀`.
/// * Width and fade: the shader's coverage is `clamp((w + 1) / 2 − d / fwidth, 0, 1)` for a line `w` pixels wide, and
///   it fades lines by `linearstep(2, 10, 1 / (w · fwidth))`. The 0.41 viewer's pixels follow a line half a point wide
///   (`w = 0.5 · ppp`): its lines appear at an on-screen spacing of 1 pt and reach full strength at 5 pt, and a line
///   profile across a pixel row matches this coverage's footprint (peak 0.75, measured in the side-by-side pictures
///   of `scripts/compare_with_viewer.py`). So the fade is `linearstep(1, 5, s)` in points, `f₁₀` the same at `10·s`,
///   and lines vanish towards the horizon, where the rows crowd together.
/// * Brightness: the source says (128, 128, 128) at alpha 60; the 0.41 viewer's lines over the #0d0d0d background
///   peak at sRGB 51 (alpha 60 would give 57 with this coverage), which alpha 47 gives, and so do its line profiles.
/// * Extent: the square of `marginCells` cells on each side of the point below the camera target, besides the cells
///   between it and the eye (at most `maxHalfCellCount`).
enum WorldGrid {
    /// Line colour; its alpha is the opacity at full strength.
    static let color = RGBA8(128, 128, 128, 47)
    /// Line width, in points (0.5: see "Width and fade").
    static let lineWidth: Float = 0.5
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
