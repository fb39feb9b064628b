import Rasterizer

/// The viewer's dark theme: every colour rrd-render draws that the data does not choose
/// (rendering-conventions §3.5, §11–§13, §16; the 0.41 viewer's uniform background observed on screen).
public enum Theme {
    /// Background of every view in the 0.41 viewer: sRGB #0d0d0d.
    public static let viewBackground = RGBA8(13, 13, 13)
    /// Text that the data does not colour.
    public static let strongText = RGBA8(255, 255, 255)
    public static let weakText = RGBA8(0xa0, 0xa0, 0xa0)
    /// Label pill fill: #2c2b2b at 50 %.
    public static let labelBackground = RGBA8(0x2c, 0x2b, 0x2b, 128)
    public static let frustum = RGBA8(0x9f, 0x9f, 0x9f)
    public static let axisX = RGBA8(0xff, 0x69, 0x81)
    public static let axisY = RGBA8(0x00, 0xb2, 0x66)
    public static let axisZ = RGBA8(0x7a, 0x95, 0xff)
    /// 3D ground grid: (128, 128, 128) at alpha 60.
    public static let grid3D = RGBA8(128, 128, 128, 60)
    /// Plot grid lines: #212121.
    public static let plotGrid = RGBA8(0x21, 0x21, 0x21)
    /// View title bars, as the viewer's tab bar.
    public static let titleBarBackground = RGBA8(0x1b, 0x1b, 0x1b)
    public static let titleText = RGBA8(0xca, 0xca, 0xca)
    /// Gaps between views.
    public static let separator = RGBA8(0, 0, 0)

    /// Text-log level colours.
    public static func logLevelColor(_ level: String) -> RGBA8? {
        switch level.uppercased() {
        case "CRITICAL": RGBA8(255, 255, 255)
        case "ERROR": RGBA8(0xab, 0x01, 0x16)
        case "WARN", "WARNING": RGBA8(0xff, 0x7a, 0x0c)
        case "INFO": RGBA8(0x00, 0xda, 0x7e)
        case "DEBUG": RGBA8(0xad, 0xbb, 0xff)
        case "TRACE": RGBA8(0xbf, 0xbf, 0xbf)
        default: nil
        }
    }

    /// Font sizes in UI points.
    public static let labelFontSize: Float = 12
    public static let titleFontSize: Float = 12
    public static let titleBarHeight: Float = 24
}
