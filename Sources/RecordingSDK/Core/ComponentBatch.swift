import ArrowIPC
import RecordingModel

/// The instances of one component written in one log call: a descriptor plus an Arrow array holding one
/// value per instance (the array becomes the row's cell of a `List<T>` column).
///
/// An empty array is meaningful: it *clears* the component (rrd-format.md §8.5), unlike an absent batch,
/// which leaves the previous value in place (a partial update).
public struct ComponentBatch: Sendable {
    public var descriptor: ComponentDescriptor
    /// One slot per instance; its type is the component's instance type `T`.
    public var array: ArrowArray

    public init(descriptor: ComponentDescriptor, array: ArrowArray) {
        self.descriptor = descriptor
        self.array = array
    }

    /// Number of instances.
    public var count: Int { array.length }

    /// The same data under another descriptor (Python's `described(...)` / `or_with_descriptor_overrides`).
    public func described(as descriptor: ComponentDescriptor) -> ComponentBatch {
        ComponentBatch(descriptor: descriptor, array: array)
    }

    /// The same data with the archetype name and field replaced: the component becomes `<short>:<field>`
    /// where `<short>` is the archetype without a `rerun.archetypes.` prefix. The component type is kept.
    public func withArchetype(_ archetype: String, field: String) -> ComponentBatch {
        described(as: ComponentDescriptor(component: "\(ArchetypeSchema.shortName(of: archetype)):\(field)", archetype: archetype,
                                          componentType: descriptor.componentType))
    }
}

/// Anything that can be logged: it turns itself into component batches (Python's `AsComponents`).
///
/// Conform a user type to log it directly, for example a point cloud that extends `Points3D` with a custom
/// `user.CustomPoints3D:confidences` column (see `CustomArchetypes.swift`).
public protocol AsComponents: Sendable {
    /// The batches to write in one row, in a stable order. Later batches with the same component replace
    /// earlier ones.
    var componentBatches: [ComponentBatch] { get }
}

/// A named group of components (`rerun.archetypes.Points3D`, `user.Sensor`, ...).
public protocol Archetype: AsComponents {
    /// The archetype name written into every descriptor, e.g. `rerun.archetypes.Points3D`.
    var archetypeName: String { get }
}
