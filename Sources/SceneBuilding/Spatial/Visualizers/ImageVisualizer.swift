import MediaCodecs
import Rasterizer
import RecordingModel

/// Image: raw pixels in every format the viewer accepts (L, RGB, RGBA, BGR(A) in any channel type, YUV, Bayer),
/// decoded by `ColorImageDecoder`; opacity 1 by default, 0.5 when the view also holds a depth image; nearest
/// magnification by default; DrawOrder −10 (rendering-conventions §8.10).
public struct ImageVisualizer: ImageCensusDependent {
    public static let name = "Image"
    public static let defaultDrawOrder: Float = -10
    public var census: ViewImageCensus

    public init(census: ViewImageCensus = ViewImageCensus()) { self.census = census }

    public func with(_ census: ViewImageCensus) -> Self { Self(census: census) }

    public func collect(_ input: VisualizerInput, into scene: inout SpatialCollector) {
        guard let view = input.context.view(ImageView.self, input.entity),
              let format = ImageQuads.format(view.format, entity: input.entity, into: &scene) else { return }
        let image: RGBAImage
        do {
            image = try withExtendedLifetime(view.buffer) { try ColorImageDecoder.decode(view.buffer.bytes, format: format) }
        } catch {
            scene.warn(input.entity, "image not drawn: \(error)")
            return
        }
        ImageQuads.add(image, filter: ImageQuads.colorFilter(magnification: view.magnificationFilter),
                       opacity: ImageQuads.opacity(view.opacity, fallback: census.colorImageOpacity), input: input,
                       visualizer: Self.name, drawOrder: view.drawOrder ?? Self.defaultDrawOrder, into: &scene)
    }
}
