import Rasterizer
import RecordingModel

/// Colours of plotted data the user did not choose (rendering-conventions §3.1, §11): the viewer's HSV recipe
/// (`ClassPalette`) applied to a stable 64-bit hash reduced mod 65535. The viewer hashes with ahash, whose output
/// differs between builds, so its exact hues cannot be matched; FNV-1a keeps ours the same on every platform.
enum SeriesColors {
    /// The auto colour of series `index` of `entity`.
    static func auto(entity: EntityPath, series index: Int) -> RGBA8 {
        AutoColor.fromHash(fnv1a(entity.description + "#" + String(index)))
    }

    /// The auto colour of an entity as a whole (bar charts): the viewer's entity colour, from Rerun's path hash.
    static func auto(entity: EntityPath) -> RGBA8 { AutoColor.forEntity(entity) }

    static func fnv1a(_ text: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in text.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return h
    }

    /// `color` faded towards `background` by `alpha` in gamma space: what a translucent stroke looks like over a
    /// uniform background, without double blending where a strip's segments overlap.
    static func faded(_ color: RGBA8, alpha: Float, over background: RGBA8) -> RGBA8 {
        let a = min(max(alpha, 0), 1)
        func mix(_ c: UInt8, _ b: UInt8) -> UInt8 { UInt8((Float(b) + (Float(c) - Float(b)) * a).rounded()) }
        return RGBA8(mix(color.r, background.r), mix(color.g, background.g), mix(color.b, background.b))
    }
}
