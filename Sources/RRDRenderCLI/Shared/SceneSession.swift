import ArgumentParser
import Foundation
import MediaCodecs
import RecordingModel
import SceneBuilding

/// A loaded recording with the choices of `SceneOptions` applied: timeline, views, size, camera.
/// Errors are reported on standard error and become exit code 2.
struct SceneSession {
    let options: SceneOptions
    let recording: Recording
    let store: ChunkStore
    let timeline: Timeline?
    let renderer: RecordingRenderer
    /// The views the pictures show.
    let views: [ViewSpec]
    var width: Int
    var height: Int

    init(_ options: SceneOptions) throws {
        self.options = options
        do {
            recording = try Recording.load(path: options.file)
        } catch {
            throw failure("\(options.file): \(error)")
        }
        for w in recording.warnings { warn("\(options.file): \(w)") }
        guard let store = recording.recording else { throw failure("\(options.file): the file holds no recording") }
        self.store = store
        do {
            timeline = try TimeSelection.timeline(named: options.timeline, in: store)
        } catch {
            throw failure("\(error)")
        }
        let renderer = RecordingRenderer(store: store)
        var views = renderer.views
        if let wanted = options.view {
            let matches = views.filter { $0.originText == wanted || "/" + $0.origin.joined(separator: "/") == "/" + wanted
                || $0.name == wanted }
            guard !matches.isEmpty else {
                let list = views.map { "\($0.originText) (\($0.kind.rawValue), \"\($0.name)\")" }.joined(separator: "\n  ")
                throw failure("no view '\(wanted)'; the recording's views are:\n  \(list)")
            }
            views = [matches[0]]
        }
        if let eye = try options.parsedEye() {
            let context = ViewContext(store: store, query: .staticOnly, timelineKind: nil)
            views = views.map { v in
                guard v.kind == .spatial3D else { return v }
                var view = v, e = eye
                if !options.hasExplicitUp { e.up = context.viewAxes(at: v.originPath).up }
                view.eye = e
                return view
            }
        }
        self.views = views
        self.renderer = renderer
        (width, height) = try options.parsedSize()
    }

    /// The query for a time given on the command line (nil: the end of the timeline).
    func query(at text: String?) throws -> LatestAtQuery {
        guard let timeline else { return .staticOnly }
        do {
            return LatestAtQuery(timeline: timeline.name, at: try TimeSelection.time(text, on: timeline, in: store))
        } catch {
            throw failure("\(error)")
        }
    }

    /// The picture at `query`, with warnings printed once each.
    func render(_ query: LatestAtQuery, reportWarnings: Bool = true, threads: Int? = nil) throws -> RGBAImage {
        var renderer = self.renderer
        renderer.composer = PictureComposer(titleBars: options.titleBars)
        let (image, warnings) = try renderer.render(views, query: query, width: width, height: height,
                                                    pixelsPerPoint: Float(options.pixelsPerPoint),
                                                    threads: threads ?? options.threads)
        if reportWarnings { for w in Set(warnings.map(\.description)).sorted() { warn(w) } }
        return image
    }
}
