/// Transport-level messages of an RRD stream (package `rerun.log_msg.v1alpha1`), decoded from protobuf.
/// Only the fields a reader needs are kept; unknown fields are skipped.

/// Protobuf `Tuid`: two little-endian fixed64 halves.
public struct TransportTUID: Hashable, Sendable {
    public var timeNanos: UInt64 = 0
    public var increment: UInt64 = 0

    static func decode(_ r: ProtobufReader) throws(RRDError) -> TransportTUID {
        var r = r
        var t = TransportTUID()
        while let (f, v) = try r.next() {
            switch (f, v) {
            case (1, .fixed64(let x)), (1, .varint(let x)): t.timeNanos = x
            case (2, .fixed64(let x)), (2, .varint(let x)): t.increment = x
            default: break
            }
        }
        return t
    }
}

/// Protobuf `StoreId`: store kind (0 unspecified, 1 recording, 2 blueprint), recording id, application id.
public struct TransportStoreID: Hashable, Sendable {
    public var kind: UInt64 = 0
    public var recordingID = ""
    public var applicationID: String? = nil

    static func decode(_ r: ProtobufReader) throws(RRDError) -> TransportStoreID {
        var r = r
        var s = TransportStoreID()
        while let (f, v) = try r.next() {
            switch (f, v) {
            case (1, .varint(let x)): s.kind = x
            case (2, .bytes(let b)): s.recordingID = r.string(b)
            case (3, .bytes(let b)):
                var app = r.nested(b)
                while let (af, av) = try app.next() {
                    if af == 1, case .bytes(let ab) = av { s.applicationID = app.string(ab) }
                }
            default: break
            }
        }
        return s
    }
}

/// `SetStoreInfo` (frame kind 1): announces a store. Repeats are idempotent.
public struct SetStoreInfo: Sendable {
    public var rowID: TransportTUID?
    public var storeID = TransportStoreID()
    /// StoreSource kind: 0 unspecified, 1 C SDK, 2 Python SDK, 3 Rust SDK, 4 file, 5 viewer, 6 other.
    public var sourceKind: UInt64 = 0
    /// The writer's version bytes (major, minor, patch, meta) from `store_version`, when present.
    public var storeVersion: [UInt8]?

    static func decode(_ r: ProtobufReader) throws(RRDError) -> SetStoreInfo {
        var r = r
        var m = SetStoreInfo()
        while let (f, v) = try r.next() {
            switch (f, v) {
            case (1, .bytes(let b)): m.rowID = try .decode(r.nested(b))
            case (2, .bytes(let b)):
                var info = r.nested(b)
                while let (inf, inv) = try info.next() {
                    switch (inf, inv) {
                    case (2, .bytes(let sb)): m.storeID = try .decode(info.nested(sb))
                    case (5, .bytes(let sb)):
                        var src = info.nested(sb)
                        while let (sf, sv) = try src.next() { if sf == 1, case .varint(let k) = sv { m.sourceKind = k } }
                    case (6, .bytes(let sb)):
                        var ver = info.nested(sb)
                        while let (vf, vv) = try ver.next() {
                            if vf == 1, let bits = vv.uint {
                                let b = UInt32(truncatingIfNeeded: bits)
                                m.storeVersion = (0 ..< 4).map { UInt8(truncatingIfNeeded: b >> (8 * $0)) }
                            }
                        }
                    default: break
                    }
                }
            default: break
            }
        }
        return m
    }
}

/// Payload compression of an ArrowMsg.
public enum PayloadCompression: Sendable, Hashable {
    case none
    case lz4
}

/// `ArrowMsg` (frame kind 2): one chunk as an (optionally LZ4-compressed) Arrow IPC stream.
public struct ArrowMessage: Sendable {
    public var storeID = TransportStoreID()
    public var compression = PayloadCompression.none
    public var uncompressedSize: UInt64 = 0
    /// File offset and length of the payload bytes.
    public var payloadOffset = 0
    public var payloadLength = 0
    public var chunkID: TransportTUID?
    public var isStatic: Bool?
    /// File offset of the message frame.
    public var frameOffset = 0

    static func decode(_ r: ProtobufReader, frameOffset: Int) throws(RRDError) -> ArrowMessage {
        var r = r
        var m = ArrowMessage()
        m.frameOffset = frameOffset
        var sawPayload = false
        while let (f, v) = try r.next() {
            switch (f, v) {
            case (1, .bytes(let b)): m.storeID = try .decode(r.nested(b))
            case (2, .varint(let c)):
                switch c {
                case 0, 1: m.compression = .none
                case 2: m.compression = .lz4
                default: throw .badArrowMessage(offset: frameOffset, reason: "compression \(c)")
                }
            case (3, .varint(let s)): m.uncompressedSize = s
            case (4, .varint(let e)):
                guard e <= 1 else { throw .badArrowMessage(offset: frameOffset, reason: "encoding \(e) (only Arrow IPC = 1 is known)") }
            case (5, .bytes(let b)):
                m.payloadOffset = r.origin + b.lowerBound
                m.payloadLength = b.count
                sawPayload = true
            case (6, .bytes(let b)): m.chunkID = try .decode(r.nested(b))
            case (7, .varint(let s)): m.isStatic = s != 0
            default: break
            }
        }
        guard sawPayload else { throw .badArrowMessage(offset: frameOffset, reason: "no payload") }
        return m
    }
}

/// `BlueprintActivationCommand` (frame kind 3).
public struct BlueprintActivationCommand: Sendable {
    public var blueprintID = TransportStoreID()
    public var makeActive = false
    public var makeDefault = false

    static func decode(_ r: ProtobufReader) throws(RRDError) -> BlueprintActivationCommand {
        var r = r
        var m = BlueprintActivationCommand()
        while let (f, v) = try r.next() {
            switch (f, v) {
            case (1, .bytes(let b)): m.blueprintID = try .decode(r.nested(b))
            case (2, .varint(let x)): m.makeActive = x != 0
            case (3, .varint(let x)): m.makeDefault = x != 0
            default: break
            }
        }
        return m
    }
}

/// The `RrdFooter` of an End message, reduced to what a sequential reader may want: one entry per manifest.
/// (The manifests' dataframes can be recomputed from the chunks and are not decoded.)
public struct RRDFooter: Sendable {
    /// The store of each manifest, in file order.
    public var manifestStores: [TransportStoreID] = []

    static func decode(_ r: ProtobufReader) throws(RRDError) -> RRDFooter {
        var r = r
        var footer = RRDFooter()
        while let (f, v) = try r.next() {
            guard f == 1, case .bytes(let b) = v else { continue }
            var manifest = r.nested(b)
            var store = TransportStoreID()
            while let (mf, mv) = try manifest.next() {
                if mf == 1, case .bytes(let sb) = mv { store = try .decode(manifest.nested(sb)) }
            }
            footer.manifestStores.append(store)
        }
        return footer
    }
}
