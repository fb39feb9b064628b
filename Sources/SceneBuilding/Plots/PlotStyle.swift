import Rasterizer

/// Sizes (UI points, multiplied by the view's pixels-per-point) and colours of the plot views that the data does
/// not choose (rendering-conventions §11, §12, §16), in the 0.41 viewer's dark theme.
public enum PlotStyle {
    /// Axis tick labels and legend entries.
    public static let labelSize: Float = 11
    /// Space around the plot area, outside the axis labels.
    public static let outerMargin: Float = 6
    /// Gap between an axis label and the plot area.
    public static let labelGap: Float = 4
    /// Closest spacing of labelled grid lines: x (time labels are wide), y.
    public static let minXTickSpacing: Float = 90
    public static let minYTickSpacing: Float = 36
    /// Labelled grid lines (#212121) and the finer unlabelled ones between them.
    public static let grid = Theme.plotGrid
    public static let minorGrid = RGBA8(0x17, 0x17, 0x17)
    public static let axisText = RGBA8(0xa0, 0xa0, 0xa0)
    /// The vertical time cursor.
    public static let cursor = RGBA8(0xca, 0xca, 0xca)
    public static let cursorWidth: Float = 1.5
    /// Legend box.
    public static let legendBackground = RGBA8(0x1b, 0x1b, 0x1b, 230)
    public static let legendBorder = RGBA8(0x30, 0x30, 0x30)
    public static let legendText = RGBA8(0xca, 0xca, 0xca)
    /// Time series defaults: line width 0.75 pt, thinnest drawn line 1.5 px, marker radius 3 pt.
    public static let defaultLineWidth: Float = 0.75
    public static let minLineWidthPixels: Float = 1.5
    public static let defaultMarkerSize: Float = 3
    /// Y range margin on each side (5 %).
    public static let yMargin = 0.05
}
