import Rasterizer

/// How a piece of panel text looks: face, size in pixels, colour, and an optional fill behind it (code spans).
struct TextStyle: Equatable {
    enum Face: Equatable { case regular, medium, mono }

    var face: Face
    var size: Float
    var color: RGBA8
    var background: RGBA8?
    var strikethrough = false

    func font(_ fonts: PanelFonts) -> Font? {
        switch face {
        case .regular: fonts.regular
        case .medium: fonts.medium
        case .mono: fonts.mono
        }
    }
}

/// The faces the panels use: Inter Regular and Medium (bold is drawn with Medium: no bold face is bundled) and
/// DejaVu Sans Mono for code.
struct PanelFonts {
    let regular = Font.interRegular
    let medium = Font.interMedium
    let mono = Font.dejaVuSansMono ?? Font.interRegular
}

/// Colours and sizes of the text panels (text document, text log), in UI points and the dark theme.
enum PanelStyle {
    static let bodyText = RGBA8(0xca, 0xca, 0xca)
    static let strongText = Theme.strongText
    static let weakText = Theme.weakText
    /// Link text: nil keeps the surrounding text colour (the 0.41 viewer shows links in the text colour).
    static let link: RGBA8? = nil
    static let codeBackground = RGBA8(0x26, 0x26, 0x26)
    static let codeBlockBackground = RGBA8(0x1b, 0x1b, 0x1b)
    static let rule = RGBA8(0x3a, 0x3a, 0x3a)
    static let tableLine = RGBA8(0x2c, 0x2c, 0x2c)
    static let headerBackground = RGBA8(0x1b, 0x1b, 0x1b)
    static let bodySize: Float = 12
    static let monoSize: Float = 11
    static let padding: Float = 12
}
