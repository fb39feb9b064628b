/// Pixels of small mesh triangles shaded eight at a time (SIMD kernels, opaque untextured draws).
///
/// A dense mesh shades about one pixel per triangle, so shading one pixel at a time is a chain of
/// a division, a square root, another division and three table look-ups per pixel. Here a pixel
/// that passed the depth test is queued with the terms of its interpolation (`PixelShader.
/// interpolationTerms`); every eighth pixel the batch is shaded lane-wise with the same operations,
/// in the same order, as `PixelShader.interpolate` and `litWord` (so the words are bit-identical to
/// the scalar kernels'), and written to the pixels' covered samples in queue order.
///
/// Queued words are not yet in the colour buffer: the owner flushes before anything else writes
/// colour in the tile (another path of the same draw) and when the draw's tile is done. Depth is
/// written when a pixel is queued, as before.
///
/// A pixel of a `SmallTri` is queued with its weights only (`pushDeferred`): its attribute terms
/// are computed at the flush, with the same operations as `TriangleDraw.weightedAttributes` and
/// `interpolationTerms`, so that the eight pixels' attribute reads (scattered, often cache misses)
/// are issued together instead of one pixel at a time.
struct ShadeBatch {
    /// 8 entries of attribute terms (`SIMD8<Float>` each), then their denominators, sample
    /// offsets in the tile's colour buffer, covered-sample lane masks (`SIMD4<UInt32>`, all ones
    /// in covered lanes) and the deferred entries' inputs (a `SmallTri` pointer and 3 weights).
    let memory: UnsafeMutableRawPointer
    /// The draw's vertex attributes (`VertexStorage.attributes`, 32-byte aligned).
    let attributes: UnsafeRawPointer
    var count = 0
    /// Bit `j`: entry `j` is deferred (its terms are computed at the flush).
    var deferred: UInt32 = 0

    static var byteCount: Int { 8 * 32 + 2 * 32 + 8 * 16 + 8 * 32 }
    private static var denominators: Int { 256 }
    private static var offsets: Int { 288 }
    private static var masks: Int { 320 }
    private static var inputs: Int { 448 }

    /// `memory`: `byteCount` bytes, 32-byte aligned, owned by the caller for the batch's life.
    init(memory: UnsafeMutableRawPointer, attributes: UnsafeRawPointer) {
        self.memory = memory
        self.attributes = attributes
    }

    /// Queues the pixel whose first sample is at `at` in the colour buffer, covered samples `lanes`
    /// (4 bits), attribute terms `s` and denominator `d`; shades the batch when it is full.
    @inline(__always)
    mutating func push(_ s: SIMD8<Float>, _ d: Float, at: Int, lanes: UInt32, _ light: LightModel, _ ctx: TileContext) {
        memory.storeBytes(of: s, toByteOffset: 32 * count, as: SIMD8<Float>.self)
        memory.storeBytes(of: d, toByteOffset: Self.denominators + 4 * count, as: Float.self)
        // All ones in the covered samples' lanes (integer operations: a lane mask built from
        // a bit field went through memory lane by lane).
        let covered = SIMD4<UInt32>() &- ((SIMD4<UInt32>(repeating: lanes) &>> SIMD4<UInt32>(0, 1, 2, 3)) & 1)
        enqueue(at, covered, light, ctx)
    }

    /// Queues a pixel of the small triangle `tri` with barycentric weights × det `e0`, `e1`, `e2`
    /// at its centre (as `PixelShader.interpolationTerms`), first sample at `at`, covered-sample
    /// lanes `covered` (all ones per lane); shades the batch when it is full.
    @inline(__always)
    mutating func pushDeferred(_ tri: UnsafePointer<SmallTri>, _ e0: Float, _ e1: Float, _ e2: Float, at: Int,
                               covered: SIMD4<UInt32>, _ light: LightModel, _ ctx: TileContext) {
        let slot = Self.inputs + 32 * count
        memory.storeBytes(of: UInt(bitPattern: tri), toByteOffset: slot, as: UInt.self)
        memory.storeBytes(of: SIMD4<Float>(e0, e1, e2, 0), toByteOffset: slot + 16, as: SIMD4<Float>.self)
        deferred |= 1 << UInt32(count)
        enqueue(at, covered, light, ctx)
    }

    @inline(__always)
    private mutating func enqueue(_ at: Int, _ covered: SIMD4<UInt32>, _ light: LightModel, _ ctx: TileContext) {
        memory.storeBytes(of: Int32(truncatingIfNeeded: at), toByteOffset: Self.offsets + 4 * count, as: Int32.self)
        memory.storeBytes(of: covered, toByteOffset: Self.masks + 16 * count, as: SIMD4<UInt32>.self)
        count += 1
        if count == 8 { flush(light, ctx) }
    }

