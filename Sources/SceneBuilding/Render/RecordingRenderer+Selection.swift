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
    /// optionally after a view class and a colon (`TextLog:/`, `2D:/camera`) when several views share an origin,
    /// and with `eye` as the camera of its 3D views; with `useViewUp` the eye's up vector is replaced by each view's
    /// own up axis. Unchanged when both are nil.
    public func selecting(view: String?, eye: Eye?, useViewUp: Bool) throws(ViewSelectionError) -> RecordingRenderer {
        var specs = views
        if let view {
            var kind: ViewKind?, wanted = view
            if let colon = view.firstIndex(of: ":"),
               let k = ViewKind.allCases.first(where: { $0.rawValue.lowercased() == view[..<colon].lowercased() }) {
                kind = k
                wanted = String(view[view.index(after: colon)...])
            }
            let path = "/" + wanted.split(separator: "/").joined(separator: "/")
            guard let first = specs.first(where: {
                (kind == nil || $0.kind == kind) && ($0.originText == path || $0.name == wanted)
            }) else {
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
