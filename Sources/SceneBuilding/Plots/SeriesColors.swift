import Rasterizer
import RecordingModel

/// Colours of plotted data the user did not choose (rendering-conventions §3.1, §11), as the x86-64 Linux viewer
/// picks them: the class-id palette recipe (`AutoColor.fromHash`) applied to a 64-bit Rerun hash reduced mod 65535.
///
/// A bar chart takes its entity's colour (`AutoColor.forEntity`). A time series hashes, with Rerun's keyed ahash
/// (`EntityPathHash.Hasher`), the tuple (entity path, `Some((source component, selector))`, series index) the way
/// Rust's derived `Hash` feeds it: the path's own 64-bit hash; the `Option` discriminant 1; the interned component
/// name's hash (`"Scalars:scalars"`, hashed like a path part); the selector text (empty for a plain `Scalars`: its
/// bytes then 0xFF); the index as a u64. Checked against the 0.41 viewer: `/plot/value` pink (188, 77, 151),
/// `/sensor` tan (188, 152, 77), `/plot/sin` teal (77, 188, 179).
enum SeriesColors {
    /// The component a default time-series visualizer reads its scalars from.
    static let scalarsComponent = "Scalars:scalars"

    /// The auto colour of series `index` of `entity`.
    static func auto(entity: EntityPath, series index: Int) -> RGBA8 {
        AutoColor.fromHash(seriesHash(entity: entity, series: index))
    }

    /// The auto colour of an entity as a whole (bar charts): the viewer's entity colour, from Rerun's path hash.
    static func auto(entity: EntityPath) -> RGBA8 { AutoColor.forEntity(entity) }

    /// Rerun's hash of (entity path, Some((component, selector)), series index).
    static func seriesHash(entity: EntityPath, series index: Int, component: String = scalarsComponent,
                           selector: String = "") -> UInt64 {
        var hasher = EntityPathHash.Hasher()
        hasher.writeU64(EntityPathHash.hash(parts: entity.parts))
        hasher.writeU64(1)  // Option::Some
        hasher.writeU64(EntityPathHash.hash(text: component))
        hasher.write(Array(selector.utf8))
        hasher.writeU64(0xFF)
        hasher.writeU64(UInt64(index))
        return hasher.finish()
    }

    /// egui's `Color32::gamma_multiply(factor)` drawn over `background`: the premultiplied colour and its alpha are
    /// each scaled and rounded to bytes, then composited in gamma space (how faint grid lines and labels look).
    static func eguiFaded(_ color: RGBA8, factor: Float, over background: RGBA8) -> RGBA8 {
        let k = min(max(factor, 0), 1)
        let alpha = (255 * k).rounded() / 255
        func mix(_ c: UInt8, _ b: UInt8) -> UInt8 {
            UInt8(min(255, ((Float(c) * k).rounded() + Float(b) * (1 - alpha)).rounded()))
        }
        return RGBA8(mix(color.r, background.r), mix(color.g, background.g), mix(color.b, background.b))
    }

    /// `color` faded towards `background` by `alpha` in gamma space: what a translucent stroke looks like over a
    /// uniform background, without double blending where a strip's segments overlap.
    static func faded(_ color: RGBA8, alpha: Float, over background: RGBA8) -> RGBA8 {
        let a = min(max(alpha, 0), 1)
        func mix(_ c: UInt8, _ b: UInt8) -> UInt8 { UInt8((Float(b) + (Float(c) - Float(b)) * a).rounded()) }
        return RGBA8(mix(color.r, background.r), mix(color.g, background.g), mix(color.b, background.b))
    }
}
