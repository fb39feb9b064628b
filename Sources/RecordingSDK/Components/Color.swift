import ArrowIPC

/// `rerun.components.Color`: sRGB(A), stored as one `u32` = `0xRRGGBBAA` (red in the most significant byte).
public struct Color: Sendable, Hashable, ExpressibleByIntegerLiteral {
    /// `0xRRGGBBAA`.
    public var rgba: UInt32

    /// From the packed `0xRRGGBBAA` value (what Rerun stores).
    public init(u32 rgba: UInt32) { self.rgba = rgba }

    /// An integer literal is taken as `0xRRGGBBAA`, like Rerun's `Color(0xFF0000FF)`.
    public init(integerLiteral value: UInt32) { rgba = value }

    /// From 8-bit channels; alpha defaults to opaque.
    public init(r: UInt8, g: UInt8, b: UInt8, a: UInt8 = 255) {
        rgba = UInt32(r) << 24 | UInt32(g) << 16 | UInt32(b) << 8 | UInt32(a)
    }

    /// From `0xRRGGBB` (opaque).
    public init(rgb hex: UInt32) { rgba = (hex & 0xFF_FFFF) << 8 | 0xFF }

    /// From `[r, g, b]` or `[r, g, b, a]` bytes (any other count gives opaque black).
    public init(_ channels: [UInt8]) {
        switch channels.count {
        case 3: self.init(r: channels[0], g: channels[1], b: channels[2])
        case 4: self.init(r: channels[0], g: channels[1], b: channels[2], a: channels[3])
        default: self.init(r: 0, g: 0, b: 0)
        }
    }

    /// From channels in 0...1 (clamped), rounded to the nearest 8-bit value.
    public init(red: Float, green: Float, blue: Float, alpha: Float = 1) {
        func q(_ v: Float) -> UInt8 { UInt8((min(max(v, 0), 1) * 255).rounded()) }
        self.init(r: q(red), g: q(green), b: q(blue), a: q(alpha))
    }

    /// A grey level (opaque).
    public init(gray: UInt8) { self.init(r: gray, g: gray, b: gray) }

    public var r: UInt8 { UInt8(truncatingIfNeeded: rgba >> 24) }
    public var g: UInt8 { UInt8(truncatingIfNeeded: rgba >> 16) }
    public var b: UInt8 { UInt8(truncatingIfNeeded: rgba >> 8) }
    public var a: UInt8 { UInt8(truncatingIfNeeded: rgba) }

    public static let white = Color(u32: 0xFFFF_FFFF)
    public static let black = Color(u32: 0x0000_00FF)
    public static let red = Color(u32: 0xFF00_00FF)
    public static let green = Color(u32: 0x00FF_00FF)
    public static let blue = Color(u32: 0x0000_FFFF)
}

/// `rerun.components.Radius` (also `Pinhole:line_width`): positive = scene units, negative = UI points.
public struct Radius: Sendable, Hashable, ExpressibleByFloatLiteral, ExpressibleByIntegerLiteral {
    /// The stored value: > 0 scene units, < 0 UI points.
    public var value: Float

    /// A radius in scene units.
    public init(_ sceneUnits: Float) { value = sceneUnits }
    public init(floatLiteral value: Float) { self.value = value }
    public init(integerLiteral value: Int) { self.value = Float(value) }

    /// A radius in scene units.
    public static func sceneUnits(_ r: Float) -> Radius { Radius(r) }
    /// A radius in UI points, stored negated as Rerun does (`ui_points(2)` → -2).
    public static func uiPoints(_ points: Float) -> Radius { Radius(-abs(points)) }
    /// Several radii in UI points.
    public static func uiPoints(_ points: [Float]) -> [Radius] { points.map { uiPoints($0) } }
}

extension ArrowArray {
    static func colors(_ c: [Color]) -> ArrowArray { .primitive(c.map(\.rgba)) }
    static func radii(_ r: [Radius]) -> ArrowArray { .primitive(r.map(\.value)) }
}
