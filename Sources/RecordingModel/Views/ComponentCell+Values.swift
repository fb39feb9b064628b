import ArrowIPC

/// Typed reads of a cell's instances. Each returns an empty array (or nil) when the instance type is not
/// the expected one, so a mistyped user column can never crash a visualizer; copies are one memcpy where the
/// layouts agree (e.g. `FixedSizeList<Float>[3]` → `[SIMD3<Float>]` copies floats, never boxes them).
extension ComponentCell {
    /// Instances of a primitive type `T`.
    public func scalars<T: ArrowPrimitive>(_: T.Type) -> [T] {
        guard let v = values.values(T.self) else { return [] }
        return v.copy(instances)
    }

    /// Flattened `FixedSizeList<T>[size]` instances (`size × count` values), or [] on a type mismatch.
    func flattened<T: ArrowPrimitive>(_: T.Type, size: Int) -> [T] {
        guard case .fixedSizeList(_, let n) = values.type, n == size, let child = values.listChild, let v = child.values(T.self) else {
            return []
        }
        return v.copy(instances.lowerBound * size ..< instances.upperBound * size)
    }

    public func vec2() -> [SIMD2<Float>] { vectors(SIMD2<Float>.self) }

    public func vec3() -> [SIMD3<Float>] { vectors(SIMD3<Float>.self) }

    public func vec4() -> [SIMD4<Float>] { vectors(SIMD4<Float>.self) }

    /// `FixedSizeList<Float>[V.scalarCount]` instances as SIMD vectors, read straight from the Arrow buffer in
    /// one pass, or [] on a type mismatch. Vectors laid out like the packed floats (`SIMD2`, `SIMD4`) are one
    /// copy. `SIMD3` (16 bytes, the padding lane 0): each instance one 16-byte load from the packed triples (its
    /// fourth float, the next instance's first, cleared) and one store, the last one read by lanes so that
    /// nothing past it is read. (Lane by lane through the generic subscript, a million-point cloud's positions
    /// took 2.3 ns a point, 2 % of its video frame.)
    func vectors<V: SIMD>(_: V.Type) -> [V] where V.Scalar == Float {
        let size = V.scalarCount, count = instances.count
        guard case .fixedSizeList(_, let n) = values.type, n == size, let child = values.listChild,
              let v = child.values(Float.self) else { return [] }
        let flat = v.slice(instances.lowerBound * size ..< instances.upperBound * size)
        return flat.withUnsafeBufferPointer { f in
            [V](unsafeUninitializedCapacity: count) { out, written in
                written = 0
                guard count > 0, f.count >= size * count, let src = f.baseAddress, let dst = out.baseAddress else { return }
                let to = UnsafeMutableRawPointer(dst)
                if MemoryLayout<V>.stride == 4 * size {
                    to.copyMemory(from: src, byteCount: 4 * size * count)
                } else {
                    // The standard library's only other layout (a Float SIMD type padded past its lanes).
                    precondition(size == 3 && MemoryLayout<V>.stride == 16, "unexpected layout of \(V.self)")
                    let from = UnsafeRawPointer(src), xyz = SIMD4<UInt32>(.max, .max, .max, 0)
                    for i in 0 ..< count - 1 {
                        let q = from.loadUnaligned(fromByteOffset: 12 * i, as: SIMD4<UInt32>.self) & xyz
                        to.storeBytes(of: q, toByteOffset: 16 * i, as: SIMD4<UInt32>.self)
                    }
                    let l = 3 * (count - 1)
                    to.storeBytes(of: SIMD4(src[l], src[l + 1], src[l + 2], 0), toByteOffset: 16 * (count - 1),
                                  as: SIMD4<Float>.self)
                }
                written = count
            }
        }
    }

    /// `FixedSizeList<Float>[9]` instances as column-major 3×3 matrices (9 floats each).
    public func mat3() -> [[Float]] {
        let f = flattened(Float.self, size: 9)
        return (0 ..< f.count / 9).map { Array(f[9 * $0 ..< 9 * $0 + 9]) }
    }

