/// Which part of the frame a draw belongs to, and so when it is drawn.
///
/// * `scene`: depth-tested. Opaque draws (opacity 1) go in the opaque phase with depth writes;
///   the others in the transparent phase after it (depth test, no depth write), each phase in
///   submission order.
/// * `overlay`: drawn last, in submission order, with no depth test (labels, 2D views drawn in
///   draw order, plot decorations).
public enum Layer: Sendable, Equatable { case scene, overlay }

/// Which coordinates a batch's positions are in.
/// * `world`: seen through the frame's camera (after `worldFromObject`).
/// * `pixels`: pixel coordinates of the frame (x right, y down, z in [−1, 1] → depth 0…1), whatever
///   the camera: for overlays, 2D views and plots.
public enum Space: Sendable, Equatable { case world, pixels }

/// Where blending of partly covered or transparent pixels happens.
/// `linear` for 3D content (as the viewer's sRGB render target); `gamma` blends the sRGB-encoded
/// bytes, as egui paints labels and text.
public enum BlendSpace: Sendable, Equatable { case linear, gamma }

/// The viewer's lighting choices for triangles.
public enum Lighting: Sendable, Equatable {
    /// Flat albedo (Rerun: meshes without normals).
    case unlit
    /// Rerun's fixed world-space rig: `clamp(0.2 + sat(n·norm(1,2,3)) + 0.5·sat(n·norm(−1,−3,−5)), 0, 1)`.
    case viewerRig
    /// `ambient + (1 − ambient) · max(0, n·direction)` (the benchmark's mesh); `direction` is a
    /// world-space unit vector towards the light.
    case lambert(direction: SIMD3<Float>, ambient: Float)
}

/// Which triangle faces are skipped. Orientation is judged on screen: front = counter-clockwise
/// in camera space (OpenGL's convention), i.e. clockwise in y-down pixels.
public enum CullMode: Sendable, Equatable { case none, back, front }

/// How textures are sampled.
public enum TextureFilter: Sendable, Equatable {
    case nearest
    case bilinear
    /// The viewer's choice: nearest when magnifying, box-filtered (mipmap level + bilinear) when
    /// minifying.
    case automatic
}

/// How a point is drawn.
public enum PointShape: Sendable, Equatable {
    /// A sphere impostor: round silhouette with the sphere's own depth per sample (3D points).
    case sphere
    /// A flat screen-aligned disc at the centre's depth (2D points, the benchmark's discs).
    case disc
    /// A flat screen-aligned square of side 2·radius (depth clouds drawn as squares).
    case square
}

/// Colour variation across a point.
public enum PointShading: Sendable, Equatable {
    case flat
    /// Rerun's fake radial gradient on the linear colour: `max(0.4, sqrt(1.2 − ρ))`, ρ = distance
    /// from the centre / radius.
    case gradient
}

/// Settings of one `Renderer.render` call.
public struct RenderOptions: Sendable, Equatable {
    /// Worker threads for binning and tiles (≥ 1). The picture does not depend on it.
    public var threads: Int
    /// Kernels to use: `.simd` (default) or `.scalar` (the reference kernels, for tests).
    public var kernels: KernelSet
    /// Physical pixels per UI point: a radius of −r draws r · pixelsPerPoint pixels.
    public var pixelsPerPoint: Float

    public init(threads: Int = 1, kernels: KernelSet = .simd, pixelsPerPoint: Float = 1) {
        self.threads = threads
        self.kernels = kernels
        self.pixelsPerPoint = pixelsPerPoint
    }
}

/// The pixel kernels in use; both give identical pixels.
public enum KernelSet: Sendable, Equatable { case simd, scalar }
