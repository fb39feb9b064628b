import ArrowIPC
import RecordingModel
@testable import SceneBuilding
import Testing

/// The Markdown block and inline parsers of the text-document view, and the text log's row collection.
@Suite struct PanelMarkdownTests {
    func inline(_ text: String) -> [String] { MarkdownInlines.parse(text).map(\.description) }

    @Test func emphasisStrongCodeAndStrike() {
        #expect(inline("a **b** *c* `d` ~~e~~") == ["a ", "[B]b", " ", "[I]c", " ", "[C]d", " ", "[S]e"])
        #expect(inline("***both***") == ["[BI]both"])
        #expect(inline("**bold with *nested* part**") == ["[B]bold with ", "[BI]nested", "[B] part"])
        #expect(inline("snake_case_name and 2*3*4") == ["snake_case_name and 2", "[I]3", "4"])  // CommonMark: intraword * emphasises, _ does not
        #expect(inline("* not emphasis *") == ["* not emphasis *"])
        #expect(inline("`` code with ` tick ``") == ["[C]code with ` tick"])
        #expect(inline("`**not bold**`") == ["[C]**not bold**"])
        #expect(inline("unclosed **bold") == ["unclosed **bold"])
    }

    @Test func linksEscapesAndBreaks() {
        #expect(inline("see [the *docs*](https://x.io \"t\") now") == ["see ", "[L(https://x.io)]the ", "[IL(https://x.io)]docs", " now"])
        #expect(inline("![alt](img.png)") == ["[L(img.png)]alt"])
        #expect(inline("<https://rerun.io>") == ["[L(https://rerun.io)]https://rerun.io"])
        #expect(inline("\\*literal\\* [no link]") == ["*literal* [no link]"])
        #expect(inline("soft\nbreak") == ["soft break"])
        #expect(inline("hard  \nbreak") == ["hard\nbreak"])
    }

