/// A vertex's screen position after the vertex stage: snapped to 1/16 pixel, window depth and 1/w.
/// `invW == 0` marks a vertex that is behind the near plane, outside the ±8000 px guard band or not
/// finite: triangles using it go through `clipPolygon`, which makes new vertices from the
/// clip-space ones. Valid vertices have a finite `invW > 0` and a finite `z`.
struct ScreenVertex {
    var x: Int32, y: Int32
    var z: Float, invW: Float

    @inline(__always) var needsClipping: Bool { !(invW > 0) }
}

/// What a vertex carries to the pixels, interpolated perspective-correctly: linear colour (vertex
/// colour × albedo), the world-space unit normal (zero: unlit) and texture coordinates. Always
/// finite (the vertex stage replaces what is not). Read by the pixel shader as one `SIMD8<Float>`.
struct VertexAttributes {
    var r: Float, g: Float, b: Float
    var nx: Float, ny: Float, nz: Float
    var u: Float, v: Float

    @inline(__always) init(_ s: SIMD8<Float>) {
        r = s[0]; g = s[1]; b = s[2]; nx = s[3]; ny = s[4]; nz = s[5]; u = s[6]; v = s[7]
    }

    @inline(__always) var simd: SIMD8<Float> { SIMD8(r, g, b, nx, ny, nz, u, v) }
}

/// A vertex made by clipping: position and attributes together (kept in `Bins.extraVertices`).
struct TriVertex {
    var s: ScreenVertex
    var a: VertexAttributes
}

/// A triangle's three vertex indices, ordered so that its snapped area is positive (samples inside
/// have all three edge functions ≥ 0), and, for a triangle whose pixel box is at most 2 × 2 pixels,
/// the samples it covers in that block (`smallMask != 0`, see `SmallTriangle`); `0` for the others.
/// With `compactSmallFlag` set in `smallMask` (SIMD kernels, batched draws), `i0` is instead the
/// triangle's slot in `VertexStorage.small` (see `SmallTri`) and `i1`, `i2` are unused; a
/// `smallMask` of `compactSampleFlag` marks a sample record (depth, word, sample index).
struct TriRecord {
    var i0: UInt32, i1: UInt32, i2: UInt32
    var smallMask: UInt32

    /// Byte offset of `i1` (a sample record's word, stored through a pointer).
    static var wordOffset: Int { 4 }
}

/// The 2 × 2 pixel block of a small triangle: the pixel of its top-left corner, from the snapped
/// vertices (the same value in binning and in tiles). Bit `8 · row + j` of a record's mask is lane
/// `j` (pixel `j >> 2`, sample `j & 3`) of pixel row `row` of the block.
enum SmallTriangle {
    @inline(__always) static func blockX(_ a: ScreenVertex, _ b: ScreenVertex, _ c: ScreenVertex) -> Int32 {
        (mini(a.x, b.x, c.x) &+ 1) >> 4
    }

    @inline(__always) static func blockY(_ a: ScreenVertex, _ b: ScreenVertex, _ c: ScreenVertex) -> Int32 {
        (mini(a.y, b.y, c.y) &+ 1) >> 4
    }
}

/// A vertex before projection, for clipping: clip-space position and attributes.
struct ClipVertex {
    var c: SIMD4<Float>
    var a: SIMD8<Float>

    @inline(__always) func lerp(_ o: ClipVertex, _ t: Float) -> ClipVertex {
        ClipVertex(c: c + (o.c - c) * t, a: a + (o.a - a) * t)
    }
}

/// Guard band in pixels beyond each frame edge; snapped coordinates stay well inside `Int32` edge
/// arithmetic (see `TriangleDraw`'s kernel notes).
let guardBandPixels: Float = 8000

/// Projects a clip-space position to a snapped `ScreenVertex` (`invW = 0`: needs clipping).
@inline(__always) func project(_ c: SIMD4<Float>, width: Float, height: Float) -> ScreenVertex {
    let out = ScreenVertex(x: 0, y: 0, z: 0, invW: 0)
    guard c.w > 0, c.z >= -c.w, c.w < .infinity else { return out }
    let invW = 1 / c.w
    let px = (c.x * invW + 1) * 0.5 * width
    let py = (1 - c.y * invW) * 0.5 * height
    let z = c.z * invW * 0.5 + 0.5
    guard px >= -guardBandPixels, px <= width + guardBandPixels,
          py >= -guardBandPixels, py <= height + guardBandPixels, z.isFinite, invW > 0 else { return out }
    return ScreenVertex(x: snapToSixteenth(px), y: snapToSixteenth(py), z: z, invW: invW)
}

/// `round(16·p)` (to nearest, ties to even) for |16·p| < 2²²: adding 1.5·2²³ leaves the rounded
/// value in the low mantissa bits, a conversion without the generic rounding path (perf-notes).
@inline(__always) func snapToSixteenth(_ p: Float) -> Int32 {
    let f = p * 16 + 12_582_912
    return Int32(bitPattern: f.bitPattern &- 0x4B40_0000)
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
        var p = project(v.c, width: width, height: height)
        if p.needsClipping {    // rounding at a plane: pull inside
            var c = v.c
            c.w = max(c.w, 1e-6)
            c.z = max(c.z, -c.w)
            c.x = min(max(c.x, -gx * c.w), gx * c.w)
            c.y = min(max(c.y, -gy * c.w), gy * c.w)
            p = project(c, width: width, height: height)
        }
        return TriVertex(s: p, a: VertexAttributes(v.a))
    }
}

/// Twice the signed area of a snapped triangle, in 1/256 pixel².
@inline(__always) func snappedArea(_ a: ScreenVertex, _ b: ScreenVertex, _ c: ScreenVertex) -> Int64 {
    Int64(b.x &- a.x) * Int64(c.y &- a.y) - Int64(c.x &- a.x) * Int64(b.y &- a.y)
}

/// Memory for a draw's transformed vertices, reused frame after frame (kept by the renderer):
/// positions and attributes apart, so that binning reads 16 bytes per vertex; attributes 32-byte
/// aligned (one cache line holds two, none straddles lines). `small` holds the SIMD kernels'
/// `SmallTri` records of the draw's small triangles, one slot per triangle (chunk `j` writes from
/// slot `j · chunkSize`).
final class VertexStorage: @unchecked Sendable {
    let screen: UnsafeMutablePointer<ScreenVertex>
    /// `VertexAttributes` as one vector each.
    let attributes: UnsafeMutablePointer<SIMD8<Float>>
    let small: UnsafeMutablePointer<SmallTri>
    let capacity: Int
    let smallCapacity: Int

    init(capacity: Int, smallCapacity: Int = 0) {
        self.capacity = capacity
        self.smallCapacity = smallCapacity
        screen = .allocate(capacity: max(1, capacity))
        attributes = UnsafeMutableRawPointer.allocate(byteCount: 32 * max(1, capacity), alignment: 64)
            .bindMemory(to: SIMD8<Float>.self, capacity: max(1, capacity))
        small = .allocate(capacity: max(1, smallCapacity))
    }

    deinit {
        screen.deallocate()
        UnsafeMutableRawPointer(attributes).deallocate()
        small.deallocate()
    }
}
