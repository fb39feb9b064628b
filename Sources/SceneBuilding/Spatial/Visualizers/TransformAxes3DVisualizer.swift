import RecordingModel

/// TransformAxes3D: X/Y/Z arrows at the entity's frame origin (rendering-conventions §8.14), length from
/// `axis_length`, else 0.3 scene units (the ROI-based fallback needs the whole scene; 0.3 is Rerun's last resort).
public struct TransformAxes3DVisualizer: SpatialVisualizer {
    public static let name = "TransformAxes3D"
    static let lengthComponent = "TransformAxes3D:axis_length"
    public init() {}

    public func collect(_ input: VisualizerInput, into scene: inout SpatialCollector) {
        let store = input.context.store
        guard store.components(of: input.entity).contains(where: { $0.archetypeShortName == "TransformAxes3D" }) else {
            return
        }
        let cell = input.context.latestAt(Self.lengthComponent, input.entity)
        let length = cell?.scalars(Float.self).first.map(Double.init) ?? 0.3
        TransformAxes.collect(length: length, originFromFrame: input.originFromEntity, entity: input.entity, into: &scene)
    }
}
