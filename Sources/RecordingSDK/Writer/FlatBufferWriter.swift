/// A small FlatBuffers encoder for the Arrow IPC metadata (Message, Schema, Field, RecordBatch).
///
/// Objects are laid out front to back: a table's vtable comes right before the table, and every object a
/// table refers to is written after it, so every reference (an unsigned offset) points forward as the
/// format requires. Scalars are naturally aligned relative to the buffer start; the caller places the
/// buffer at an 8-byte aligned position (the IPC framing does).
struct FlatBufferWriter {
    /// One object of the tree to encode.
    indirect enum Node {
        /// A table; element `k` is vtable slot `k` (nil = absent, the reader uses the default).
        case table([Value?])
        case string(String)
        /// A vector of tables.
        case tables([Node])
        /// A vector of inline structs of `stride` bytes each, aligned to 8.
        case structs([UInt8], count: Int)
        case int32s([Int32])
    }

    /// A table field.
    enum Value {
        case u8(UInt8), bool(Bool), i16(Int16), i32(Int32), i64(Int64)
        /// A reference to another object (written after the table).
        case ref(Node)

        var size: Int {
            switch self {
            case .u8, .bool: 1
            case .i16: 2
            case .i32, .ref: 4
            case .i64: 8
            }
        }
    }

    private(set) var bytes: [UInt8] = []

    /// The buffer for `root`: a u32 offset to the root table, then the objects.
    static func encode(root: Node) -> [UInt8] {
        var w = FlatBufferWriter()
        w.bytes = [0, 0, 0, 0]
        let pos = w.write(root)
        w.patch(UInt32(pos), at: 0)
        return w.bytes
    }

    private mutating func align(_ n: Int, plus extra: Int = 0) {
        while (bytes.count + extra) % n != 0 { bytes.append(0) }
    }

    private mutating func append<T: FixedWidthInteger>(_ v: T) {
        withUnsafeBytes(of: v.littleEndian) { bytes.append(contentsOf: $0) }
    }

    private mutating func patch(_ v: UInt32, at pos: Int) {
        for k in 0 ..< 4 { bytes[pos + k] = UInt8(truncatingIfNeeded: v >> (8 * UInt32(k))) }
    }

    /// Writes `node` and what it refers to; returns the position references must point at.
    private mutating func write(_ node: Node) -> Int {
        switch node {
        case .string(let s):
            align(4)
            let pos = bytes.count
            append(UInt32(s.utf8.count))
            bytes.append(contentsOf: s.utf8)
            bytes.append(0)
            return pos
        case .int32s(let v):
            align(4)
            let pos = bytes.count
            append(UInt32(v.count))
            for x in v { append(x) }
            return pos
        case .structs(let data, let count):
            align(8, plus: 4)
            let pos = bytes.count
            append(UInt32(count))
            bytes.append(contentsOf: data)
            return pos
        case .tables(let children):
            align(4)
            let pos = bytes.count
            append(UInt32(children.count))
            let slots = children.indices.map { pos + 4 + 4 * $0 }
            bytes.append(contentsOf: [UInt8](repeating: 0, count: 4 * children.count))
            for (slot, child) in zip(slots, children) {
                let target = write(child)
                patch(UInt32(target - slot), at: slot)
            }
            return pos
        case .table(let fields):
            return writeTable(fields)
        }
    }

    private mutating func writeTable(_ fields: [Value?]) -> Int {
        // Inline layout: the soffset, then fields by decreasing size, each aligned to its size relative to
        // the buffer start. A table holding 8-byte fields starts at 4 mod 8, so the soffset fills that gap.
        let order = fields.indices.filter { fields[$0] != nil }.sorted { fields[$0]!.size > fields[$1]!.size }
        let hasWide = order.contains { fields[$0]!.size == 8 }
        let phase = hasWide ? 4 : 0
        var offsets = [UInt16](repeating: 0, count: fields.count)
        var cursor = 4
        for k in order {
            let size = fields[k]!.size
            while (phase + cursor) % size != 0 { cursor += 1 }
            offsets[k] = UInt16(cursor)
            cursor += size
        }
        let tableSize = (cursor + 3) / 4 * 4
        // vtable: [vtable size, table size, one offset per slot], 2-aligned, right before the table.
        align(2)
        let vtablePos = bytes.count
        append(UInt16(4 + 2 * fields.count))
        append(UInt16(tableSize))
        for o in offsets { append(o) }
        if hasWide { align(8, plus: 4) } else { align(4) }
        let tablePos = bytes.count
        append(Int32(tablePos - vtablePos))
        bytes.append(contentsOf: [UInt8](repeating: 0, count: tableSize - 4))
        var refs: [(slot: Int, node: Node)] = []
        for k in order {
            let p = tablePos + Int(offsets[k])
            switch fields[k]! {
            case .u8(let v): bytes[p] = v
            case .bool(let v): bytes[p] = v ? 1 : 0
            case .i16(let v): withUnsafeBytes(of: v.littleEndian) { for j in 0 ..< 2 { bytes[p + j] = $0[j] } }
            case .i32(let v): withUnsafeBytes(of: v.littleEndian) { for j in 0 ..< 4 { bytes[p + j] = $0[j] } }
            case .i64(let v): withUnsafeBytes(of: v.littleEndian) { for j in 0 ..< 8 { bytes[p + j] = $0[j] } }
            case .ref(let node): refs.append((p, node))
            }
        }
        for (slot, node) in refs {
            let target = write(node)
            patch(UInt32(target - slot), at: slot)
        }
        return tablePos
    }
}
