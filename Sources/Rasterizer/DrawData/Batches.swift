/// Points: 3D sphere impostors, flat discs or squares.
///
/// Radii follow Rerun's encoding: positive = scene units (scaled by the average scale of
/// `worldFromObject`), negative = screen points (|r| · pixelsPerPoint pixels). `radii` and `colors`
/// are "clamped": shorter arrays repeat their last value; empty ones use the defaults (−1.5, white).
/// Colour alpha is ignored (as in the viewer); `opacity` < 1 draws the batch transparent.
public struct PointBatch: Sendable {
    public var positions: [SIMD3<Float>]
    public var radii: [Float]
    public var colors: [RGBA8]
    public var shape: PointShape
    public var shading: PointShading
    public var worldFromObject: Mat4
    public var opacity: Float
    /// Smallest radius drawn, in pixels (the benchmark's `max(1 px, diameter)` = 0.5).
    public var minRadiusPixels: Float
    public var layer: Layer
    public var space: Space

    public init(positions: [SIMD3<Float>], radii: [Float] = [-1.5], colors: [RGBA8] = [.white],
                shape: PointShape = .sphere, shading: PointShading = .gradient,
                worldFromObject: Mat4 = .identity, opacity: Float = 1, minRadiusPixels: Float = 0.5,
                layer: Layer = .scene, space: Space = .world) {
        self.positions = positions; self.radii = radii; self.colors = colors
        self.shape = shape; self.shading = shading; self.worldFromObject = worldFromObject
        self.opacity = opacity; self.minRadiusPixels = minRadiusPixels; self.layer = layer
        self.space = space
    }
}

/// Thick line strips, drawn as capsules per segment (round joins, round caps that extend past the
/// end points by the radius), like Rerun's lines.
///
/// Strip `s` is `positions[stripStarts[s] ..< stripStarts[s + 1]]` (the last strip ends at
/// `positions.count`); an empty `stripStarts` means one strip of all positions. A strip of fewer
/// than two points draws nothing. `radii` are per strip (clamped, Rerun's signed encoding);
/// `colors` per strip or per vertex (`colorsPerVertex`), clamped, interpolated in linear light
/// along a segment.
public struct LineBatch: Sendable {
    public var positions: [SIMD3<Float>]
    public var stripStarts: [Int]
    public var radii: [Float]
    public var colors: [RGBA8]
    public var colorsPerVertex: Bool
    public var worldFromObject: Mat4
    public var opacity: Float
    public var layer: Layer
    public var blendSpace: BlendSpace
    public var space: Space

    public init(positions: [SIMD3<Float>], stripStarts: [Int] = [], radii: [Float] = [-1.5],
                colors: [RGBA8] = [.white], colorsPerVertex: Bool = false, worldFromObject: Mat4 = .identity,
                opacity: Float = 1, layer: Layer = .scene, blendSpace: BlendSpace = .linear, space: Space = .world) {
        self.positions = positions; self.stripStarts = stripStarts; self.radii = radii
        self.colors = colors; self.colorsPerVertex = colorsPerVertex; self.worldFromObject = worldFromObject
        self.opacity = opacity; self.layer = layer; self.blendSpace = blendSpace
        self.space = space
    }
}

/// A triangle mesh.
///
/// `indices` are triples of vertex indices (empty: consecutive vertex triples); triangles with an
/// index out of range are skipped. Albedo = `texture(uv) × vertex colour × albedo`, in linear
/// light; missing colours are white. With `normals` empty the mesh is unlit. Lighting is per pixel
/// (the interpolated normal, renormalised, as the viewer's fragment shader; where it is zero the
/// pixel is unlit); colours, normals and texture coordinates are interpolated perspective-correctly.
public struct MeshBatch: Sendable {
    public var positions: [SIMD3<Float>]
    public var indices: [UInt32]
    public var normals: [SIMD3<Float>]
    public var colors: [RGBA8]
    public var texCoords: [SIMD2<Float>]
    public var texture: Texture?
    public var filter: TextureFilter
    public var albedo: RGBA8
    public var lighting: Lighting
    public var cull: CullMode
    public var worldFromObject: Mat4
    /// Opacity < 1 puts the mesh in the transparent phase.
    public var opacity: Float
    public var layer: Layer
    public var space: Space

    public init(positions: [SIMD3<Float>], indices: [UInt32] = [], normals: [SIMD3<Float>] = [],
                colors: [RGBA8] = [], texCoords: [SIMD2<Float>] = [], texture: Texture? = nil,
                filter: TextureFilter = .automatic, albedo: RGBA8 = .white, lighting: Lighting = .viewerRig,
                cull: CullMode = .none, worldFromObject: Mat4 = .identity, opacity: Float = 1,
                layer: Layer = .scene, space: Space = .world) {
        self.positions = positions; self.indices = indices; self.normals = normals; self.colors = colors
        self.texCoords = texCoords; self.texture = texture; self.filter = filter; self.albedo = albedo
        self.lighting = lighting; self.cull = cull; self.worldFromObject = worldFromObject
        self.opacity = opacity; self.layer = layer; self.space = space
    }
}

/// An image on a parallelogram: texel (0, 0)'s corner at `origin`, the image's width along
/// `xAxis` and its height along `yAxis` (object space). Rerun's 2D image in a pixel camera is
/// `origin (0,0,0), xAxis (W,0,0), yAxis (0,H,0)`.
public struct ImageQuad: Sendable {
    public var texture: Texture
    public var origin: SIMD3<Float>
    public var xAxis: SIMD3<Float>
    public var yAxis: SIMD3<Float>
    public var filter: TextureFilter
    public var worldFromObject: Mat4
    public var opacity: Float
    public var layer: Layer
    public var space: Space

    public init(texture: Texture, origin: SIMD3<Float> = .zero, xAxis: SIMD3<Float>, yAxis: SIMD3<Float>,
                filter: TextureFilter = .automatic, worldFromObject: Mat4 = .identity, opacity: Float = 1,
                layer: Layer = .scene, space: Space = .world) {
        self.texture = texture; self.origin = origin; self.xAxis = xAxis; self.yAxis = yAxis
        self.filter = filter; self.worldFromObject = worldFromObject; self.opacity = opacity; self.layer = layer
        self.space = space
    }
}

/// An axis-aligned rectangle in pixels, optionally with rounded corners, filled with one colour
/// (alpha and `opacity` blend it). Edges are anti-aliased by exact coverage at the pixel centre's
/// signed distance.
public struct RectShape: Sendable {
    public var minX: Float, minY: Float, maxX: Float, maxY: Float
    public var cornerRadius: Float
    public var color: RGBA8
    public var blendSpace: BlendSpace

    public init(minX: Float, minY: Float, maxX: Float, maxY: Float, cornerRadius: Float = 0,
                color: RGBA8, blendSpace: BlendSpace = .gamma) {
        self.minX = minX; self.minY = minY; self.maxX = maxX; self.maxY = maxY
        self.cornerRadius = cornerRadius; self.color = color; self.blendSpace = blendSpace
    }
}
