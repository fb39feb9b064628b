/// Pixels of small mesh triangles shaded eight at a time (SIMD kernels, opaque untextured draws).
///
/// A dense mesh shades about one pixel per triangle, so shading one pixel at a time is a chain of
/// a division, a square root, another division and three table look-ups per pixel. Here a pixel
/// that passed the depth test is queued with the terms of its interpolation (`PixelShader.
/// interpolationTerms`); every eighth pixel the batch is shaded lane-wise with the same operations,
/// in the same order, as `PixelShader.interpolate` and `litWord` (so the words are bit-identical to
/// the scalar kernels'), and written to the pixels' covered samples in queue order. Binning shades
/// the pixels of `SmallTri` records the same way (`WordBatch`).
///
/// Queued words are not yet in the colour buffer: the owner flushes before anything else writes
/// colour in the tile (another path of the same draw) and when the draw's tile is done. Depth is
/// written when a pixel is queued, as before.
struct ShadeBatch {
    /// 8 entries of attribute terms (`SIMD8<Float>` each), then their denominators (the layout
    /// `shadeWords` reads), sample offsets in the tile's colour buffer and covered-sample bits.
    let memory: UnsafeMutableRawPointer
    var count = 0

    static var byteCount: Int { 8 * 32 + 3 * 32 }
    private static var offsets: Int { 288 }
    private static var lanes: Int { 320 }

    /// `memory`: `byteCount` bytes, 32-byte aligned, owned by the caller for the batch's life.
    init(memory: UnsafeMutableRawPointer) { self.memory = memory }

    /// Queues the pixel whose first sample is at `at` in the colour buffer, covered samples `lanes`
    /// (4 bits), attribute terms `s` and denominator `d`; shades the batch when it is full.
    @inline(__always)
    mutating func push(_ s: SIMD8<Float>, _ d: Float, at: Int, lanes: UInt32, _ light: LightModel, _ ctx: TileContext) {
        storeTerms(memory, count, s, d)
        memory.storeBytes(of: Int32(truncatingIfNeeded: at), toByteOffset: Self.offsets + 4 * count, as: Int32.self)
        memory.storeBytes(of: lanes, toByteOffset: Self.lanes + 4 * count, as: UInt32.self)
        count += 1
        if count == 8 { flush(light, ctx) }
    }

    /// Shades the queued pixels and writes them, in queue order.
    mutating func flush(_ light: LightModel, _ ctx: TileContext) {
        let n = count
        if n == 0 { return }
        count = 0
        let m = UnsafeRawPointer(memory)
        let words = shadeWords(m, light, ctx.tables)
        let shifts = SIMD4<UInt32>(0, 1, 2, 3), one = SIMD4<UInt32>(repeating: 1), none = SIMD4<UInt32>()
        for j in 0..<n {
            let at = Int(m.load(fromByteOffset: Self.offsets + 4 * j, as: Int32.self))
            // All ones in the covered samples' lanes (integer operations: a lane mask built from
            // a bit field went through memory lane by lane).
            let lanes = SIMD4<UInt32>(repeating: m.load(fromByteOffset: Self.lanes + 4 * j, as: UInt32.self))
            let covered = none &- ((lanes &>> shifts) & one)
            let p = UnsafeMutableRawPointer(ctx.color + at)
            let old = p.loadUnaligned(as: SIMD4<UInt32>.self)
            p.storeBytes(of: (old & ~covered) | (SIMD4(repeating: words[j]) & covered), as: SIMD4<UInt32>.self)
        }
    }
}

/// Pixels of small triangles shaded eight at a time while they are binned (`SmallTri`): each
/// queued pixel's word is stored at its destination when the batch is shaded, with the same
/// operations as `ShadeBatch` (`shadeWords`).
struct WordBatch {
    /// 8 entries of attribute terms (`SIMD8<Float>` each), their denominators, then two
    /// destinations per entry (8 bytes each: the first eight, then the second eight).
    let memory: UnsafeMutableRawPointer
    var count = 0

    static var byteCount: Int { 8 * 32 + 32 + 128 }
    private static var destinations: Int { 288 }
    private static var secondDestinations: Int { 352 }

    /// `memory`: `byteCount` bytes, 32-byte aligned, owned by the caller for the batch's life.
    init(memory: UnsafeMutableRawPointer) { self.memory = memory }

    /// Queues a pixel with attribute terms `s` and denominator `d` whose word goes to `into` and
    /// `also` (the same place, or two samples' records of one pixel); shades the batch when it is
    /// full.
    @inline(__always)
    mutating func push(_ s: SIMD8<Float>, _ d: Float, into: UnsafeMutableRawPointer, also: UnsafeMutableRawPointer,
                       _ light: LightModel, _ tables: SRGBTables) {
        storeTerms(memory, count, s, d)
        memory.storeBytes(of: UInt(bitPattern: into), toByteOffset: Self.destinations + 8 * count, as: UInt.self)
        memory.storeBytes(of: UInt(bitPattern: also), toByteOffset: Self.secondDestinations + 8 * count, as: UInt.self)
        count += 1
        if count == 8 { flush(light, tables) }
    }

