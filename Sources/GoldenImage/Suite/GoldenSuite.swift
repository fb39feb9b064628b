import Foundation
import MediaCodecs

/// A golden suite file: the cases `rrd-render check` renders and compares. Format (JSON, version 1)
/// in docs/golden-suites.md. Relative paths resolve against the folder of the suite file.
public struct GoldenSuite: Sendable, Equatable {
    public let name: String
    /// The suite file (as given), for reproduce commands.
    public let path: String
    public let cases: [SuiteCase]

    public init(name: String, path: String, cases: [SuiteCase]) {
        self.name = name; self.path = path; self.cases = cases
    }

    /// The same suite with only the cases named in `names`.
    public func selecting(_ names: [String]) -> GoldenSuite {
        GoldenSuite(name: name, path: path, cases: cases.filter { names.contains($0.name) })
    }

    /// Reads and validates a suite file. Errors name the file and, where possible, the case.
    public static func load(_ path: String) throws -> GoldenSuite {
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path, maxBytes: 16 << 20) } catch let error as MediaError {
            throw GoldenError.media(error)
        }
        return try parse(bytes, path: path)
    }

    /// Parses suite JSON; `path` locates relative paths and names the file in errors.
    public static func parse(_ bytes: [UInt8], path: String) throws -> GoldenSuite {
        let file: SuiteFile
        do {
            file = try JSONDecoder().decode(SuiteFile.self, from: Data(bytes))
        } catch let DecodingError.dataCorrupted(context) {
            throw GoldenError.invalidSuite(reason: Self.describe(context), path: path)
        } catch let DecodingError.keyNotFound(key, context) {
            throw GoldenError.invalidSuite(reason: "missing \"\(key.stringValue)\" at \(Self.location(context.codingPath))", path: path)
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            throw GoldenError.invalidSuite(reason: Self.describe(context), path: path)
        } catch {
            throw GoldenError.invalidSuite(reason: "\(error)", path: path)
        }
        if let unknown = unknownKey(in: bytes) {
            throw GoldenError.invalidSuite(reason: "unknown key \"\(unknown)\" (a typo would otherwise be ignored)", path: path)
        }
        guard file.version == 1 else {
            throw GoldenError.invalidSuite(reason: "unsupported version \(file.version) (this program reads version 1)", path: path)
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        func resolve(_ p: String) -> String { p.hasPrefix("/") ? p : folder.appendingPathComponent(p).standardized.path }
        var seen = Set<String>()
        var cases: [SuiteCase] = []
        for (index, entry) in file.cases.enumerated() {
            func fail(_ reason: String) -> GoldenError {
                .invalidSuite(reason: "case \(index) (\"\(entry.name)\"): \(reason)", path: path)
            }
            guard !entry.name.isEmpty, entry.name.allSatisfy({ $0.isLetter || $0.isNumber || "._-".contains($0) }),
                  !entry.name.hasPrefix(".") else {
                throw fail("names may hold only letters, digits, '.', '_' and '-' (they name artifact folders)")
            }
            guard seen.insert(entry.name).inserted else { throw fail("the name is used twice") }
            guard let recording = entry.recording ?? file.defaults?.recording else { throw fail("no recording") }
            let sizeText = entry.size ?? file.defaults?.size
            var size: SuiteCase.Size? = nil
            if let sizeText {
                guard let parsed = SuiteCase.Size(parsing: sizeText) else { throw fail("size \"\(sizeText)\" is not WIDTHxHEIGHT") }
                size = parsed
            }
            let tolerance = entry.tolerance ?? file.defaults?.tolerance ?? .exact
            if let problem = tolerance.problem { throw fail(problem) }
            if let camera = entry.camera, let problem = camera.problem { throw fail(problem) }
            cases.append(SuiteCase(name: entry.name, recording: resolve(recording),
                                   timeline: entry.timeline ?? file.defaults?.timeline, time: entry.time?.text,
                                   view: entry.view ?? file.defaults?.view, size: size,
                                   camera: entry.camera ?? file.defaults?.camera,
                                   golden: resolve(entry.golden ?? "\(entry.name).png"), tolerance: tolerance))
        }
        let name = file.name ?? URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
        return GoldenSuite(name: name, path: path, cases: cases)
    }

    /// The first key (in document order of the cases) that the format does not define, as "cases.2.tolerence".
    private static func unknownKey(in bytes: [UInt8]) -> String? {
        let toleranceKeys: Set = ["threshold", "ignoreAntialiasing", "maxBadPixels", "maxBadFraction"]
        let cameraKeys: Set = ["eye", "target", "up", "fov"]
        let caseKeys: Set = ["name", "recording", "timeline", "time", "view", "size", "camera", "golden", "tolerance"]
        let defaultKeys: Set = ["recording", "timeline", "view", "size", "camera", "tolerance"]
        func check(_ object: Any?, _ allowed: Set<String>, _ at: String) -> String? {
            guard let dictionary = object as? [String: Any] else { return nil }
            for key in dictionary.keys.sorted() where !allowed.contains(key) { return at + key }
            return check(dictionary["tolerance"], toleranceKeys, at + "tolerance.")
                ?? check(dictionary["camera"], cameraKeys, at + "camera.")
        }
        guard let top = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any] else { return nil }
        if let key = top.keys.sorted().first(where: { !["version", "name", "defaults", "cases"].contains($0) }) { return key }
        if let key = check(top["defaults"], defaultKeys, "defaults.") { return key }
        for (i, entry) in ((top["cases"] as? [Any]) ?? []).enumerated() {
            if let key = check(entry, caseKeys, "cases.\(i).") { return key }
        }
        return nil
    }

    private static func location(_ path: [any CodingKey]) -> String {
        path.isEmpty ? "the top level" : path.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".")
    }

    private static func describe(_ context: DecodingError.Context) -> String {
        context.codingPath.isEmpty ? context.debugDescription : "\(location(context.codingPath)): \(context.debugDescription)"
    }
}

