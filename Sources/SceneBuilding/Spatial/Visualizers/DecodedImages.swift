import ArrowIPC
import MediaCodecs
import Rasterizer
import RecordingModel

/// The textures of Image, EncodedImage and (colour-mapped) DepthImage entities, shared by their visualizers: a
/// picture logged once, or at a lower rate than a video's frames, is decoded and made into a texture (its mipmaps
/// computed) once instead of once per frame. A 1920×1080 JPEG takes 6–10 ms to decode on the project's 2-core
/// machine (BENCHMARKS.md "Still images"), more than many whole frames. Failures are kept too: an undecodable
/// picture is warned about on every frame without being decoded again. Eight pictures at most (a 1920×1080
/// picture's texture holds about 11 MB): four camera streams drawn by two export workers at once.
enum DecodedImages {
    /// Why a picture is not drawn.
    enum Failure: Error {
        /// Its bytes do not decode.
        case decoding(any Error)
        /// Its pixels make no texture (`ImageQuads.notDrawable` says why).
        case notDrawable(String)
    }

    /// The texture of `blob` read as `variant` (everything the decoding depends on besides the bytes), for `filter`.
    private struct Key: Hashable {
        let variant: AnyHashable
        let mipmaps: Bool
    }

    private static let cache = BlobCache<Result<Texture, Failure>>(capacity: 8)

    /// Adds the picture that `decode` makes of `blob` read as `variant` as an image quad (`ImageQuads.add`), its
    /// texture kept from an earlier frame when there is one; when it does not decode, the warning `decodingFailed`
    /// gives for the error instead.
    static func add(_ blob: ArrowBuffer, variant: AnyHashable, filter: TextureFilter, opacity: Float, drawOrder: Float,
                    input: VisualizerInput, visualizer: String, into scene: inout SpatialCollector,
                    decodingFailed: (any Error) -> String, decode: () throws -> RGBAImage) {
        switch texture(blob, variant: variant, filter: filter, decode: decode) {
        case .success(let texture):
            ImageQuads.add(texture, filter: filter, opacity: opacity, input: input, visualizer: visualizer,
                           drawOrder: drawOrder, into: &scene)
        case .failure(.decoding(let error)): scene.warn(input.entity, decodingFailed(error))
        case .failure(.notDrawable(let reason)): scene.warn(input.entity, reason)
        }
    }

    /// The texture of the picture that `decode` makes of `blob` read as `variant`, for `filter`: kept from an
    /// earlier frame when there is one.
    private static func texture(_ blob: ArrowBuffer, variant: AnyHashable, filter: TextureFilter,
                                decode: () throws -> RGBAImage) -> Result<Texture, Failure> {
        cache.value(for: blob, variant: Key(variant: variant, mipmaps: filter != .nearest)) {
            let image: RGBAImage
            do { image = try decode() } catch { return .failure(.decoding(error)) }
            guard let texture = ImageQuads.texture(image, filter: filter) else {
                return .failure(.notDrawable(ImageQuads.notDrawable(image)))
            }
            return .success(texture)
        }
    }
}
