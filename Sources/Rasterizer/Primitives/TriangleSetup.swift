/// A vertex after the vertex stage: position snapped to 1/16 pixel, window depth, 1/w and the
/// attributes (lit linear colour, texture coordinates). `clip != 0` marks a vertex that is behind
/// the near plane, outside the ±8192 px guard band or not finite: triangles using it go through
/// `clipTriangle`, which makes new vertices from the clip-space ones.
struct TriVertex {
    var x: Int32, y: Int32
    var z: Float, invW: Float
    var r: Float, g: Float, b: Float
    var u: Float, v: Float
    var clip: UInt32
}

/// A triangle's three vertex indices, ordered so that its snapped area is positive (samples inside
/// have all three edge functions ≥ 0).
struct TriRecord {
    var i0: UInt32, i1: UInt32, i2: UInt32
}

/// A vertex before projection, for clipping: clip-space position and attributes.
struct ClipVertex {
    var c: SIMD4<Float>
    var color: SIMD3<Float>
    var uv: SIMD2<Float>

    @inline(__always) func lerp(_ o: ClipVertex, _ t: Float) -> ClipVertex {
        ClipVertex(c: c + (o.c - c) * t, color: color + (o.color - color) * t, uv: uv + (o.uv - uv) * t)
    }
}

/// Guard band in pixels beyond each frame edge; snapped coordinates stay well inside `Int32` edge
/// arithmetic (see `TriangleDraw`'s kernel notes).
let guardBandPixels: Float = 8000

/// Projects a clip-space vertex to a snapped `TriVertex`, or marks it for clipping.
@inline(__always) func project(_ v: ClipVertex, width: Float, height: Float) -> TriVertex {
    let c = v.c
    var out = TriVertex(x: 0, y: 0, z: 0, invW: 0, r: v.color.x, g: v.color.y, b: v.color.z,
                        u: v.uv.x, v: v.uv.y, clip: 1)
    guard c.w > 0, c.z >= -c.w, c.w < .infinity else { return out }
    let invW = 1 / c.w
    let px = (c.x * invW + 1) * 0.5 * width
    let py = (1 - c.y * invW) * 0.5 * height
    let z = c.z * invW * 0.5 + 0.5
    guard px >= -guardBandPixels, px <= width + guardBandPixels,
          py >= -guardBandPixels, py <= height + guardBandPixels, z.isFinite,
          v.color.x.isFinite, v.color.y.isFinite, v.color.z.isFinite else { return out }
    out.x = Int32((px * 16).rounded(.toNearestOrEven))
    out.y = Int32((py * 16).rounded(.toNearestOrEven))
    out.z = z
    out.invW = invW
    if !v.uv.x.isFinite { out.u = 0 }
    if !v.uv.y.isFinite { out.v = 0 }
    out.clip = 0
    return out
}

/// Clips a triangle against the near plane, w > 0 and the guard band (Sutherland–Hodgman in clip
/// space); returns the projected polygon (0 or 3…9 vertices).
func clipPolygon(_ tri: [ClipVertex], width: Float, height: Float) -> [TriVertex] {
    for v in tri {
        guard v.c.x.isFinite, v.c.y.isFinite, v.c.z.isFinite, v.c.w.isFinite else { return [] }
    }
    let gx = 1 + 2 * (guardBandPixels - 8) / width, gy = 1 + 2 * (guardBandPixels - 8) / height
    let planes: [(ClipVertex) -> Float] = [
        { $0.c.z + $0.c.w },               // near: z ≥ −w
        { $0.c.w - 1e-6 },                 // in front of the eye
        { gx * $0.c.w - $0.c.x }, { gx * $0.c.w + $0.c.x },
        { gy * $0.c.w - $0.c.y }, { gy * $0.c.w + $0.c.y },
    ]
    var poly = tri
    for plane in planes {
        if poly.isEmpty { break }
        var out: [ClipVertex] = []
        for i in 0..<poly.count {
            let a = poly[i], b = poly[(i + 1) % poly.count]
            let da = plane(a), db = plane(b)
            if da >= 0 { out.append(a) }
            if (da >= 0) != (db >= 0) { out.append(a.lerp(b, da / (da - db))) }
        }
        poly = out
    }
    guard poly.count >= 3 else { return [] }
    return poly.map { v in
        var p = project(v, width: width, height: height)
        if p.clip != 0 {    // rounding at a plane: pull inside
            var c = v.c
            c.w = max(c.w, 1e-6)
            c.z = max(c.z, -c.w)
            c.x = min(max(c.x, -gx * c.w), gx * c.w)
            c.y = min(max(c.y, -gy * c.w), gy * c.w)
            p = project(ClipVertex(c: c, color: v.color, uv: v.uv), width: width, height: height)
        }
        return p
    }
}

/// Twice the signed area of a snapped triangle, in 1/256 pixel².
@inline(__always) func snappedArea(_ a: TriVertex, _ b: TriVertex, _ c: TriVertex) -> Int64 {
    Int64(b.x - a.x) * Int64(c.y - a.y) - Int64(c.x - a.x) * Int64(b.y - a.y)
}

/// Memory for a draw's transformed vertices, reused frame after frame (kept by the renderer).
final class VertexStorage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<TriVertex>
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        pointer = .allocate(capacity: max(1, capacity))
    }

    deinit { pointer.deallocate() }
}
