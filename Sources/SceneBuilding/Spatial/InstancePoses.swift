import RecordingModel

/// The instance poses of an entity (InstancePoses3D, rendering-conventions §5.3): archetypes that support them
/// draw all their data once per pose, `originFromEntity · pose_i`. Without poses: one identity pose.
/// An invalid rotation in a pose counts as identity; an otherwise invalid pose is skipped with a warning.
enum InstancePoses {
    static func originFromInstances(_ input: VisualizerInput, scene: inout SpatialCollector) -> [Affine3] {
        guard let poses = input.context.view(InstancePoses3DView.self, input.entity), poses.count > 0 else {
            return [input.originFromEntity]
        }
        return (0..<poses.count).compactMap { i in
            let parts = TransformParts(
                translation: poses.translations[i]?.double,
                axisAngle: poses.rotationAxisAngles[i].map { (axis: $0.axis.double, angle: Double($0.angle)) },
                quaternion: poses.quaternions[i].map { SIMD4<Double>(Double($0.x), Double($0.y), Double($0.z), Double($0.w)) },
                scale: poses.scales[i]?.double,
                mat3x3: poses.mat3x3[i]?.map(Double.init))
            do {
                return input.originFromEntity * (try parts.matrix(lenientRotations: true))
            } catch {
                scene.warn(input.entity, "instance pose \(i) is invalid (\(error)) and is skipped")
                return nil
            }
        }
    }
}
