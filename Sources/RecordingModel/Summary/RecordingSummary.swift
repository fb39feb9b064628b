import ArrowIPC

/// What `rrd-render info` reports about a loaded recording: stores, timelines with kinds and ranges, the
/// entity tree with archetypes and component columns, row counts, static entities and load warnings.
///
/// Everything is sorted (stores by id, timelines by name, entities by path, components by identifier), so
/// the same file always gives the same summary; `Codable` with snake_case keys for `--json`.
public struct RecordingSummary: Codable, Sendable, Equatable {
    public var streams: Int
    public var writerVersions: [String]
    public var stores: [Store]
    public var warnings: [Warning]

    public struct Store: Codable, Sendable, Equatable {
        public var kind: String
        public var recordingID: String
        public var applicationID: String?
        public var chunks: Int
        public var rows: Int
        public var timelines: [TimelineSummary]
        public var entities: [Entity]
        /// Entities whose every chunk is static.
        public var staticEntities: [String]
    }

    public struct TimelineSummary: Codable, Sendable, Equatable {
        public var name: String
        public var kind: String
        public var min: Int64
        public var max: Int64
    }

    public struct Entity: Codable, Sendable, Equatable {
        public var path: String
        public var chunks: Int
        public var rows: Int
        public var isStatic: Bool
        /// Archetypes of the entity's columns (`rerun.archetypes.Points3D`, `user.Sensor`, ...).
        public var archetypes: [String]
        /// Timelines the entity has data on.
        public var timelines: [String]
        public var components: [Component]
    }

    public struct Component: Codable, Sendable, Equatable {
        public var component: String
        public var archetype: String?
        public var componentType: String?
        /// Arrow type of the column (`list<item: ...>`).
        public var arrowType: String
        /// Non-null cells.
        public var rows: Int
        public var hasStaticData: Bool
        /// True for columns whose instance type this reader does not decode (kept, listed, never drawn).
        public var opaque: Bool
    }

    public struct Warning: Codable, Sendable, Equatable {
        public var offset: Int
        public var message: String
    }

    public init(_ recording: Recording) {
        streams = recording.streamCount
        writerVersions = recording.writerVersions
        warnings = recording.warnings.map { Warning(offset: $0.offset, message: $0.message) }
        stores = recording.stores.map(Self.summarize)
    }

    static func summarize(_ store: ChunkStore) -> Store {
        var entities: [Entity] = []
        for path in store.entityPaths {
            let chunks = store.chunks(of: path)
            var arrowTypes: [String: (String, Bool)] = [:]
            var timelines = Set<String>()
            for c in chunks {
                timelines.formUnion(c.timeColumns.map(\.timeline.name))
                for col in c.components where arrowTypes[col.descriptor.component] == nil {
                    arrowTypes[col.descriptor.component] = (col.cells.type.description, col.instanceType.containsUnsupported)
                }
            }
            let components = store.components(of: path).map { d in
                Component(component: d.component, archetype: d.archetype, componentType: d.componentType,
                          arrowType: arrowTypes[d.component]?.0 ?? "", rows: store.rowCount(entity: path, component: d.component),
                          hasStaticData: store.hasStaticData(entity: path, component: d.component),
                          opaque: arrowTypes[d.component]?.1 ?? false)
            }
            entities.append(Entity(path: path.description, chunks: chunks.count, rows: chunks.reduce(0) { $0 + $1.rowCount },
                                   isStatic: chunks.allSatisfy(\.isStatic),
                                   archetypes: Set(components.compactMap(\.archetype)).sorted(), timelines: timelines.sorted(),
                                   components: components))
        }
        return Store(kind: store.id.kind.rawValue, recordingID: store.id.recordingID, applicationID: store.id.applicationID,
                     chunks: store.chunks.count, rows: store.chunks.reduce(0) { $0 + $1.rowCount },
                     timelines: store.timelines.values.sorted { $0.timeline.name < $1.timeline.name }.map {
                         TimelineSummary(name: $0.timeline.name, kind: $0.timeline.kind.rawValue, min: $0.range.lowerBound, max: $0.range.upperBound)
                     },
                     entities: entities, staticEntities: entities.filter(\.isStatic).map(\.path))
    }

    /// A human-readable report (the entity tree indented by depth).
    public var text: String {
        var out = "streams: \(streams) (writer \(writerVersions.joined(separator: ", ")))\n"
        for s in stores {
            out += "\n\(s.kind) store \"\(s.recordingID)\"" + (s.applicationID.map { " (application \"\($0)\")" } ?? "")
                + ": \(s.chunks) chunks, \(s.rows) rows\n"
            out += "  timelines:\n"
            for t in s.timelines { out += "    \(t.name) (\(t.kind)): \(t.min) ... \(t.max)\n" }
            if s.timelines.isEmpty { out += "    (none)\n" }
            out += "  entities:\n"
            for e in s.entities {
                let depth = e.path == "/" ? 0 : e.path.split(separator: "/", omittingEmptySubsequences: true).count - 1
                let pad = String(repeating: "  ", count: depth + 2)
                let arch = e.archetypes.map { $0.replacingPrefix("rerun.archetypes.") }.joined(separator: ", ")
                out += "\(pad)\(e.path)\(e.isStatic ? " [static]" : "") — \(e.rows) rows in \(e.chunks) chunks"
                    + (arch.isEmpty ? "" : "; \(arch)") + "\n"
                for c in e.components {
                    out += "\(pad)    \(c.component): \(c.componentType ?? "(untyped)"), \(c.rows) rows"
                        + (c.hasStaticData ? ", static" : "") + (c.opaque ? ", opaque \(c.arrowType)" : "") + "\n"
                }
            }
            out += "  static entities: \(s.staticEntities.isEmpty ? "(none)" : s.staticEntities.joined(separator: ", "))\n"
        }
        out += "\nwarnings: \(warnings.count)\n"
        for w in warnings { out += "  offset \(w.offset): \(w.message)\n" }
        return out
    }
}

extension String {
    func replacingPrefix(_ prefix: String) -> String { hasPrefix(prefix) ? String(dropFirst(prefix.count)) : self }
}
