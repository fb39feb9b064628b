/// The colormaps of Rerun's `Colormap` component, evaluated exactly as the viewer's `colormap.wgsl` does.
///
/// Raw values are the on-disk enum ids (rrd-format §9); 0 is never valid, so `Colormap(rawValue: 0) == nil`.
/// Every map takes t in [0, 1] (clamped; NaN counts as 0) and returns **sRGB-encoded** colour (§9), which the
/// caller converts to linear light for shading. Polynomial maps can leave [0, 1] slightly; the byte form clamps,
/// as the viewer's 8-bit sRGB target does.
public enum Colormap: UInt8, Sendable, CaseIterable {
    case grayscale = 1
    case inferno = 2
    case magma = 3
    case plasma = 4
    case turbo = 5
    case viridis = 6
    case cyanToYellow = 7
    case spectral = 8
    case twilight = 9
    case rvizMap = 10
    case rvizCostmap = 11
    case costmap = 12

    /// sRGB-encoded RGBA (unclamped for the polynomial maps; alpha is 0 only for the costmaps' free cells).
    public func srgba(at t: Float) -> SIMD4<Float> {
        let t = t > 0 ? min(t, 1) : 0
        switch self {
        case .grayscale: return SIMD4(t, t, t, 1)
        case .turbo: return Self.turbo(t)
        case .viridis: return Self.horner(t, Self.viridisCoefficients)
        case .plasma: return Self.horner(t, Self.plasmaCoefficients)
        case .magma: return Self.horner(t, Self.magmaCoefficients)
        case .inferno: return Self.horner(t, Self.infernoCoefficients)
        case .spectral: return Self.horner(t, Self.spectralCoefficients)
        case .twilight: return Self.horner(t, Self.twilightCoefficients)
        case .cyanToYellow:
            let u = t * 2 - 1
            let c = SIMD3<Float>(1 + 3 * u, 1 + 3 * u * u, 1 - 3 * u) / 4
            return SIMD4(c.clamped(lowerBound: .zero, upperBound: .one), 1)
        case .rvizMap: return Self.rvizMap(t)
        case .rvizCostmap: return Self.rvizCostmap(t)
        case .costmap: return Self.costmap(t)
        }
    }

    /// sRGB bytes with straight alpha: each channel of `srgba(at:)` clamped to [0, 1] and rounded.
    public func rgba8(at t: Float) -> SIMD4<UInt8> {
        let c = srgba(at: t)
        return SIMD4(ColorSpace.unitToByte(c.x), ColorSpace.unitToByte(c.y),
                     ColorSpace.unitToByte(c.z), ColorSpace.unitToByte(c.w))
    }

    /// A table of `count` byte colours sampled at t = i / (count − 1), for per-texel lookups in tight loops.
    /// `count` is clamped to [2, 65536].
    public func table(count: Int = 1024) -> [SIMD4<UInt8>] {
        let n = min(max(count, 2), 65536)
        let last = Float(n - 1)
        return (0..<n).map { rgba8(at: Float($0) / last) }
    }

    // MARK: Turbo (Google's polynomial approximation, Apache-2.0; the viewer uses the polynomial, not the LUT)

    private static func turbo(_ t: Float) -> SIMD4<Float> {
        let v4 = SIMD4<Float>(1, t, t * t, t * t * t)
        let v2 = SIMD2<Float>(v4.z * v4.z, v4.w * v4.z)
        let r = (v4 * SIMD4(0.13572138, 4.61539260, -42.66032258, 132.13108234)).sum()
            + (v2 * SIMD2(-152.94239396, 59.28637943)).sum()
        let g = (v4 * SIMD4(0.09140261, 2.19418839, 4.84296658, -14.18503333)).sum()
            + (v2 * SIMD2(4.27729857, 2.82956604)).sum()
        let b = (v4 * SIMD4(0.10667330, 12.64194608, -60.58204836, 110.36276771)).sum()
            + (v2 * SIMD2(-89.90310912, 27.34824973)).sum()
        return SIMD4(r, g, b, 1)
    }

