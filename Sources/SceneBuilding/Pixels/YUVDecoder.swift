/// YUV pixel formats → 8-bit sRGB, as the viewer's `yuv_converter.wgsl` does.
///
/// Plane layouts (all 8-bit, rows without padding):
/// * Y_U_V24 (4:4:4): Y plane, U plane, V plane, each w×h.
/// * Y_U_V16 (4:2:2): Y plane w×h, U plane (w/2)×h, V plane (w/2)×h.
/// * Y_U_V12 (4:2:0): Y plane w×h, U plane (w/2)×(h/2), V plane (w/2)×(h/2).
/// * NV12: Y plane w×h, then h/2 rows of w bytes of interleaved U, V.
/// * YUY2: per pixel pair the bytes Y0 U Y1 V.
/// * Y8: Y plane only (U = V = 128).
///
/// Values: limited range y = (Y − 16)/219, u = (U − 128)/224, v = (V − 128)/224; full range y = Y/255,
/// u = (U − 128)/255, v = (V − 128)/255. NV12 and YUY2 use the BT.601 matrix, all others BT.709 (as Rerun 0.36–0.41
/// do). The result is treated as sRGB, clamped to [0, 1] and rounded to bytes.
enum YUVDecoder {
    /// The matrix that turns (y, u, v) into RGB.
    struct Matrix {
        var rv: Float, gu: Float, gv: Float, bu: Float
        static let bt601 = Matrix(rv: 1.402, gu: 0.344, gv: 0.714, bu: 1.772)
        static let bt709 = Matrix(rv: 1.575, gu: 0.187, gv: 0.468, bu: 1.856)
    }

    static func matrix(for format: PixelFormat) -> Matrix {
        format == .nv12 || format == .yuy2 ? .bt601 : .bt709
    }

    /// RGB bytes of one YUV triple.
    @inline(__always)
    static func rgb(y Y: UInt8, u U: UInt8, v V: UInt8, limited: Bool, matrix m: Matrix) -> (UInt8, UInt8, UInt8) {
        let y, u, v: Float
        if limited {
            y = (Float(Y) - 16) / 219; u = (Float(U) - 128) / 224; v = (Float(V) - 128) / 224
        } else {
            y = Float(Y) / 255; u = (Float(U) - 128) / 255; v = (Float(V) - 128) / 255
        }
        return (ColorSpace.unitToByte(y + m.rv * v),
                ColorSpace.unitToByte(y - m.gu * u - m.gv * v),
                ColorSpace.unitToByte(y + m.bu * u))
    }

    /// Writes `width`×`height` RGBA pixels (alpha untouched) from a buffer already checked to be long enough.
    static func decode(_ raw: UnsafeRawBufferPointer, width w: Int, height h: Int, format: PixelFormat,
                       into out: UnsafeMutableBufferPointer<UInt8>) {
        let src = raw.bindMemory(to: UInt8.self)
        let limited = format.isLimitedRange
        let m = matrix(for: format)
        let planeSize = w * h
        // Byte offsets of a pixel's Y, U and V samples; chosen once per format, outside the loops.
        let uvIndex: (Int, Int) -> (u: Int, v: Int)
        switch format {
        case .yuv444PlanarLimited, .yuv444PlanarFull:
            uvIndex = { x, y in (planeSize + y * w + x, 2 * planeSize + y * w + x) }
        case .yuv422PlanarLimited, .yuv422PlanarFull:
            uvIndex = { x, y in (planeSize + y * (w / 2) + x / 2, planeSize + planeSize / 2 + y * (w / 2) + x / 2) }
        case .yuv420PlanarLimited, .yuv420PlanarFull:
            uvIndex = { x, y in (planeSize + (y / 2) * (w / 2) + x / 2, planeSize + planeSize / 4 + (y / 2) * (w / 2) + x / 2) }
        case .nv12:
            uvIndex = { x, y in (planeSize + (y / 2) * w + (x / 2) * 2, planeSize + (y / 2) * w + (x / 2) * 2 + 1) }
        case .yuy2:
            uvIndex = { x, y in ((y * w + (x & ~1)) * 2 + 1, (y * w + (x & ~1)) * 2 + 3) }
        case .y8Full, .y8Limited, .bayerRGGB8, .bayerBGGR8, .bayerGBRG8, .bayerGRBG8:
            uvIndex = { _, _ in (-1, -1) }
        }
        let yStride = format == .yuy2 ? 2 : 1
        let grayOnly = format == .y8Full || format == .y8Limited
        for y in 0..<h {
            for x in 0..<w {
                let luma = src[(y * w + x) * yStride]
                let (u, v): (UInt8, UInt8)
                if grayOnly {
                    (u, v) = (128, 128)
                } else {
                    let (ui, vi) = uvIndex(x, y)
                    (u, v) = (src[ui], src[vi])
                }
                let (r, g, b) = rgb(y: luma, u: u, v: v, limited: limited, matrix: m)
                let d = (y * w + x) * 4
                out[d] = r; out[d + 1] = g; out[d + 2] = b
            }
        }
    }
}
