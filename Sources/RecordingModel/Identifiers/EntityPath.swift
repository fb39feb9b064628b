/// A path in the entity tree, such as `/world/points`: a list of parts; the root is the empty list.
///
/// Text form (Rerun's rules): parts are separated by `/`, a leading `/` is optional and empty parts are
/// ignored; inside a part, `\` escapes the next character (`\n`, `\t`, `\r` and `\u{HEX}` have their usual
/// meaning, any other escaped character stands for itself). `description` escapes every character other than
/// ASCII letters, digits, `_`, `-`, `.` and non-ASCII letters/digits, so `EntityPath(parsing: p.description) == p`.
public struct EntityPath: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The unescaped parts, root first.
    public let parts: [String]

    public init(_ parts: [String]) { self.parts = parts }

    /// The root entity `/`.
    public static let root = EntityPath([])

    /// Parses the text form; a dangling `\` or a bad `\u{...}` escape is an error.
    public init(parsing text: String) throws(EntityPathError) {
        var parts: [String] = []
        var current = ""
        var it = text.unicodeScalars.makeIterator()
        var sawEscape = false
        func flush() {
            if !current.isEmpty || sawEscape { parts.append(current) }
            current = ""
            sawEscape = false
        }
        while let c = it.next() {
            switch c {
            case "/":
                flush()
            case "\\":
                guard let e = it.next() else { throw .danglingEscape(text) }
                sawEscape = true
                switch e {
                case "n": current.unicodeScalars.append("\n")
                case "t": current.unicodeScalars.append("\t")
                case "r": current.unicodeScalars.append("\r")
                case "u":
                    guard it.next() == "{" else { throw .badUnicodeEscape(text) }
                    var hex = ""
                    while let h = it.next(), h != "}" { hex.unicodeScalars.append(h) }
                    guard hex.count <= 8, let v = UInt32(hex, radix: 16), let s = Unicode.Scalar(v) else {
                        throw .badUnicodeEscape(text)
                    }
                    current.unicodeScalars.append(s)
                default: current.unicodeScalars.append(e)
                }
            default:
                current.unicodeScalars.append(c)
            }
        }
        flush()
        self.parts = parts
    }

    public var isRoot: Bool { parts.isEmpty }
    /// The parent; nil for the root.
    public var parent: EntityPath? { parts.isEmpty ? nil : EntityPath(Array(parts.dropLast())) }
    /// This path with one more part.
    public func child(_ part: String) -> EntityPath { EntityPath(parts + [part]) }
    /// The last part (nil for the root).
    public var last: String? { parts.last }

    /// Self, then the parent, ..., then the root.
    public var selfAndAncestors: [EntityPath] {
        (0 ... parts.count).reversed().map { EntityPath(Array(parts[0 ..< $0])) }
    }

    /// The strict ancestors, nearest first, ending at the root.
    public var ancestors: [EntityPath] { Array(selfAndAncestors.dropFirst()) }

    /// True when `self` is `other` or lies below it.
    public func isDescendant(orSelfOf other: EntityPath) -> Bool {
        parts.count >= other.parts.count && Array(parts[0 ..< other.parts.count]) == other.parts
    }

    /// `/` for the root, otherwise `/a/b` with each part escaped.
    public var description: String {
        parts.isEmpty ? "/" : parts.map { "/" + EntityPath.escape($0) }.joined()
    }

    /// Escapes one part (see the type's doc).
    public static func escape(_ part: String) -> String {
        var out = ""
        for s in part.unicodeScalars {
            switch s {
            case "a" ... "z", "A" ... "Z", "0" ... "9", "_", "-", ".": out.unicodeScalars.append(s)
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if s.value >= 0x80 && (s.properties.isAlphabetic || s.properties.numericType != nil) {
                    out.unicodeScalars.append(s)
                } else if s.value < 0x20 || s.value == 0x7F {
                    out += "\\u{\(String(s.value, radix: 16))}"
                } else {
                    out += "\\"
                    out.unicodeScalars.append(s)
                }
            }
        }
        return out
    }

    /// Orders by parts, lexicographically (so a parent sorts right before its children).
    public static func < (a: EntityPath, b: EntityPath) -> Bool { a.parts.lexicographicallyPrecedes(b.parts) }
}

/// Why an entity path text could not be parsed.
public enum EntityPathError: Error, Equatable, Sendable {
    case danglingEscape(String)
    case badUnicodeEscape(String)
}
