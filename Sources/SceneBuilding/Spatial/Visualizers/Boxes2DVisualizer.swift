import Rasterizer
import RecordingModel

/// Boxes2D: rectangle outlines from (center − half_size) to (center + half_size), drawn as one closed strip per
/// box with round caps (so the corners look rounded), radius 1.5 pt by default, no fill, DrawOrder 10
/// (rendering-conventions §8.5).
///
/// Labels sit at the bottom-centre of each box (the text's top 5 pt below the max-y edge). As in the viewer,
/// these anchors ignore the entity's transform; a single label for several boxes goes at their centre.
public struct Boxes2DVisualizer: SpatialVisualizer {
    public static let name = "Boxes2D"
    public static let defaultDrawOrder: Float = 10
    public init() {}

    public func collect(_ input: VisualizerInput, into scene: inout SpatialCollector) {
        guard let view = input.context.view(Boxes2DView.self, input.entity), view.count > 0 else { return }
        let entity = input.entity
        let count = view.count
        InstanceChecks.lengths([("centers", view.centers.values.count), ("half_sizes", view.halfSizes.values.count),
                                ("colors", view.colors.values.count), ("radii", view.radii.values.count),
                                ("class_ids", view.classIDs.values.count)],
                               instances: count, what: "boxes", entity: entity, into: &scene)
        let style = InstanceStyle(colors: view.colors, classIDs: view.classIDs, labels: view.labels,
                                  annotations: input.annotations, entity: entity)
        var positions: [SIMD3<Float>] = [], starts: [Int] = []
        var box = BoundingBox.empty
        var anchors: [SIMD3<Double>] = []
        var bad = 0
        for i in 0..<count {
            let c = view.centers[i] ?? .zero, h = view.halfSizes[i] ?? .zero
            let lo = c - h, hi = c + h
            guard lo.x.isFinite, lo.y.isFinite, hi.x.isFinite, hi.y.isFinite else {
                bad += 1
                anchors.append(SIMD3(repeating: .nan))
                continue
            }
            starts.append(positions.count)
            positions += [SIMD3(lo.x, lo.y, 0), SIMD3(hi.x, lo.y, 0), SIMD3(hi.x, hi.y, 0), SIMD3(lo.x, hi.y, 0),
                          SIMD3(lo.x, lo.y, 0)]
            box.add(lo.double3); box.add(hi.double3)
            anchors.append(SIMD3(Double(c.x), Double(max(lo.y, hi.y)), 0))
        }
        if bad > 0 { scene.warn(entity, "\(bad) of \(count) boxes have non-finite corners and are not drawn") }
        let kept = anchors.indices.filter { anchors[$0].x.isFinite }
        scene.add(.lines(LineBatch(positions: positions, stripStarts: starts,
                                   radii: kept.map { view.radii[$0] ?? -1.5 },
                                   colors: kept.map(style.color),
                                   worldFromObject: input.originFromEntity.mat4)),
                  entity: entity, visualizer: Self.name, drawOrder: view.drawOrder ?? Self.defaultDrawOrder)
        scene.include(box, originFromEntity: input.originFromEntity)
        guard !input.in3DView,
              showsLabels(explicit: view.showLabels, labelCount: view.labels.count, instanceCount: count) else { return }
        if style.labels.count == 1 && count > 1 {
            PointLabels.collect(positions: anchors, bounds: box, style: style, input: input, into: &scene)
            return
        }
        for (i, anchor) in anchors.enumerated() where anchor.x.isFinite {
            guard let text = style.label(i), !text.isEmpty else { continue }
            scene.labels.append(SpatialLabel(anchor: anchor, text: text, color: style.color(i)))
        }
    }
}
