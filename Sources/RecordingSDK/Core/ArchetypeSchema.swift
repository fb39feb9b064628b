import ArrowIPC
import RecordingModel

/// One field of an archetype: its name, semantic component type and the Arrow type of one instance.
public struct ArchetypeField: Sendable, Hashable {
    /// Field name, e.g. `positions`.
    public var name: String
    /// Full component type, e.g. `rerun.components.Position3D` (nil for untyped user data).
    public var componentType: String?
    /// Arrow type of one instance, exactly as rerun-sdk 0.41 writes it (rrd-types-0.41.md).
    public var instanceType: ArrowType

    public init(_ name: String, _ componentType: String?, _ instanceType: ArrowType) {
        self.name = name
        self.componentType = componentType
        self.instanceType = instanceType
    }
}

/// The full description of an archetype: its name and every field, in declaration order.
public struct ArchetypeSchema: Sendable {
    /// e.g. `rerun.archetypes.Points3D`.
    public let name: String
    public let fields: [ArchetypeField]
    private let index: [String: Int]

    public init(name: String, fields: [ArchetypeField]) {
        self.name = name
        self.fields = fields
        var index: [String: Int] = [:]
        for (k, f) in fields.enumerated() { index[f.name] = k }
        self.index = index
    }

    /// A builtin schema: `rerun.archetypes.<short>` with fields whose types are `rerun.components.<type>`.
    static func builtin(_ short: String, _ fields: [(String, String, ArrowType)]) -> ArchetypeSchema {
        ArchetypeSchema(name: "rerun.archetypes.\(short)", fields: fields.map { ArchetypeField($0.0, "rerun.components.\($0.1)", $0.2) })
    }

    /// The archetype name without `rerun.archetypes.` / `rerun.blueprint.archetypes.` / `rerun.` (user names unchanged).
    public var shortName: String { Self.shortName(of: name) }

    public static func shortName(of archetype: String) -> String {
        ComponentDescriptor(component: "", archetype: archetype).archetypeShortName ?? archetype
    }

    /// The field called `name`, if any.
    public func field(_ name: String) -> ArchetypeField? { index[name].map { fields[$0] } }

    /// Position of a field in declaration order (used to order batches deterministically).
    func position(of name: String) -> Int? { index[name] }

    /// The descriptor of a field: `<short>:<field>`, this archetype, the field's component type.
    public func descriptor(_ field: ArchetypeField) -> ComponentDescriptor {
        ComponentDescriptor(component: "\(shortName):\(field.name)", archetype: name, componentType: field.componentType)
    }
}

/// The fields given to one builtin archetype value: field name → instances. Absent fields are not written;
/// a field holding an empty array is written as an empty list (it clears the component).
public struct FieldValues: Sendable {
    public let schema: ArchetypeSchema
    private(set) var arrays: [String: ArrowArray] = [:]

    init(_ schema: ArchetypeSchema) { self.schema = schema }

    /// The instances given for `field`, if any.
    public subscript(field: String) -> ArrowArray? { arrays[field] }

    /// Sets (or, with nil, unsets) a field. The array's type must be the field's instance type.
    mutating func set(_ field: String, _ array: ArrowArray?) {
        precondition(schema.field(field) != nil, "\(schema.name) has no field \(field)")
        arrays[field] = array
    }

    /// Every field that is not set becomes an empty list (Python's `clear_unset=True`).
    mutating func clearUnset() {
        for f in schema.fields where arrays[f.name] == nil { arrays[f.name] = ArrowArray.empty(of: f.instanceType) }
    }

    /// Names of the fields that are set, in declaration order.
    public var setFields: [String] { schema.fields.map(\.name).filter { arrays[$0] != nil } }

    /// One batch per set field, in declaration order.
    var batches: [ComponentBatch] {
        schema.fields.compactMap { f in arrays[f.name].map { ComponentBatch(descriptor: schema.descriptor(f), array: $0) } }
    }
}

/// An archetype of Rerun's: a schema plus the values of the fields that were given.
///
/// Constructing one with its initialiser writes the required fields plus whichever optional ones are
/// given; `update(...)` writes only the given fields (a partial update); `cleared()` writes every field as an
/// empty list; `clearingUnset()` empties every field that is not set.
public protocol BuiltinArchetype: Archetype {
    static var schema: ArchetypeSchema { get }
    var values: FieldValues { get set }
    /// An instance with no field set.
    init(values: FieldValues)
}

extension BuiltinArchetype {
    public var archetypeName: String { Self.schema.name }
    public var componentBatches: [ComponentBatch] { values.batches }

    /// An instance with no field set: logging it writes nothing (a starting point for `update`-style code).
    public static func empty() -> Self { Self(values: FieldValues(schema)) }

    /// Every field as an empty list: logging it clears all of this archetype's components on the entity.
    public static func cleared() -> Self { empty().clearingUnset() }

    /// Rust's name for `cleared()`.
    public static func clearFields() -> Self { cleared() }

    /// A copy where every field that is not set is an empty list.
    public func clearingUnset() -> Self {
        var copy = self
        copy.values.clearUnset()
        return copy
    }

    /// A copy with `field` set to an empty list (the component is cleared, the others are untouched).
    public func clearing(_ field: String) -> Self {
        var copy = self
        guard let f = Self.schema.field(field) else { return copy }
        copy.values.set(field, ArrowArray.empty(of: f.instanceType))
        return copy
    }

    /// A copy without `field` (it will not be written).
    public func removing(_ field: String) -> Self {
        var copy = self
        if Self.schema.field(field) != nil { copy.values.set(field, nil) }
        return copy
    }

    /// Sets `field` when `array` is non-nil.
    mutating func put(_ field: String, _ array: ArrowArray?) {
        if let array { values.set(field, array) }
    }

    /// Sets the per-instance attributes that points, lines, boxes and arrows share (each when non-nil).
    mutating func putInstanceAttributes(radii: [Radius]?, colors: [Color]?, labels: [String]?, showLabels: Bool?,
                                        classIDs: [UInt16]?) {
        put("radii", radii.map(ArrowArray.radii))
        put("colors", colors.map(ArrowArray.colors))
        put("labels", labels.map(ArrowArray.strings))
        put("show_labels", showLabels.map { .bools([$0]) })
        put("class_ids", classIDs.map { .primitive($0) })
    }

    /// `clearUnset` applied when asked.
    func applying(clearUnset: Bool) -> Self { clearUnset ? clearingUnset() : self }
}