    /// The terms of the deferred entries (see `pushDeferred`).
    @inline(__always)
    private mutating func computeDeferred() {
        var pending = deferred
        deferred = 0
        let m = memory, attr = attributes
        while pending != 0 {
            let j = pending.trailingZeroBitCount
            pending &= pending - 1
            let slot = Self.inputs + 32 * j
            let tri = UnsafePointer<SmallTri>(bitPattern: m.load(fromByteOffset: slot, as: UInt.self)).unsafelyUnwrapped
            let e = m.load(fromByteOffset: slot + 16, as: SIMD4<Float>.self)
            let q0 = tri.pointee.q0, q1 = tri.pointee.q1, q2 = tri.pointee.q2
            let p0 = attr.load(fromByteOffset: 32 * Int(tri.pointee.i0), as: SIMD8<Float>.self) * SIMD8(repeating: q0)
            let p1 = attr.load(fromByteOffset: 32 * Int(tri.pointee.i1), as: SIMD8<Float>.self) * SIMD8(repeating: q1)
            let p2 = attr.load(fromByteOffset: 32 * Int(tri.pointee.i2), as: SIMD8<Float>.self) * SIMD8(repeating: q2)
            let e0 = e[0], e1 = e[1], e2 = e[2]
            let d = q0 * e0 + q1 * e1 + q2 * e2
            let s = (p0 * SIMD8(repeating: e0) + p1 * SIMD8(repeating: e1)) + p2 * SIMD8(repeating: e2)
            m.storeBytes(of: s, toByteOffset: 32 * j, as: SIMD8<Float>.self)
            m.storeBytes(of: d, toByteOffset: Self.denominators + 4 * j, as: Float.self)
        }
    }

    /// Shades the queued pixels and writes them, in queue order.
    mutating func flush(_ light: LightModel, _ ctx: TileContext) {
        let n = count
        if n == 0 { return }
        count = 0
        if deferred != 0 { computeDeferred() }
        let m = UnsafeRawPointer(memory)
        @inline(__always) func column(_ k: Int) -> SIMD8<Float> {
            SIMD8(m.load(fromByteOffset: 4 * k, as: Float.self), m.load(fromByteOffset: 32 + 4 * k, as: Float.self),
                  m.load(fromByteOffset: 64 + 4 * k, as: Float.self), m.load(fromByteOffset: 96 + 4 * k, as: Float.self),
                  m.load(fromByteOffset: 128 + 4 * k, as: Float.self), m.load(fromByteOffset: 160 + 4 * k, as: Float.self),
                  m.load(fromByteOffset: 192 + 4 * k, as: Float.self), m.load(fromByteOffset: 224 + 4 * k, as: Float.self))
        }
        // Lanes past `n` hold stale values: shaded and never written.
        let w = 1 / m.load(fromByteOffset: Self.denominators, as: SIMD8<Float>.self)
        let r = column(0) * w, g = column(1) * w, b = column(2) * w
        var f = SIMD8<Float>(repeating: 1)
        if light.mode != 0 { f = light.factors(column(3) * w, column(4) * w, column(5) * w) }
        let words = ctx.tables.packOpaque(r * f, g * f, b * f)
        for j in 0..<n {
            let at = Int(m.load(fromByteOffset: Self.offsets + 4 * j, as: Int32.self))
            let covered = m.load(fromByteOffset: Self.masks + 16 * j, as: SIMD4<UInt32>.self)
            let p = UnsafeMutableRawPointer(ctx.color + at)
            let old = p.load(as: SIMD4<UInt32>.self)
            p.storeBytes(of: (old & ~covered) | (SIMD4(repeating: words[j]) & covered), as: SIMD4<UInt32>.self)
        }
    }
}

extension PixelShader {
    /// `interpolate` in two parts: attributes × weights `s` and the denominator `d`, with
    /// `interpolate(…) == s * (1 / d)` exactly (the same operations in the same order).
    @inline(__always)
    static func interpolationTerms(_ g: TriangleGeometry, _ p0: SIMD8<Float>, _ p1: SIMD8<Float>, _ p2: SIMD8<Float>,
                                   _ q0: Float, _ q1: Float, _ q2: Float, _ x: Float, _ y: Float) -> (s: SIMD8<Float>, d: Float) {
        let dx = x - g.fx0, dy = y - g.fy0
        let e1 = dx * g.y20 - dy * g.x20
        let e2 = dy * g.x10 - dx * g.y10
        let e0 = g.det - e1 - e2
        let d = q0 * e0 + q1 * e1 + q2 * e2
        let s = (p0 * SIMD8(repeating: e0) + p1 * SIMD8(repeating: e1)) + p2 * SIMD8(repeating: e2)
        return (s, d)
    }
}

/// The sample offsets of a span's lanes (`SamplePattern.laneX`, `laneY`), read once per tile.
struct SampleLanes {
    let x: SIMD8<Float>, y: SIMD8<Float>
}

