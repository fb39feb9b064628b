import Testing

/// The test-only NumPy RNG reproduces `np.random.seed(42); np.random.rand(100); np.random.rand(100)`.
@Suite struct SDKNumpyRandomTests {
    @Test func matchesNumpyLegacySeed42() {
        var rng = SDKNumpyRandom(seed: 42)
        let a = rng.rand(100), b = rng.rand(100)
        #expect(a[0] == 0.3745401188473625)
        #expect(a[99] == 0.10789142699330445)
        #expect(b[0] == 0.03142918568673425)
        #expect(b[99] == 0.7798755458576239)
    }
}