    // MARK: Degree-6 polynomial fits (matplotlib maps from shadertoy WlfXRN, CC0; Spectral and Twilight from Rerun)

    /// c0 + t(c1 + t(c2 + t(c3 + t(c4 + t(c5 + t·c6))))) per channel.
    private static func horner(_ t: Float, _ c: [SIMD3<Float>]) -> SIMD4<Float> {
        var acc = c[6]
        for i in stride(from: 5, through: 0, by: -1) { acc = c[i] + t * acc }
        return SIMD4(acc, 1)
    }

    private static let viridisCoefficients: [SIMD3<Float>] = [
        SIMD3(0.2777273272234177, 0.005407344544966578, 0.3340998053353061),
        SIMD3(0.1050930431085774, 1.404613529898575, 1.384590162594685),
        SIMD3(-0.3308618287255563, 0.214847559468213, 0.09509516302823659),
        SIMD3(-4.634230498983486, -5.799100973351585, -19.33244095627987),
        SIMD3(6.228269936347081, 14.17993336680509, 56.69055260068105),
        SIMD3(4.776384997670288, -13.74514537774601, -65.35303263337234),
        SIMD3(-5.435455855934631, 4.645852612178535, 26.3124352495832),
    ]
    private static let plasmaCoefficients: [SIMD3<Float>] = [
        SIMD3(0.05873234392399702, 0.02333670892565664, 0.5433401826748754),
        SIMD3(2.176514634195958, 0.2383834171260182, 0.7539604599784036),
        SIMD3(-2.689460476458034, -7.455851135738909, 3.110799939717086),
        SIMD3(6.130348345893603, 42.3461881477227, -28.51885465332158),
        SIMD3(-11.10743619062271, -82.66631109428045, 60.13984767418263),
        SIMD3(10.02306557647065, 71.41361770095349, -54.07218655560067),
        SIMD3(-3.658713842777788, -22.93153465461149, 18.19190778539828),
    ]
    private static let magmaCoefficients: [SIMD3<Float>] = [
        SIMD3(-0.002136485053939582, -0.000749655052795221, -0.005386127855323933),
        SIMD3(0.2516605407371642, 0.6775232436837668, 2.494026599312351),
        SIMD3(8.353717279216625, -3.577719514958484, 0.3144679030132573),
        SIMD3(-27.66873308576866, 14.26473078096533, -13.64921318813922),
        SIMD3(52.17613981234068, -27.94360607168351, 12.94416944238394),
        SIMD3(-50.76852536473588, 29.04658282127291, 4.23415299384598),
        SIMD3(18.65570506591883, -11.48977351997711, -5.601961508734096),
    ]
    private static let infernoCoefficients: [SIMD3<Float>] = [
        SIMD3(0.0002189403691192265, 0.001651004631001012, -0.01948089843709184),
        SIMD3(0.1065134194856116, 0.5639564367884091, 3.932712388889277),
        SIMD3(11.60249308247187, -3.972853965665698, -15.9423941062914),
        SIMD3(-41.70399613139459, 17.43639888205313, 44.35414519872813),
        SIMD3(77.162935699427, -33.40235894210092, -81.80730925738993),
        SIMD3(-71.31942824499214, 32.62606426397723, 73.20951985803202),
        SIMD3(25.13112622477341, -12.24266895238567, -23.07032500287172),
    ]
    private static let spectralCoefficients: [SIMD3<Float>] = [
        SIMD3(0.584384543712538, 0.006424432561482, 0.231061410304836),
        SIMD3(3.768572852617221, 2.487082885717158, 2.821174312084977),
        SIMD3(-16.262574054760623, -6.243215992229093, -37.292187460541960),
        SIMD3(39.821464952234010, 39.932449794574126, 186.340471613899751),
        SIMD3(-46.140976850412727, -99.423798167148249, -388.532539629914481),
        SIMD3(12.716626092708825, 96.954180217298671, 360.627239851094203),
        SIMD3(5.942343111972585, -33.440386037285862, -123.635206049211334),
    ]
    private static let twilightCoefficients: [SIMD3<Float>] = [
        SIMD3(0.99435322698120177, 0.85170793387210064, 0.93942033498486266),
        SIMD3(-6.61774273956635106, -0.23133259259568750, -3.96704343424284378),
        SIMD3(41.78124131041812461, -7.61851602599826982, 38.98566990464263426),
        SIMD3(-158.29764239605322018, 3.73408709288658525, -170.02538195370874519),
        SIMD3(301.70954078396789555, 25.04157831823896174, 319.73628266524258379),
        SIMD3(-265.16454480601146315, -30.83148395246298179, -271.62226902484138691),
        SIMD3(86.58914784721200531, 9.90660484718943267, 86.89294583380010456),
    ]