extension DepthPlane {
    /// `span` with the sample offsets given (`SamplePattern.laneX`, `laneY`, read once by the
    /// caller: an array-literal vector built inside a large kernel was not folded).
    @inline(__always)
    func span(_ g: TriangleGeometry, _ px: Int, _ py: Int, laneX: SIMD8<Float>, laneY: SIMD8<Float>) -> SIMD8<Float> {
        let dy = SIMD8<Float>(repeating: Float(py) - g.fy0) + laneY
        let dx = SIMD8<Float>(repeating: Float(px) - g.fx0) + laneX
        return (SIMD8(repeating: z0) + SIMD8(repeating: dzdy) * dy) + SIMD8(repeating: dzdx) * dx
    }
}

extension LightModel {
    /// `factor` for eight normals, lane by lane with the same operations (mode 1 or 2).
    @inline(__always) func factors(_ x: SIMD8<Float>, _ y: SIMD8<Float>, _ z: SIMD8<Float>) -> SIMD8<Float> {
        let len2 = x * x + y * y + z * z
        let zero = SIMD8<Float>(), one = SIMD8<Float>(repeating: 1)
        // `len2 > 0 && len2.isFinite` from the bits, 1 ≤ bits ≤ 0x7F7F_FFFF, in integer arithmetic
        // (as comparisons, this mask was built lane by lane through memory): all ones when usable.
        let b1 = unsafeBitCast(len2, to: SIMD8<Int32>.self) &- 1
        let usable = (~b1 & (b1 &- 0x7F7F_FFFF)) &>> 31
        let s = 1 / len2.squareRoot()
        let nx = x * s, ny = y * s, nz = z * s
        // v > 0 ? v : 0 for the finite values of usable lanes: bits ≥ 1 (signed), as integers.
        @inline(__always) func positive(_ v: SIMD8<Float>) -> SIMD8<Float> {
            let b = unsafeBitCast(v, to: SIMD8<Int32>.self)
            return unsafeBitCast(b & (~((b &- 1) | b) &>> 31), to: SIMD8<Float>.self)
        }
        let f: SIMD8<Float>
        if mode == 1 {
            let d1 = nx * 0.26726124 + ny * 0.5345225 + nz * 0.8017837
            let d2 = nx * -0.16903085 + ny * -0.50709254 + nz * -0.8451542
            // sat(v): v > 0 ? min(v, 1) : 0 (NaN: 0).
            @inline(__always) func sat(_ v: SIMD8<Float>) -> SIMD8<Float> {
                zero.replacing(with: one.replacing(with: v, where: v .< one), where: v .> zero)
            }
            let raw = 0.2 + sat(d1) + 0.5 * sat(d2)
            f = one.replacing(with: raw, where: raw .< one)
        } else {
            let d = nx * direction.x + ny * direction.y + nz * direction.z
            f = ambient + (1 - ambient) * positive(d)
        }
        let chosen = (unsafeBitCast(f, to: SIMD8<Int32>.self) & usable) | (unsafeBitCast(one, to: SIMD8<Int32>.self) & ~usable)
        return unsafeBitCast(chosen, to: SIMD8<Float>.self)
    }
}

extension SRGBTables {
    /// `pack(r, g, b, 1)` for eight pixels, with the same encoding (see `SRGB.encode`).
    @inline(__always) func packOpaque(_ r: SIMD8<Float>, _ g: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<UInt32> {
        let low = SRGB.encodeLowBits, shift = SRGB.encodeShift, n = UInt32(truncatingIfNeeded: encodeCount)
        let table = encode
        let lowBits = SIMD8<UInt32>(repeating: low), lowIndex = SIMD8<UInt32>(repeating: low >> shift)
        let nanBits = SIMD8<UInt32>(repeating: 0x7F80_0000), count = SIMD8<UInt32>(repeating: n)
        @inline(__always) func channel(_ x: SIMD8<Float>) -> SIMD8<UInt32> {
            let bits = unsafeBitCast(x, to: SIMD8<UInt32>.self)
            // NaN, negatives and values below the table: 0; at 1 and above: 255.
            let zero = (bits .> nanBits) .| (bits .< lowBits)
            let idx = (bits &>> shift) &- lowIndex
            let high = idx .>= count
            let safe = idx.replacing(with: SIMD8<UInt32>(), where: zero .| high)
            let l0 = UInt32(table[Int(safe[0])]), l1 = UInt32(table[Int(safe[1])])
            let l2 = UInt32(table[Int(safe[2])]), l3 = UInt32(table[Int(safe[3])])
            let l4 = UInt32(table[Int(safe[4])]), l5 = UInt32(table[Int(safe[5])])
            let l6 = UInt32(table[Int(safe[6])]), l7 = UInt32(table[Int(safe[7])])
            let looked = SIMD8<UInt32>(l0, l1, l2, l3, l4, l5, l6, l7)
            let top = SIMD8<UInt32>(repeating: 255)
            return looked.replacing(with: top, where: high).replacing(with: SIMD8<UInt32>(), where: zero)
        }
        let alpha = SIMD8<UInt32>(repeating: 0xFF00_0000)
        let cr = channel(r), cg = channel(g) &<< 8, cb = channel(b) &<< 16
        return cr | cg | cb | alpha
    }
}
