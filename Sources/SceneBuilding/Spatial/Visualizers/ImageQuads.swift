import MediaCodecs
import Rasterizer
import RecordingModel

/// Images as the viewer places them (rendering-conventions §8.10): a rectangle with texel (0, 0)'s corner at the
/// entity origin covering [0, W] × [0, H] in entity space, +x right, +y down; pixel centres at (i + 0.5, j + 0.5).
enum ImageQuads {
    /// Adds `image` as a textured quad with its bounds; nothing (with a warning) when the pixels do not make a
    /// texture. Colour-mapped images sample nearest in both directions (`mipmaps: false`).
    static func add(_ image: RGBAImage, filter: TextureFilter, opacity: Float, input: VisualizerInput,
                    visualizer: String, drawOrder: Float, into scene: inout SpatialCollector) {
        guard let texture = texture(image, filter: filter) else {
            scene.warn(input.entity, Self.notDrawable(image))
            return
        }
        add(texture, filter: filter, opacity: opacity, input: input, visualizer: visualizer, drawOrder: drawOrder,
            into: &scene)
    }

    /// The texture of `image` for `filter` (mipmaps unless it samples nearest), nil when the pixels make none.
    static func texture(_ image: RGBAImage, filter: TextureFilter) -> Texture? {
        Texture(width: image.width, height: image.height, rgba: image.pixels, mipmaps: filter != .nearest)
    }

    /// Why `image` has no texture.
    static func notDrawable(_ image: RGBAImage) -> String {
        "image of \(image.width)×\(image.height) pixels cannot be drawn"
    }

    /// Adds an image's `texture` as a textured quad with its bounds (as `add(_:filter:…)` with an image).
    static func add(_ texture: Texture, filter: TextureFilter, opacity: Float, input: VisualizerInput,
                    visualizer: String, drawOrder: Float, into scene: inout SpatialCollector) {
        let w = Float(texture.width), h = Float(texture.height)
        scene.add(.image(ImageQuad(texture: texture, xAxis: [w, 0, 0], yAxis: [0, h, 0], filter: filter,
                                   worldFromObject: input.originFromEntity.mat4, opacity: opacity)),
                  entity: input.entity, visualizer: visualizer, drawOrder: drawOrder)
        scene.include(BoundingBox(min: .zero, max: [Double(w), Double(h), 0]), originFromEntity: input.originFromEntity)
    }

    /// The sampling of a colour image for the logged `MagnificationFilter` (1 Nearest, the default; 2 Linear;
    /// 3 Bicubic, drawn bilinear). Minification is box-filtered either way.
    static func colorFilter(magnification code: UInt8?) -> TextureFilter {
        switch code {
        case 2, 3: .bilinear
        default: .automatic
        }
    }

    /// A logged opacity, or `fallback` when none (or a non-finite one) was logged; clamped to [0, 1].
    static func opacity(_ logged: Float?, fallback: Float) -> Float {
        guard let logged, logged.isFinite else { return fallback }
        return min(max(logged, 0), 1)
    }

    /// The pixel layout of a logged `ImageFormat`, or nil with a warning naming the bad code.
    static func format(_ format: ImageFormat, entity: EntityPath, into scene: inout SpatialCollector) -> ImageFormatDescription? {
        do {
            return try ImageFormatDescription(width: format.width, height: format.height, pixelFormat: format.pixelFormat,
                                              colorModel: format.colorModel, channelDatatype: format.channelDatatype)
        } catch {
            scene.warn(entity, "image not drawn: \(error)")
            return nil
        }
    }
}
