import ArrowIPC
import RecordingModel
import SceneBuilding
import Testing

/// Golden pictures of the tensor, text-document and text-log views of `tensor_text.rrd` at two times, and of a
/// Markdown document that uses every block kind the renderer knows.
@Suite struct PanelGoldenTests {
    @Test(arguments: ["u8", "f64"])
    func tensor(_ entity: String) throws {
        let store = try ViewGolden.store("tensor_text.rrd")
        let view = ViewSpec(kind: .tensor, origin: ["tensor", entity], contents: .entity(["tensor", entity]))
        let drawing = TensorViewBuilder().build(view, width: 360, height: 260,
                                                context: ViewGolden.context(store, timeline: "frame", at: 3))
        #expect(drawing.warnings.isEmpty)
        try ViewGolden.check("tensor_\(entity)", drawing)
    }

    @Test(arguments: ["readme", "plain"])
    func document(_ entity: String) throws {
        let store = try ViewGolden.store("tensor_text.rrd")
        let view = ViewSpec(kind: .textDocument, origin: ["docs", entity], contents: .entity(["docs", entity]))
        let drawing = TextDocumentViewBuilder().build(view, width: 360, height: 160,
                                                      context: ViewGolden.context(store, timeline: "frame", at: 0))
        #expect(drawing.warnings.isEmpty)
        try ViewGolden.check("document_\(entity)", drawing)
    }

    @Test(arguments: [Int64(1), 3])
    func textLog(_ time: Int64) throws {
        let store = try ViewGolden.store("tensor_text.rrd")
        let view = ViewSpec(kind: .textLog, origin: [], contents: .subtree([]), name: "Logs")
        let drawing = TextLogViewBuilder().build(view, width: 480, height: 160,
                                                 context: ViewGolden.context(store, timeline: "frame", at: time))
        #expect(drawing.warnings.isEmpty)
        try ViewGolden.check("textlog_t\(time)", drawing)
    }

    static let showcase = """
        # Markdown showcase
        A paragraph with **bold**, *italic*, `code`, ~~struck~~ and a [link](https://rerun.io) that wraps \
        onto the next line when the view is narrow.

        ## Lists
        - first item
        - second item with a longer text that needs wrapping
          - nested item
        1. one
        2. two

        > A quoted remark.

        ```python
        rr.log("points", rr.Points3D(xyz))
        ```

        | name | value |
        |:-----|------:|
        | alpha | 1.5 |
        | beta | 22 |

        ---
        Last line.
        """

    @Test func markdownShowcase() throws {
        var store = ChunkStore(id: StoreID(kind: .recording, recordingID: "markdown"))
        let entity = EntityPath(["doc"])
        store.insert(try Chunk(id: ChunkID(timeNanos: 1, increment: 0), entityPath: entity,
                               rowIDs: [RowID(timeNanos: 1, increment: 1)], timeColumns: [], components: [
            ComponentColumn(descriptor: ComponentDescriptor(component: "TextDocument:text"), values: .utf8([Self.showcase]), lengths: [1]),
            ComponentColumn(descriptor: ComponentDescriptor(component: "TextDocument:media_type"),
                            values: .utf8(["text/markdown"]), lengths: [1]),
        ]))
        let view = ViewSpec(kind: .textDocument, origin: ["doc"], contents: .entity(["doc"]))
        let drawing = TextDocumentViewBuilder().build(view, width: 400, height: 560,
                                                      context: ViewContext(store: store, query: .staticOnly, timelineKind: nil))
        #expect(drawing.warnings.isEmpty)
        try ViewGolden.check("document_markdown_showcase", drawing)
    }
}
