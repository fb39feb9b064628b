import Rasterizer
import RecordingModel

/// Points2D: flat screen-aligned discs with the points' radial gradient (always on), radius 1.5 pt by default,
/// DrawOrder 20, labels for small clouds, keypoint connections from the annotation context
/// (rendering-conventions §8.2). Labels only in 2D views.
public struct Points2DVisualizer: SpatialVisualizer {
    public static let name = "Points2D"
    /// The viewer's fallback (the type library's 30 is unused since 0.26).
    public static let defaultDrawOrder: Float = 20
    public init() {}

    public func collect(_ input: VisualizerInput, into scene: inout SpatialCollector) {
        guard let view = input.context.view(Points2DView.self, input.entity), view.count > 0 else { return }
        let entity = input.entity
        let positions = view.positions
        InstanceChecks.finite(positions, what: "positions", entity: entity, into: &scene)
        InstanceChecks.lengths([("colors", view.colors.values.count), ("radii", view.radii.values.count),
                                ("class_ids", view.classIDs.values.count), ("keypoint_ids", view.keypointIDs.values.count)],
                               instances: positions.count, what: "points", entity: entity, into: &scene)
        let style = InstanceStyle(colors: view.colors, classIDs: view.classIDs, keypointIDs: view.keypointIDs,
                                  labels: view.labels, annotations: input.annotations, entity: entity)
        let drawOrder = view.drawOrder ?? Self.defaultDrawOrder
        let local = positions.map(\.double3)
        // Keypoint connections sit under the points, in the points' layer.
        var connections = SpatialCollector()
        KeypointConnections.collect(positions: local, view.classIDs, view.keypointIDs, style: style, input: input,
                                    into: &connections)
        for c in connections.drawables {
            scene.add(c.drawable, entity: entity, visualizer: Self.name, drawOrder: drawOrder)
        }
        scene.add(.points(PointBatch(positions: positions.map(\.xy0),
                                     radii: view.radii.isEmpty ? [-1.5] : view.radii.values,
                                     colors: style.colors(count: positions.count), shape: .disc, shading: .gradient,
                                     worldFromObject: input.originFromEntity.mat4)),
                  entity: entity, visualizer: Self.name, drawOrder: drawOrder)
        var box = BoundingBox.empty
        local.forEach { box.add($0) }
        scene.include(box, originFromEntity: input.originFromEntity, roi: BoundingBox.robustRegion(of: local))
        if !input.in3DView,
           showsLabels(explicit: view.showLabels, labelCount: view.labels.count, instanceCount: positions.count) {
            PointLabels.collect(positions: local, bounds: box, style: style, input: input, into: &scene)
        }
    }
}
