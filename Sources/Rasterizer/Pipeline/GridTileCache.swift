/// Resolved pixels of the tiles that only the ground grid touches, kept by a `Renderer` from frame to frame.
///
/// Such a tile's pixels depend only on the grid, the camera, the background and the kernel set (the `Key`): in a
/// video whose camera stands still, every frame draws the same grid, and most of a 3D view's tiles hold nothing else.
/// A tile is drawn as usual the first time and its resolved words are kept; later frames with the same key copy
/// them, byte for byte what drawing it again gives. A renderer draws the views of a picture one after another, so a
/// few keys are kept, the least recently used dropped first. Pixels are kept only for a key seen in an earlier frame
/// too, so a camera that moves every frame costs no memory and no copies.
///
/// Workers write the entries of distinct tiles at once; an entry is only created or dropped between frames.
final class GridTileCache: @unchecked Sendable {
    /// What a grid-only tile's pixels depend on.
    struct Key: Equatable {
        let grid: GroundGrid
        let camera: Camera
        let background: UInt32
        let kernels: KernelSet
    }

    /// One key's pixels (`camera.width × camera.height` words, rows packed) and, per tile, whether they are kept.
    final class Entry: @unchecked Sendable {
        let key: Key
        private let pixels: UnsafeMutablePointer<UInt32>
        private let kept: UnsafeMutablePointer<Bool>
        private let width: Int

        init(_ key: Key, grid: TileGrid) {
            self.key = key
            width = grid.width
            pixels = .allocate(capacity: grid.width * grid.height)
            kept = .allocate(capacity: grid.count)
            kept.initialize(repeating: false, count: grid.count)
        }

        deinit {
            pixels.deallocate()
            kept.deallocate()
        }

        /// Copies tile `t`'s kept pixels (the rectangle of `ctx`) to `out`; false when they are not kept yet.
        func copy(tile t: Int, _ ctx: TileContext, into out: OutputTarget) -> Bool {
            guard kept[t] else { return false }
            for y in 0..<ctx.h {
                let row = out.base + (ctx.y0 + y) * out.rowBytes + ctx.x0 * 4
                row.copyMemory(from: pixels + (ctx.y0 + y) * width + ctx.x0, byteCount: ctx.w * 4)
            }
            return true
        }

        /// Keeps tile `t`'s pixels as just resolved into `out`.
        func keep(tile t: Int, _ ctx: TileContext, from out: OutputTarget) {
            for y in 0..<ctx.h {
                let row = out.base + (ctx.y0 + y) * out.rowBytes + ctx.x0 * 4
                UnsafeMutableRawPointer(pixels + (ctx.y0 + y) * width + ctx.x0).copyMemory(from: row, byteCount: ctx.w * 4)
            }
            kept[t] = true
        }
    }

    /// Keys kept at once (views of one picture with a ground grid each).
    static let capacity = 4
    /// Most recently used last.
    private var entries: [Entry] = []
    /// Keys of recent frames that have no entry yet, most recent last.
    private var seen: [Key] = []

    /// The entry for `key`: nil the first time a key is seen, made empty the second time.
    func entry(for key: Key, grid: TileGrid) -> Entry? {
        if let i = entries.firstIndex(where: { $0.key == key }) {
            let e = entries.remove(at: i)
            entries.append(e)
            return e
        }
        guard let i = seen.firstIndex(of: key) else {
            if seen.count == Self.capacity { seen.removeFirst() }
            seen.append(key)
            return nil
        }
        seen.remove(at: i)
        if entries.count == Self.capacity { entries.removeFirst() }
        let e = Entry(key, grid: grid)
        entries.append(e)
        return e
    }
}
