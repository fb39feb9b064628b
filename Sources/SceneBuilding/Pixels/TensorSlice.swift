import Foundation
import MediaCodecs

/// The 2-D slice of a `Tensor` that the viewer's tensor view shows by default (rendering-conventions §13).
///
/// Width and height dimensions are chosen by name first (width: "w", "width", "right", "left"; height: "h",
/// "height", "up", "down"; case-insensitive; the last matching dimension wins), else by size (the two longest; if
/// those are dims 0 and 1, numpy order [h, w] is assumed). A width named "left" or a height named "up" is shown
/// flipped, and `values` is already flipped. Every other dimension is fixed at index size/2. A 1-D tensor is one row.
public struct TensorSlice: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// The tensor dimension along x, and along y (nil for a 1-D tensor).
    public var widthDimension: Int
    public var heightDimension: Int?
    /// The index used for each dimension that is neither width nor height (nil for those two).
    public var fixedIndices: [Int?]
    /// `width × height` values, row-major, top row first, in display order.
    public var values: [Float]
    /// The value range: the logged `value_range`, else the heuristic of §8.10 over the whole tensor.
    public var valueRange: ClosedRange<Double>

    /// The slice through `colormap` (the tensor view's default is Viridis) over `valueRange`; gamma 1.
    public func colormapped(_ colormap: Colormap = .viridis) -> RGBAImage {
        let lo = valueRange.lowerBound
        let span = valueRange.upperBound - lo
        let scale = span > 0 ? 1 / span : 0
        var pixels = [UInt8](repeating: 0, count: values.count * 4)
        for i in 0..<values.count {
            let c = colormap.rgba8(at: Float((Double(values[i]) - lo) * scale))
            pixels[i * 4] = c.x; pixels[i * 4 + 1] = c.y; pixels[i * 4 + 2] = c.z; pixels[i * 4 + 3] = c.w
        }
        return RGBAImage(width: width, height: height, pixels: pixels)
    }

    /// Picks the (width, height) dimensions of a tensor with at least two dimensions.
    public static func widthHeightDimensions(shape: [Int], names: [String?]) -> (width: Int, height: Int) {
        var width: Int?, height: Int?
        for i in shape.indices {
            let name = (i < names.count ? names[i] : nil)?.lowercased() ?? ""
            if ["w", "width", "right", "left"].contains(name) { width = i }
            if ["h", "height", "up", "down"].contains(name) { height = i }
        }
        if let width, let height { return (width, height) }
        var longest = 0, second = 0
        for (i, size) in shape.enumerated() {
            if size > shape[longest] {
                second = longest
                longest = i
            } else if size > shape[second] {
                second = i
            }
        }
        if longest == second { (longest, second) = (0, 1) }
        if let width { return (width, width == longest ? second : longest) }
        if let height { return (height == longest ? second : longest, height) }
        if Set([longest, second]) == [0, 1] { return (1, 0) }
        return (longest, second)
    }

    /// Most elements a tensor may have (2^28): more is treated as absurd.
    public static let maxElements = 1 << 28

    /// Selects the default slice of a row-major tensor whose flattened elements are `buffer` (little-endian
    /// `datatype` samples). `names` may be shorter than `shape` or empty. Throws for an empty or zero-sized shape,
    /// an element count beyond `maxElements`, or a buffer shorter than the shape needs.
    public static func select(shape: [UInt64], names: [String?] = [], buffer: some ContiguousBytes,
                              datatype: ChannelDatatype, valueRange: ClosedRange<Double>? = nil) throws -> TensorSlice {
        guard !shape.isEmpty else { throw PixelError.tensorShape("no dimensions") }
        var total = 1
        for size in shape {
            guard size > 0 else { throw PixelError.tensorShape("a dimension of size 0 in \(shape)") }
            guard size <= UInt64(maxElements) else { throw PixelError.tensorShape("\(shape) is too large") }
            let (product, overflow) = total.multipliedReportingOverflow(by: Int(size))
            guard !overflow, product <= maxElements else { throw PixelError.tensorShape("\(shape) is too large") }
            total = product
        }
        let dims = shape.map { Int($0) }
        let (widthDim, heightDim): (Int, Int?) = dims.count == 1 ? (0, nil) : widthHeightDimensions(shape: dims, names: names)
        let nameOf = { (i: Int) in (i < names.count ? names[i] : nil)?.lowercased() }
        let invertX = nameOf(widthDim) == "left"
        let invertY = heightDim.map { nameOf($0) == "up" } ?? false

        // Row-major strides, and the element offset of the slice origin (other dims at size/2).
        var strides = [Int](repeating: 1, count: dims.count)
        for i in stride(from: dims.count - 2, through: 0, by: -1) { strides[i] = strides[i + 1] * dims[i + 1] }
        var fixed = [Int?](repeating: nil, count: dims.count)
        var origin = 0
        for i in dims.indices where i != widthDim && i != heightDim {
            fixed[i] = dims[i] / 2
            origin += (dims[i] / 2) * strides[i]
        }
        let width = dims[widthDim]
        let height = heightDim.map { dims[$0] } ?? 1
        let xStride = strides[widthDim]
        let yStride = heightDim.map { strides[$0] } ?? 0

        return try buffer.withUnsafeBytes { raw in
            let needed = total * datatype.byteCount
            guard raw.count >= needed else { throw PixelError.bufferTooShort(expected: needed, actual: raw.count) }
            let range = valueRange ?? datatype.withSampleType { type in
                let found = finiteRange(raw, count: total, as: type)
                let h = valueRangeHeuristic(finiteMin: found?.min ?? 0, finiteMax: found?.max ?? 0, isFloat: type.isFloat)
                return h.min...h.max
            }
            let values = datatype.withSampleType { type in
                gather(raw, as: type, width: width, height: height, origin: origin, xStride: xStride, yStride: yStride,
                       invertX: invertX, invertY: invertY)
            }
            return TensorSlice(width: width, height: height, widthDimension: widthDim, heightDimension: heightDim,
                               fixedIndices: fixed, values: values, valueRange: range)
        }
    }

    private static func gather<T: RawSample>(_ raw: UnsafeRawBufferPointer, as _: T.Type, width: Int, height: Int,
                                             origin: Int, xStride: Int, yStride: Int,
                                             invertX: Bool, invertY: Bool) -> [Float] {
        guard let base = raw.baseAddress else { return [] }
        var values = [Float](repeating: 0, count: width * height)
        for y in 0..<height {
            let sy = invertY ? height - 1 - y : y
            for x in 0..<width {
                let sx = invertX ? width - 1 - x : x
                values[y * width + x] = Float(T.load(base, (origin + sy * yStride + sx * xStride) * T.byteCount))
            }
        }
        return values
    }
}
