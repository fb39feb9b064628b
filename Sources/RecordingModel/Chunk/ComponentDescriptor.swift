/// Names one component column: the component identifier plus its optional archetype and semantic type.
///
/// `component` is unique within an entity (e.g. `Points3D:positions`); `archetype` is e.g.
/// `rerun.archetypes.Points3D` (nil for AnyValues without archetype); `componentType` is e.g.
/// `rerun.components.Position3D` (nil for untyped user data).
public struct ComponentDescriptor: Hashable, Sendable, Comparable {
    public var component: String
    public var archetype: String?
    public var componentType: String?

    public init(component: String, archetype: String? = nil, componentType: String? = nil) {
        self.component = component
        self.archetype = archetype
        self.componentType = componentType
    }

    /// Builtin descriptor: `ComponentDescriptor(archetype: "Points3D", field: "positions", type: "Position3D")`
    /// → `Points3D:positions`, `rerun.archetypes.Points3D`, `rerun.components.Position3D`.
    public init(archetype short: String, field: String, type: String) {
        self.init(component: "\(short):\(field)", archetype: "rerun.archetypes.\(short)", componentType: "rerun.components.\(type)")
    }

    /// The archetype without `rerun.archetypes.` / `rerun.blueprint.archetypes.` / `rerun.` (user names unchanged).
    public var archetypeShortName: String? {
        guard let a = archetype else { return nil }
        for prefix in ["rerun.archetypes.", "rerun.blueprint.archetypes.", "rerun."] where a.hasPrefix(prefix) {
            return String(a.dropFirst(prefix.count))
        }
        return a
    }

    /// The archetype field (`positions`): `component` without `<short archetype>:`; the whole component otherwise.
    public var archetypeField: String {
        if let short = archetypeShortName, component.hasPrefix(short + ":") { return String(component.dropFirst(short.count + 1)) }
        return component
    }

    public static func < (a: ComponentDescriptor, b: ComponentDescriptor) -> Bool { a.component < b.component }
}
