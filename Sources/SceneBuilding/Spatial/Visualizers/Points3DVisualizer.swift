import Rasterizer
import RecordingModel

/// Points3D: camera-facing discs with the viewer's radial "sphere" shading (flat with `PointShading.Flat`), at the
/// depth of their centre as the viewer writes it (lines behind a point's centre show through its rim), radius 1.5 pt
/// by default,
/// labels for small clouds, keypoint connections from the annotation context (rendering-conventions §8.1).
public struct Points3DVisualizer: SpatialVisualizer {
    public static let name = "Points3D"
    public init() {}

    public func collect(_ input: VisualizerInput, into scene: inout SpatialCollector) {
        guard let view = input.context.view(Points3DView.self, input.entity), view.count > 0 else { return }
        let style = InstanceStyle(colors: view.colors, classIDs: view.classIDs, keypointIDs: view.keypointIDs,
                                  labels: view.labels, annotations: input.annotations, entity: input.entity)
        let positions = view.positions
        let colors = style.opaqueColors(count: positions.count)
        let extent = PointCloudExtent(positions)
        let box = extent.bounds, roi = extent.regionOfInterest
        for pose in InstancePoses.originFromInstances(input, scene: &scene) {
            scene.add(.points(PointBatch(positions: positions, radii: view.radii.isEmpty ? [-1.5] : view.radii.values,
                                         colors: colors, shape: .disc,
                                         shading: view.pointShading == 2 ? .flat : .gradient,
                                         worldFromObject: pose.mat4)),
                      entity: input.entity, visualizer: Self.name)
            scene.include(box, originFromEntity: pose, roi: roi)
        }
        let keypoints = !view.classIDs.isEmpty && !view.keypointIDs.isEmpty && style.annotations != nil
        let labels = showsLabels(explicit: view.showLabels, labelCount: view.labels.count, instanceCount: positions.count)
        guard keypoints || labels else { return }
        let local = positions.map(\.double)
        KeypointConnections.collect(positions: local, view.classIDs, view.keypointIDs, style: style,
                                    input: input, into: &scene)
        if labels {
            PointLabels.collect(positions: local, bounds: box, style: style, input: input, into: &scene)
        }
    }
}

/// Labels at points: label i at point i, or one label at the centre of the bounds when a single label was logged
/// for several points.
enum PointLabels {
    static func collect(positions: [SIMD3<Double>], bounds: BoundingBox, style: InstanceStyle, input: VisualizerInput,
                        into scene: inout SpatialCollector) {
        if style.labels.count == 1 && positions.count > 1 {
            guard !bounds.isEmpty else { return }
            scene.labels.append(SpatialLabel(anchor: input.originFromEntity.apply(bounds.center),
                                             text: style.labels[0], color: style.color(0)))
            return
        }
        for (i, p) in positions.enumerated() {
            guard let text = style.label(i), !text.isEmpty else { continue }
            scene.labels.append(SpatialLabel(anchor: input.originFromEntity.apply(p), text: text, color: style.color(i)))
        }
    }
}

/// Segments between connected keypoints of the same class (annotation context `keypoint_connections`),
/// radius 1.5 pt, in the class colour (rendering-conventions §8.1).
enum KeypointConnections {
    static func collect(positions: [SIMD3<Double>], _ classIDs: Clamped<UInt16>, _ keypointIDs: Clamped<UInt16>,
                        style: InstanceStyle, input: VisualizerInput, into scene: inout SpatialCollector) {
        guard !classIDs.isEmpty, !keypointIDs.isEmpty, let annotations = style.annotations else { return }
        var byClass: [UInt16: [UInt16: SIMD3<Double>]] = [:]
        for (i, p) in positions.enumerated() {
            guard let c = classIDs[i], let k = keypointIDs[i] else { continue }
            byClass[c, default: [:]][k] = p
        }
        var strips: [SIMD3<Float>] = [], starts: [Int] = [], colors: [RGBA8] = []
        for classID in byClass.keys.sorted() {
            guard let description = annotations.description(of: classID) else { continue }
            let color = (description.info.color.map(RGBA8.init(rerun:)) ?? RGBA8(ClassPalette.color(for: classID)))
                .premultipliedOpaque
            for (a, b) in description.keypointConnections {
                guard let pa = byClass[classID]?[a], let pb = byClass[classID]?[b] else { continue }
                starts.append(strips.count)
                strips += [pa.float, pb.float]
                colors.append(color)
            }
        }
        guard !strips.isEmpty else { return }
        scene.add(.lines(LineBatch(positions: strips, stripStarts: starts, radii: [-1.5], colors: colors,
                                   worldFromObject: input.originFromEntity.mat4)),
                  entity: input.entity, visualizer: "Lines")
    }
}
