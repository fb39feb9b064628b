import Foundation
import Rasterizer

/// The 3D view's ground grid (rendering-conventions §6.3, Rerun's `world_grid.wgsl`): lines 1 pt wide every
/// `spacing` scene units in the plane through the origin perpendicular to the up axis, drawn transparent.
///
/// * Level: `c = max(log10(camera height / 1) − 0.9, 0)`; lines every `10^⌊c⌋` units, and every tenth line (a
///   "cardinal" line) blends in with the fraction `t = c − ⌊c⌋`: a regular line has intensity `(1 − t)·f`, a
///   cardinal one `(1 − t)·f + t·f₁₀`.
/// * Fade `f`: the viewer fades lines by how close together they are on screen, per pixel, by the measure
///   `s = 1 / (ppp · max(fwidth(u), fwidth(v)))` (`u`, `v` in cells: points per cell along the densest direction).
///   Rerun's shader source says `linearstep(2, 10, s)` for a 1 pt line; the 0.41 viewer's pixels follow
///   `f = linearstep(1, 5, s)` (its lines appear at s ≈ 1 and reach full strength at s ≈ 5, measured per pixel in the
///   side-by-side pictures of `scripts/compare_with_viewer.py`), so that is used here; `f₁₀` is the same at `10·s`.
///   Each one-cell piece of a line takes the fade at its midpoint, rounded to one of `intensitySteps` opacity
///   levels; consecutive pieces at the same level are drawn as one segment. So lines vanish towards the horizon,
///   where the rows crowd together.
/// * Brightness: the source says (128, 128, 128) at alpha 60, but the 0.41 viewer's lines reach only 0.58 of that:
///   a full-strength line over the #0d0d0d background peaks at sRGB 49–51 (alpha 60 would give 66), measured in the
///   same pictures. So the alpha at full strength is 35.
enum WorldGrid {
    static let color = RGBA8(128, 128, 128)
    static let fullAlpha: Float = 35
    /// Opacity levels a segment's intensity is rounded to (one line batch per level).
    static let intensitySteps = 12
    /// On-screen line spacing (points) at which lines are gone, and from which they are at full strength.
    static let invisibleSpacing: Float = 1, visibleSpacing: Float = 5
    /// Cells on each side of the point below the camera target, besides those between it and the eye.
    static let marginCells = 60, maxHalfCellCount = 200

    /// The grid's line batches for one camera. The same inputs give the same batches (an animation whose camera
    /// does not move reuses the previous frame's grid from `cache`).
    static func batches(eye: Eye, axes: ViewAxes, camera: Camera, pixelsPerPoint: Float) -> [LineBatch] {
        let key = CacheKey(eye: eye, axes: axes, camera: camera, pixelsPerPoint: pixelsPerPoint)
        if let hit = cache.value(for: key) { return hit }
        let made = make(eye: eye, axes: axes, camera: camera, pixelsPerPoint: pixelsPerPoint)
        cache.store(made, for: key)
        return made
    }

    struct CacheKey: Equatable, Sendable {
        let eye: Eye, axes: ViewAxes, camera: Camera, pixelsPerPoint: Float
    }

    /// The grids of the last few cameras (one per concurrently rendered view is enough).
    static let cache = RecentValues<CacheKey, [LineBatch]>(capacity: 4)

    private static func make(eye: Eye, axes: ViewAxes, camera: Camera, pixelsPerPoint: Float) -> [LineBatch] {
        let up = axes.up, u = axes.right, v = axes.forward
        let height = abs(dot(eye.position, up))
        let cardinality = max(log10(max(height, 1e-9)) - 0.9, 0)
        let level = cardinality.rounded(.down)
        let spacing = pow(10, level)
        let t = Float(cardinality - level)
        let center = eye.target - dot(eye.target, up) * up
        let cu = (dot(center, u) / spacing).rounded(), cv = (dot(center, v) / spacing).rounded()
        let toEye = eye.position - eye.target
        let reach = Int(min((dot(toEye, toEye).squareRoot() / spacing).rounded(.up), Double(maxHalfCellCount)))
        let n = min(marginCells + reach, maxHalfCellCount)
        var groups = Array(repeating: [SIMD3<Float>](), count: intensitySteps + 1)
        let projection = GridProjection(camera)
        func point(_ a: Double, _ b: Double) -> SIMD3<Double> { a * spacing * u + b * spacing * v }
        func isCardinal(_ line: Double) -> Bool { line.truncatingRemainder(dividingBy: 10) == 0 }
        // Every segment end is a grid vertex: project each vertex once. Segments on the lines u = a use the
        // vertices point(cu + i, cv + j), those on the lines v = a use point(cv + j, cu + i).
        let side = 2 * n + 1
        var alongV = [SIMD3<Float>?](repeating: nil, count: side * side)
        var alongU = [SIMD3<Float>?](repeating: nil, count: side * side)
        for i in 0..<side {
            for j in 0..<side {
                let a = cu + Double(i - n), b = cv + Double(j - n)
                alongV[i * side + j] = projection.project(point(a, b).float)
                alongU[i * side + j] = projection.project(point(b, a).float)
            }
        }
        for line in -n...n {
            let row = (line + n) * side
            // Consecutive cells of one line at the same opacity level become one segment: fewer segments, and no
            // doubly blended overlap where two transparent segments meet.
            var runs: [(step: Int, from: SIMD3<Float>, to: SIMD3<Float>)?] = [nil, nil]
            func flush(_ k: Int) {
                if let r = runs[k] { groups[r.step] += [r.from, r.to] }
                runs[k] = nil
            }
            for cell in -n..<n {
                let a = cu + Double(line), b = cv + Double(cell)
                let j = cell + n
                // One segment on the line u = a (running along v), one on the line v = a (running along u).
                let segments = ((point(a, b), point(a, b + 1), alongV[row + j], alongV[row + j + 1]),
                                (point(b, a), point(b + 1, a), alongU[row + j], alongU[row + j + 1]))
                for (k, (p, q, pa, pb)) in [segments.0, segments.1].enumerated() {
                    guard let pa, let pb,
                          let s = lineSpacing(p, q, pa, pb, u: u * spacing, v: v * spacing, projection: projection,
                                              pixelsPerPoint: pixelsPerPoint) else { flush(k); continue }
                    var intensity = (1 - t) * fade(s)
                    if isCardinal(a) { intensity += t * fade(10 * s) }
                    let step = min(Int((intensity * Float(intensitySteps)).rounded()), intensitySteps)
                    guard step > 0 else { flush(k); continue }
                    if let r = runs[k], r.step == step {
                        runs[k]?.to = q.float
                    } else {
                        flush(k)
                        runs[k] = (step, p.float, q.float)
                    }
                }
            }
            flush(0)
            flush(1)
        }
        return groups.enumerated().compactMap { step, positions in
            guard !positions.isEmpty else { return nil }
            return LineBatch(positions: positions, stripStarts: Array(stride(from: 0, to: positions.count, by: 2)),
                             radii: [-0.5], colors: [color],
                             opacity: fullAlpha / 255 * Float(step) / Float(intensitySteps))
        }
    }

