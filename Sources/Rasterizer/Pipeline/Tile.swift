import CKernelIntrinsics

/// Tiles: the frame is cut into `tileSize`² squares; each is drawn start to finish by one worker in
/// its own cache-resident buffers, then resolved into the output. Tiles never share pixels, so the
/// picture cannot depend on how tiles are spread over threads.
///
/// Tile buffers hold 4 samples per pixel (MSAA 4×, the viewer's default), pixel-major: the samples
/// of pixel (x, y) are at `4 · (y · tileSize + x) + k`. Colour samples are packed sRGB8 words (as
/// the viewer's `Rgba8UnormSrgb` target), depth samples window depth (0 near … 1 far).
let tileShift = 5
let tileSize = 1 << tileShift
let samplesPerPixel = 4

/// Largest frame side: snapped coordinates stay in 1/16 pixel `Int32` with a ±8192 px guard band.
public let maxFrameSide = 8192

/// The 4× sample positions (rotated grid, as D3D's standard 4× pattern) in 1/16 pixel from the
/// pixel's top-left corner, and their lanes: lane `j` is pixel `j >> 2` of a 2-pixel span, sample
/// `j & 3`.
enum SamplePattern {
    // Computed literals, not `static let`: a lazily initialised global costs a `swift_once` call on
    // every access inside the kernels.
    @inline(__always) static var xUnits: SIMD4<Int32> { [6, 14, 2, 10] }
    @inline(__always) static var yUnits: SIMD4<Int32> { [2, 6, 10, 14] }
    @inline(__always) static var laneXUnits: SIMD8<Int32> { [6, 14, 2, 10, 22, 30, 18, 26] }
    @inline(__always) static var laneYUnits: SIMD8<Int32> { [2, 6, 10, 14, 2, 6, 10, 14] }
    /// Lane sample positions in pixels relative to the span's first pixel.
    @inline(__always) static var laneX: SIMD8<Float> { [0.375, 0.875, 0.125, 0.625, 1.375, 1.875, 1.125, 1.625] }
    @inline(__always) static var laneY: SIMD8<Float> { [0.125, 0.375, 0.625, 0.875, 0.125, 0.375, 0.625, 0.875] }
}

/// The frame's tiling.
struct TileGrid: Sendable {
    let width: Int, height: Int
    let tilesX: Int, tilesY: Int
    var count: Int { tilesX * tilesY }

    init(width: Int, height: Int) {
        self.width = width; self.height = height
        tilesX = (width + tileSize - 1) >> tileShift
        tilesY = (height + tileSize - 1) >> tileShift
    }

    /// Tiles touched by the pixel-space box [minX, maxX] × [minY, maxY], or `nil` when it misses the
    /// frame or is not a number.
    @inline(__always) func range(minX: Float, minY: Float, maxX: Float, maxY: Float) -> TileRange? {
        guard maxX >= 0, maxY >= 0, minX < Float(width), minY < Float(height), minX <= maxX, minY <= maxY
        else { return nil }
        let x0 = minX > 0 ? Int(minX) : 0, y0 = minY > 0 ? Int(minY) : 0
        let x1 = maxX < Float(width - 1) ? Int(maxX) : width - 1
        let y1 = maxY < Float(height - 1) ? Int(maxY) : height - 1
        return TileRange(x0: UInt16(x0 >> tileShift), y0: UInt16(y0 >> tileShift),
                         x1: UInt16(x1 >> tileShift), y1: UInt16(y1 >> tileShift))
    }
}

extension TileGrid {
    /// Tiles touched by the inclusive pixel box, or `nil` when it misses the frame.
    @inline(__always) func range(pixelMinX x0: Int, minY y0: Int, maxX x1: Int, maxY y1: Int) -> TileRange? {
        guard x1 >= 0, y1 >= 0, x0 < width, y0 < height, x0 <= x1, y0 <= y1 else { return nil }
        return TileRange(x0: UInt16(max(x0, 0) >> tileShift), y0: UInt16(max(y0, 0) >> tileShift),
                         x1: UInt16(min(x1, width - 1) >> tileShift), y1: UInt16(min(y1, height - 1) >> tileShift))
    }
}

