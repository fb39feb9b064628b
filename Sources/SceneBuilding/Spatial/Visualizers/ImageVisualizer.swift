import MediaCodecs
import Rasterizer
import RecordingModel

/// Image: raw pixels in every format the viewer accepts (L, RGB, RGBA, BGR(A) in any channel type, YUV, Bayer),
/// decoded by `ColorImageDecoder`; opacity 1 by default, 0.5 when the view also holds a depth image; nearest
/// magnification by default; DrawOrder −10 (rendering-conventions §8.10). Decoded pictures are kept for the next
/// frames (`DecodedImages`).
public struct ImageVisualizer: ImageCensusDependent {
    public static let name = "Image"
    public static let defaultDrawOrder: Float = -10
    public var census: ViewImageCensus

    public init(census: ViewImageCensus = ViewImageCensus()) { self.census = census }

    public func with(_ census: ViewImageCensus) -> Self { Self(census: census) }

    public func collect(_ input: VisualizerInput, into scene: inout SpatialCollector) {
        guard let view = input.context.view(ImageView.self, input.entity),
              let format = ImageQuads.format(view.format, entity: input.entity, into: &scene) else { return }
        DecodedImages.add(view.buffer, variant: format, filter: ImageQuads.colorFilter(magnification: view.magnificationFilter),
                          opacity: ImageQuads.opacity(view.opacity, fallback: census.colorImageOpacity),
                          drawOrder: view.drawOrder ?? Self.defaultDrawOrder, input: input, visualizer: Self.name,
                          into: &scene, decodingFailed: { "image not drawn: \($0)" }) {
            try withExtendedLifetime(view.buffer) { try ColorImageDecoder.decode(view.buffer.bytes, format: format) }
        }
    }
}
