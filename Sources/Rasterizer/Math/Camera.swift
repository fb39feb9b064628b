/// Where the picture is seen from: `cameraFromWorld`, the projection `clipFromCamera` and the
/// viewport size in pixels.
///
/// Conventions (OpenGL-style, as the benchmark scenes and Rerun's 3D views):
/// * camera space: +x right, +y up, the camera looks down −z;
/// * clip space: `clip = clipFromCamera · cameraFromWorld · (x, y, z, 1)`; NDC = clip.xyz / clip.w,
///   visible where −1 ≤ NDC ≤ 1 and w > 0; depth kept as window depth `0.5 · ndc.z + 0.5`
///   (0 near, 1 far);
/// * pixels: (0, 0) is the top-left corner of the top-left pixel, pixel centres at +0.5,
///   `px = (ndc.x + 1) / 2 · width`, `py = (1 − ndc.y) / 2 · height`.
public struct Camera: Sendable, Equatable {
    public var cameraFromWorld: Mat4
    public var clipFromCamera: Mat4
    /// Viewport size in pixels (both ≥ 1 to draw anything).
    public var width: Int
    public var height: Int

    public init(cameraFromWorld: Mat4, clipFromCamera: Mat4, width: Int, height: Int) {
        self.cameraFromWorld = cameraFromWorld
        self.clipFromCamera = clipFromCamera
        self.width = width
        self.height = height
    }

    /// `clipFromCamera · cameraFromWorld`.
    public var clipFromWorld: Mat4 { clipFromCamera * cameraFromWorld }

    /// The camera's pose in the world (`nil` for a singular view matrix).
    public var worldFromCamera: Mat4? { cameraFromWorld.inverse }

    /// A perspective camera at `eye` looking at `target`, with a vertical field of view in degrees.
    public static func perspective(eye: SIMD3<Float>, target: SIMD3<Float>, up: SIMD3<Float> = [0, 1, 0],
                                   fovYDegrees: Float, near: Float, far: Float,
                                   width: Int, height: Int) -> Camera {
        Camera(cameraFromWorld: .lookAt(eye: eye, target: target, up: up),
               clipFromCamera: .perspective(fovY: fovYDegrees * .pi / 180,
                                            aspect: Float(width) / Float(max(height, 1)), near: near, far: far),
               width: width, height: height)
    }

    /// A 2D camera whose world units are pixels: world (x, y) lands on pixel position (x, y), +x
    /// right, +y down, as Rerun's 2D views and every overlay. World z in [−1, 1] maps to depth
    /// 0…1, so 2D content drawn at z = 0 has depth 0.5.
    public static func pixels(width: Int, height: Int) -> Camera {
        let w = Float(width), h = Float(height)
        // ndc.x = 2x/w − 1, ndc.y = 1 − 2y/h, ndc.z = z (camera = world).
        let clip = Mat4(rowMajor: SIMD16(2 / w, 0, 0, -1,
                                         0, -2 / h, 0, 1,
                                         0, 0, 1, 0,
                                         0, 0, 0, 1))
        return Camera(cameraFromWorld: .identity, clipFromCamera: clip, width: width, height: height)
    }

    /// Pixels per world unit at camera distance `w` (the clip w): `P[1][1] · height / 2 / w`.
    /// A scene-unit radius `r` covers `r · pixelsPerUnit(w)` pixels.
    public func pixelsPerUnit(atClipW w: Float) -> Float {
        clipFromCamera[1, 1] * Float(height) * 0.5 / w
    }

    /// Pixel position and window depth of a world point, or `nil` when it is behind the camera
    /// (w ≤ 0) or not finite. For placing labels and overlays.
    public func project(_ world: SIMD3<Float>) -> SIMD3<Float>? {
        let c = clipFromWorld.transformPoint(world)
        guard c.w > 0, c.x.isFinite, c.y.isFinite, c.z.isFinite, c.w.isFinite else { return nil }
        let inv = 1 / c.w
        return SIMD3((c.x * inv + 1) * 0.5 * Float(width), (1 - c.y * inv) * 0.5 * Float(height),
                     c.z * inv * 0.5 + 0.5)
    }
}