/// An inclusive rectangle of tiles.
struct TileRange: Sendable {
    var x0: UInt16, y0: UInt16, x1: UInt16, y1: UInt16
}

/// A worker's tile storage, reused tile after tile and frame after frame.
final class TileBuffers: @unchecked Sendable {
    let color: UnsafeMutablePointer<UInt32>
    let depth: UnsafeMutablePointer<Float>
    /// The blocks' farthest depths (`CoarseDepth`).
    let coarse: UnsafeMutablePointer<Float>

    init() {
        color = .allocate(capacity: tileSize * tileSize * samplesPerPixel)
        depth = .allocate(capacity: tileSize * tileSize * samplesPerPixel)
        coarse = .allocate(capacity: CoarseDepth.count)
    }

    deinit {
        color.deallocate()
        depth.deallocate()
        coarse.deallocate()
    }
}

/// A draw that can replace every sample of a tile with one opaque colour per pixel, without depth
/// test or write, by one primitive drawn after all its others that draw in the tile (an opaque
/// overlay image quad or mesh triangle that covers the tile). Nothing drawn before it in that tile
/// can show, the clear included, and a pixel whose 4 samples are equal resolves to that sample:
/// where it is the tile's last draw, the tile is written straight to the output with the same
/// bytes (no samples, no resolve).
protocol TileCovering: PreparedDraw {
    /// When the draw covers tile `t` (with `ctx`'s pixels) that way, draws the covering primitive
    /// alone, one word per pixel into `out`, or when `out` is `nil` into every colour sample of the
    /// tile, and returns true; otherwise draws nothing and returns false.
    func rasterCover(tile t: Int, _ ctx: TileContext, into out: OutputTarget?) -> Bool
}

/// What a kernel needs to draw into one tile.
struct TileContext {
    let color: UnsafeMutablePointer<UInt32>
    let depth: UnsafeMutablePointer<Float>
    /// The blocks' farthest depths (`CoarseDepth`), valid from the tile's depth clear on.
    let coarse: UnsafeMutablePointer<Float>
    /// Tile origin in frame pixels.
    let x0: Int, y0: Int
    /// Pixels of this tile inside the frame (≤ tileSize).
    let w: Int, h: Int
    let tables: SRGBTables
}

extension TileContext {
    /// A context over a worker's buffers.
    init(_ b: TileBuffers, x0: Int, y0: Int, w: Int, h: Int, tables: SRGBTables) {
        self.init(color: b.color, depth: b.depth, coarse: b.coarse, x0: x0, y0: y0, w: w, h: h, tables: tables)
    }
}

/// Asks for the cache lines of the `bytes` bytes at `start` (`bytes` > 0), ahead of loads or (`write`) stores: a
/// hint, which never faults.
@inline(__always) func prefetchRun(_ start: UnsafeRawPointer, bytes: Int, write: Bool) {
    var at = 0
    while at < bytes {
        if write { rrd_prefetch_write(start + at) } else { rrd_prefetch_read(start + at) }
        at += 64
    }
    if write { rrd_prefetch_write(start + bytes - 1) } else { rrd_prefetch_read(start + bytes - 1) }
}

/// Where the resolved sRGB8 pixels go: `rowBytes` apart, 4 bytes per pixel.
struct OutputTarget: @unchecked Sendable {
    let base: UnsafeMutableRawPointer
    let rowBytes: Int

    /// Asks for the bytes of pixels `x ..< x + count` of row `y` ahead of stores to them (a hint: the
    /// rows of a tile are short runs far apart, which the hardware prefetchers do not follow).
    @inline(__always) func prefetchRow(_ y: Int, x: Int, count: Int) {
        prefetchRun(base + y * rowBytes + 4 * x, bytes: 4 * count, write: true)
    }

