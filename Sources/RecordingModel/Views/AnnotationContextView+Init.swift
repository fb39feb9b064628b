/// Public initialisers for building annotation contexts from other modules (the logging SDK).
extension ClassDescription {
    /// A class: its info, the annotations of its keypoints and the keypoint pairs to connect.
    public init(_ info: AnnotationInfo, keypoints: [AnnotationInfo] = [], connections: [(UInt16, UInt16)] = []) {
        self.info = info
        keypointAnnotations = keypoints
        keypointConnections = connections
    }
}