    /// Shades the queued pixels and stores their words.
    mutating func flush(_ light: LightModel, _ tables: SRGBTables) {
        let n = count
        if n == 0 { return }
        count = 0
        let m = UnsafeRawPointer(memory)
        let words = shadeWords(m, light, tables)
        for j in 0..<n {
            let to = UnsafeMutableRawPointer(bitPattern: m.load(fromByteOffset: Self.destinations + 8 * j, as: UInt.self))
            let also = UnsafeMutableRawPointer(bitPattern: m.load(fromByteOffset: Self.secondDestinations + 8 * j, as: UInt.self))
            to.unsafelyUnwrapped.storeBytes(of: words[j], as: UInt32.self)
            also.unsafelyUnwrapped.storeBytes(of: words[j], as: UInt32.self)
        }
    }
}

/// Stores entry `j`'s attribute terms and denominator (the layout `shadeWords` reads).
@inline(__always)
private func storeTerms(_ memory: UnsafeMutableRawPointer, _ j: Int, _ s: SIMD8<Float>, _ d: Float) {
    memory.storeBytes(of: s, toByteOffset: 32 * j, as: SIMD8<Float>.self)
    memory.storeBytes(of: d, toByteOffset: 256 + 4 * j, as: Float.self)
}

/// The packed words of 8 queued pixels (attribute terms at `32 · j`, denominators from byte 256),
/// with the same operations, in the same order, as `PixelShader.interpolate` and `litWord`. Lanes
/// past the queued count hold stale values: shaded and never used.
@inline(__always)
private func shadeWords(_ m: UnsafeRawPointer, _ light: LightModel, _ tables: SRGBTables) -> SIMD8<UInt32> {
    // The entries' columns (attribute k of every entry), by an 8 × 8 transpose of the rows:
    // interleaved 32-bit, then 64-bit pairs, then 128-bit halves.
    @inline(__always) func row(_ j: Int) -> SIMD8<Float> { m.load(fromByteOffset: 32 * j, as: SIMD8<Float>.self) }
    @inline(__always) func pairs(_ a: SIMD8<Float>, _ b: SIMD8<Float>, high: Bool) -> SIMD8<Float> {
        let p = unsafeBitCast(a, to: SIMD4<Double>.self), q = unsafeBitCast(b, to: SIMD4<Double>.self)
        return unsafeBitCast(high ? SIMD4<Double>(p[1], q[1], p[3], q[3]) : SIMD4<Double>(p[0], q[0], p[2], q[2]),
                             to: SIMD8<Float>.self)
    }
    let r0 = row(0), r1 = row(1), r2 = row(2), r3 = row(3), r4 = row(4), r5 = row(5), r6 = row(6), r7 = row(7)
    // Columns 0, 1 | 4, 5 of entries (0, 1), (2, 3), (4, 5), (6, 7), and columns 2, 3 | 6, 7.
    let a01 = unpackLo(r0, r1), a23 = unpackLo(r2, r3), a45 = unpackLo(r4, r5), a67 = unpackLo(r6, r7)
    let b01 = unpackHi(r0, r1), b23 = unpackHi(r2, r3), b45 = unpackHi(r4, r5), b67 = unpackHi(r6, r7)
    // Column 0 of entries 0…3 | column 4 of entries 0…3, and so on.
    let c0 = pairs(a01, a23, high: false), c1 = pairs(a01, a23, high: true)
    let d0 = pairs(a45, a67, high: false), d1 = pairs(a45, a67, high: true)
    let e0 = pairs(b01, b23, high: false), e1 = pairs(b01, b23, high: true)
    let f0 = pairs(b45, b67, high: false), f1 = pairs(b45, b67, high: true)
    @inline(__always) func low(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> { SIMD8(lowHalf: a.lowHalf, highHalf: b.lowHalf) }
    @inline(__always) func high(_ a: SIMD8<Float>, _ b: SIMD8<Float>) -> SIMD8<Float> { SIMD8(lowHalf: a.highHalf, highHalf: b.highHalf) }
    let w = 1 / m.load(fromByteOffset: 256, as: SIMD8<Float>.self)
    let r = low(c0, d0) * w, g = low(c1, d1) * w, b = low(e0, f0) * w
    var f = SIMD8<Float>(repeating: 1)
    if light.mode != 0 { f = light.factors(low(e1, f1) * w, high(c0, d0) * w, high(c1, d1) * w) }
    return tables.packOpaque(r * f, g * f, b * f)
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
                keep(select(maskBits(v .< one), v, one), maskBits(v .> zero))
            }
            let raw = 0.2 + sat(d1) + 0.5 * sat(d2)
            f = select(maskBits(raw .< one), raw, one)
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
            let zero = maskBits(bits .> nanBits) | maskBits(bits .< lowBits)
            let idx = (bits &>> shift) &- lowIndex
            let high = maskBits(idx .>= count)
            let safe = select(zero | high, SIMD8<UInt32>(), idx)
            let l0 = UInt32(table[Int(safe[0])]), l1 = UInt32(table[Int(safe[1])])
            let l2 = UInt32(table[Int(safe[2])]), l3 = UInt32(table[Int(safe[3])])
            let l4 = UInt32(table[Int(safe[4])]), l5 = UInt32(table[Int(safe[5])])
            let l6 = UInt32(table[Int(safe[6])]), l7 = UInt32(table[Int(safe[7])])
            let looked = SIMD8<UInt32>(l0, l1, l2, l3, l4, l5, l6, l7)
            let top = SIMD8<UInt32>(repeating: 255)
            return select(zero, SIMD8<UInt32>(), select(high, top, looked))
        }
        let alpha = SIMD8<UInt32>(repeating: 0xFF00_0000)
        let cr = channel(r), cg = channel(g) &<< 8, cb = channel(b) &<< 16
        return cr | cg | cb | alpha
    }
}
