import MediaCodecs
import Rasterizer
import RecordingModel

/// EncodedImage: PNG (libpng) or JPEG (libjpeg-turbo) bytes, drawn like an `Image` (rendering-conventions §8.10):
/// opacity 1, or 0.5 when the view also holds a depth image; DrawOrder −10. Undecodable bytes are a warning.
public struct EncodedImageVisualizer: ImageCensusDependent {
    public static let name = "EncodedImage"
    public static let defaultDrawOrder: Float = -10
    public var census: ViewImageCensus

    public init(census: ViewImageCensus = ViewImageCensus()) { self.census = census }

    public func with(_ census: ViewImageCensus) -> Self { Self(census: census) }

    /// PNG and JPEG blobs → sRGB pixels.
    public static func decode(_ blob: [UInt8], mediaType: String?) throws -> RGBAImage {
        try EncodedImageDecoder.decode(blob, mediaType: mediaType) { bytes, _ in try JPEGCodec.decode(bytes) }
    }

    public func collect(_ input: VisualizerInput, into scene: inout SpatialCollector) {
        guard let view = input.context.view(EncodedImageView.self, input.entity) else { return }
        let image: RGBAImage
        do {
            let blob = withExtendedLifetime(view.blob) { [UInt8](view.blob.bytes) }
            image = try Self.decode(blob, mediaType: view.mediaType)
        } catch {
            scene.warn(input.entity, "encoded image (\(view.mediaType ?? "unknown type")) not drawn: \(error)")
            return
        }
        ImageQuads.add(image, filter: ImageQuads.colorFilter(magnification: view.magnificationFilter),
                       opacity: ImageQuads.opacity(view.opacity, fallback: census.colorImageOpacity), input: input,
                       visualizer: Self.name, drawOrder: view.drawOrder ?? Self.defaultDrawOrder, into: &scene)
    }
}
