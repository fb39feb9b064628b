/// NumPy's legacy `np.random.seed(s)` + `np.random.rand(n)`: a 32-bit Mersenne Twister (MT19937) seeded with
/// `init_genrand(s)`, each double made from two draws as `(a >> 5, b >> 6)` → 53 random bits. Lets the SDK
/// tests recompute the "random" bead offsets of `dna.py` exactly.
struct SDKNumpyRandom {
    private var mt = [UInt32](repeating: 0, count: 624)
    private var index = 624

    init(seed: UInt32) {
        mt[0] = seed
        for i in 1 ..< 624 { mt[i] = 1_812_433_253 &* (mt[i - 1] ^ (mt[i - 1] >> 30)) &+ UInt32(i) }
    }

    private mutating func nextUInt32() -> UInt32 {
        if index >= 624 {
            for i in 0 ..< 624 {
                let y = (mt[i] & 0x8000_0000) | (mt[(i + 1) % 624] & 0x7FFF_FFFF)
                mt[i] = mt[(i + 397) % 624] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_B0DF)
            }
            index = 0
        }
        var y = mt[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// `np.random.rand(count)`.
    mutating func rand(_ count: Int) -> [Double] {
        (0 ..< count).map { _ in
            let a = Double(nextUInt32() >> 5), b = Double(nextUInt32() >> 6)
            return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
        }
    }
}
