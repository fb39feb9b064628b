/// A piece of Markdown inline text with its styling flags (the inline structure flattened: nested emphasis
/// just sets more flags).
public struct MarkdownSpan: Equatable, Sendable, CustomStringConvertible {
    public var text: String
    public var strong = false
    public var emphasis = false
    public var code = false
    public var strikethrough = false
    /// The target when the span is (part of) a link's text.
    public var link: String?

    public init(_ text: String, strong: Bool = false, emphasis: Bool = false, code: Bool = false,
                strikethrough: Bool = false, link: String? = nil) {
        self.text = text; self.strong = strong; self.emphasis = emphasis; self.code = code
        self.strikethrough = strikethrough; self.link = link
    }

    public var description: String {
        var flags = ""
        if strong { flags += "B" }
        if emphasis { flags += "I" }
        if code { flags += "C" }
        if strikethrough { flags += "S" }
        if let link { flags += "L(\(link))" }
        return flags.isEmpty ? text : "[\(flags)]\(text)"
    }
}

/// A small CommonMark inline parser: backslash escapes, code spans, `*`/`_` emphasis and strong emphasis,
/// `~~strikethrough~~`, links `[text](url)`, images `![alt](url)` (shown as their alt text), autolinks `<url>`,
/// and hard line breaks (two trailing spaces or a backslash before a newline). Delimiters that do not close
/// stay literal text. Simplifications: emphasis closes at the first matching delimiter run of the same
/// character and length, and raw HTML is kept as text.
///
/// Cost: a failed search for a closing run is remembered per (character, length), so unmatched delimiters cost
/// one scan each, not one per opener; link text and autolinks are looked for within 2,000 / 500 characters; nesting
/// deeper than `maxDepth` stays literal. A paragraph of n characters parses in O(n · maxDepth).
public enum MarkdownInlines {
    public static let maxDepth = 16

    public static func parse(_ text: String) -> [MarkdownSpan] {
        var out: [MarkdownSpan] = []
        parse(Array(text), style: MarkdownSpan(""), depth: 0, into: &out)
        return merged(out)
    }

    /// Adjacent spans of equal style joined.
    static func merged(_ spans: [MarkdownSpan]) -> [MarkdownSpan] {
        var out: [MarkdownSpan] = []
        for s in spans where !s.text.isEmpty {
            if var last = out.last, last.strong == s.strong, last.emphasis == s.emphasis, last.code == s.code,
               last.strikethrough == s.strikethrough, last.link == s.link {
                last.text += s.text
                out[out.count - 1] = last
            } else {
                out.append(s)
            }
        }
        return out
    }

    private static func parse(_ c: [Character], style: MarkdownSpan, depth: Int, into out: inout [MarkdownSpan]) {
        var buffer = ""
        // Searches known to fail from any position at or after the stored one, per delimiter run.
        var noCloser: [String: Int] = [:]
        func knownToFail(_ key: String, _ from: Int) -> Bool { noCloser[key].map { from >= $0 } ?? false }
        func failed(_ key: String, _ from: Int) { noCloser[key] = min(noCloser[key] ?? from, from) }
        func flush() {
            if !buffer.isEmpty { var s = style; s.text = buffer; out.append(s); buffer = "" }
        }
        var i = 0
        while i < c.count {
            let ch = c[i]
            // Hard line break: backslash or two spaces before a newline.
            if ch == "\n" {
                if buffer.hasSuffix("  ") || buffer.hasSuffix("\\") {
                    while buffer.hasSuffix(" ") { buffer.removeLast() }
                    if buffer.hasSuffix("\\") { buffer.removeLast() }
                    buffer += "\n"
                } else {
                    while buffer.hasSuffix(" ") { buffer.removeLast() }
                    buffer += " "
                }
                i += 1
                while i < c.count && c[i] == " " { i += 1 }
                continue
            }
            if ch == "\\", i + 1 < c.count, c[i + 1].isPunctuation || c[i + 1].isSymbol {
                buffer.append(c[i + 1]); i += 2; continue
            }
            if ch == "`" {
                let run = runLength(c, i, "`")
                let key = "`\(run)"
                let close = knownToFail(key, i + run) ? nil : findRun(c, from: i + run, char: "`", length: run)
                if close == nil { failed(key, i + run) }
                if let close {
                    flush()
                    var code = String(c[(i + run)..<close]).replacingNewlines()
                    if code.count >= 2, code.first == " ", code.last == " ", !code.allSatisfy({ $0 == " " }) {
                        code = String(code.dropFirst().dropLast())
                    }
                    var s = style; s.text = code; s.code = true
                    out.append(s)
                    i = close + run
                } else {
                    buffer += String(repeating: "`", count: run); i += run
                }
                continue
            }
            if ch == "<", let close = c[(i + 1)..<min(c.count, i + 500)].firstIndex(of: ">") {
                let inner = String(c[(i + 1)..<close])
                if inner.contains("://") || (inner.contains("@") && !inner.contains(" ")), !inner.contains(" ") {
                    flush()
                    var s = style; s.text = inner; s.link = inner
                    out.append(s)
                    i = close + 1
                    continue
                }
            }
            if depth < maxDepth, ch == "[" || (ch == "!" && i + 1 < c.count && c[i + 1] == "["),
               let link = parseLink(c, at: ch == "!" ? i + 1 : i) {
                flush()
                var s = style; s.link = link.url
                parse(Array(link.text), style: s, depth: depth + 1, into: &out)
                i = link.end
                continue
            }
            if ch == "*" || ch == "_" || ch == "~" {
                let run = runLength(c, i, ch)
                let length = ch == "~" ? 2 : min(run, 3)
                let prev: Character? = i > 0 ? c[i - 1] : nil
                let next: Character? = i + run < c.count ? c[i + run] : nil
                let opens = next.map { !$0.isWhitespace } ?? false
                    && (ch != "_" || !(prev?.isLetter ?? false) && !(prev?.isNumber ?? false))
                let key = "\(ch)\(run)"
                var close: Int? = nil
                if depth < maxDepth, run >= length, opens, ch != "~" || run == 2, !knownToFail(key, i + run) {
                    close = findClosing(c, from: i + run, char: ch, length: run)
                    if close == nil { failed(key, i + run) }
                }
                if let close {
                    flush()
                    var s = style
                    switch (ch, run) {
                    case ("~", _): s.strikethrough = true
                    case (_, 1): s.emphasis = true
                    case (_, 2): s.strong = true
                    default: s.strong = true; s.emphasis = true
                    }
                    parse(Array(c[(i + run)..<close]), style: s, depth: depth + 1, into: &out)
                    i = close + run
                    continue
                }
                buffer += String(repeating: ch, count: run)
                i += run
                continue
            }
            buffer.append(ch)
            i += 1
        }
        flush()
    }

