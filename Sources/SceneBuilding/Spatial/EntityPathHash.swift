/// The 64-bit hash the Rerun viewer gives an entity path, which picks the entity's auto colour.
///
/// Rerun hashes with ahash 0.8 keyed by the seeds (0, 1, 2, 3). ahash has two algorithms: one built on AES
/// instructions (used when the viewer was compiled with them) and a portable "fallback" one built on a folded
/// 64×64→128-bit multiply. The x86-64 Linux viewer from pip uses the fallback, which is the one reproduced here:
/// with it the auto colours of every auto-coloured fixture entity match the 0.41 viewer's pictures
/// (docs/comparison.md). An AES-built viewer (for example on Apple silicon) shows other colours.
///
/// What is hashed: each path part is interned with the hash of its unescaped text (Rust's `Hash for str`: the
/// bytes, then a 0xFF byte); the path hashes its parts as a Rust `Vec`: the count, then each part's hash as a u64.
public enum EntityPathHash {
    /// The hash of a path given by its unescaped parts, root first (the root path has none).
    public static func hash(parts: [String]) -> UInt64 {
        var hasher = Hasher()
        hasher.writeU64(UInt64(parts.count))
        for part in parts { hasher.writeU64(hash(text: part)) }
        return hasher.finish()
    }

    /// The hash of one part's text.
    public static func hash(text: String) -> UInt64 {
        var hasher = Hasher()
        hasher.write(Array(text.utf8))
        hasher.writeU64(0xFF)
        return hasher.finish()
    }

    /// ahash's fallback hasher, keyed by `RandomState::with_seeds(0, 1, 2, 3)` (each seed xor-ed with the
    /// second row of pi digits ahash keeps for that purpose).
    struct Hasher {
        private static let multiple: UInt64 = 6_364_136_223_846_793_005
        private static let rotation: UInt64 = 23
        private var buffer: UInt64 = 1 ^ 0xBE54_66CF_34E9_0C6C
        private let pad: UInt64 = 0 ^ 0x4528_21E6_38D0_1377
        private let extraKeys: (UInt64, UInt64) = (2 ^ 0xC0AC_29B7_C97C_50DD, 3 ^ 0x3F84_D5B5_B547_0917)

        /// The low and high halves of the full 128-bit product, xor-ed together.
        private static func foldedMultiply(_ a: UInt64, _ b: UInt64) -> UInt64 {
            let product = a.multipliedFullWidth(by: b)
            return product.low ^ product.high
        }

        private static func rotatedLeft(_ x: UInt64, by r: UInt64) -> UInt64 {
            let r = r & 63
            return r == 0 ? x : (x << r) | (x >> (64 - r))
        }

        /// Every integer write (u8 … u64, usize) goes through here.
        mutating func writeU64(_ value: UInt64) {
            buffer = Self.foldedMultiply(value ^ buffer, Self.multiple)
        }

        /// A 128-bit block, as its low and high 64-bit halves.
        private mutating func writeBlock(_ low: UInt64, _ high: UInt64) {
            let combined = Self.foldedMultiply(low ^ extraKeys.0, high ^ extraKeys.1)
            buffer = Self.rotatedLeft((buffer &+ pad) ^ combined, by: Self.rotation)
        }

        /// Little-endian integer from `count` bytes of `bytes` starting at `start`.
        private static func littleEndian(_ bytes: [UInt8], _ start: Int, _ count: Int) -> UInt64 {
            var value: UInt64 = 0
            for i in (0..<count).reversed() { value = value << 8 | UInt64(bytes[start + i]) }
            return value
        }

        /// A byte string: its length, then 16-byte blocks (the last 16 bytes first, then the blocks from the start
        /// while more than 16 remain), or one block made from the first and last 8, 4, 2 or 1 bytes.
        mutating func write(_ bytes: [UInt8]) {
            let n = bytes.count
            buffer = (buffer &+ UInt64(n)) &* Self.multiple
            let le = Self.littleEndian
            if n > 16 {
                writeBlock(le(bytes, n - 16, 8), le(bytes, n - 8, 8))
                var start = 0
                while n - start > 16 {
                    writeBlock(le(bytes, start, 8), le(bytes, start + 8, 8))
                    start += 16
                }
            } else if n > 8 {
                writeBlock(le(bytes, 0, 8), le(bytes, n - 8, 8))
            } else if n >= 4 {
                writeBlock(le(bytes, 0, 4), le(bytes, n - 4, 4))
            } else if n >= 2 {
                writeBlock(le(bytes, 0, 2), UInt64(bytes[n - 1]))
            } else if n == 1 {
                writeBlock(UInt64(bytes[0]), UInt64(bytes[0]))
            } else {
                writeBlock(0, 0)
            }
        }

        func finish() -> UInt64 {
            Self.rotatedLeft(Self.foldedMultiply(buffer, pad), by: buffer & 63)
        }
    }
}
