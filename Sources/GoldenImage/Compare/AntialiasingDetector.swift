/// Decides whether a pixel looks like part of an anti-aliased edge, after Vyšniauskas (2009) as
/// used by pixelmatch:
///
/// 1. Compare the pixel's brightness with its 8 neighbours (fewer at the border, where the
///    missing side counts as one identical neighbour).
/// 2. More than 2 neighbours of identical brightness: a flat area, not an edge.
/// 3. It needs both a darker and a brighter neighbour: an edge pixel sits between two colours.
/// 4. The darkest or the brightest neighbour must itself sit in a flat area ("has many siblings":
///    more than 2 identical neighbours) in *both* images, i.e. be one of the two solid colours
///    the edge blends between.
struct AntialiasingDetector {
    let width: Int
    let height: Int

    /// Whether pixel (x, y) of `image` is anti-aliasing, judged with `other` as the second image.
    func isAntialiased(_ image: UnsafeBufferPointer<UInt32>, _ other: UnsafeBufferPointer<UInt32>, x: Int, y: Int) -> Bool {
        let x0 = max(x - 1, 0), x2 = min(x + 1, width - 1)
        let y0 = max(y - 1, 0), y2 = min(y + 1, height - 1)
        var flatNeighbours = (x == x0 || x == x2 || y == y0 || y == y2) ? 1 : 0
        let centre = ColorDistance.brightness(UInt32(littleEndian: image[y * width + x]))
        var darkest: Float = 0, brightest: Float = 0
        var darkestAt = 0, brightestAt = 0
        for ny in y0...y2 {
            for nx in x0...x2 where nx != x || ny != y {
                let index = ny * width + nx
                let delta = centre - ColorDistance.brightness(UInt32(littleEndian: image[index]))
                if delta == 0 {
                    flatNeighbours += 1
                    if flatNeighbours > 2 { return false }
                } else if delta < darkest {
                    darkest = delta
                    darkestAt = index
                } else if delta > brightest {
                    brightest = delta
                    brightestAt = index
                }
            }
        }
        guard darkest != 0, brightest != 0 else { return false }
        return (hasManySiblings(image, darkestAt) && hasManySiblings(other, darkestAt))
            || (hasManySiblings(image, brightestAt) && hasManySiblings(other, brightestAt))
    }

    /// More than 2 of the pixel's neighbours have exactly its RGBA value (the border counts as one).
    private func hasManySiblings(_ image: UnsafeBufferPointer<UInt32>, _ index: Int) -> Bool {
        let x = index % width, y = index / width
        let x0 = max(x - 1, 0), x2 = min(x + 1, width - 1)
        let y0 = max(y - 1, 0), y2 = min(y + 1, height - 1)
        var same = (x == x0 || x == x2 || y == y0 || y == y2) ? 1 : 0
        let value = image[index]
        for ny in y0...y2 {
            for nx in x0...x2 where (nx != x || ny != y) && image[ny * width + nx] == value {
                same += 1
                if same > 2 { return true }
            }
        }
        return false
    }
}
