/// A draw after its per-frame set-up, ready for the vertex stage and for tiles.
///
/// The renderer runs stage-0 jobs of every draw in parallel, then stage-1 jobs (triangles bin after
/// their vertices are transformed), then the tiles. One class per primitive kind; dispatch on the
/// kind happens once per draw and tile, never per pixel.
protocol PreparedDraw: AnyObject {
    /// 0 = opaque scene, 1 = transparent scene, 2 = overlay.
    var phase: Int { get }
    func jobCount(stage: Int) -> Int
    func run(stage: Int, job: Int)
    /// Whether any primitive touches tile `t` (after both stages).
    func touches(tile t: Int) -> Bool
    /// Draws this draw's primitives of tile `t` into `ctx`.
    func raster(tile t: Int, _ ctx: TileContext, kernels: KernelSet)
    /// The draw as the tile loop calls it (unretained: valid while the draw lives).
    var tileDraw: TileDraw { get }
}

/// What every draw needs to know about the frame.
struct FrameSetup: @unchecked Sendable {
    let grid: TileGrid
    let camera: Camera
    let pixelCamera: Camera
    let pixelsPerPoint: Float
    let tables: SRGBTables
    /// Kernel set, for the vertex-stage tests that have a SIMD and a scalar form.
    let kernels: KernelSet

    func camera(for space: Space) -> Camera { space == .world ? camera : pixelCamera }
}

/// Geometric mean of the lengths of a transform's three basis columns (Rerun's scale for
/// scene-unit radii).
func averageScale(_ m: Mat4) -> Float {
    func len(_ c: Int) -> Double {
        let x = Double(m[0, c]), y = Double(m[1, c]), z = Double(m[2, c])
        return (x * x + y * y + z * z).squareRoot()
    }
    let s = Float(Foundation.cbrt(len(0) * len(1) * len(2)))
    return s.isFinite ? s : 0
}

/// Where a draw goes in the frame: overlays last (phase 2) without depth; scene draws opaque first (phase 0,
/// writing depth), then transparent ones (phase 1, depth-tested only).
@inline(__always) func drawOrdering(layer: Layer, opaque: Bool) -> (phase: Int, depthTest: Bool, depthWrite: Bool) {
    let phase = layer == .overlay ? 2 : (opaque ? 0 : 1)
    return (phase, layer == .scene, phase == 0)
}

/// Opacity as a usable number: NaN → 0, clamped to [0, 1].
@inline(__always) func sanitizedOpacity(_ o: Float) -> Float { o > 0 ? (o < 1 ? o : 1) : 0 }

/// Points per `Bins` pool kept between frames.
final class BinsPool<R>: @unchecked Sendable {
    private var free: [Bins<R>] = []
    private var used: [Bins<R>] = []
    func take() -> Bins<R> {
        let b = free.popLast() ?? Bins<R>()
        used.append(b)
        return b
    }
    func recycle() {
        free.append(contentsOf: used)
        used.removeAll(keepingCapacity: true)
    }
}

import Foundation
