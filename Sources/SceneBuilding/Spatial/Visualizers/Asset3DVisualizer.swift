import MediaCodecs
import Rasterizer
import RecordingModel

/// Asset3D (rendering-conventions §8.9): OBJ, STL, glTF/GLB meshes with their own materials and textures, no axis
/// conversion; a logged albedo factor overrides every material's; lit where the file has normals; drawn once per
/// instance pose. Parsed assets are cached per blob, so a static asset is parsed once per recording.
public struct Asset3DVisualizer: SpatialVisualizer {
    public static let name = "Asset3D"
    static let assets = BlobCache<Result<[MeshBatch], AssetFailure>>(capacity: 16)
    public init() {}

    struct AssetFailure: Error { let message: String }

    public func collect(_ input: VisualizerInput, into scene: inout SpatialCollector) {
        guard let view = input.context.view(Asset3DView.self, input.entity) else { return }
        let result = Self.assets.value(for: view.blob, variant: view.mediaType ?? "") {
            do {
                let asset = try AssetLoader.load(Array(view.blob.bytes), mediaType: view.mediaType,
                                                 decodeImage: { bytes, _ in try JPEGCodec.decode(bytes) })
                return .success(asset.meshes.map(Self.batch))
            } catch {
                return .failure(AssetFailure(message: "\(error)"))
            }
        }
        let meshes: [MeshBatch]
        switch result {
        case .success(let m): meshes = m
        case .failure(let f):
            scene.warn(input.entity, "Asset3D cannot be loaded: \(f.message)")
            return
        }
        var box = BoundingBox.empty
        for m in meshes { m.positions.forEach { box.add($0.double) } }
        for pose in InstancePoses.originFromInstances(input, scene: &scene) {
            for var mesh in meshes {
                mesh.worldFromObject = pose.mat4
                if let factor = view.albedoFactor.map(RGBA8.init(rerun:)) {
                    mesh.albedo = RGBA8(factor.r, factor.g, factor.b)
                    mesh.opacity = Float(factor.a) / 255
                }
                scene.add(.mesh(mesh), entity: input.entity, visualizer: Self.name)
            }
            scene.include(box, originFromEntity: pose)
        }
    }

    static func batch(_ mesh: LoadedMesh) -> MeshBatch {
        let factor = mesh.material.baseColorFactorLinear
        let albedo = RGBA8(ColorSpace.srgb8FromLinear(factor.x), ColorSpace.srgb8FromLinear(factor.y),
                           ColorSpace.srgb8FromLinear(factor.z))
        let texture = mesh.material.baseColorTexture.flatMap { Texture(width: $0.width, height: $0.height, rgba: $0.pixels) }
        let colors = mesh.colors?.map { RGBA8($0.x, $0.y, $0.z, $0.w) } ?? []
        return MeshBatch(positions: mesh.positions, indices: mesh.indices, normals: mesh.normals ?? [], colors: colors,
                         texCoords: texture != nil ? (mesh.texcoords ?? []) : [], texture: texture, albedo: albedo,
                         lighting: mesh.normals == nil ? .unlit : .viewerRig,
                         opacity: factor.w.isFinite ? max(0, min(1, factor.w)) : 1)
    }
}
