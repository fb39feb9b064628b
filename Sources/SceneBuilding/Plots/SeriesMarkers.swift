import Rasterizer

/// SeriesPoints markers in pixels, shaped like egui_plot's (r = the marker radius): Circle (disc), Diamond,
/// Square (side r·√2), Up/Down/Left/Right (triangles inscribed in the circle), and the stroked Cross (×), Plus
/// (+) and Asterisk (*). Filled shapes are flat, unlit overlay triangles; strokes are 1.5-pixel lines.
enum SeriesMarkers {
    /// Rerun's `MarkerShape` codes: 1 Circle … 10 Asterisk; anything else draws a circle.
    enum Shape: UInt8, CaseIterable { case circle = 1, diamond, square, cross, plus, up, down, left, right, asterisk }

    static func add(_ centres: [SIMD2<Float>], shape code: UInt8?, radius r: Float, color: RGBA8, strokeWidth: Float,
                    to list: inout DrawList) {
        guard !centres.isEmpty, r > 0, r.isFinite else { return }
        let shape = code.flatMap(Shape.init(rawValue:)) ?? .circle
        let h = Float(0.5).squareRoot(), s3 = Float(3).squareRoot() / 2
        switch shape {
        case .circle:
            list.add(PointBatch(positions: centres.map { [$0.x, $0.y, 0] }, radii: [r], colors: [color], shape: .disc,
                                shading: .flat, minRadiusPixels: 0.5, layer: .overlay, space: .pixels))
        case .diamond: polygons(centres, [[1, 0], [0, -1], [-1, 0], [0, 1]], r, color, &list)
        case .square: polygons(centres, [[-h, -h], [h, -h], [h, h], [-h, h]], r, color, &list)
        case .up: polygons(centres, [[0, -1], [s3, 0.5], [-s3, 0.5]], r, color, &list)
        case .down: polygons(centres, [[0, 1], [-s3, -0.5], [s3, -0.5]], r, color, &list)
        case .left: polygons(centres, [[-1, 0], [0.5, -s3], [0.5, s3]], r, color, &list)
        case .right: polygons(centres, [[1, 0], [-0.5, s3], [-0.5, -s3]], r, color, &list)
        case .cross: strokes(centres, [([-h, -h], [h, h]), ([h, -h], [-h, h])], r, color, strokeWidth, &list)
        case .plus: strokes(centres, [([-1, 0], [1, 0]), ([0, -1], [0, 1])], r, color, strokeWidth, &list)
        case .asterisk:
            strokes(centres, [([0, -1], [0, 1]), ([-s3, -0.5], [s3, 0.5]), ([-s3, 0.5], [s3, -0.5])], r, color,
                    strokeWidth, &list)
        }
    }

    /// One convex polygon per centre, fanned into triangles.
    private static func polygons(_ centres: [SIMD2<Float>], _ unit: [SIMD2<Float>], _ r: Float, _ color: RGBA8,
                                 _ list: inout DrawList) {
        var positions: [SIMD3<Float>] = []
        var indices: [UInt32] = []
        positions.reserveCapacity(centres.count * unit.count)
        for c in centres {
            let base = UInt32(positions.count)
            for u in unit { positions.append([c.x + u.x * r, c.y + u.y * r, 0]) }
            for k in 1..<(unit.count - 1) { indices += [base, base + UInt32(k), base + UInt32(k + 1)] }
        }
        list.add(MeshBatch(positions: positions, indices: indices, albedo: color, lighting: .unlit,
                           layer: .overlay, space: .pixels))
    }

    private static func strokes(_ centres: [SIMD2<Float>], _ unit: [(SIMD2<Float>, SIMD2<Float>)], _ r: Float,
                                _ color: RGBA8, _ width: Float, _ list: inout DrawList) {
        var positions: [SIMD3<Float>] = []
        var starts: [Int] = []
        for c in centres {
            for (a, b) in unit {
                starts.append(positions.count)
                positions.append([c.x + a.x * r, c.y + a.y * r, 0])
                positions.append([c.x + b.x * r, c.y + b.y * r, 0])
            }
        }
        list.add(LineBatch(positions: positions, stripStarts: starts, radii: [width / 2], colors: [color],
                           layer: .overlay, blendSpace: .gamma, space: .pixels))
    }
}
