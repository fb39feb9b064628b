import MediaCodecs
import Rasterizer
import RecordingModel

/// SegmentationImage: each texel's class id coloured by the annotation context (or the class-id palette),
/// opacity 0.5 when the view also holds a colour or depth image, else 1; nearest sampling; DrawOrder 0
/// (rendering-conventions §8.12). Class 0 is not special.
public struct SegmentationImageVisualizer: ImageCensusDependent {
    public static let name = "SegmentationImage"
    public static let defaultDrawOrder: Float = 0
    public var census: ViewImageCensus

    public init(census: ViewImageCensus = ViewImageCensus()) { self.census = census }

    public func with(_ census: ViewImageCensus) -> Self { Self(census: census) }

    public func collect(_ input: VisualizerInput, into scene: inout SpatialCollector) {
        guard let view = input.context.view(SegmentationImageView.self, input.entity),
              let format = ImageQuads.format(view.format, entity: input.entity, into: &scene) else { return }
        let annotations = input.annotations
        let image: RGBAImage
        do {
            image = try withExtendedLifetime(view.buffer) {
                try SegmentationImageDecoder.colorize(view.buffer.bytes, format: format) { id in
                    annotations?.description(of: id)?.info.color.map { RGBA8(rerun: $0).simd }
                }
            }
        } catch {
            scene.warn(input.entity, "segmentation image not drawn: \(error)")
            return
        }
        ImageQuads.add(image, filter: .nearest,
                       opacity: ImageQuads.opacity(view.opacity, fallback: census.segmentationOpacity), input: input,
                       visualizer: Self.name, drawOrder: view.drawOrder ?? Self.defaultDrawOrder, into: &scene)
    }
}

extension RGBA8 {
    var simd: SIMD4<UInt8> { SIMD4(r, g, b, a) }
}
