import ArgumentParser
import Foundation
import SceneBuilding

/// The options every rendering command shares: which recording, which views, what size, which camera.
struct SceneOptions: ParsableArguments {
    @Argument(help: "The recording (.rrd).")
    var file: String

    @Option(help: ArgumentHelp("The timeline to use.",
                               discussion: "Default: the recording's own timeline (the first by name other than log_time)."))
    var timeline: String?

    @Option(help: ArgumentHelp("Only this view: a view's entity path (origin) or its name, optionally after its class (TextLog:/).",
                               discussion: "Default: every view, laid out like the viewer's default layout. Where views share an origin, the class picks one: 3D, 2D, TimeSeries, BarChart, Tensor, TextDocument, TextLog."))
    var view: String?

    @Option(help: ArgumentHelp("A blueprint (.rbl) to lay out the views with.",
                               discussion: "Default: the blueprint inside the recording, if any, else the viewer's default views."))
    var blueprint: String?

    @Option(help: "Picture size in pixels, WIDTHxHEIGHT.")
    var size: String = "1280x720"

    @Option(help: "3D camera position x,y,z (with --target); default: the viewer's default eye.")
    var eye: String?

    @Option(help: "3D camera target x,y,z.")
    var target: String?

    @Option(help: "3D camera up direction x,y,z (default: the view's up axis).")
    var up: String?

    @Option(help: "3D vertical field of view in degrees.")
    var fov: Double = 55

    @Option(help: "Physical pixels per UI point: scales point sizes, line widths and text.")
    var pixelsPerPoint: Double = 1

    @Flag(inversion: .prefixedNo, help: "Draw a title bar above each view, like the viewer's tabs.")
    var titleBars = true

    @Option(help: "Worker threads (default: all cores). The picture does not depend on it.")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        _ = try parsedSize()
        guard threads >= 1, threads <= 1024 else { throw ValidationError("--threads must be between 1 and 1024") }
        guard fov > 0, fov < 180 else { throw ValidationError("--fov must be between 0 and 180 degrees") }
        guard pixelsPerPoint > 0, pixelsPerPoint <= 16 else { throw ValidationError("--pixels-per-point must be in (0, 16]") }
        if (eye == nil) != (target == nil) { throw ValidationError("--eye and --target go together") }
        _ = try parsedEye()
    }

    /// Largest picture side accepted.
    static let maxSide = 16384

    func parsedSize() throws -> (width: Int, height: Int) {
        let parts = size.lowercased().split(separator: "x")
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]), w >= 1, h >= 1,
              w <= Self.maxSide, h <= Self.maxSide else {
            throw ValidationError("--size must be WIDTHxHEIGHT with sides from 1 to \(Self.maxSide), e.g. 1280x720 (got '\(size)')")
        }
        return (w, h)
    }

    /// The camera given on the command line, if any.
    func parsedEye() throws -> Eye? {
        guard let eye, let target else { return nil }
        let position = try vector(eye, "--eye"), look = try vector(target, "--target")
        let upVector = try up.map { try vector($0, "--up") }
        return Eye(position: position, target: look, up: upVector ?? [0, 0, 1], fovY: fov * .pi / 180)
    }

    /// Whether `--up` was given (otherwise the view's own up axis is used).
    var hasExplicitUp: Bool { up != nil }

    private func vector(_ text: String, _ name: String) throws -> SIMD3<Double> {
        let v = text.split(separator: ",").compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard v.count == 3, v.allSatisfy(\.isFinite) else { throw ValidationError("\(name) must be x,y,z (got '\(text)')") }
        return SIMD3(v[0], v[1], v[2])
    }
}
