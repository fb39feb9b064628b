import MediaCodecs
import Rasterizer
import RecordingModel

/// DepthImage in a 2D view: colour-mapped (Turbo by default, over [0, max finite raw value] unless a depth range
/// is logged), always opaque, nearest sampling, DrawOrder −20 (rendering-conventions §8.11). In 3D views depth
/// images are drawn only as point clouds (`DepthClouds`), so this visualizer skips them there. The colour-mapped
/// pictures are kept for the next frames (`DecodedImages`).
public struct DepthImageVisualizer: SpatialVisualizer {
    public static let name = "DepthImage"
    public static let defaultDrawOrder: Float = -20
    public init() {}

    /// What a colour-mapped depth picture depends on besides its bytes.
    private struct Colormapped: Hashable {
        let format: ImageFormatDescription
        let colormap: Colormap
        let range: ClosedRange<Float>?
    }

    public func collect(_ input: VisualizerInput, into scene: inout SpatialCollector) {
        guard !input.in3DView, let view = input.context.view(DepthImageView.self, input.entity),
              let format = ImageQuads.format(view.format, entity: input.entity, into: &scene) else { return }
        let style = DepthStyle(view, entity: input.entity, into: &scene)
        DecodedImages.add(view.buffer, variant: Colormapped(format: format, colormap: style.colormap, range: style.range),
                          filter: .nearest, opacity: 1, drawOrder: view.drawOrder ?? Self.defaultDrawOrder, input: input,
                          visualizer: Self.name, into: &scene, decodingFailed: { "depth image not drawn: \($0)" }) {
            try withExtendedLifetime(view.buffer) {
                try DepthImageDecoder.colormapped(view.buffer.bytes, format: format, colormap: style.colormap,
                                                  depthRange: style.range)
            }
        }
    }
}

/// The colormap and value range of a depth image, with warnings for unusable logged values (which fall back
/// to the defaults: Turbo, [0, max finite]).
struct DepthStyle {
    var colormap: Colormap = .turbo
    /// Raw units; nil = the default range.
    var range: ClosedRange<Float>?

    init(_ view: DepthImageView, entity: EntityPath, into scene: inout SpatialCollector) {
        if let code = view.colormap {
            if let map = Colormap(rawValue: code) { colormap = map } else {
                scene.warn(entity, "unknown colormap code \(code); Turbo used")
            }
        }
        if let r = view.depthRange {
            let lo = Float(r.x), hi = Float(r.y)
            if lo.isFinite && hi.isFinite && lo <= hi { range = lo...hi } else {
                scene.warn(entity, "depth range [\(r.x), \(r.y)] is not a range; [0, max] used")
            }
        }
    }
}
