/// An RGBA8 sRGB image (straight alpha, rows top to bottom) for textured meshes and image quads,
/// with its box-filtered mipmap chain (each level averages 2×2 texels of the previous one in linear
/// light). Built once and kept, like a texture resident on a GPU.
///
/// Invariant: `levels[0]` is the image itself; level `k` is `max(1, w >> k) × max(1, h >> k)`.
public struct Texture: Sendable {
    public struct Level: Sendable {
        public let width: Int
        public let height: Int
        let storage: TexelStorage
        /// `width * height` packed RGBA8 words (see `RGBA8.packed`), rows top to bottom.
        public var texels: [UInt32] { Array(UnsafeBufferPointer(start: storage.pointer, count: width * height)) }

        init(width: Int, height: Int, texels: [UInt32]) {
            self.width = width
            self.height = height
            storage = TexelStorage(texels)
        }
    }

    public let levels: [Level]
    /// Whether any texel has alpha < 255 (the texture then draws in the transparent phase).
    public let hasTransparency: Bool
    public var width: Int { levels[0].width }
    public var height: Int { levels[0].height }

    /// A texture from RGBA bytes; `nil` when the sizes do not match or are not positive.
    /// `mipmaps: false` keeps only level 0 (minification then samples level 0 bilinearly).
    public init?(width: Int, height: Int, rgba: [UInt8], mipmaps: Bool = true) {
        guard width > 0, height > 0, rgba.count == width * height * 4 else { return nil }
        let texels = [UInt32](unsafeUninitializedCapacity: width * height) { buf, n in
            rgba.withUnsafeBytes { raw in
                for i in 0..<width * height { buf[i] = raw.loadUnaligned(fromByteOffset: 4 * i, as: UInt32.self) }
            }
            n = width * height
        }
        self.init(level0: Level(width: width, height: height, texels: texels), mipmaps: mipmaps)
    }

    /// A texture from RGB bytes (alpha 255).
    public init?(width: Int, height: Int, rgb: [UInt8], mipmaps: Bool = true) {
        guard width > 0, height > 0, rgb.count == width * height * 3 else { return nil }
        let texels = [UInt32](unsafeUninitializedCapacity: width * height) { buf, n in
            for i in 0..<width * height {
                buf[i] = UInt32(rgb[3 * i]) | UInt32(rgb[3 * i + 1]) << 8 | UInt32(rgb[3 * i + 2]) << 16 | 0xFF00_0000
            }
            n = width * height
        }
        self.init(level0: Level(width: width, height: height, texels: texels), mipmaps: mipmaps)
    }

    init(level0: Level, mipmaps: Bool) {
        var levels = [level0]
        let t = SRGBTables.shared
        while mipmaps, let last = levels.last, last.width > 1 || last.height > 1 {
            let w = max(1, last.width / 2), h = max(1, last.height / 2)
            var out = [UInt32](repeating: 0, count: w * h)
            for y in 0..<h {
                for x in 0..<w {
                    var sum = SIMD4<Float>()
                    for (dx, dy) in [(0, 0), (1, 0), (0, 1), (1, 1)] {
                        let sx = min(2 * x + dx, last.width - 1), sy = min(2 * y + dy, last.height - 1)
                        sum += t.unpack(last.storage.pointer[sy * last.width + sx])
                    }
                    let c = sum * 0.25
                    out[y * w + x] = t.pack(c.x, c.y, c.z, c.w)
                }
            }
            levels.append(Level(width: w, height: h, texels: out))
        }
        self.levels = levels
        hasTransparency = UnsafeBufferPointer(start: level0.storage.pointer, count: level0.width * level0.height)
            .contains { $0 >> 24 != 0xFF }
    }
}

/// Texels in memory that never moves, so kernels read them through a raw pointer without
/// reference counting. Immutable after creation.
final class TexelStorage: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<UInt32>

    init(_ texels: [UInt32]) {
        pointer = .allocate(capacity: max(1, texels.count))
        pointer.initialize(from: texels, count: texels.count)
    }

    deinit { pointer.deallocate() }
}
