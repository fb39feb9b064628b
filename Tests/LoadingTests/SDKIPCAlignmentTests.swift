import RecordingModel
import RecordingSDK
import Testing

/// Arrow readers that verify FlatBuffers (pyarrow, Rerun) reject misaligned scalars, which this project's
/// reader tolerates; so check the layout of the written IPC messages directly: every table 4-aligned,
/// `Message.bodyLength` and `RecordBatch.length` 8-aligned, the node/buffer struct vectors' data 8-aligned.
@Suite struct SDKIPCAlignmentTests {
    @Test func writtenMessagesAreAligned() throws {
        var rec = RecordingStream(applicationID: "a", recordingID: "r", clock: .simulated(start: 0, step: 1), sendProperties: false)
        rec.setTime("t", sequence: 1)
        rec.log("p", SDKSamples.all[6])
        let bytes = rec.encodedRRD(compression: .none)
        var messages = 0
        var i = 12
        while i + 8 <= bytes.count {
            // Each IPC message: FF FF FF FF, i32 metadata length, metadata (the FlatBuffer), body.
            guard bytes[i ..< i + 4].allSatisfy({ $0 == 0xFF }), let m = Optional(Int(u32(bytes, i + 4))), m > 0, m % 8 == 0,
                  i + 8 + m <= bytes.count else { i += 1; continue }
            let buf = Array(bytes[i + 8 ..< i + 8 + m])
            let root = Int(u32(buf, 0))
            let (message, slots) = table(buf, root)
            #expect(message % 4 == 0)
            #expect((message + slots[3]) % 8 == 0, "Message.bodyLength misaligned")
            let header = message + slots[2] + Int(u32(buf, message + slots[2]))
            let (h, hs) = table(buf, header)
            #expect(h % 4 == 0)
            if buf[message + slots[1]] == 3 {  // RecordBatch
                #expect((h + hs[0]) % 8 == 0, "RecordBatch.length misaligned")
                for k in [1, 2] {
                    let vec = h + hs[k] + Int(u32(buf, h + hs[k]))
                    #expect((vec + 4) % 8 == 0, "struct vector \(k) misaligned")
                }
            }
            messages += 1
            i += 8 + m
        }
        #expect(messages == 2)
    }

    private func u32(_ b: [UInt8], _ p: Int) -> UInt32 { (0 ..< 4).reduce(0) { $0 | UInt32(b[p + $1]) << (8 * UInt32($1)) } }

    /// Table position and its field offsets (from the vtable at `table - soffset`).
    private func table(_ b: [UInt8], _ t: Int) -> (Int, [Int]) {
        let vtable = t - Int(Int32(bitPattern: u32(b, t)))
        let size = Int(b[vtable]) | Int(b[vtable + 1]) << 8
        let offsets = (0 ..< (size - 4) / 2).map { Int(b[vtable + 4 + 2 * $0]) | Int(b[vtable + 5 + 2 * $0]) << 8 }
        return (t, offsets)
    }
}
