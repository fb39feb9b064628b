import ArrowIPC
import RecordingModel

/// Arbitrary named columns without an archetype (Python's `rr.AnyValues`): each column's component is the
/// name as given, with no archetype and no component type, unless a component type is given with
/// `withComponentOverride`.
///
/// ```swift
/// rec.log("sensor", AnyValues(["confidence": [0.9, 0.8, 0.7], "description": "free text"]))
/// ```
public struct AnyValues: AsComponents {
    public private(set) var componentBatches: [ComponentBatch] = []

    /// Columns in the given order.
    public init(_ columns: KeyValuePairs<String, AnyValue> = [:]) {
        for (name, value) in columns { set(ComponentDescriptor(component: name), value.array) }
    }

    /// Columns from (name, value) pairs.
    public init(columns: [(String, AnyValue)]) {
        for (name, value) in columns { set(ComponentDescriptor(component: name), value.array) }
    }

    /// A copy with one more column `name` (replacing a column of the same name).
    public func with(_ name: String, _ value: AnyValue) -> AnyValues {
        var copy = self
        copy.set(ComponentDescriptor(component: name), value.array)
        return copy
    }

    /// Python's `with_component_override(field, component_type, value)`: the column `field` carries the
    /// component type `componentType` (still no archetype).
    public func withComponentOverride(_ field: String, _ componentType: String?, _ value: AnyValue) -> AnyValues {
        var copy = self
        copy.set(ComponentDescriptor(component: field, componentType: componentType), value.array)
        return copy
    }

    /// A column with a complete descriptor of the caller's choosing (Python's `with_component_from_data`).
    public func with(descriptor: ComponentDescriptor, _ value: AnyValue) -> AnyValues {
        var copy = self
        copy.set(descriptor, value.array)
        return copy
    }

    private mutating func set(_ descriptor: ComponentDescriptor, _ array: ArrowArray) {
        componentBatches.removeAll { $0.descriptor.component == descriptor.component }
        componentBatches.append(ComponentBatch(descriptor: descriptor, array: array))
    }
}

/// An archetype whose name Rerun does not define (Python's `rr.DynamicArchetype`): each column is
/// `<archetype>:<field>` with archetype `archetype` and, unless overridden, no component type.
public struct DynamicArchetype: Archetype {
    public let archetypeName: String
    public private(set) var componentBatches: [ComponentBatch] = []

    public init(archetype: String, components: KeyValuePairs<String, AnyValue> = [:]) {
        archetypeName = archetype
        for (field, value) in components { set(field, componentType: nil, value) }
    }

    /// A copy with one more field (replacing a field of the same name).
    public func with(_ field: String, _ value: AnyValue) -> DynamicArchetype {
        var copy = self
        copy.set(field, componentType: nil, value)
        return copy
    }

    /// A copy with one more field carrying a component type.
    public func withComponentOverride(_ field: String, _ componentType: String?, _ value: AnyValue) -> DynamicArchetype {
        var copy = self
        copy.set(field, componentType: componentType, value)
        return copy
    }

    private mutating func set(_ field: String, componentType: String?, _ value: AnyValue) {
        let batch = ComponentBatch(archetype: archetypeName, field: field, componentType: componentType, value)
        componentBatches.removeAll { $0.descriptor.component == batch.descriptor.component }
        componentBatches.append(batch)
    }
}

extension ComponentBatch {
    /// A custom component with a full descriptor: `<short archetype>:<field>` (e.g.
    /// `user.CustomPoints3D:confidences`), archetype `archetype`, component type `componentType`
    /// (e.g. `user.Confidence`). This is how a user-defined archetype adds its own columns.
    public init(archetype: String, field: String, componentType: String?, _ value: AnyValue) {
        self.init(descriptor: ComponentDescriptor(component: "\(ArchetypeSchema.shortName(of: archetype)):\(field)", archetype: archetype,
                                                  componentType: componentType),
                  array: value.array)
    }

    /// A custom component under a plain name with an optional component type (no archetype).
    public init(component: String, componentType: String? = nil, _ value: AnyValue) {
        self.init(descriptor: ComponentDescriptor(component: component, componentType: componentType), array: value.array)
    }
}
