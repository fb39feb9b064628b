/// One Markdown block.
public indirect enum MarkdownBlock: Equatable, Sendable {
    public enum Alignment: Equatable, Sendable { case left, center, right }

    case heading(level: Int, [MarkdownSpan])
    case paragraph([MarkdownSpan])
    /// List items, each a list of blocks (nested lists included); `start` is the first number of an ordered list.
    case list(ordered: Bool, start: Int, items: [[MarkdownBlock]])
    case code(language: String?, text: String)
    case quote([MarkdownBlock])
    case table(header: [[MarkdownSpan]], alignments: [Alignment], rows: [[[MarkdownSpan]]])
    case rule
}

/// A small, line-based CommonMark block parser (plus GFM tables and strikethrough): ATX and setext headings,
/// paragraphs, thematic breaks, fenced and indented code, block quotes, bullet and ordered lists (nested by
/// indentation), and pipe tables. Simplifications: no HTML blocks, no link reference definitions, tabs count as
/// four spaces, and list items are never "loose" (no extra spacing between items). Quotes and lists nested deeper
/// than `maxDepth` are kept as plain paragraphs, so no input can exhaust the stack.
public enum MarkdownBlocks {
    public static let maxDepth = 16

    public static func parse(_ text: String) -> [MarkdownBlock] {
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\t", with: "    ")
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return parse(lines: lines, depth: 0)
    }

    static func parse(lines: [String], depth: Int) -> [MarkdownBlock] {
        var blocks: [MarkdownBlock] = []
        var paragraph: [String] = []
        func endParagraph() {
            if !paragraph.isEmpty {
                blocks.append(.paragraph(MarkdownInlines.parse(paragraph.joined(separator: "\n"))))
                paragraph = []
            }
        }
        var i = 0
        while i < lines.count {
            let line = lines[i]
            let indent = line.prefix { $0 == " " }.count
            let body = line.trimmingSpaces()
            if body.isEmpty { endParagraph(); i += 1; continue }

            // Setext heading underline closes the paragraph above it.
            if !paragraph.isEmpty, indent < 4, !body.isEmpty, body.allSatisfy({ $0 == "=" }) || (body.allSatisfy({ $0 == "-" }) && body.count >= 1) {
                let level = body.first == "=" ? 1 : 2
                blocks.append(.heading(level: level, MarkdownInlines.parse(paragraph.joined(separator: "\n"))))
                paragraph = []
                i += 1
                continue
            }
            if indent >= 4 && paragraph.isEmpty {
                var code: [String] = []
                while i < lines.count, lines[i].prefix(while: { $0 == " " }).count >= 4 || lines[i].trimmingSpaces().isEmpty {
                    code.append(String(lines[i].dropFirst(min(4, lines[i].count))))
                    i += 1
                }
                while code.last?.isEmpty == true { code.removeLast() }
                blocks.append(.code(language: nil, text: code.joined(separator: "\n")))
                continue
            }
            if let level = headingLevel(body), indent < 4 {
                endParagraph()
                var content = String(body.dropFirst(level)).trimmingSpaces()
                while content.hasSuffix("#") { content.removeLast() }
                blocks.append(.heading(level: level, MarkdownInlines.parse(content.trimmingSpaces())))
                i += 1
                continue
            }
            if isRule(body) {
                endParagraph()
                blocks.append(.rule)
                i += 1
                continue
            }
            if let fence = fenceMarker(body) {
                endParagraph()
                let language = String(body.dropFirst(fence.count)).trimmingSpaces()
                var code: [String] = []
                i += 1
                while i < lines.count, !lines[i].trimmingSpaces().hasPrefix(fence) {
                    code.append(String(lines[i].dropFirst(min(indent, lines[i].prefix { $0 == " " }.count))))
                    i += 1
                }
                i += 1
                blocks.append(.code(language: language.isEmpty ? nil : language, text: code.joined(separator: "\n")))
                continue
            }
            if body.hasPrefix(">"), depth < maxDepth {
                endParagraph()
                var quoted: [String] = []
                while i < lines.count, lines[i].trimmingSpaces().hasPrefix(">") {
                    var q = lines[i].trimmingSpaces().dropFirst()
                    if q.first == " " { q = q.dropFirst() }
                    quoted.append(String(q))
                    i += 1
                }
                blocks.append(.quote(parse(lines: quoted, depth: depth + 1)))
                continue
            }
            if depth < maxDepth, let marker = listMarker(line), paragraph.isEmpty || marker.start == 1 || !marker.ordered {
                endParagraph()
                let (block, next) = parseList(lines, from: i, first: marker, depth: depth)
                blocks.append(block)
                i = next
                continue
            }
            if body.contains("|"), i + 1 < lines.count, let alignments = tableDelimiter(lines[i + 1]) {
                let header = cells(body)
                if header.count == alignments.count {
                    endParagraph()
                    var rows: [[[MarkdownSpan]]] = []
                    i += 2
                    while i < lines.count, !lines[i].trimmingSpaces().isEmpty, lines[i].contains("|") {
                        var row = cells(lines[i].trimmingSpaces())
                        row = Array(row.prefix(header.count)) + Array(repeating: "", count: max(0, header.count - row.count))
                        rows.append(row.map(MarkdownInlines.parse))
                        i += 1
                    }
                    blocks.append(.table(header: header.map(MarkdownInlines.parse), alignments: alignments, rows: rows))
                    continue
                }
            }
            paragraph.append(body)
            i += 1
        }
        endParagraph()
        return blocks
    }

