import Rasterizer

/// Draws labels the way the viewer's UI layer does (rendering-conventions §8.15): on top of everything,
/// Inter Medium 12 pt in the item's colour, centred on the anchor with the text's top 5 pt below it, on a
/// rounded #2c2b2b pill at 50 %. Far labels first, so nearer ones cover them; anchors behind the camera or
/// far outside the picture are skipped.
enum SpatialLabels {
    static func draw(_ labels: [SpatialLabel], camera: Camera, pixelsPerPoint: Float, into list: inout DrawList) {
        guard let font = Font.interMedium else { return }
        let margin = 100 * pixelsPerPoint
        let placed = labels.compactMap { label -> (SIMD3<Float>, SpatialLabel)? in
            guard let p = camera.project(label.anchor.float),
                  p.x > -margin, p.y > -margin, p.x < Float(camera.width) + margin, p.y < Float(camera.height) + margin
            else { return nil }
            return (p, label)
        }
        let farFirst = placed.enumerated().sorted {
            $0.element.0.z != $1.element.0.z ? $0.element.0.z > $1.element.0.z : $0.offset < $1.offset
        }.map(\.element)
        for (p, label) in farFirst {
            list.add(TextLabel(label.text, at: [p.x.rounded(), (p.y + 5 * pixelsPerPoint).rounded()],
                               sizePixels: Theme.labelFontSize * pixelsPerPoint, color: label.color, font: font,
                               alignment: .center, background: Theme.labelBackground,
                               padding: [6 * pixelsPerPoint, 4 * pixelsPerPoint], cornerRadius: 4 * pixelsPerPoint))
        }
    }
}
