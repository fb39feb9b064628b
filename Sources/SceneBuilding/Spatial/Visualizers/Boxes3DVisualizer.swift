import Rasterizer
import RecordingModel

/// Boxes3D (rendering-conventions §8.6): unit cubes placed by `T(center) · R_axis_angle · R_quat · S(half_size)`
/// per instance, once per instance pose. Fill modes: TransparentFillMajorWireframe (default) = 12 edges of 0.5 pt
/// radius plus a lit fill at alpha a/4, drawn transparent; Solid = opaque lit fill, back faces culled;
/// Major/DenseWireframe = edges only. Labels at the centres.
public struct Boxes3DVisualizer: SpatialVisualizer {
    public static let name = "Boxes3D"
    public init() {}

    enum FillMode: UInt8 { case majorWireframe = 1, denseWireframe, solid, transparentFillMajorWireframe }

    public func collect(_ input: VisualizerInput, into scene: inout SpatialCollector) {
        guard let view = input.context.view(Boxes3DView.self, input.entity), view.count > 0 else { return }
        let style = InstanceStyle(colors: view.colors, classIDs: view.classIDs, labels: view.labels,
                                  annotations: input.annotations, entity: input.entity)
        let mode = view.fillMode.flatMap(FillMode.init) ?? .transparentFillMajorWireframe
        var boxFromUnit: [Affine3] = []
        for i in 0..<view.count {
            let parts = TransformParts(
                translation: view.centers[i]?.double ?? .zero,
                axisAngle: view.rotationAxisAngles[i].map { (axis: $0.axis.double, angle: Double($0.angle)) },
                quaternion: view.quaternions[i].map { SIMD4<Double>(Double($0.x), Double($0.y), Double($0.z), Double($0.w)) },
                scale: (view.halfSizes[i] ?? [0.5, 0.5, 0.5]).double)
            guard let m = try? parts.matrix(lenientRotations: true) else {
                scene.warn(input.entity, "box \(i) has a zero or non-finite size and is skipped")
                continue
            }
            boxFromUnit.append(m)
        }
        let colors = (0..<view.count).map(style.color)
        for pose in InstancePoses.originFromInstances(input, scene: &scene) {
            let worldFromObject = pose.mat4
            if mode != .solid {
                scene.add(.lines(UnitCube.edges(boxFromUnit, colors: colors.map(\.premultipliedOpaque),
                                                radii: view.radii.isEmpty ? [-0.5] : view.radii.values,
                                                worldFromObject: worldFromObject)),
                          entity: input.entity, visualizer: Self.name)
            }
            if mode == .solid || mode == .transparentFillMajorWireframe {
                for batch in UnitCube.fills(boxFromUnit, colors: colors, transparent: mode != .solid,
                                            worldFromObject: worldFromObject) {
                    scene.add(.mesh(batch), entity: input.entity, visualizer: Self.name)
                }
            }
            var box = BoundingBox.empty
            for m in boxFromUnit { box.add(BoundingBox(min: [-1, -1, -1], max: [1, 1, 1]).transformed(by: m)) }
            scene.include(box, originFromEntity: pose)
        }
        if showsLabels(explicit: view.showLabels, labelCount: view.labels.count, instanceCount: view.count) {
            var centers = BoundingBox.empty
            let anchors = boxFromUnit.map(\.translation)
            anchors.forEach { centers.add($0) }
            PointLabels.collect(positions: anchors, bounds: centers, style: style, input: input, into: &scene)
        }
    }
}

/// The cube [−1, 1]³ as 12 edges and as 6 lit faces, for boxes.
enum UnitCube {
    static let corners: [SIMD3<Double>] = (0..<8).map { i in
        SIMD3(i & 1 == 0 ? -1 : 1, i & 2 == 0 ? -1 : 1, i & 4 == 0 ? -1 : 1)
    }
    /// Edges as pairs of corner indices.
    static let edgeCorners: [(Int, Int)] = [(0, 1), (2, 3), (4, 5), (6, 7), (0, 2), (1, 3), (4, 6), (5, 7),
                                            (0, 4), (1, 5), (2, 6), (3, 7)]
    /// Faces as corner indices, counter-clockwise seen from outside, with their outward normals.
    static let faces: [([Int], SIMD3<Double>)] = [
        ([1, 3, 7, 5], [1, 0, 0]), ([0, 4, 6, 2], [-1, 0, 0]), ([2, 6, 7, 3], [0, 1, 0]),
        ([0, 1, 5, 4], [0, -1, 0]), ([4, 5, 7, 6], [0, 0, 1]), ([0, 2, 3, 1], [0, 0, -1]),
    ]

    static func edges(_ boxes: [Affine3], colors: [RGBA8], radii: [Float], worldFromObject: Mat4) -> LineBatch {
        var positions: [SIMD3<Float>] = [], starts: [Int] = [], stripColors: [RGBA8] = [], stripRadii: [Float] = []
        for (i, m) in boxes.enumerated() {
            let c = corners.map { m.apply($0).float }
            for (a, b) in edgeCorners {
                starts.append(positions.count)
                positions += [c[a], c[b]]
                stripColors.append(colors[min(i, colors.count - 1)])
                stripRadii.append(radii[min(i, radii.count - 1)])
            }
        }
        return LineBatch(positions: positions, stripStarts: starts, radii: stripRadii, colors: stripColors,
                         worldFromObject: worldFromObject)
    }

    /// Lit fills; transparent ones at alpha a/4 (one batch per distinct alpha), solid ones back-face culled.
    static func fills(_ boxes: [Affine3], colors: [RGBA8], transparent: Bool, worldFromObject: Mat4) -> [MeshBatch] {
        var groups: [UInt8: (positions: [SIMD3<Float>], normals: [SIMD3<Float>], colors: [RGBA8], indices: [UInt32])] = [:]
        for (i, m) in boxes.enumerated() {
            let color = colors[min(i, colors.count - 1)]
            let alpha = transparent ? color.a / 4 : 255
            guard alpha > 0, let normalMatrix = m.inverse else { continue }
            var g = groups[alpha] ?? ([], [], [], [])
            for (corner, normal) in faces {
                // Normals transform with the inverse transpose.
                let n = normalized(SIMD3(dot(normalMatrix.c0, normal), dot(normalMatrix.c1, normal),
                                         dot(normalMatrix.c2, normal)))
                let base = UInt32(g.positions.count)
                for k in corner { g.positions.append(m.apply(corners[k]).float); g.normals.append(n.float) }
                g.colors += Array(repeating: RGBA8(color.r, color.g, color.b), count: 4)
                g.indices += [base, base + 1, base + 2, base, base + 2, base + 3]
            }
            groups[alpha] = g
        }
        return groups.keys.sorted().map { alpha in
            let g = groups[alpha]!
            return MeshBatch(positions: g.positions, indices: g.indices, normals: g.normals, colors: g.colors,
                             lighting: .viewerRig, cull: transparent ? .none : .back, worldFromObject: worldFromObject,
                             opacity: Float(alpha) / 255)
        }
    }
}
