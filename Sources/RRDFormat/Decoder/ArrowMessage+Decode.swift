import ArrowIPC
import CLZ4

extension ArrowMessage {
    /// LZ4 can expand at most ~255× (a 1-byte token plus 255-byte length runs); a declared
    /// `uncompressed_size` beyond this bound for the payload at hand is a lie and is rejected before allocating.
    static func maxExpansion(of compressed: Int) -> Int { compressed * 255 + 64 }

    /// Decompresses (if needed) the payload into one fresh aligned storage and decodes its Arrow IPC stream.
    /// The returned arrays reference that storage: the only copy made of the chunk's bytes.
    ///
    /// Checks: the declared `uncompressed_size` must be below 2 GiB (liblz4's limit) and below the largest size
    /// the payload could expand to, and LZ4 must produce exactly that many bytes.
    public func decodePayload(from source: RRDSource) throws(RRDError) -> ArrowIPCStream {
        guard payloadOffset >= 0, payloadLength >= 0, payloadOffset + payloadLength <= source.count else {
            throw .truncated(offset: payloadOffset, needed: payloadLength, available: source.count - payloadOffset, what: "payload")
        }
        let payload = UnsafeRawBufferPointer(rebasing: source.bytes[payloadOffset ..< payloadOffset + payloadLength])
        let storage: ArrowStorage
        switch compression {
        case .none:
            storage = ArrowStorage(copying: payload)
        case .lz4:
            guard uncompressedSize < UInt64(Int32.max), Int(uncompressedSize) <= Self.maxExpansion(of: payloadLength) else {
                throw .lz4(offset: frameOffset, reason: "declared uncompressed size \(uncompressedSize) is impossible for a \(payloadLength)-byte payload")
            }
            let expected = Int(uncompressedSize)
            var produced: Int32 = 0
            storage = ArrowStorage(uninitializedCount: expected) { out in
                guard expected > 0 else { return 0 }
                produced = payload.withMemoryRebound(to: CChar.self) { src in
                    out.withMemoryRebound(to: CChar.self) { dst in
                        LZ4_decompress_safe(src.baseAddress, dst.baseAddress, Int32(payloadLength), Int32(expected))
                    }
                }
                return Int(produced)
            }
            guard Int(produced) == expected else {
                throw .lz4(offset: frameOffset, reason: produced < 0
                    ? "corrupt LZ4 block (error \(produced))"
                    : "produced \(produced) bytes, uncompressed_size says \(expected)")
            }
        }
        do {
            return try ArrowIPCStream.decode(storage)
        } catch {
            throw .arrow(offset: frameOffset, error)
        }
    }
}