    /// `linearstep(invisibleSpacing, visibleSpacing, s)`.
    static func fade(_ s: Float) -> Float {
        min(max((s - invisibleSpacing) / (visibleSpacing - invisibleSpacing), 0), 1)
    }

    /// `lineSpacing` for a segment whose ends are not projected yet (nil when either end is behind the camera).
    static func lineSpacing(_ p: SIMD3<Double>, _ q: SIMD3<Double>, u: SIMD3<Double>, v: SIMD3<Double>,
                            camera: Camera, pixelsPerPoint: Float) -> Float? {
        let projection = GridProjection(camera)
        guard let a = projection.project(p.float), let b = projection.project(q.float) else { return nil }
        return lineSpacing(p, q, a, b, u: u, v: v, projection: projection, pixelsPerPoint: pixelsPerPoint)
    }

    /// The viewer's line-spacing measure at the segment's midpoint (cells per point along the densest direction,
    /// inverted), from the screen Jacobian of the plane coordinates; nil when the segment is off screen or the
    /// midpoint is behind the camera. `a`, `b`: the projections of the ends `p`, `q`; `u`, `v`: one cell along each
    /// plane axis, in world units.
    static func lineSpacing(_ p: SIMD3<Double>, _ q: SIMD3<Double>, _ a: SIMD3<Float>, _ b: SIMD3<Float>,
                            u: SIMD3<Double>, v: SIMD3<Double>, projection: GridProjection,
                            pixelsPerPoint: Float) -> Float? {
        let w = projection.width, h = projection.height
        guard max(a.x, b.x) >= 0, min(a.x, b.x) <= w, max(a.y, b.y) >= 0, min(a.y, b.y) <= h else { return nil }
        let m = 0.5 * (p + q), delta = 0.1
        guard let s0 = projection.project(m.float), let su = projection.project((m + delta * u).float),
              let sv = projection.project((m + delta * v).float) else { return nil }
        // Pixels per cell along u (column 1) and v (column 2); its inverse holds the gradients of u and v per pixel.
        let j00 = (su.x - s0.x) / Float(delta), j10 = (su.y - s0.y) / Float(delta)
        let j01 = (sv.x - s0.x) / Float(delta), j11 = (sv.y - s0.y) / Float(delta)
        let det = abs(j00 * j11 - j01 * j10)
        guard det > 0, det.isFinite else { return nil }
        let fwidthU = (abs(j11) + abs(j01)) / det, fwidthV = (abs(j10) + abs(j00)) / det
        return 1 / (pixelsPerPoint * max(fwidthU, fwidthV))
    }
}

/// `Camera.project` with `clipFromWorld` multiplied out once (the same arithmetic, so the same pixels).
struct GridProjection {
    let clipFromWorld: Mat4
    let width: Float, height: Float

    init(_ camera: Camera) {
        clipFromWorld = camera.clipFromWorld
        width = Float(camera.width); height = Float(camera.height)
    }

    @inline(__always) func project(_ world: SIMD3<Float>) -> SIMD3<Float>? {
        let c = clipFromWorld.transformPoint(world)
        guard c.w > 0, c.x.isFinite, c.y.isFinite, c.z.isFinite, c.w.isFinite else { return nil }
        let inv = 1 / c.w
        return SIMD3((c.x * inv + 1) * 0.5 * width, (1 - c.y * inv) * 0.5 * height, c.z * inv * 0.5 + 0.5)
    }
}
