import Foundation

/// A perspective 3D camera given the way users think of one: where it is, what it looks at, which way is up.
public struct Eye: Equatable, Sendable {
    public var position: SIMD3<Double>
    public var target: SIMD3<Double>
    public var up: SIMD3<Double>
    /// Vertical field of view in radians.
    public var fovY: Double

    /// Rerun's 3D view: 55° vertical field of view.
    public static let defaultFovY = 55.0 * Double.pi / 180
    /// Rerun's 3D near plane, in scene units.
    public static let nearPlane = 0.01

    public init(position: SIMD3<Double>, target: SIMD3<Double>, up: SIMD3<Double>, fovY: Double = Eye.defaultFovY) {
        self.position = position; self.target = target; self.up = up; self.fovY = fovY
    }

    /// The viewer's default orbit camera for a region of interest (rendering-conventions §6.1):
    /// it looks at the ROI centre from `1.5 × |half size|` away (1.0 when that is 0 or not finite, at least 0.02),
    /// along `normalize(0.75·forward + 0.25·right − 0.25·up)` of the view's axes.
    public static func viewerDefault(regionOfInterest roi: BoundingBox, axes: ViewAxes) -> Eye {
        let target = roi.isEmpty ? .zero : roi.center
        var radius = 1.5 * roi.halfDiagonal
        if !(radius.isFinite && radius > 0) { radius = 1 }
        radius = max(radius, 0.02)
        let up = axes.up, right = axes.right
        let forward = cross(up, right)
        let direction = normalized(0.75 * forward + 0.25 * right - 0.25 * up)
        return Eye(position: target - radius * direction, target: target, up: up)
    }
}
