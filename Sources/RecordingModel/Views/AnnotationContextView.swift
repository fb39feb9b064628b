import ArrowIPC

/// One `{id, label, color}` entry of an annotation context.
public struct AnnotationInfo: Sendable, Hashable {
    public var id: UInt16
    public var label: String?
    /// `0xRRGGBBAA`.
    public var color: UInt32?

    public init(id: UInt16, label: String? = nil, color: UInt32? = nil) {
        self.id = id
        self.label = label
        self.color = color
    }
}

/// What an AnnotationContext says about one class id.
public struct ClassDescription: Sendable, Hashable {
    public var info: AnnotationInfo
    public var keypointAnnotations: [AnnotationInfo]
    public var keypointConnections: [(UInt16, UInt16)]

    public static func == (a: ClassDescription, b: ClassDescription) -> Bool {
        a.info == b.info && a.keypointAnnotations == b.keypointAnnotations
            && a.keypointConnections.elementsEqual(b.keypointConnections) { $0 == $1 }
    }

    public func hash(into h: inout Hasher) { h.combine(info) }

    /// The keypoint annotation for `id`, if any.
    public func keypoint(_ id: UInt16) -> AnnotationInfo? { keypointAnnotations.first { $0.id == id } }
}

/// AnnotationContext: class id → description. Found for an entity by walking up its ancestors (§8.16):
/// use `ChunkStore.annotationContext(for:query:)`.
public struct AnnotationContextView: ArchetypeView {
    public static let archetype = "AnnotationContext"
    public static let components = [c("context")]

    /// Descriptions by class id (the last one wins when an id repeats).
    public var classes: [UInt16: ClassDescription]

    public init?(_ r: LatestAtResults) {
        guard let cell = r[Self.c("context")] else { return nil }
        classes = [:]
        for d in Self.decode(cell) { classes[d.info.id] = d }
    }

    /// The description of `classID`, if any.
    public func description(of classID: UInt16) -> ClassDescription? { classes[classID] }

    /// Decodes the first instance: `List<Struct{class_id, class_description: Struct{info, keypoint_annotations,
    /// keypoint_connections}}>` (one whole context per instance).
    static func decode(_ cell: ComponentCell) -> [ClassDescription] {
        guard let i = cell.instances.first, cell.values.isValid(i), let entries = cell.values.valueRange(at: i),
              let a = cell.values.listChild, let desc = a.field("class_description"), let info = desc.field("info") else { return [] }
        let kpa = desc.field("keypoint_annotations")
        let kpc = desc.field("keypoint_connections")
        return entries.map { i in
            var d = ClassDescription(info: infoEntry(info, i) ?? AnnotationInfo(id: 0), keypointAnnotations: [], keypointConnections: [])
            if let kpa, kpa.isValid(i), let r = kpa.valueRange(at: i), let child = kpa.listChild {
                d.keypointAnnotations = r.compactMap { infoEntry(child, $0) }
            }
            if let kpc, kpc.isValid(i), let r = kpc.valueRange(at: i), let child = kpc.listChild,
               let k0 = child.field("keypoint0")?.values(UInt16.self), let k1 = child.field("keypoint1")?.values(UInt16.self) {
                d.keypointConnections = r.map { (k0[$0], k1[$0]) }
            }
            return d
        }
    }

    private static func infoEntry(_ s: ArrowArray, _ i: Int) -> AnnotationInfo? {
        guard let ids = s.field("id")?.values(UInt16.self), i < ids.count else { return nil }
        let label = s.field("label").flatMap { $0.isValid(i) ? $0.string(at: i) : nil }
        let color = s.field("color").flatMap { c in c.isValid(i) ? c.values(UInt32.self)?[i] : nil }
        return AnnotationInfo(id: ids[i], label: label, color: color)
    }
}

extension ChunkStore {
    /// The AnnotationContext that applies to `entity` at `query`: the first one found walking from the entity
    /// itself up to the root (latest-at, static wins, Clears respected), with the entity that holds it.
    public func annotationContext(for entity: EntityPath, query: LatestAtQuery) -> (EntityPath, AnnotationContextView)? {
        for p in entity.selfAndAncestors {
            if let v = view(AnnotationContextView.self, entity: p, query: query) { return (p, v) }
        }
        return nil
    }
}
