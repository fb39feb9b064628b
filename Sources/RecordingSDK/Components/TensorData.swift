import ArrowIPC

/// `rerun.components.TensorData`: a shape, optional dimension names and the row-major elements, whose
/// element type picks the variant of the stored dense union (`U8` … `F64`).
public struct TensorData: Sendable {
    public var shape: [UInt64]
    public var names: [String]?
    /// The elements as a primitive Arrow array (its type selects the union variant).
    public let elements: ArrowArray

    /// A tensor of `shape` holding `values` in row-major order. `values.count` should be the product of
    /// the shape; the viewer rejects tensors where it is not.
    public init<T: TensorElement>(shape: [Int], values: [T], names: [String]? = nil) {
        self.shape = shape.map { UInt64(max($0, 0)) }
        self.names = names
        elements = .primitive(values)
    }

    /// A 1-D tensor (BarChart values, abscissa).
    public init<T: TensorElement>(_ values: [T]) { self.init(shape: [values.count], values: values) }

    /// Type id of the union variant (1 = U8 … 11 = F64).
    var variantTypeID: Int8 {
        Int8(AT.tensorVariants.firstIndex { $0.type == elements.type }.map { $0 + 1 } ?? 0)
    }
}

/// The element types a tensor can hold.
public protocol TensorElement: ArrowPrimitive {}
extension UInt8: TensorElement {}
extension UInt16: TensorElement {}
extension UInt32: TensorElement {}
extension UInt64: TensorElement {}
extension Int8: TensorElement {}
extension Int16: TensorElement {}
extension Int32: TensorElement {}
extension Int64: TensorElement {}
extension ArrowFloat16: TensorElement {}
extension Float: TensorElement {}
extension Double: TensorElement {}

extension ArrowArray {
    /// `TensorData` struct instances: each tensor's elements go into the union variant of its element type.
    static func tensors(_ tensors: [TensorData]) -> ArrowArray {
        let n = tensors.count
        let shapes = ArrowArray.list(.primitive(tensors.flatMap(\.shape)), lengths: tensors.map(\.shape.count))
        let names = ArrowArray.list(.utf8(tensors.flatMap { $0.names ?? [] }), lengths: tensors.map { $0.names?.count })
        var slotTypeIDs: [Int8] = []
        var slotOffsets: [Int32] = []
        var perVariant = [[ArrowArray]](repeating: [], count: AT.tensorVariants.count)
        for t in tensors {
            let id = t.variantTypeID
            precondition(id > 0, "tensor elements of type \(t.elements.type)")
            slotTypeIDs.append(id)
            slotOffsets.append(Int32(perVariant[Int(id) - 1].count))
            perVariant[Int(id) - 1].append(t.elements)
        }
        var variants: [(name: String, nullable: Bool, array: ArrowArray)] = [("_null_markers", true, .nulls(count: 0))]
        for (k, v) in AT.tensorVariants.enumerated() {
            let parts = perVariant[k]
            let child = parts.isEmpty ? ArrowArray.empty(of: v.type) : concatenatePrimitive(parts, type: v.type)
            variants.append((v.name, false, .list(child, lengths: parts.map(\.length))))
        }
        let buffer = ArrowArray.denseUnion(variants, typeIds: (0 ... 11).map { Int8($0) }, slotTypeIds: slotTypeIDs, slotOffsets: slotOffsets)
        return .structure([("shape", false, shapes), ("names", true, names), ("buffer", true, buffer)], length: n)
    }

    /// Primitive arrays of one type, one after the other (no validity).
    static func concatenatePrimitive(_ parts: [ArrowArray], type: ArrowType) -> ArrowArray {
        if parts.count == 1 { return parts[0] }
        func cat<T: ArrowPrimitive>(_: T.Type) -> ArrowArray {
            .primitive(parts.flatMap { p in p.values(T.self).map { Array($0) } ?? [] })
        }
        switch type {
        case .uint8: return cat(UInt8.self)
        case .uint16: return cat(UInt16.self)
        case .uint32: return cat(UInt32.self)
        case .uint64: return cat(UInt64.self)
        case .int8: return cat(Int8.self)
        case .int16: return cat(Int16.self)
        case .int32: return cat(Int32.self)
        case .int64: return cat(Int64.self)
        case .float16: return cat(ArrowFloat16.self)
        case .float32: return cat(Float.self)
        default: return cat(Double.self)
        }
    }
}
