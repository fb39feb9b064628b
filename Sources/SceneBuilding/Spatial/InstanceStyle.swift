import Rasterizer
import RecordingModel

/// Resolves each instance's colour and label like the viewer (rendering-conventions §3.3, §8.16):
/// logged colours win; then the annotation context's class (or keypoint) colour; then the class-id palette
/// (indexed by keypoint id for keypoints without colours); then the entity's auto colour.
/// Labels: an explicit label wins, then the keypoint's label, then the class label.
public struct InstanceStyle: Sendable {
    public let colors: Clamped<UInt32>
    public let classIDs: Clamped<UInt16>
    public let keypointIDs: Clamped<UInt16>
    public let labels: [String]
    public let annotations: AnnotationContextView?
    public let entityColor: RGBA8

    public init(colors: Clamped<UInt32>, classIDs: Clamped<UInt16> = Clamped([]),
                keypointIDs: Clamped<UInt16> = Clamped([]), labels: [String] = [],
                annotations: AnnotationContextView?, entity: EntityPath) {
        self.colors = colors; self.classIDs = classIDs; self.keypointIDs = keypointIDs
        self.labels = labels; self.annotations = annotations
        self.entityColor = AutoColor.forEntity(entity)
    }

    public func color(_ i: Int) -> RGBA8 {
        if let c = colors[i] { return RGBA8(rerun: c) }
        guard let classID = classIDs[i] else { return entityColor }
        let description = annotations?.description(of: classID)
        if let keypoint = keypointIDs[i] {
            if let c = description?.keypoint(keypoint)?.color { return RGBA8(rerun: c) }
            if let c = description?.info.color { return RGBA8(rerun: c) }
            return RGBA8(ClassPalette.color(for: keypoint))
        }
        if let c = description?.info.color { return RGBA8(rerun: c) }
        return RGBA8(ClassPalette.color(for: classID))
    }

    /// The colours of `count` instances, collapsed to one when they are all the same.
    public func colors(count: Int) -> [RGBA8] {
        if classIDs.isEmpty && colors.values.count <= 1 { return [color(0)] }
        return (0..<count).map(color)
    }

    /// The colours of `count` points or line strips as the viewer draws them: opaque, alpha premultiplied in.
    public func opaqueColors(count: Int) -> [RGBA8] {
        guard classIDs.isEmpty, colors.values.count > 1, count > 0 else {
            return colors(count: count).map(\.premultipliedOpaque)
        }
        // Logged colours only (the common case of big clouds): one pass over the packed words.
        return colors.values.withUnsafeBufferPointer { logged in
            [RGBA8](unsafeUninitializedCapacity: count) { out, initialized in
                // Both buffers hold elements (the guard above).
                let last = logged.count - 1, from = logged.baseAddress!, to = UnsafeMutableRawPointer(out.baseAddress!)
                // Instances with a logged colour of their own.
                let own = min(count, logged.count)
                var i = 0
                while i < count {
                    // 8 logged colours at a time when all 8 are opaque: Rerun's 0xRRGGBBAA byte-swapped to the bytes
                    // R, G, B, A, which premultiplying leaves as they are (one by one, 2.3 ns a colour went to the
                    // conversion).
                    if i + 8 <= own {
                        let v = UnsafeRawPointer(from + i).loadUnaligned(as: SIMD8<UInt32>.self)
                        if (v & 0xFF) == SIMD8(repeating: 0xFF) {
                            let swapped = (v &>> 24) | ((v &>> 8) & 0xFF00) | ((v &<< 8) & 0xFF_0000) | (v &<< 24)
                            to.storeBytes(of: swapped, toByteOffset: 4 * i, as: SIMD8<UInt32>.self)
                            i += 8
                            continue
                        }
                    }
                    out.initializeElement(at: i, to: RGBA8(rerun: logged[min(i, last)]).premultipliedOpaque)
                    i += 1
                }
                initialized = count
            }
        }
    }

    public func label(_ i: Int) -> String? {
        if i < labels.count { return labels[i] }
        if labels.count == 1 { return nil }  // a single label is drawn once for the whole batch
        guard let classID = classIDs[i], let description = annotations?.description(of: classID) else { return nil }
        if let keypoint = keypointIDs[i], let label = description.keypoint(keypoint)?.label { return label }
        return description.info.label
    }
}

/// The fallback colour of an entity: the class-id palette recipe indexed by the path's hash modulo 65535, with
/// Rerun's own path hash (`EntityPathHash`), so entities get the colours the x86-64 Linux viewer gives them.
public enum AutoColor {
    public static func forEntity(_ entity: EntityPath) -> RGBA8 {
        fromHash(EntityPathHash.hash(parts: entity.parts))
    }

    /// The palette colour of a 64-bit hash (reduced modulo 65535), opaque.
    public static func fromHash(_ hash: UInt64) -> RGBA8 {
        let c = ClassPalette.color(for: UInt16(hash % 65535))
        return RGBA8(c.x, c.y, c.z)
    }
}