    /// Writes `background` to every pixel of the rectangle `x` × `y`, row by row.
    func fill(_ background: UInt32, x: Range<Int>, y: Range<Int>) {
        let v = SIMD8<UInt32>(repeating: background)
        for py in y {
            let row = base + py * rowBytes
            var px = x.lowerBound
            while px + 8 <= x.upperBound {
                row.storeBytes(of: v, toByteOffset: 4 * px, as: SIMD8<UInt32>.self)
                px += 8
            }
            while px < x.upperBound {
                row.storeBytes(of: background, toByteOffset: 4 * px, as: UInt32.self)
                px += 1
            }
        }
    }
}

extension TileContext {
    /// Fills the tile's samples with the background and depth 1.
    @inline(__always) func clear(background: UInt32) {
        let n = tileSize * tileSize * samplesPerPixel
        let c = SIMD8<UInt32>(repeating: background)
        let cp = UnsafeMutableRawPointer(color)
        for i in stride(from: 0, to: n * 4, by: 32) { cp.storeBytes(of: c, toByteOffset: i, as: SIMD8<UInt32>.self) }
        clearDepth()
    }

    /// Fills the tile's depth samples with 1 (the colour samples are left as they are), and the
    /// blocks' farthest depths with 1.
    @inline(__always) func clearDepth() {
        let n = tileSize * tileSize * samplesPerPixel
        let d = SIMD8<Float>(repeating: 1)
        let dp = UnsafeMutableRawPointer(depth)
        for i in stride(from: 0, to: n * 4, by: 32) { dp.storeBytes(of: d, toByteOffset: i, as: SIMD8<Float>.self) }
        resetCoarseDepth()
    }

    /// Averages each pixel's 4 samples in linear light (alpha linearly) and writes sRGB8 bytes.
    /// Pixels whose samples are equal are copied unchanged; 8 pixels at a time are checked for
    /// that (the common case: interiors and background), the others averaged one by one.
    func resolve(into out: OutputTarget) {
        let t = tables
        for y in 0..<h {
            let row = (out.base + (y0 + y) * out.rowBytes + x0 * 4).assumingMemoryBound(to: UInt32.self)
            let s = color + ((y << tileShift) << 2)
            var x = 0
            while x + 8 <= w {
                let p = UnsafeRawPointer(s + 4 * x)
                // All 32 samples the same colour (background, flat interiors): that colour 8 times.
                let first = SIMD8<UInt32>(repeating: p.load(as: UInt32.self))
                let differ = (p.loadUnaligned(as: SIMD8<UInt32>.self) ^ first)
                    | (p.loadUnaligned(fromByteOffset: 32, as: SIMD8<UInt32>.self) ^ first)
                    | (p.loadUnaligned(fromByteOffset: 64, as: SIMD8<UInt32>.self) ^ first)
                    | (p.loadUnaligned(fromByteOffset: 96, as: SIMD8<UInt32>.self) ^ first)
                if !anyBits(differ) {
                    UnsafeMutableRawPointer(row + x).storeBytes(of: first, as: SIMD8<UInt32>.self)
                    x += 8
                    continue
                }
                let a = p.loadUnaligned(as: SIMD16<UInt32>.self)
                let b = p.loadUnaligned(fromByteOffset: 64, as: SIMD16<UInt32>.self)
                // Sample k of the 8 pixels (the samples of a pixel are 4 consecutive words).
                let s0 = SIMD8(lowHalf: a.evenHalf.evenHalf, highHalf: b.evenHalf.evenHalf)
                let s1 = SIMD8(lowHalf: a.oddHalf.evenHalf, highHalf: b.oddHalf.evenHalf)
                let s2 = SIMD8(lowHalf: a.evenHalf.oddHalf, highHalf: b.evenHalf.oddHalf)
                let s3 = SIMD8(lowHalf: a.oddHalf.oddHalf, highHalf: b.oddHalf.oddHalf)
                let diff = (s0 ^ s1) | (s0 ^ s2) | (s0 ^ s3)
                UnsafeMutableRawPointer(row + x).storeBytes(of: s0, as: SIMD8<UInt32>.self)
                var mixed = laneBits(diff .!= SIMD8<UInt32>())
                while mixed != 0 {
                    let j = mixed.trailingZeroBitCount
                    mixed &= mixed - 1
                    row[x + j] = resolvePixel(at: s + 4 * (x + j), t)
                }
                x += 8
            }
            while x < w {
                let e = s + 4 * x
                let raw = UnsafeRawPointer(e)
                let q0 = raw.load(as: UInt64.self), q1 = raw.load(fromByteOffset: 8, as: UInt64.self)
                let a = UInt32(truncatingIfNeeded: q0)
                row[x] = q0 == q1 && a == UInt32(truncatingIfNeeded: q0 >> 32) ? a : resolvePixel(at: e, t)
                x += 1
            }
        }
    }

