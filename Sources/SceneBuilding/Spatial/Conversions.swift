import Rasterizer

extension Affine3 {
    /// The same transform as a single-precision 4×4 matrix for the rasterizer.
    public var mat4: Mat4 {
        Mat4(rowMajor: SIMD16(
            Float(c0.x), Float(c1.x), Float(c2.x), Float(translation.x),
            Float(c0.y), Float(c1.y), Float(c2.y), Float(translation.y),
            Float(c0.z), Float(c1.z), Float(c2.z), Float(translation.z),
            0, 0, 0, 1))
    }
}

extension RGBA8 {
    /// From Rerun's `Color` encoding: `0xRRGGBBAA`, red in the most significant byte.
    @inline(__always) public init(rerun value: UInt32) { self.init(packed: value.byteSwapped) }

    init(_ v: SIMD4<UInt8>) { self.init(v.x, v.y, v.z, v.w) }

    /// This colour as the viewer shows it on a point or a line: it stores colours premultiplied in sRGB and draws
    /// points and lines opaque, so alpha darkens the colour instead of letting the background through
    /// (rendering-conventions §3.4; the 0.41 viewer draws (255, 255, 255, 128) as an opaque grey sphere whose
    /// brightest pixel is sRGB 131, i.e. 128 shaded).
    @inline(__always) public var premultipliedOpaque: RGBA8 {
        guard a < 255 else { return self }
        func scaled(_ c: UInt8) -> UInt8 { UInt8((UInt32(c) * UInt32(a) + 127) / 255) }
        return RGBA8(scaled(r), scaled(g), scaled(b), 255)
    }
}

extension SIMD3 where Scalar == Float {
    var double: SIMD3<Double> { SIMD3<Double>(Double(x), Double(y), Double(z)) }
}

extension SIMD3 where Scalar == Double {
    var float: SIMD3<Float> { SIMD3<Float>(Float(x), Float(y), Float(z)) }
}

extension SIMD2 where Scalar == Float {
    var double3: SIMD3<Double> { SIMD3<Double>(Double(x), Double(y), 0) }
}
