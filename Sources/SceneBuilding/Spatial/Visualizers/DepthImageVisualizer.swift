import MediaCodecs
import Rasterizer
import RecordingModel

/// DepthImage in a 2D view: colour-mapped (Turbo by default, over [0, max finite raw value] unless a depth range
/// is logged), always opaque, nearest sampling, DrawOrder −20 (rendering-conventions §8.11). In 3D views depth
/// images are drawn only as point clouds (`DepthClouds`), so this visualizer skips them there.
public struct DepthImageVisualizer: SpatialVisualizer {
    public static let name = "DepthImage"
    public static let defaultDrawOrder: Float = -20
    public init() {}

    public func collect(_ input: VisualizerInput, into scene: inout SpatialCollector) {
        guard !input.in3DView, let view = input.context.view(DepthImageView.self, input.entity),
              let format = ImageQuads.format(view.format, entity: input.entity, into: &scene) else { return }
        let style = DepthStyle(view, entity: input.entity, into: &scene)
        let image: RGBAImage
        do {
            image = try withExtendedLifetime(view.buffer) {
                try DepthImageDecoder.colormapped(view.buffer.bytes, format: format, colormap: style.colormap,
                                                  depthRange: style.range)
            }
        } catch {
            scene.warn(input.entity, "depth image not drawn: \(error)")
            return
        }
        ImageQuads.add(image, filter: .nearest, opacity: 1, input: input, visualizer: Self.name,
                       drawOrder: view.drawOrder ?? Self.defaultDrawOrder, into: &scene)
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