    /// Writes the background to every pixel of the tile.
    func fill(_ background: UInt32, into out: OutputTarget) {
        out.fill(background, x: x0..<(x0 + w), y: y0..<(y0 + h))
    }
}

/// Mean of the 4 packed sRGB8 samples at `e` in linear light; alpha is averaged as a plain number.
/// The channels' bytes are read straight from memory (no shifts and masks of the words), and the
/// means, in [0, 1], are encoded by `SRGBTables.encodeUnit` (no branches): 2–3 % of a lines_100k
/// frame, 1 % of points_1m's, against the words' form with `encode`, for the same bytes.
@inline(__always) func resolvePixel(at e: UnsafePointer<UInt32>, _ t: SRGBTables) -> UInt32 {
    let b = UnsafeRawPointer(e)
    @inline(__always) func byte(_ i: Int) -> Int { Int(b.load(fromByteOffset: i, as: UInt8.self)) }
    /// Channel `c` (byte `c` of each little-endian word), in its place in the word.
    @inline(__always) func channel(_ c: Int) -> UInt32 {
        let s = t.decode[byte(c)] + t.decode[byte(4 + c)] + t.decode[byte(8 + c)] + t.decode[byte(12 + c)]
        return t.encodeUnit(s * 0.25) << UInt32(8 * c)
    }
    let alpha = (UInt32(byte(3)) + UInt32(byte(7)) + UInt32(byte(11)) + UInt32(byte(15)) + 2) >> 2
    return channel(0) | channel(1) | channel(2) | alpha << 24
}

/// `resolvePixel(at:_:)` of 4 samples held in a vector.
@inline(__always) func resolvePixel(_ samples: SIMD4<UInt32>, _ t: SRGBTables) -> UInt32 {
    withUnsafePointer(to: samples) { resolvePixel(at: UnsafeRawPointer($0).assumingMemoryBound(to: UInt32.self), t) }
}

/// The pixels of a tile whose sample positions (x + 1/8 … x + 7/8) can fall inside the box
/// [minX, maxX] × [minY, maxY] (tile-relative pixels), clipped to the tile; the first column is
/// rounded down to even (kernels work on 2-pixel spans). `nil` when none can.
@inline(__always)
func sampleBox(_ minX: Float, _ minY: Float, _ maxX: Float, _ maxY: Float, _ ctx: TileContext) -> (Int, Int, Int, Int)? {
    let lox = minX - 0.875, hix = maxX - 0.125, loy = minY - 0.875, hiy = maxY - 0.125
    // Clamp in float first: the values may be far outside the tile.
    let x0f = lox > 0 ? lox.rounded(.up) : 0, y0f = loy > 0 ? loy.rounded(.up) : 0
    let x1f = hix < Float(ctx.w - 1) ? hix.rounded(.down) : Float(ctx.w - 1)
    let y1f = hiy < Float(ctx.h - 1) ? hiy.rounded(.down) : Float(ctx.h - 1)
    guard x0f <= x1f, y0f <= y1f else { return nil }
    return (Int(x0f) & ~1, Int(x1f), Int(y0f), Int(y1f))
}
