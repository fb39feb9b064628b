import Rasterizer
import RecordingModel

/// What every view needs to draw itself at one moment: the data, the moment, and the display scale.
///
/// Latest-at questions go through `source` (the store searched per question for a snapshot, a forward walk for
/// the frames of an animation: same answers); `store` serves everything else (entity lists, range queries).
public struct ViewContext: Sendable {
    /// The recording's data.
    public let store: ChunkStore
    /// Answers latest-at at `query`.
    public let source: any LatestAtSource
    /// The timeline and time the picture shows (`LatestAtQuery.staticOnly` when the recording has no timeline).
    public let query: LatestAtQuery
    /// The kind of `query.timeline`, for formatting times (nil for static-only).
    public let timelineKind: TimelineKind?
    /// Physical pixels per UI point (1 for golden images); UI-point sizes are multiplied by it.
    public let pixelsPerPoint: Float
    /// Worker threads the rasterizer may use for this view.
    public let threads: Int

    public init(store: ChunkStore, query: LatestAtQuery, timelineKind: TimelineKind?, pixelsPerPoint: Float = 1,
                threads: Int = 1) {
        self.init(source: StoreLatestAt(store: store, query: query), timelineKind: timelineKind,
                  pixelsPerPoint: pixelsPerPoint, threads: threads)
    }

    public init(source: any LatestAtSource, timelineKind: TimelineKind?, pixelsPerPoint: Float = 1, threads: Int = 1) {
        self.source = source; store = source.store; query = source.query; self.timelineKind = timelineKind
        self.pixelsPerPoint = pixelsPerPoint; self.threads = threads
    }

    /// Component of the (pre-0.41) DisconnectedSpace archetype; `true` splits the transform tree at the entity.
    public static let disconnectedSpaceComponent = "DisconnectedSpace:disconnected_space"

    /// True when `entity` carries a visible DisconnectedSpace set to true at this moment.
    public func isDisconnectedSpace(_ entity: EntityPath) -> Bool {
        source.latestAt(Self.disconnectedSpaceComponent, entity: entity)?.bools().first == true
    }

    /// The typed view of `archetype` on `entity` at this moment (nil when not visible).
    public func view<V: ArchetypeView>(_ type: V.Type, _ entity: EntityPath) -> V? {
        source.view(type, entity: entity)
    }

    /// The visible cell of `component` on `entity` at this moment.
    public func latestAt(_ component: String, _ entity: EntityPath) -> ComponentCell? {
        source.latestAt(component, entity: entity)
    }
}

/// A problem found while drawing: the rest of the picture is still drawn.
public struct RenderWarning: Sendable, Equatable, CustomStringConvertible {
    /// The entity whose data caused it (nil for view-level problems).
    public var entity: EntityPath?
    public var message: String

    public init(entity: EntityPath?, _ message: String) { self.entity = entity; self.message = message }

    public var description: String { entity.map { "\($0): \(message)" } ?? message }
}

/// One view, ready for the rasterizer: what to draw, seen through which camera, at the view's own size.
public struct ViewDrawing: Sendable {
    public var drawList: DrawList
    public var camera: Camera
    public var warnings: [RenderWarning]

    public init(drawList: DrawList, camera: Camera, warnings: [RenderWarning] = []) {
        self.drawList = drawList; self.camera = camera; self.warnings = warnings
    }
}

/// Builds the drawing of one view class. One implementation per `ViewKind`.
public protocol ViewBuilder: Sendable {
    /// The drawing of `view` for a `width × height` pixel area (both ≥ 1) at `context`'s moment.
    func build(_ view: ViewSpec, width: Int, height: Int, context: ViewContext) -> ViewDrawing
}