    private static func runLength(_ c: [Character], _ i: Int, _ ch: Character) -> Int {
        var n = 0
        while i + n < c.count && c[i + n] == ch { n += 1 }
        return n
    }

    /// The start of the next run of exactly `length` × `char` at or after `from`.
    private static func findRun(_ c: [Character], from: Int, char: Character, length: Int) -> Int? {
        var i = from
        while i < c.count {
            if c[i] == char {
                let n = runLength(c, i, char)
                if n == length { return i }
                i += n
            } else {
                i += 1
            }
        }
        return nil
    }

    /// A closing emphasis run: same length, not preceded by whitespace, not inside a code span.
    private static func findClosing(_ c: [Character], from: Int, char: Character, length: Int) -> Int? {
        var i = from
        while i < c.count {
            if c[i] == "`" {
                let n = runLength(c, i, "`")
                if let close = findRun(c, from: i + n, char: "`", length: n) { i = close + n; continue }
                i += n
                continue
            }
            if c[i] == "\\" { i += 2; continue }
            if c[i] == char {
                let n = runLength(c, i, char)
                let after: Character? = i + n < c.count ? c[i + n] : nil
                let intraword = char == "_" && ((after?.isLetter ?? false) || (after?.isNumber ?? false))
                if n == length, i > from, !c[i - 1].isWhitespace, !intraword { return i }
                i += n
                continue
            }
            i += 1
        }
        return nil
    }

    /// `[text](url "title")` starting at `i` (the `[`): the text, the url and the index after `)`.
    private static func parseLink(_ c: [Character], at i: Int) -> (text: String, url: String, end: Int)? {
        var depth = 0
        var j = i
        let limit = min(c.count, i + 2000)
        while j < limit {
            if c[j] == "\\" { j += 2; continue }
            if c[j] == "[" { depth += 1 }
            if c[j] == "]" { depth -= 1; if depth == 0 { break } }
            j += 1
        }
        guard j < limit, j + 1 < c.count, c[j + 1] == "(",
              let close = c[(j + 2)..<min(c.count, j + 2002)].firstIndex(of: ")") else { return nil }
        var target = String(c[(j + 2)..<close]).trimmingSpaces()
        if let space = target.firstIndex(of: " ") { target = String(target[..<space]) }
        if target.hasPrefix("<") && target.hasSuffix(">") { target = String(target.dropFirst().dropLast()) }
        return (String(c[(i + 1)..<j]), target, close + 1)
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" { s = s.dropLast() }
        return String(s)
    }

    fileprivate func replacingNewlines() -> String { String(map { $0 == "\n" ? " " : $0 }) }
}
