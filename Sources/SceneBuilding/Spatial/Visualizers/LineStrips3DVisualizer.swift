import Rasterizer
import RecordingModel

/// LineStrips3D: capsule strips with round joins and caps, flat colour, radius 1.5 pt by default; labels at the
/// mean of each strip's vertices (rendering-conventions §8.3).
public struct LineStrips3DVisualizer: SpatialVisualizer {
    public static let name = "Lines3D"
    public init() {}

    public func collect(_ input: VisualizerInput, into scene: inout SpatialCollector) {
        guard let view = input.context.view(LineStrips3DView.self, input.entity), view.count > 0 else { return }
        let style = InstanceStyle(colors: view.colors, classIDs: view.classIDs, labels: view.labels,
                                  annotations: input.annotations, entity: input.entity)
        var positions: [SIMD3<Float>] = [], starts: [Int] = []
        var box = BoundingBox.empty
        for strip in view.strips {
            starts.append(positions.count)
            positions += strip
            strip.forEach { box.add($0.double) }
        }
        scene.add(.lines(LineBatch(positions: positions, stripStarts: starts,
                                   radii: view.radii.isEmpty ? [-1.5] : view.radii.values,
                                   colors: style.opaqueColors(count: view.count), worldFromObject: input.originFromEntity.mat4)),
                  entity: input.entity, visualizer: Self.name)
        scene.include(box, originFromEntity: input.originFromEntity)
        if showsLabels(explicit: view.showLabels, labelCount: view.labels.count, instanceCount: view.count) {
            let centers = view.strips.map { strip in
                strip.isEmpty ? SIMD3<Double>.zero : strip.reduce(SIMD3<Double>.zero) { $0 + $1.double } / Double(strip.count)
            }
            PointLabels.collect(positions: centers, bounds: box, style: style, input: input, into: &scene)
        }
    }
}
