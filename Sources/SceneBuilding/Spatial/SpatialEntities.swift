import RecordingModel

extension ViewSpec {
    /// The entities of `store` this view shows, sorted (recording properties never).
    public func entities(in store: ChunkStore) -> [EntityPath] {
        store.entityPaths.filter { $0.parts.first != "__properties" && contents.contains($0.parts) }
    }

    public var originPath: EntityPath { EntityPath(origin) }
}

extension ViewContext {
    /// The axes of a 3D view (rendering-conventions §5.5): the ViewCoordinates at the origin or its closest
    /// ancestor, else a Pinhole's `camera_xyz` there, else RFU (Z up).
    public func viewAxes(at origin: EntityPath) -> ViewAxes {
        let chain = origin.selfAndAncestors
        for entity in chain {
            if let vc = view(ViewCoordinatesView.self, entity), let axes = ViewAxes(codes: [vc.xyz.x, vc.xyz.y, vc.xyz.z]) {
                return axes
            }
        }
        for entity in chain {
            if let xyz = view(PinholeView.self, entity)?.cameraXYZ, let axes = ViewAxes(codes: [xyz.x, xyz.y, xyz.z]) {
                return axes
            }
        }
        return .rfu
    }
}