    static func headingLevel(_ body: String) -> Int? {
        let hashes = body.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = body.dropFirst(hashes)
        return rest.isEmpty || rest.first == " " ? hashes : nil
    }

    static func isRule(_ body: String) -> Bool {
        let chars = body.filter { $0 != " " }
        guard chars.count >= 3, let c = chars.first, "-*_".contains(c) else { return false }
        return chars.allSatisfy { $0 == c }
    }

    static func fenceMarker(_ body: String) -> String? {
        for ch in ["`", "~"] {
            let n = body.prefix { String($0) == ch }.count
            if n >= 3 { return String(repeating: ch, count: n) }
        }
        return nil
    }

    struct ListMarker { var indent: Int; var width: Int; var ordered: Bool; var start: Int; var bullet: Character }

    /// `- `, `* `, `+ `, `12. ` or `12) ` after up to three spaces (more when nested; the caller compares indents).
    static func listMarker(_ line: String) -> ListMarker? {
        let indent = line.prefix { $0 == " " }.count
        let rest = Array(line.dropFirst(indent))
        guard let first = rest.first else { return nil }
        if "-*+".contains(first) {
            guard rest.count == 1 || rest[1] == " " else { return nil }
            if isRule(String(rest)) { return nil }
            return ListMarker(indent: indent, width: min(rest.count, 2), ordered: false, start: 1, bullet: first)
        }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard (1...9).contains(digits.count), rest.count > digits.count, ".)".contains(rest[digits.count]),
              rest.count == digits.count + 1 || rest[digits.count + 1] == " " else { return nil }
        return ListMarker(indent: indent, width: min(rest.count, digits.count + 2), ordered: true,
                          start: Int(String(digits)) ?? 1, bullet: rest[digits.count])
    }

    /// A list: consecutive items with the same kind of marker at the same indentation; lines indented past the
    /// marker (or lazy continuation lines) belong to the current item.
    static func parseList(_ lines: [String], from start: Int, first: ListMarker, depth: Int) -> (MarkdownBlock, Int) {
        var items: [[String]] = []
        var i = start
        var blankPending = false
        while i < lines.count {
            let line = lines[i]
            let body = line.trimmingSpaces()
            let indent = line.prefix { $0 == " " }.count
            if body.isEmpty { blankPending = true; i += 1; continue }
            if let m = listMarker(line), m.indent <= first.indent + 1, m.ordered == first.ordered, m.bullet == first.bullet {
                items.append([String(line.dropFirst(m.indent + m.width))])
                blankPending = false
                i += 1
                continue
            }
            let contentIndent = first.indent + first.width
            if indent >= contentIndent || (!blankPending && listMarker(line) == nil && !items.isEmpty
                                           && headingLevel(body) == nil && !isRule(body) && !body.hasPrefix(">")) {
                if blankPending { items[items.count - 1].append("") }
                items[items.count - 1].append(String(line.dropFirst(min(indent, contentIndent))))
                blankPending = false
                i += 1
                continue
            }
            break
        }
        return (.list(ordered: first.ordered, start: first.start, items: items.map { parse(lines: $0, depth: depth + 1) }), i)
    }

    /// Alignments of a table delimiter row such as `| --- | :-: | --: |`, or nil when the line is not one.
    static func tableDelimiter(_ line: String) -> [MarkdownBlock.Alignment]? {
        let parts = cells(line.trimmingSpaces())
        guard !parts.isEmpty, line.contains("-") else { return nil }
        var out: [MarkdownBlock.Alignment] = []
        for p in parts {
            let t = p.trimmingSpaces()
            guard !t.isEmpty, t.allSatisfy({ $0 == "-" || $0 == ":" }), t.contains("-") else { return nil }
            out.append(t.hasPrefix(":") && t.hasSuffix(":") ? .center : t.hasSuffix(":") ? .right : .left)
        }
        return out
    }

    /// The cells of a pipe-table row (outer pipes optional, `\|` kept as a pipe).
    static func cells(_ row: String) -> [String] {
        var s = Substring(row)
        if s.hasPrefix("|") { s = s.dropFirst() }
        if s.hasSuffix("|") && !s.hasSuffix("\\|") { s = s.dropLast() }
        var out: [String] = []
        var current = ""
        var escaped = false
        for ch in s {
            if escaped { current.append(ch); escaped = false; continue }
            if ch == "\\" { escaped = true; current.append(ch); continue }
            if ch == "|" { out.append(current.trimmingSpaces()); current = ""; continue }
            current.append(ch)
        }
        out.append(current.trimmingSpaces())
        return out.map { $0.replacingOccurrences(of: "\\|", with: "|") }
    }
}
