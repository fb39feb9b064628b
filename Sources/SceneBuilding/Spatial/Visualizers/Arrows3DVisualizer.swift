import Rasterizer
import RecordingModel

/// Arrows3D: from `origin` (default 0) to `origin + vector`, round start cap, a head 4r long and 4r wide with its
/// tip at the end point, radius 1.5 pt by default; labels at `origin + 0.45 · vector` (rendering-conventions §8.4).
public struct Arrows3DVisualizer: SpatialVisualizer {
    public static let name = "Arrows3D"
    public init() {}

    public func collect(_ input: VisualizerInput, into scene: inout SpatialCollector) {
        guard let view = input.context.view(Arrows3DView.self, input.entity), view.count > 0 else { return }
        let style = InstanceStyle(colors: view.colors, classIDs: view.classIDs, labels: view.labels,
                                  annotations: input.annotations, entity: input.entity)
        let origins = (0..<view.count).map { view.origins[$0] ?? .zero }
        ArrowGeometry(origins: origins, vectors: view.vectors, radii: view.radii.isEmpty ? [-1.5] : view.radii.values,
                      colors: style.opaqueColors(count: view.count))
            .add(to: &scene, worldFromObject: input.originFromEntity.mat4, entity: input.entity, visualizer: Self.name)
        var box = BoundingBox.empty
        for (o, v) in zip(origins, view.vectors) { box.add(o.double); box.add((o + v).double) }
        scene.include(box, originFromEntity: input.originFromEntity)
        if showsLabels(explicit: view.showLabels, labelCount: view.labels.count, instanceCount: view.count) {
            let anchors = zip(origins, view.vectors).map { ($0 + 0.45 * $1).double }
            PointLabels.collect(positions: anchors, bounds: box, style: style, input: input, into: &scene)
        }
    }
}
