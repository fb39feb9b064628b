import Foundation
import Rasterizer
import RecordingModel

/// Arrows as the viewer draws them (rendering-conventions §8.4, §8.14): a shaft with a round start cap, and a
/// flat triangular head facing the camera whose tip sits exactly at `origin + vector`. The head is
/// `headLengthFactor × r` long and `2 × headWidthFactor × r` wide, scaled down together when it would be
/// longer than 75 % of the arrow. Radii use Rerun's signed encoding (negative = UI points, which need the
/// camera), so the geometry is only built once the view's camera is known (`drawables(camera:)`).
public struct ArrowGeometry: Sendable {
    public var origins: [SIMD3<Float>]
    public var vectors: [SIMD3<Float>]
    /// Clamped per arrow (last value repeats).
    public var radii: [Float]
    /// Clamped per arrow.
    public var colors: [RGBA8]
    public var headLengthFactor: Float
    /// Head half-width in radii.
    public var headWidthFactor: Float
    public var worldFromObject: Mat4 = .identity

    public init(origins: [SIMD3<Float>], vectors: [SIMD3<Float>], radii: [Float], colors: [RGBA8],
                headLengthFactor: Float = 4, headWidthFactor: Float = 2) {
        self.origins = origins; self.vectors = vectors; self.radii = radii; self.colors = colors
        self.headLengthFactor = headLengthFactor; self.headWidthFactor = headWidthFactor
    }

    /// Adds the arrows to a scene; they are built when the view's camera is known.
    func add(to scene: inout SpatialCollector, worldFromObject: Mat4, entity: EntityPath, visualizer: String,
             drawOrder: Float = 0) {
        var copy = self
        copy.worldFromObject = worldFromObject
        scene.add(.arrows(copy), entity: entity, visualizer: visualizer, drawOrder: drawOrder)
    }

    /// Shafts (one line batch) and heads (one unlit mesh) in world space for `camera`.
    func drawables(camera: Camera, pixelsPerPoint: Float, layer: Layer) -> [SpatialDrawable] {
        let perspective = camera.clipFromCamera[3, 2] != 0
        guard let worldFromCamera = camera.worldFromCamera else { return [] }
        let eye = SIMD3<Float>(worldFromCamera[0, 3], worldFromCamera[1, 3], worldFromCamera[2, 3])
        let cameraZ = SIMD3<Float>(worldFromCamera[0, 2], worldFromCamera[1, 2], worldFromCamera[2, 2])
        let objectScale = averageScale(worldFromObject)
        var shaft: [SIMD3<Float>] = [], starts: [Int] = [], shaftRadii: [Float] = [], shaftColors: [RGBA8] = []
        var head: [SIMD3<Float>] = [], headColors: [RGBA8] = []
        for i in 0..<min(origins.count, vectors.count) {
            let s4 = worldFromObject.transformPoint(origins[i]), e4 = worldFromObject.transformPoint(origins[i] + vectors[i])
            let s = SIMD3(s4.x, s4.y, s4.z), e = SIMD3(e4.x, e4.y, e4.z)
            let length = simdLength(e - s)
            guard length.isFinite, length > 0 else { continue }
            let signed = radii.isEmpty ? -1.5 : radii[min(i, radii.count - 1)]
            var r: Float
            if signed < 0 || (signed == 0 && signed.sign == .minus) {
                let clipW = camera.clipFromWorld.transformPoint(e).w
                guard clipW > 0 || !perspective else { continue }
                r = -signed * pixelsPerPoint / camera.pixelsPerUnit(atClipW: perspective ? clipW : 1)
            } else {
                r = signed * objectScale
            }
            guard r.isFinite, r >= 0 else { continue }
            let color = colors.isEmpty ? RGBA8.white : colors[min(i, colors.count - 1)]
            let dir = (e - s) / length
            var headLength = headLengthFactor * r, halfWidth = headWidthFactor * r
            if headLength > 0.75 * length {
                let k = 0.75 * length / headLength
                headLength *= k; halfWidth *= k
            }
            let base = e - dir * headLength
            starts.append(shaft.count); shaft += [s, base]; shaftRadii.append(r); shaftColors.append(color)
            let toViewer = perspective ? eye - base : cameraZ
            var side = simdCross(dir, toViewer)
            let sideLength = simdLength(side)
            guard sideLength > 0, sideLength.isFinite else { continue }
            side /= sideLength
            head += [base - side * halfWidth, base + side * halfWidth, e]
            headColors += [color, color, color]
        }
        var out: [SpatialDrawable] = []
        if !shaft.isEmpty {
            out.append(.lines(LineBatch(positions: shaft, stripStarts: starts, radii: shaftRadii, colors: shaftColors,
                                        layer: layer)))
        }
        if !head.isEmpty {
            out.append(.mesh(MeshBatch(positions: head, colors: headColors, lighting: .unlit, layer: layer)))
        }
        return out
    }
}

private func simdLength(_ v: SIMD3<Float>) -> Float { (v * v).sum().squareRoot() }
private func simdCross(_ a: SIMD3<Float>, _ b: SIMD3<Float>) -> SIMD3<Float> {
    SIMD3(a.y * b.z - a.z * b.y, a.z * b.x - a.x * b.z, a.x * b.y - a.y * b.x)
}
private func averageScale(_ m: Mat4) -> Float {
    let c0 = SIMD3(m[0, 0], m[1, 0], m[2, 0]), c1 = SIMD3(m[0, 1], m[1, 1], m[2, 1]), c2 = SIMD3(m[0, 2], m[1, 2], m[2, 2])
    return cbrtf(simdLength(c0) * simdLength(c1) * simdLength(c2))
}