/// One case, resolved: defaults applied, paths absolute. What the renderer closure receives.
public struct SuiteCase: Sendable, Equatable {
    public struct Size: Sendable, Equatable, CustomStringConvertible {
        public let width: Int
        public let height: Int

        /// "640x480" → 640×480; nil unless both sides are 1...16384.
        public init?(parsing text: String) {
            let parts = text.lowercased().split(separator: "x")
            guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]),
                  (1...16384).contains(w), (1...16384).contains(h) else { return nil }
            width = w
            height = h
        }

        public var description: String { "\(width)x\(height)" }
    }

    /// An explicit camera; without one the renderer picks its default view.
    public struct Camera: Sendable, Equatable, Codable {
        public var eye: [Double]
        public var target: [Double]
        public var up: [Double]?
        /// Vertical field of view in degrees.
        public var fov: Double?

        var problem: String? {
            if eye.count != 3 || target.count != 3 || (up.map { $0.count != 3 } ?? false) {
                return "camera eye, target and up need 3 numbers each"
            }
            if let fov, !(fov > 0 && fov < 180) { return "camera fov \(fov) is outside 0...180 degrees" }
            return nil
        }
    }

    public let name: String
    public let recording: String
    public let timeline: String?
    /// The time as written in the suite (a number or a string such as "1.5s"); the renderer parses it
    /// for the timeline's kind. Nil: the end of the timeline.
    public let time: String?
    /// The entity path of the view (space origin); nil: the default view.
    public let view: String?
    public let size: Size?
    public let camera: Camera?
    public let golden: String
    public let tolerance: Tolerance

    public init(name: String, recording: String, timeline: String? = nil, time: String? = nil, view: String? = nil,
                size: Size? = nil, camera: Camera? = nil, golden: String, tolerance: Tolerance = .exact) {
        self.name = name
        self.recording = recording
        self.timeline = timeline
        self.time = time
        self.view = view
        self.size = size
        self.camera = camera
        self.golden = golden
        self.tolerance = tolerance
    }
}

/// The JSON as written.
private struct SuiteFile: Decodable {
    struct Defaults: Decodable {
        var recording: String?
        var timeline: String?
        var view: String?
        var size: String?
        var camera: SuiteCase.Camera?
        var tolerance: Tolerance?
    }

    struct Entry: Decodable {
        var name: String
        var recording: String?
        var timeline: String?
        var time: TimeValue?
        var view: String?
        var size: String?
        var camera: SuiteCase.Camera?
        var golden: String?
        var tolerance: Tolerance?
    }

    /// A time given as a JSON number (`42`, `1.5`) or string (`"1.5s"`), kept as text.
    struct TimeValue: Decodable {
        let text: String
        init(from decoder: any Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let i = try? c.decode(Int64.self) { text = String(i) }
            else if let d = try? c.decode(Double.self) { text = String(d) }
            else { text = try c.decode(String.self) }
        }
    }

    var version: Int
    var name: String?
    var defaults: Defaults?
    var cases: [Entry]
}