    @Test func blocks() {
        let doc = """
            # Title #
            Setext
            ---
            para one
            continues

            - a
            - b
              - nested
            3. three
            4. four

            > quoted **text**

            ```swift
            let x = 1
            ```

                indented code

            ***
            | h1 | h2 |
            |:--|:-:|
            | a \\| b | c |
            """
        let blocks = MarkdownBlocks.parse(doc)
        #expect(blocks.count == 10)
        #expect(blocks[0] == .heading(level: 1, [MarkdownSpan("Title")]))
        #expect(blocks[1] == .heading(level: 2, [MarkdownSpan("Setext")]))
        #expect(blocks[2] == .paragraph([MarkdownSpan("para one continues")]))
        #expect(blocks[3] == .list(ordered: false, start: 1, items: [
            [.paragraph([MarkdownSpan("a")])],
            [.paragraph([MarkdownSpan("b")]), .list(ordered: false, start: 1, items: [[.paragraph([MarkdownSpan("nested")])]])],
        ]))
        #expect(blocks[4] == .list(ordered: true, start: 3, items: [[.paragraph([MarkdownSpan("three")])],
                                                                     [.paragraph([MarkdownSpan("four")])]]))
        #expect(blocks[5] == .quote([.paragraph([MarkdownSpan("quoted "), MarkdownSpan("text", strong: true)])]))
        #expect(blocks[6] == .code(language: "swift", text: "let x = 1"))
        #expect(blocks[7] == .code(language: nil, text: "indented code"))
        #expect(blocks[8] == .rule)
        #expect(blocks[9] == .table(header: [[MarkdownSpan("h1")], [MarkdownSpan("h2")]], alignments: [.left, .center],
                                    rows: [[[MarkdownSpan("a | b")], [MarkdownSpan("c")]]]))
    }

    @Test func fixtureReadme() {
        #expect(MarkdownBlocks.parse("# Fixture\n\nSome **markdown** with a [link](https://example.com).") == [
            .heading(level: 1, [MarkdownSpan("Fixture")]),
            .paragraph([MarkdownSpan("Some "), MarkdownSpan("markdown", strong: true), MarkdownSpan(" with a "),
                        MarkdownSpan("link", link: "https://example.com"), MarkdownSpan(".")]),
        ])
    }

    @Test func degenerateInputs() {
        #expect(MarkdownBlocks.parse("").isEmpty)
        #expect(MarkdownBlocks.parse("```\nnever closed").first == .code(language: nil, text: "never closed"))
        #expect(MarkdownBlocks.parse("#nospace") == [.paragraph([MarkdownSpan("#nospace")])])
        #expect(MarkdownBlocks.parse("| not | a table |") == [.paragraph([MarkdownSpan("| not | a table |")])])
        // Deep nesting and long delimiter runs terminate.
        #expect(MarkdownBlocks.parse(String(repeating: "> ", count: 200) + "deep").count == 1)
        #expect(MarkdownInlines.parse(String(repeating: "*", count: 5000)).count == 1)
    }

    @Test func hostileInputsStayLinearAndShallow() {
        // Thousands of unmatched openers: one failed scan per delimiter kind, not one per opener.
        let stars = String(repeating: "*a _b `c [d ", count: 20_000)
        // (The backticks pair up into code spans and are consumed: 20,000 fewer characters.)
        #expect(MarkdownInlines.parse(stars).map(\.text).joined().count == stars.count - 20_000)
        // Nesting beyond maxDepth stays literal text instead of recursing.
        let nested = String(repeating: "[", count: 3000) + "x" + String(repeating: "](u)", count: 3000)
        #expect(!MarkdownInlines.parse(nested).isEmpty)
        let quotes = MarkdownBlocks.parse(String(repeating: ">", count: 5000) + " deep")
        var depth = 0
        var block = quotes.first
        while case .quote(let inner)? = block { depth += 1; block = inner.first }
        #expect(depth == MarkdownBlocks.maxDepth)
        let lists = MarkdownBlocks.parse((0..<500).map { String(repeating: " ", count: 2 * $0) + "- item" }.joined(separator: "\n"))
        #expect(lists.count == 1)
    }

    @Test func longDocumentsLayOutOnlyWhatIsVisible() throws {
        var store = ChunkStore(id: StoreID(kind: .recording, recordingID: "long"))
        let words = (0..<200_000).map { "word\($0 % 97)" }.joined(separator: " ") + " " + String(repeating: "x", count: 100_000)
        store.insert(try Chunk(id: ChunkID(timeNanos: 1, increment: 0), entityPath: EntityPath(["doc"]),
                               rowIDs: [RowID(timeNanos: 1, increment: 1)], timeColumns: [], components: [
            ComponentColumn(descriptor: ComponentDescriptor(component: "TextDocument:text"), values: .utf8([words]), lengths: [1]),
        ]))
        let view = ViewSpec(kind: .textDocument, origin: ["doc"], contents: .entity(["doc"]))
        let drawing = TextDocumentViewBuilder().build(view, width: 200, height: 100,
                                                      context: ViewContext(store: store, query: .staticOnly, timelineKind: nil))
        #expect(drawing.drawList.count > 3 && drawing.drawList.count < 40)
    }

    @Test func wrappingKeepsWordsWhole() {
        let flow = TextFlow(fonts: PanelFonts())
        let style = TextStyle(face: .regular, size: 12, color: PanelStyle.bodyText)
        let text = "the quick brown fox jumps over the lazy dog"
        let width = flow.measure("the quick brown", style).x + 1
        let lines = flow.lines([StyledRun(text: text, style: style)], maxWidth: width)
        #expect(lines.map { $0.pieces.map(\.text).joined() } == ["the quick brown", "fox jumps over", "the lazy dog"])
        #expect(lines.allSatisfy { $0.width <= width })
        // An over-long word is split between characters.
        let long = flow.lines([StyledRun(text: "abcdefghijklmnop", style: style)], maxWidth: flow.measure("abcde", style).x)
        #expect(long.count >= 3 && long.map { $0.pieces.map(\.text).joined() }.joined() == "abcdefghijklmnop")
    }

    @Test func textLogRowsAreOrderedAndStopAtTheCursor() throws {
        let store = try ViewGolden.store("tensor_text.rrd")
        let rows = TextLogViewBuilder.rows(store: store, entities: [.init(["logs"])], timeline: "frame", upTo: 2)
        #expect(rows.map(\.body) == ["message 0", "message 1", "message 2"])
        #expect(rows.map(\.level) == ["INFO", "WARN", "ERROR"])
        let all = TextLogViewBuilder.rows(store: store, entities: [.init(["logs"])], timeline: "frame", upTo: .max)
        #expect(all.last?.level == "CUSTOM" && all.last?.color == .white)
    }
}
