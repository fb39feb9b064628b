/// Which entities a view shows: `+ /a/**`, `+ /a`, `- /a/b/**` rules, as in Rerun's view contents.
/// An entity is shown when some inclusion rule matches it and no exclusion rule does.
/// Paths are lists of parts; the root is `[]`.
public struct EntityFilter: Equatable, Sendable, CustomStringConvertible {
    public struct Rule: Equatable, Sendable {
        public var path: [String]
        /// True: the entity and everything below it (`/**`); false: the entity alone.
        public var subtree: Bool
        public init(_ path: [String], subtree: Bool) { self.path = path; self.subtree = subtree }

        public func matches(_ entity: [String]) -> Bool {
            subtree ? entity.starts(with: path) : entity == path
        }
    }

    public var included: [Rule]
    public var excluded: [Rule]

    public init(included: [Rule], excluded: [Rule] = []) { self.included = included; self.excluded = excluded }

    public static func subtree(_ path: [String]) -> EntityFilter { EntityFilter(included: [Rule(path, subtree: true)]) }
    public static func entity(_ path: [String]) -> EntityFilter { EntityFilter(included: [Rule(path, subtree: false)]) }

    public func contains(_ entity: [String]) -> Bool {
        included.contains { $0.matches(entity) } && !excluded.contains { $0.matches(entity) }
    }

    public var description: String {
        func text(_ r: Rule, _ sign: String) -> String {
            let p = "/" + r.path.joined(separator: "/")
            return sign + " " + (r.subtree ? (r.path.isEmpty ? "/**" : p + "/**") : p)
        }
        return (included.map { text($0, "+") } + excluded.map { text($0, "-") }).joined(separator: " ")
    }
}
