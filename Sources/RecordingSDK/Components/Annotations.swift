import ArrowIPC
import RecordingModel

extension AnnotationInfo {
    /// An id with an optional label and colour.
    public init(id: UInt16, label: String? = nil, color: Color? = nil) {
        self.init(id: id, label: label, color: color?.rgba)
    }
}

extension ClassDescription {
    /// Python's `(id, label, color)` tuple form: a class without keypoints.
    public init(id: UInt16, label: String? = nil, color: Color? = nil) {
        self.init(AnnotationInfo(id: id, label: label, color: color))
    }
}

extension ArrowArray {
    static func annotationInfos(_ infos: [AnnotationInfo]) -> ArrowArray {
        let colorValidity = infos.contains { $0.color == nil } ? infos.map { $0.color != nil } : nil
        return .structure([
            ("id", false, .primitive(infos.map(\.id))),
            ("label", true, .utf8(infos.map(\.label))),
            ("color", true, .primitive(infos.map { $0.color ?? 0 }, validity: colorValidity)),
        ], length: infos.count)
    }

    /// One `AnnotationContext` instance per element of `contexts` (each a list of class descriptions).
    static func annotationContexts(_ contexts: [[ClassDescription]]) -> ArrowArray {
        let classes = contexts.flatMap { $0 }
        let keypoints = classes.flatMap(\.keypointAnnotations)
        let pairs = classes.flatMap(\.keypointConnections)
        let pairArray = ArrowArray.structure([("keypoint0", false, .primitive(pairs.map(\.0))), ("keypoint1", false, .primitive(pairs.map(\.1)))],
                                             length: pairs.count)
        let description = ArrowArray.structure([
            ("info", false, annotationInfos(classes.map(\.info))),
            ("keypoint_annotations", false, .list(annotationInfos(keypoints), lengths: classes.map(\.keypointAnnotations.count))),
            ("keypoint_connections", false, .list(pairArray, lengths: classes.map(\.keypointConnections.count))),
        ], length: classes.count)
        let element = ArrowArray.structure([("class_id", false, .primitive(classes.map(\.info.id))), ("class_description", false, description)],
                                           length: classes.count)
        return .list(element, lengths: contexts.map(\.count))
    }
}
