import Rasterizer
import RecordingModel

/// LineStrips2D: flat capsule strips (round joins and caps), radius 1.5 pt by default, DrawOrder 20; a label per
/// strip at the mean of its vertices, or one label at the centre of all strips (rendering-conventions §8.3).
/// Rerun's visualizer is called "Lines2D", which decides its place among draw-order ties.
public struct LineStrips2DVisualizer: SpatialVisualizer {
    public static let name = "Lines2D"
    public static let defaultDrawOrder: Float = 20
    public init() {}

    public func collect(_ input: VisualizerInput, into scene: inout SpatialCollector) {
        guard let view = input.context.view(LineStrips2DView.self, input.entity), view.count > 0 else { return }
        let entity = input.entity
        InstanceChecks.finite(view.strips.flatMap { $0 }, what: "strip vertices", entity: entity, into: &scene)
        InstanceChecks.lengths([("colors", view.colors.values.count), ("radii", view.radii.values.count),
                                ("class_ids", view.classIDs.values.count)],
                               instances: view.count, what: "strips", entity: entity, into: &scene)
        let style = InstanceStyle(colors: view.colors, classIDs: view.classIDs, labels: view.labels,
                                  annotations: input.annotations, entity: entity)
        var positions: [SIMD3<Float>] = [], starts: [Int] = []
        var box = BoundingBox.empty
        for strip in view.strips {
            starts.append(positions.count)
            for p in strip {
                positions.append(p.xy0)
                box.add(p.double3)
            }
        }
        let radii = (0..<view.count).map { view.radii[$0] ?? -1.5 }
        scene.add(.lines(LineBatch(positions: positions, stripStarts: starts, radii: radii,
                                   colors: style.colors(count: view.count),
                                   worldFromObject: input.originFromEntity.mat4)),
                  entity: entity, visualizer: Self.name, drawOrder: view.drawOrder ?? Self.defaultDrawOrder)
        scene.include(box, originFromEntity: input.originFromEntity)
        guard !input.in3DView,
              showsLabels(explicit: view.showLabels, labelCount: view.labels.count, instanceCount: view.count)
        else { return }
        let anchors = view.strips.map { strip -> SIMD3<Double> in
            var sum = SIMD3<Double>.zero, n = 0.0
            for p in strip where p.x.isFinite && p.y.isFinite { sum += p.double3; n += 1 }
            return n > 0 ? sum / n : SIMD3(repeating: .nan)
        }
        PointLabels.collect(positions: anchors, bounds: box, style: style, input: input, into: &scene)
    }
}

