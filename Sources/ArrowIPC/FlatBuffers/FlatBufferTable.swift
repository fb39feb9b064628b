/// A bounds-checked reader over one FlatBuffer blob (an Arrow IPC `Message`).
///
/// FlatBuffers in short: the blob starts with a u32 offset to the root table; a table starts with an i32
/// `soffset` to its vtable (`table - soffset`); the vtable holds u16 vtable size, u16 table size, then one u16
/// per field slot (offset from the table start, 0 = absent). Strings, vectors and sub-tables are referenced by
/// a u32 offset relative to the position of that u32. Every read here is checked against the blob, and every
/// error names the absolute offset (`origin` + position in the blob).
struct FlatBufferBlob {
    let bytes: UnsafeRawBufferPointer
    /// Offset of the blob's first byte in the enclosing IPC stream, for error messages.
    let origin: Int

    @inline(__always)
    func check(_ pos: Int, _ length: Int, _ what: String) throws(ArrowIPCError) {
        guard pos >= 0, length >= 0, pos <= bytes.count, length <= bytes.count - pos else {
            throw .outOfBounds(offset: origin + max(pos, 0), length: length, bound: bytes.count, what: "flatbuffer \(what)")
        }
    }

    func u8(_ pos: Int) throws(ArrowIPCError) -> UInt8 {
        try check(pos, 1, "u8"); return bytes[pos]
    }
    func u16(_ pos: Int) throws(ArrowIPCError) -> UInt16 {
        try check(pos, 2, "u16"); return bytes.loadUnaligned(fromByteOffset: pos, as: UInt16.self).littleEndian
    }
    func i16(_ pos: Int) throws(ArrowIPCError) -> Int16 { Int16(bitPattern: try u16(pos)) }
    func u32(_ pos: Int) throws(ArrowIPCError) -> UInt32 {
        try check(pos, 4, "u32"); return bytes.loadUnaligned(fromByteOffset: pos, as: UInt32.self).littleEndian
    }
    func i32(_ pos: Int) throws(ArrowIPCError) -> Int32 { Int32(bitPattern: try u32(pos)) }
    func i64(_ pos: Int) throws(ArrowIPCError) -> Int64 {
        try check(pos, 8, "i64"); return Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: pos, as: Int64.self))
    }

    /// The root table.
    func root() throws(ArrowIPCError) -> FlatBufferTable {
        let pos = Int(try u32(0))
        return try FlatBufferTable(blob: self, position: pos)
    }
}

/// One table inside a `FlatBufferBlob`; fields are addressed by vtable slot number.
struct FlatBufferTable {
    let blob: FlatBufferBlob
    let position: Int
    private let vtable: Int
    private let vtableSize: Int

    init(blob: FlatBufferBlob, position: Int) throws(ArrowIPCError) {
        self.blob = blob
        self.position = position
        let soffset = Int(try blob.i32(position))
        vtable = position - soffset
        vtableSize = Int(try blob.u16(vtable))
        guard vtableSize >= 4, vtableSize % 2 == 0 else {
            throw .malformed(offset: blob.origin + vtable, reason: "flatbuffer vtable size \(vtableSize)")
        }
        try blob.check(vtable, vtableSize, "vtable")
    }

    /// Absolute position of the field in `slot`, or nil when absent.
    func fieldPosition(_ slot: Int) throws(ArrowIPCError) -> Int? {
        let entry = 4 + 2 * slot
        guard entry + 2 <= vtableSize else { return nil }
        let rel = Int(try blob.u16(vtable + entry))
        return rel == 0 ? nil : position + rel
    }

    func u8(_ slot: Int, default d: UInt8 = 0) throws(ArrowIPCError) -> UInt8 {
        guard let p = try fieldPosition(slot) else { return d }; return try blob.u8(p)
    }
    func bool(_ slot: Int, default d: Bool = false) throws(ArrowIPCError) -> Bool {
        guard let p = try fieldPosition(slot) else { return d }; return try blob.u8(p) != 0
    }
    func i16(_ slot: Int, default d: Int16 = 0) throws(ArrowIPCError) -> Int16 {
        guard let p = try fieldPosition(slot) else { return d }; return try blob.i16(p)
    }
    func i32(_ slot: Int, default d: Int32 = 0) throws(ArrowIPCError) -> Int32 {
        guard let p = try fieldPosition(slot) else { return d }; return try blob.i32(p)
    }
    func i64(_ slot: Int, default d: Int64 = 0) throws(ArrowIPCError) -> Int64 {
        guard let p = try fieldPosition(slot) else { return d }; return try blob.i64(p)
    }

    /// Follows the u32 offset stored in `slot`.
    private func indirect(_ slot: Int) throws(ArrowIPCError) -> Int? {
        guard let p = try fieldPosition(slot) else { return nil }
        return p + Int(try blob.u32(p))
    }

    func table(_ slot: Int) throws(ArrowIPCError) -> FlatBufferTable? {
        guard let p = try indirect(slot) else { return nil }
        return try FlatBufferTable(blob: blob, position: p)
    }

    func string(_ slot: Int) throws(ArrowIPCError) -> String? {
        guard let p = try indirect(slot) else { return nil }
        let n = Int(try blob.u32(p))
        try blob.check(p + 4, n, "string")
        return String(decoding: UnsafeRawBufferPointer(rebasing: blob.bytes[(p + 4) ..< (p + 4 + n)]), as: UTF8.self)
    }

    /// A vector: its element count and the position of its first element.
    func vector(_ slot: Int, elementSize: Int) throws(ArrowIPCError) -> (count: Int, start: Int)? {
        guard let p = try indirect(slot) else { return nil }
        let n = Int(try blob.u32(p))
        guard n <= blob.bytes.count / max(elementSize, 1) else {
            throw .outOfBounds(offset: blob.origin + p, length: n * elementSize, bound: blob.bytes.count, what: "flatbuffer vector")
        }
        try blob.check(p + 4, n * elementSize, "vector")
        return (n, p + 4)
    }

    /// A vector of tables.
    func tables(_ slot: Int) throws(ArrowIPCError) -> [FlatBufferTable] {
        guard let (n, start) = try vector(slot, elementSize: 4) else { return [] }
        var out: [FlatBufferTable] = []
        out.reserveCapacity(n)
        for i in 0 ..< n {
            let p = start + 4 * i
            out.append(try FlatBufferTable(blob: blob, position: p + Int(try blob.u32(p))))
        }
        return out
    }
}
