import Rasterizer

/// Sizes (UI points, multiplied by the view's pixels-per-point) and colours of the plot views that the data does
/// not choose (rendering-conventions §11, §12, §16), as measured in the 0.41 viewer's dark theme.
public enum PlotStyle {
    /// Axis tick labels and legend entries.
    public static let labelSize: Float = 12
    /// Thinnest x axis (height) and y axis (width), egui_plot's `min_thickness` as Rerun sets it.
    public static let minAxisThickness: Float = 14
    /// Space left and right of a y label inside the y axis.
    public static let yLabelSideMargin: Float = 4
    /// Label spacings (points) at which a grid's labels appear and reach full strength: x (time labels are
    /// wide), y.
    public static let xLabelSpacing: (Float, Float) = (60, 80)
    public static let yLabelSpacing: (Float, Float) = (20, 30)
    /// Grid lines at full strength (#212121) and the exponent of their fade.
    public static let grid = Theme.plotGrid
    public static let gridFade: Float = 0.3
    /// The plot area's frame line (egui's non-interactive widget stroke).
    public static let frame = RGBA8(53, 52, 52)
    /// Tick labels at full strength.
    public static let axisText = RGBA8(204, 204, 204)
    /// The time cursor: a 1 px line at 80 % of its knob's colour, under a 10 × 10 point downward triangle.
    public static let cursor = RGBA8(204, 204, 204)
    public static let cursorLineAlpha: Float = 0.8
    public static let cursorKnob: Float = 10
    /// Legend entries' text.
    public static let legendText = RGBA8(204, 204, 204)
    /// Time series defaults: line width 0.75 pt, thinnest drawn line 1.25 px (at full colour, as 0.41 shows it),
    /// marker radius 3 pt.
    public static let defaultLineWidth: Float = 0.75
    public static let minLineWidthPixels: Float = 0.75
    public static let defaultMarkerSize: Float = 3
    /// Y range margin on each side (5 %).
    public static let yMargin = 0.05
}
