import ArrowIPC

/// Shorthands for the instance types of rrd-types-0.41.md (`f32x3` = `fixed_size_list<item: float not null>[3]`).
enum AT {
    static func fsl(_ t: ArrowType, _ n: Int) -> ArrowType { .fixedSizeList(ArrowField(name: "item", type: t, nullable: false), size: n) }
    static func list(_ t: ArrowType, nullable: Bool = false) -> ArrowType { .list(ArrowField(name: "item", type: t, nullable: nullable)) }
    static func field(_ name: String, _ t: ArrowType, nullable: Bool = true) -> ArrowField { ArrowField(name: name, type: t, nullable: nullable) }

    static let f32x2 = fsl(.float32, 2)
    static let f32x3 = fsl(.float32, 3)
    static let f32x4 = fsl(.float32, 4)
    static let f32x9 = fsl(.float32, 9)
    static let f64x2 = fsl(.float64, 2)
    static let u8x3 = fsl(.uint8, 3)
    static let u32x3 = fsl(.uint32, 3)
    /// `Blob` / `ImageBuffer`: `list<item: uint8 not null>`.
    static let bytes = list(.uint8)

    /// `RotationAxisAngle`: `struct<axis: f32x3 not null, angle: float not null>`.
    static let rotationAxisAngle = ArrowType.struct([field("axis", f32x3, nullable: false), field("angle", .float32, nullable: false)])

    /// `ImageFormat`.
    static let imageFormat = ArrowType.struct([
        field("width", .uint32, nullable: false), field("height", .uint32, nullable: false),
        field("pixel_format", .uint8), field("color_model", .uint8), field("channel_datatype", .uint8),
    ])

    /// The variants of `TensorData.buffer`, in type-id order (`_null_markers` = 0, `U8` = 1, ... `F64` = 11).
    static let tensorVariants: [(name: String, type: ArrowType)] = [
        ("U8", .uint8), ("U16", .uint16), ("U32", .uint32), ("U64", .uint64),
        ("I8", .int8), ("I16", .int16), ("I32", .int32), ("I64", .int64),
        ("F16", .float16), ("F32", .float32), ("F64", .float64),
    ]

    static let tensorBuffer = ArrowType.denseUnion(
        [field("_null_markers", .null)] + tensorVariants.map { field($0.name, list($0.type), nullable: false) },
        typeIds: (0 ... 11).map { Int8($0) })

    /// `TensorData`: `struct<shape: list<u64> not null, names: list<utf8>, buffer: dense_union<...>>`.
    static let tensorData = ArrowType.struct([
        field("shape", list(.uint64), nullable: false), field("names", list(.utf8)), field("buffer", tensorBuffer),
    ])

    /// `AnnotationInfo`: `struct<id: uint16 not null, label: string, color: uint32>`.
    static let annotationInfo = ArrowType.struct([field("id", .uint16, nullable: false), field("label", .utf8), field("color", .uint32)])
    static let keypointPair = ArrowType.struct([field("keypoint0", .uint16, nullable: false), field("keypoint1", .uint16, nullable: false)])
    static let classDescription = ArrowType.struct([
        field("info", annotationInfo, nullable: false),
        field("keypoint_annotations", list(annotationInfo), nullable: false),
        field("keypoint_connections", list(keypointPair), nullable: false),
    ])
    /// `AnnotationContext`: one instance is the whole list of class descriptions.
    static let annotationContext = list(.struct([
        field("class_id", .uint16, nullable: false), field("class_description", classDescription, nullable: false),
    ]))
}
