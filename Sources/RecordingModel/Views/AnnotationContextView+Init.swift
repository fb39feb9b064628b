/// Public initialisers for building annotation contexts from other modules (the logging SDK).
/// (The synthesized memberwise initialisers are internal and cannot be redeclared, hence the labels.)
extension AnnotationInfo {
    /// An id with an optional label and an optional `0xRRGGBBAA` colour.
    public init(id: UInt16, label: String?, rgba: UInt32?) {
        self.id = id
        self.label = label
        color = rgba
    }
}

extension ClassDescription {
    /// A class: its info, the annotations of its keypoints and the keypoint pairs to connect.
    public init(_ info: AnnotationInfo, keypoints: [AnnotationInfo] = [], connections: [(UInt16, UInt16)] = []) {
        self.info = info
        keypointAnnotations = keypoints
        keypointConnections = connections
    }
}