    public func uvec3() -> [SIMD3<UInt32>] {
        let f = flattened(UInt32.self, size: 3)
        return (0 ..< f.count / 3).map { SIMD3(f[3 * $0], f[3 * $0 + 1], f[3 * $0 + 2]) }
    }

    public func u8x3() -> [SIMD3<UInt8>] {
        let f = flattened(UInt8.self, size: 3)
        return (0 ..< f.count / 3).map { SIMD3(f[3 * $0], f[3 * $0 + 1], f[3 * $0 + 2]) }
    }

    public func f64x2() -> [SIMD2<Double>] {
        let f = flattened(Double.self, size: 2)
        return (0 ..< f.count / 2).map { SIMD2(f[2 * $0], f[2 * $0 + 1]) }
    }

    public func strings() -> [String] {
        guard case .utf8 = values.type else { return [] }
        return instances.map { values.string(at: $0) ?? "" }
    }

    public func bools() -> [Bool] {
        guard case .bool = values.type else { return [] }
        return instances.map { values.bool(at: $0) ?? false }
    }

    /// `List<UInt8>` instances (blobs, image buffers) as zero-copy byte ranges.
    public func blobs() -> [ArrowBuffer] {
        guard case .list = values.type, let child = values.listChild, case .uint8 = child.type, let b = child.buffers.first else { return [] }
        return instances.compactMap { i in
            guard values.isValid(i), let r = values.valueRange(at: i) else { return nil }
            return try? ArrowBuffer(storage: b.storage, offset: b.offset + r.lowerBound, count: r.count)
        }
    }

    /// `List<FixedSizeList<Float>[n]>` instances (line strips) as arrays of `n`-float points.
    func strips(size: Int) -> [[Float]] {
        guard case .list = values.type, let inner = values.listChild, case .fixedSizeList(_, let n) = inner.type, n == size,
              let floats = inner.listChild?.values(Float.self) else { return [] }
        return instances.map { i in
            guard values.isValid(i), let r = values.valueRange(at: i) else { return [] }
            return floats.copy(r.lowerBound * size ..< r.upperBound * size)
        }
    }

    /// `Struct{axis: f32x3, angle: f32}` instances.
    public func rotationAxisAngles() -> [RotationAxisAngle] {
        guard let axis = values.field("axis"), let angle = values.field("angle")?.values(Float.self),
              case .fixedSizeList(_, 3) = axis.type, let a = axis.listChild?.values(Float.self) else { return [] }
        return instances.map { i in RotationAxisAngle(axis: SIMD3(a[3 * i], a[3 * i + 1], a[3 * i + 2]), angle: angle[i]) }
    }
}

/// A rotation of `angle` radians about `axis` (not necessarily normalised).
public struct RotationAxisAngle: Sendable, Hashable {
    public var axis: SIMD3<Float>
    public var angle: Float
    public init(axis: SIMD3<Float>, angle: Float) {
        self.axis = axis
        self.angle = angle
    }
}

extension LatestAtResults {
    func get<T>(_ name: String, _ read: (ComponentCell) -> [T]) -> [T] { cells[name].map(read) ?? [] }
    func first<T>(_ name: String, _ read: (ComponentCell) -> [T]) -> T? { cells[name].flatMap { read($0).first } }

    /// The per-instance attributes that points, lines, boxes and arrows share, read through `c` (the archetype's
    /// component identifiers): colours `0xRRGGBBAA`, radii (negative = UI points), labels, class ids (all clamped
    /// but labels) and the show-labels flag.
    func instanceAttributes(_ c: (String) -> String)
        -> (colors: Clamped<UInt32>, radii: Clamped<Float>, labels: [String], classIDs: Clamped<UInt16>, showLabels: Bool?) {
        (Clamped(get(c("colors")) { $0.scalars(UInt32.self) }), Clamped(get(c("radii")) { $0.scalars(Float.self) }),
         get(c("labels")) { $0.strings() }, Clamped(get(c("class_ids")) { $0.scalars(UInt16.self) }),
         first(c("show_labels")) { $0.bools() })
    }
}
