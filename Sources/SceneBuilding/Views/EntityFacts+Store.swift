import RecordingModel

extension EntityFacts {
    /// The facts of every entity of `store` with data, judged over the whole recording: an archetype counts when
    /// any of its components was ever logged (scalars: on a timeline); image sizes come from the newest format (or
    /// encoded header).
    public static func gather(from store: ChunkStore) -> [EntityFacts] {
        let newest = store.timelines.keys.sorted().first.map { LatestAtQuery(timeline: $0, at: .max) } ?? .staticOnly
        return store.entityPaths.map { entity in
            var facts = EntityFacts(path: entity.parts)
            let descriptors = store.components(of: entity)
            let archetypes = Set(descriptors.compactMap(\.archetypeShortName))
            let components = Set(descriptors.map(\.component))
            facts.drawsIn3D = !archetypes.isDisjoint(with: ArchetypeClasses.spatial3D)
            facts.drawsIn2D = !archetypes.isDisjoint(with: ArchetypeClasses.spatial2D)
            facts.hasPinhole = components.contains("Pinhole:image_from_camera")
            facts.hasViewCoordinates = components.contains("ViewCoordinates:xyz")
            facts.isDisconnectedSpace = store.latestAt(ViewContext.disconnectedSpaceComponent, entity: entity,
                                                       query: newest)?.bools().first == true
            // The viewer plots scalars only along a timeline: static-only scalars get no time series view.
            facts.hasScalars = store.chunks(of: entity).contains { !$0.isStatic && $0.column("Scalars:scalars") != nil }
            facts.hasBarChart = components.contains("BarChart:values")
            facts.hasTensor = components.contains("Tensor:data")
            facts.hasTextDocument = components.contains("TextDocument:text")
            facts.hasTextLog = components.contains("TextLog:text")
            for archetype in archetypes.sorted() {
                let kind: ImageKind? = ArchetypeClasses.colorImages.contains(archetype) ? .color
                    : ArchetypeClasses.depthImages.contains(archetype) ? .depth
                    : archetype == "SegmentationImage" ? .segmentation : nil
                guard let kind else { continue }
                facts.images.append(ImageFact(kind: kind, size: imageSize(store, entity, archetype, newest)))
            }
            return facts
        }
    }

    private static func imageSize(_ store: ChunkStore, _ entity: EntityPath, _ archetype: String,
                                  _ query: LatestAtQuery) -> SIMD2<Int>? {
        if let format = store.latestAt("\(archetype):format", entity: entity, query: query)?.imageFormats().first {
            return [Int(format.width), Int(format.height)]
        }
        if let blob = store.latestAt("\(archetype):blob", entity: entity, query: query), !blob.isEmpty {
            return EncodedImageHeader.size(of: blob.scalars(UInt8.self))
        }
        return nil
    }
}
