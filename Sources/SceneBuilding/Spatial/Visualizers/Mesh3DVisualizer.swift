import MediaCodecs
import Rasterizer
import RecordingModel

/// Mesh3D (rendering-conventions §8.8): albedo = texture × vertex colour × albedo factor (missing = white, not the
/// entity colour); lit by the viewer's rig when normals were logged, flat otherwise; both faces drawn; an albedo
/// factor alpha below 1 makes it transparent. Out-of-range triangles are dropped with a warning.
public struct Mesh3DVisualizer: SpatialVisualizer {
    public static let name = "Mesh3D"
    static let textures = BlobCache<Texture?>(capacity: 16)
    public init() {}

    public func collect(_ input: VisualizerInput, into scene: inout SpatialCollector) {
        guard let view = input.context.view(Mesh3DView.self, input.entity), !view.vertexPositions.isEmpty else { return }
        let n = view.vertexPositions.count
        let triangles = view.triangleIndices.isEmpty && view.vertexPositions.count % 3 == 0
            ? [] : view.validTriangles
        if triangles.count < view.triangleIndices.count {
            scene.warn(input.entity, "\(view.triangleIndices.count - triangles.count) triangles index past the \(n) vertices and are skipped")
        }
        if !view.triangleIndices.isEmpty && triangles.isEmpty { return }
        let normals = view.vertexNormals.count == n ? view.vertexNormals : []
        if !view.vertexNormals.isEmpty && normals.isEmpty {
            scene.warn(input.entity, "\(view.vertexNormals.count) normals for \(n) vertices: drawn unlit")
        }
        let colors: [RGBA8] = view.vertexColors.isEmpty ? [] : (0..<n).map { RGBA8(rerun: view.vertexColors[$0]!) }
        let factor = view.albedoFactor.map(RGBA8.init(rerun:)) ?? .white
        let texture = albedoTexture(view, input: input, scene: &scene)
        let mesh = MeshBatch(positions: view.vertexPositions, indices: triangles.flatMap { [$0.x, $0.y, $0.z] },
                             normals: normals, colors: colors,
                             texCoords: texture != nil && view.vertexTexcoords.count == n ? view.vertexTexcoords : [],
                             texture: texture, albedo: RGBA8(factor.r, factor.g, factor.b),
                             lighting: normals.isEmpty ? .unlit : .viewerRig, opacity: Float(factor.a) / 255)
        var box = BoundingBox.empty
        view.vertexPositions.forEach { box.add($0.double) }
        for pose in InstancePoses.originFromInstances(input, scene: &scene) {
            var posed = mesh
            posed.worldFromObject = pose.mat4
            scene.add(.mesh(posed), entity: input.entity, visualizer: Self.name)
            scene.include(box, originFromEntity: pose)
        }
    }

    private func albedoTexture(_ view: Mesh3DView, input: VisualizerInput, scene: inout SpatialCollector) -> Texture? {
        guard let buffer = view.albedoTexture, let format = view.albedoTextureFormat else { return nil }
        do {
            let description = try ImageFormatDescription(width: format.width, height: format.height,
                                                         pixelFormat: format.pixelFormat, colorModel: format.colorModel,
                                                         channelDatatype: format.channelDatatype)
            // Keyed by the format too: the same texture bytes under a later format are decoded again.
            return try Self.textures.value(for: buffer, variant: description) {
                let image = try ColorImageDecoder.decode(buffer.bytes, format: description)
                return Texture(width: image.width, height: image.height, rgba: image.pixels)
            }
        } catch {
            scene.warn(input.entity, "albedo texture cannot be decoded (\(error)); drawn without it")
            return nil
        }
    }
}
