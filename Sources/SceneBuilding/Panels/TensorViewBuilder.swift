import ArrowIPC
import Foundation
import Rasterizer
import RecordingModel

/// Draws a tensor view (rendering-conventions §13): the default 2-D slice of the first `Tensor` entity the view
/// contains (`TensorSlice`: width/height by dimension name, else the two longest; other dimensions at size/2),
/// through a colormap (Viridis by default) over the logged `value_range` or the §8.10 heuristic, scaled uniformly
/// to fill the view's area above a caption line, magnified with nearest filtering. The caption names the shown
/// dimensions, the fixed indices of the others, and the value range.
public struct TensorViewBuilder: ViewBuilder {
    public var colormap: Colormap
    public var filter: TextureFilter

    public init(colormap: Colormap = .viridis, filter: TextureFilter = .nearest) {
        self.colormap = colormap; self.filter = filter
    }

    public func build(_ view: ViewSpec, width: Int, height: Int, context: ViewContext) -> ViewDrawing {
        var canvas = PlotCanvas()
        var warnings: [RenderWarning] = []
        let ppp = context.pixelsPerPoint
        let entities = context.store.entityPaths.filter { view.contents.contains($0.parts) }
        let found = entities.lazy.compactMap { e in context.view(TensorView.self, e).map { (e, $0) } }.first
        guard let (entity, tensor) = found else {
            return ViewDrawing(drawList: canvas.list, camera: .pixels(width: width, height: height))
        }
        do {
            let slice = try Self.slice(tensor)
            let image = slice.colormapped(colormap)
            let size = PlotStyle.labelSize * ppp
            let pad = PanelStyle.padding * ppp
            let captionHeight = max(canvas.measure("Ag", size: size).y, size)
            let areaW = Float(width) - 2 * pad, areaH = Float(height) - 3 * pad - captionHeight
            if areaW > 0, areaH > 0, let texture = Texture(width: image.width, height: image.height, rgba: image.pixels,
                                                             mipmaps: filter != .nearest) {
                let scale = min(areaW / Float(image.width), areaH / Float(image.height))
                let w = (Float(image.width) * scale).rounded(), h = (Float(image.height) * scale).rounded()
                let x0 = (pad + (areaW - w) / 2).rounded(), y0 = (pad + (areaH - h) / 2).rounded()
                canvas.list.add(ImageQuad(texture: texture, origin: [x0, y0, 0], xAxis: [w, 0, 0], yAxis: [0, h, 0],
                                          filter: filter, layer: .overlay, space: .pixels))
            }
            canvas.text(Self.caption(slice, tensor: tensor.data), x: pad, y: Float(height) - pad - captionHeight,
                        size: size, color: PlotStyle.axisText)
        } catch {
            warnings.append(RenderWarning(entity: entity, "tensor not drawn: \(error)"))
        }
        if canvas.missingFont { warnings.append(RenderWarning(entity: nil, "bundled font missing: caption not drawn")) }
        return ViewDrawing(drawList: canvas.list, camera: .pixels(width: width, height: height), warnings: warnings)
    }

    /// The default slice of a logged tensor, whatever its element type.
    static func slice(_ tensor: TensorView) throws -> TensorSlice {
        let data = tensor.data
        let names: [String?] = data.names?.map { $0.isEmpty ? nil : $0 } ?? []
        let range = tensor.valueRange.flatMap { r in r.x <= r.y && r.x.isFinite && r.y.isFinite ? r.x...r.y : nil }
        func select<T>(_ v: ArrowValues<T>, _ type: ChannelDatatype) throws -> TensorSlice {
            try v.withUnsafeBufferPointer { p in
                try TensorSlice.select(shape: data.shape, names: names, buffer: UnsafeRawBufferPointer(p),
                                       datatype: type, valueRange: range)
            }
        }
        switch data.buffer {
        case .u8(let v): return try select(v, .u8)
        case .u16(let v): return try select(v, .u16)
        case .u32(let v): return try select(v, .u32)
        case .u64(let v): return try select(v, .u64)
        case .i8(let v): return try select(v, .i8)
        case .i16(let v): return try select(v, .i16)
        case .i32(let v): return try select(v, .i32)
        case .i64(let v): return try select(v, .i64)
        case .f16(let v): return try select(v, .f16)
        case .f32(let v): return try select(v, .f32)
        case .f64(let v): return try select(v, .f64)
        }
    }

    /// `height × width: 4 × 5 · batch = 1, channel = 1 · range 0 … 255`.
    static func caption(_ slice: TensorSlice, tensor: TensorDataValue) -> String {
        func name(_ d: Int) -> String {
            if let n = tensor.names, d < n.count, !n[d].isEmpty { return n[d] }
            return "dim \(d)"
        }
        var parts: [String] = []
        if let h = slice.heightDimension {
            parts.append("\(name(h)) × \(name(slice.widthDimension)): \(slice.height) × \(slice.width)")
        } else {
            parts.append("\(name(slice.widthDimension)): \(slice.width)")
        }
        let fixed = slice.fixedIndices.enumerated().compactMap { d, i in i.map { "\(name(d)) = \($0)" } }
        if !fixed.isEmpty { parts.append(fixed.joined(separator: ", ")) }
        parts.append("range \(number(slice.valueRange.lowerBound)) … \(number(slice.valueRange.upperBound))")
        return parts.joined(separator: "  ·  ")
    }

    static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 ? String(Int64(v)) : String(format: "%.4g", v)
    }
}