    // MARK: Occupancy-grid palettes (t = raw cell byte / 255)

    /// The cell byte that t stands for: floor(t·255 + 0.5).
    private static func cellValue(_ t: Float) -> Float { (t * 255 + 0.5).rounded(.down) }

    /// Values 101…255 are the same in all three palettes except for their colours.
    private static func illegalOrUnknown(_ value: Float, legalPositive: SIMD3<Float>,
                                         rampFrom low: SIMD3<Float>, to high: SIMD3<Float>) -> SIMD4<Float> {
        if value < 128 { return SIMD4(legalPositive, 1) }
        if value < 255 {
            let f = (value - 128) / (254 - 128)
            return SIMD4(low + (high - low) * f, 1)
        }
        return SIMD4(112.0 / 255, 137.0 / 255, 134.0 / 255, 1)
    }

    /// RViz "Map": 0…100 white→black occupancy, 101…127 green, 128…254 red→yellow, 255 teal-gray (unknown).
    private static func rvizMap(_ t: Float) -> SIMD4<Float> {
        let value = cellValue(t)
        if value <= 100 {
            let x = (255 - value * 255 / 100) / 255
            return SIMD4(x, x, x, 1)
        }
        return illegalOrUnknown(value, legalPositive: SIMD3(0, 1, 0), rampFrom: SIMD3(1, 0, 0), to: SIMD3(1, 1, 0))
    }

    /// RViz "Costmap": 0 transparent, 1…98 blue→red, 99 cyan, 100 magenta, then as `rvizMap`.
    private static func rvizCostmap(_ t: Float) -> SIMD4<Float> {
        let value = cellValue(t)
        if value == 0 { return .zero }
        if value < 99 {
            let x = (value * 255 / 100) / 255
            return SIMD4(x, 0, 1 - x, 1)
        }
        if value == 99 { return SIMD4(0, 1, 1, 1) }
        if value == 100 { return SIMD4(1, 0, 1, 1) }
        return illegalOrUnknown(value, legalPositive: SIMD3(0, 1, 0), rampFrom: SIMD3(1, 0, 0), to: SIMD3(1, 1, 0))
    }

    private static let rerunRed = SIMD3<Float>(215, 47, 33) / 255
    private static let rerunBlue = SIMD3<Float>(24, 106, 221) / 255
    private static let rerunGreen = SIMD3<Float>(134, 217, 166) / 255
    private static let rerunYellow = SIMD3<Float>(246, 218, 117) / 255

    /// Rerun's "Costmap": the RViz costmap semantics in Rerun's palette colours.
    private static func costmap(_ t: Float) -> SIMD4<Float> {
        let value = cellValue(t)
        if value == 0 { return .zero }
        if value < 99 { return SIMD4(rerunGreen + (rerunYellow - rerunGreen) * (value / 98), 1) }
        if value == 99 { return SIMD4(rerunRed, 1) }
        if value == 100 { return SIMD4(rerunBlue, 1) }
        return illegalOrUnknown(value, legalPositive: rerunGreen, rampFrom: rerunRed, to: rerunYellow)
    }
}
