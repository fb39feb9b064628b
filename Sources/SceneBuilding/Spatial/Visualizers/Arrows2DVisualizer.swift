import Rasterizer
import RecordingModel

/// Arrows2D: a flat shaft with a round start cap and a flat triangular head whose tip is at `origin + vector`
/// (head 4r long, 4r wide), radius 1.5 pt by default, DrawOrder 20; labels at `origin + 0.45 · vector`
/// (rendering-conventions §8.4).
public struct Arrows2DVisualizer: SpatialVisualizer {
    public static let name = "Arrows2D"
    public static let defaultDrawOrder: Float = 20
    public init() {}

    public func collect(_ input: VisualizerInput, into scene: inout SpatialCollector) {
        guard let view = input.context.view(Arrows2DView.self, input.entity), view.count > 0 else { return }
        let entity = input.entity
        let count = view.count
        let origins = (0..<count).map { view.origins[$0] ?? .zero }
        InstanceChecks.finite(zip(origins, view.vectors).map { $0 + $1 }, what: "arrows", entity: entity, into: &scene)
        InstanceChecks.lengths([("origins", view.origins.values.count), ("colors", view.colors.values.count),
                                ("radii", view.radii.values.count), ("class_ids", view.classIDs.values.count)],
                               instances: count, what: "arrows", entity: entity, into: &scene)
        let style = InstanceStyle(colors: view.colors, classIDs: view.classIDs, labels: view.labels,
                                  annotations: input.annotations, entity: entity)
        let arrows = ArrowGeometry(origins: origins.map(\.xy0), vectors: view.vectors.map(\.xy0),
                                   radii: (0..<count).map { view.radii[$0] ?? -1.5 },
                                   colors: (0..<count).map(style.color))
        arrows.add(to: &scene, worldFromObject: input.originFromEntity.mat4, entity: entity, visualizer: Self.name,
                   drawOrder: view.drawOrder ?? Self.defaultDrawOrder)
        var box = BoundingBox.empty
        for (o, v) in zip(origins, view.vectors) { box.add(o.double3); box.add((o + v).double3) }
        scene.include(box, originFromEntity: input.originFromEntity)
        guard !input.in3DView,
              showsLabels(explicit: view.showLabels, labelCount: view.labels.count, instanceCount: count) else { return }
        let anchors = zip(origins, view.vectors).map { ($0 + 0.45 * $1).double3 }
        PointLabels.collect(positions: anchors, bounds: box, style: style, input: input, into: &scene)
    }
}
