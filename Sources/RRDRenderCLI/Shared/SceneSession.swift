import ArgumentParser
import Foundation
import MediaCodecs
import RecordingModel
import SceneBuilding

/// A rendering problem worth one line to the user (bad timeline, unknown view, unreadable file).
struct SessionError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// What to render, as plain values: from the command line (`SceneOptions`) or a golden-suite case.
struct SceneSettings: Sendable {
    var file: String
    var timeline: String?
    var view: String?
    /// A `.rbl` (or `.rrd`) whose blueprint replaces the recording's own.
    var blueprint: String?
    var width = 1280
    var height = 720
    var eye: Eye?
    /// False: the eye's up vector is replaced by the view's own up axis.
    var explicitUp = false
    var titleBars = true
    var pixelsPerPoint = 1.0
    var threads = ProcessInfo.processInfo.activeProcessorCount
}

/// A loaded recording with `SceneSettings` applied: timeline, views, size, camera.
struct SceneSession: Sendable {
    let settings: SceneSettings
    let store: ChunkStore
    let timeline: Timeline?
    let renderer: RecordingRenderer
    /// The views the pictures show.
    let views: [ViewSpec]
    var width: Int
    var height: Int

    /// Loads `settings.file` (or uses `recording`, already loaded from it); load warnings go to `warnings`.
    init(_ settings: SceneSettings, recording: Recording? = nil, warnings: (String) -> Void = warn) throws(SessionError) {
        self.settings = settings
        let loaded: Recording
        if let recording {
            loaded = recording
        } else {
            do {
                loaded = try Recording.load(path: settings.file)
            } catch {
                throw SessionError("\(settings.file): \(error)")
            }
            for w in loaded.warnings { warnings("\(settings.file): \(w)") }
        }
        guard let store = loaded.recording else { throw SessionError("\(settings.file): the file holds no recording") }
        self.store = store
        do {
            timeline = try TimeSelection.timeline(named: settings.timeline, in: store)
        } catch {
            throw SessionError("\(error)")
        }
        var blueprint = loaded.blueprint.map { Blueprint(store: $0) }
        if let path = settings.blueprint {
            do {
                guard let store = try Recording.load(path: path).blueprint else {
                    throw SessionError("\(path): the file holds no blueprint")
                }
                blueprint = Blueprint(store: store)
            } catch let error as SessionError {
                throw error
            } catch {
                throw SessionError("\(path): \(error)")
            }
        }
        for w in blueprint?.warnings ?? [] { warnings("blueprint: \(w)") }
        var renderer = RecordingRenderer(store: store, blueprint: blueprint, timeline: timeline?.name)
        renderer.composer = PictureComposer(titleBars: settings.titleBars)
        do {
            self.renderer = try renderer.selecting(view: settings.view, eye: settings.eye,
                                                   useViewUp: !settings.explicitUp)
        } catch {
            throw SessionError(error.description)
        }
        views = self.renderer.views
        width = settings.width
        height = settings.height
    }

    /// The query for a time as the user wrote it (nil: the end of the timeline).
    func query(at text: String?) throws(SessionError) -> LatestAtQuery {
        guard let timeline else { return .staticOnly }
        do {
            return LatestAtQuery(timeline: timeline.name, at: try TimeSelection.time(text, on: timeline, in: store))
        } catch {
            throw SessionError("\(error)")
        }
    }

    /// The picture at `query`; its warnings go to `warnings`, once each.
    func render(_ query: LatestAtQuery, threads: Int? = nil, warnings: ((String) -> Void)? = warn) throws -> RGBAImage {
        let (image, found) = try renderer.render(query: query, width: width, height: height,
                                                 pixelsPerPoint: Float(settings.pixelsPerPoint),
                                                 threads: threads ?? settings.threads)
        if let warnings { for w in Set(found.map(\.description)).sorted() { warnings(w) } }
        return image
    }
}

extension SceneOptions {
    var settings: SceneSettings {
        get throws {
            let size = try parsedSize()
            return SceneSettings(file: file, timeline: timeline, view: view, blueprint: blueprint,
                                 width: size.width, height: size.height,
                                 eye: try parsedEye(), explicitUp: hasExplicitUp, titleBars: titleBars,
                                 pixelsPerPoint: pixelsPerPoint, threads: threads)
        }
    }

    /// The session for these options; problems are printed and become exit code 2.
    func session() throws -> SceneSession {
        do {
            return try SceneSession(try settings)
        } catch let error as SessionError {
            throw failure(error.description)
        }
    }
}

extension SceneSession {
    /// The animation of `schedule` with this session's views and size (requires a timeline).
    func animation(_ schedule: FrameSchedule) -> AnimationRenderer? {
        guard let timeline else { return nil }
        return AnimationRenderer(renderer: renderer, timeline: timeline.name, schedule: schedule,
                                 width: width, height: height, pixelsPerPoint: Float(settings.pixelsPerPoint))
    }
}

/// Prints each distinct warning once.
final class WarningOnce: @unchecked Sendable {
    private let lock = NSLock()
    private var seen = Set<String>()

    func report(_ warnings: [RenderWarning]) {
        lock.lock(); defer { lock.unlock() }
        for w in warnings.map(\.description).sorted() where seen.insert(w).inserted { warn(w) }
    }
}
