import MediaCodecs
import Rasterizer
import RecordingModel

/// EncodedImage: PNG (libpng) or JPEG (libjpeg-turbo) bytes, drawn like an `Image` (rendering-conventions §8.10):
/// opacity 1, or 0.5 when the view also holds a depth image; DrawOrder −10. Undecodable bytes are a warning. Decoded
/// pictures are kept for the next frames (`DecodedImages`).
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
        let type = view.mediaType ?? "unknown type"
        DecodedImages.add(view.blob, variant: view.mediaType ?? "", filter: ImageQuads.colorFilter(magnification: view.magnificationFilter),
                          opacity: ImageQuads.opacity(view.opacity, fallback: census.colorImageOpacity),
                          drawOrder: view.drawOrder ?? Self.defaultDrawOrder, input: input, visualizer: Self.name,
                          into: &scene, decodingFailed: { "encoded image (\(type)) not drawn: \($0)" }) {
            try Self.decode(withExtendedLifetime(view.blob) { [UInt8](view.blob.bytes) }, mediaType: view.mediaType)
        }
    }
}
