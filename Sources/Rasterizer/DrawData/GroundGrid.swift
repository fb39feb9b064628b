/// A ground grid drawn per pixel, as Rerun's `world_grid.wgsl`: the plane through the world origin spanned by
/// `xAxis` and `yAxis`, with lines every `spacing` world units along both, a `lineWidth` pixels wide with one pixel of
/// anti-aliasing, fading out where they crowd together on screen.
///
/// Plane coordinates are counted in cells (`spacing` world units): `(a, b)` is the world point
/// `(a · xAxis + b · yAxis) · spacing`. The lines are `a = k` and `b = k` for integers `k`; every tenth one
/// (`k` a multiple of 10) is a cardinal line. Per pixel, for each family of lines (the viewer's formulas, its
/// `fwidth` derived analytically from the plane mapping):
/// * `w`: cells per pixel, `|∂a/∂x| + |∂a/∂y|` (`b` likewise); the on-screen spacing is `s = 1 / max(w_a, w_b)`
///   pixels per cell;
/// * coverage of the nearest line at distance `d` cells: `clamp((lineWidth + 1) / 2 − d / w, 0, 1)`; of the nearest
///   cardinal line likewise;
/// * fade `f = linearstep(invisibleSpacing, visibleSpacing, s)`, `f₁₀` the same at `10 · s`;
/// * intensity `(1 − t) · coverage · f + t · cardinal coverage · f₁₀` (`t = cardinalBlend`), the larger of the two
///   families' intensities is drawn: `color` at alpha `color.a / 255 · intensity`, blended in linear light.
///
/// The grid ends at the square of lines `center ± halfExtent` (cells): a line `a = k` is drawn where
/// `|k − center.x| ≤ halfExtent` and `|b − center.y| ≤ halfExtent` (`b = k` likewise). It is a transparent scene
/// draw: after the opaque draws, depth-tested per sample (clipped by the near and far planes), writing no depth.
public struct GroundGrid: Sendable, Equatable {
    /// Unit vectors spanning the plane, orthogonal to each other.
    public var xAxis: SIMD3<Double>, yAxis: SIMD3<Double>
    /// World units between neighbouring lines (> 0).
    public var spacing: Double
    /// How far the cardinal lines have taken over (0…1).
    public var cardinalBlend: Float
    /// Line colour (sRGB); its alpha is the opacity of a line at full strength.
    public var color: RGBA8
    /// Line width in pixels.
    public var lineWidth: Float
    /// On-screen spacing of lines (pixels per cell) at which they vanish, and from which they are at full strength.
    public var invisibleSpacing: Float, visibleSpacing: Float
    /// Centre of the square the grid ends at, in cells.
    public var center: SIMD2<Double>
    /// Half the side of that square, in cells.
    public var halfExtent: Double

    public init(xAxis: SIMD3<Double>, yAxis: SIMD3<Double>, spacing: Double, cardinalBlend: Float, color: RGBA8,
                lineWidth: Float, invisibleSpacing: Float, visibleSpacing: Float, center: SIMD2<Double>,
                halfExtent: Double) {
        self.xAxis = xAxis; self.yAxis = yAxis; self.spacing = spacing; self.cardinalBlend = cardinalBlend
        self.color = color; self.lineWidth = lineWidth
        self.invisibleSpacing = invisibleSpacing; self.visibleSpacing = visibleSpacing
        self.center = center; self.halfExtent = halfExtent
    }
}
