/// The schemas of every archetype this SDK builds (the ones the renderer draws, plus RecordingInfo and
/// the pre-0.41 DisconnectedSpace), for lookups by name.
public enum BuiltinArchetypes {
    public static let schemas: [ArchetypeSchema] = [
        AnnotationContext.schema, Arrows2D.schema, Arrows3D.schema, Asset3D.schema, BarChart.schema, Boxes2D.schema, Boxes3D.schema,
        Clear.schema, DepthImage.schema, DisconnectedSpace.schema, EncodedImage.schema, Image.schema, InstancePoses3D.schema,
        LineStrips2D.schema, LineStrips3D.schema, Mesh3D.schema, Pinhole.schema, Points2D.schema, Points3D.schema, RecordingInfo.schema,
        Scalars.schema, SegmentationImage.schema, SeriesLines.schema, SeriesPoints.schema, Tensor.schema, TextDocument.schema,
        TextLog.schema, Transform3D.schema, ViewCoordinates.schema,
    ]

    private static let byName: [String: ArchetypeSchema] = Dictionary(uniqueKeysWithValues: schemas.map { ($0.name, $0) })

    /// The schema of `name` (full, e.g. `rerun.archetypes.Points3D`, or short, e.g. `Points3D`).
    public static func schema(named name: String) -> ArchetypeSchema? {
        byName[name] ?? byName["rerun.archetypes.\(name)"]
    }
}
