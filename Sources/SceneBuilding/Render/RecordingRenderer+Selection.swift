import RecordingModel

/// `--view` and `--eye` applied to a renderer (shared by the command line and `RecordingGoldens`).
public struct ViewSelectionError: Error, CustomStringConvertible {
    public let wanted: String
    public let available: [ViewSpec]

    public var description: String {
        let list = available.map { "\($0.originText) (\($0.kind.rawValue), \"\($0.name)\")" }.joined(separator: "\n  ")
        return "no view '\(wanted)'; the recording's views are:\n  \(list)"
    }
}

extension RecordingRenderer {
    /// This renderer narrowed to the first view whose origin is `view` (an entity path) or whose title is `view`,
    /// and with `eye` as the camera of its 3D views; with `useViewUp` the eye's up vector is replaced by each view's
    /// own up axis. Unchanged when both are nil.
    public func selecting(view: String?, eye: Eye?, useViewUp: Bool) throws(ViewSelectionError) -> RecordingRenderer {
        var specs = views
        if let view {
            let path = "/" + view.split(separator: "/").joined(separator: "/")
            guard let first = specs.first(where: { $0.originText == path || $0.name == view }) else {
                throw ViewSelectionError(wanted: view, available: views)
            }
            specs = [first]
        }
        if let eye {
            let context = ViewContext(store: store, query: .staticOnly, timelineKind: nil)
            specs = specs.map { spec in
                guard spec.kind == .spatial3D else { return spec }
                var s = spec, e = eye
                if useViewUp { e.up = context.viewAxes(at: spec.originPath).up }
                s.eye = e
                return s
            }
        }
        return specs == views ? self : restricted(to: specs)
    }
}
