/// Overlay shapes in pixels: anti-aliased (rounded) rectangles and text glyphs. Coverage is
/// computed once per pixel (signed distance at the centre for rectangles, FreeType's coverage for
/// glyphs) and blends the colour over all 4 samples. Drawn in the overlay phase, no depth.
/// These kernels are scalar only (no SIMD twin): overlays are small.
final class OverlayDraw: PreparedDraw {
    enum Content {
        case rect(RectShape)
        case glyphs(GlyphRun)
    }

    let content: Content
    let frame: FrameSetup
    let phase = 2
    /// Pixel box touched, inclusive (empty when minX > maxX).
    let minX: Int, minY: Int, maxX: Int, maxY: Int

    init(_ content: Content, frame: FrameSetup) {
        self.content = content
        self.frame = frame
        var b: (Float, Float, Float, Float)
        switch content {
        case .rect(let r): b = (r.minX, r.minY, r.maxX, r.maxY)
        case .glyphs(let g):
            b = (.infinity, .infinity, -.infinity, -.infinity)
            for p in g.glyphs {
                b = (min(b.0, Float(p.x)), min(b.1, Float(p.y)),
                     max(b.2, Float(p.x + p.glyph.width)), max(b.3, Float(p.y + p.glyph.height)))
            }
        }
        // Pixels whose centres can be covered, clipped to the frame (NaN or off-frame: empty).
        let w = frame.grid.width, h = frame.grid.height
        if frame.grid.range(minX: b.0 - 1, minY: b.1 - 1, maxX: b.2, maxY: b.3) != nil {
            minX = Int(max(b.0 - 1, 0)); minY = Int(max(b.1 - 1, 0))
            maxX = Int(min(b.2, Float(w - 1))); maxY = Int(min(b.3, Float(h - 1)))
        } else {
            minX = 1; maxX = 0; minY = 1; maxY = 0
        }
    }

    func jobCount(stage: Int) -> Int { 0 }
    func run(stage: Int, job: Int) {}

    func touches(tile t: Int) -> Bool {
        guard minX <= maxX, minY <= maxY else { return false }
        let tx = t % frame.grid.tilesX, ty = t / frame.grid.tilesX
        return maxX >= tx << tileShift && minX < (tx + 1) << tileShift && maxY >= ty << tileShift && minY < (ty + 1) << tileShift
    }

    func raster(tile t: Int, _ ctx: TileContext, kernels: KernelSet) {
        switch content {
        case .rect(let r): rect(r, ctx)
        case .glyphs(let g): glyphs(g, ctx)
        }
    }

    @inline(__always) private func cover(_ ctx: TileContext, _ x: Int, _ y: Int, _ src: BlendSource, alpha: Float, gamma: Bool) {
        let base = ((y << tileShift) + x) << 2
        for k in 0..<4 { ctx.color[base + k] = blend(src, alpha: alpha, over: ctx.color[base + k], gamma: gamma, ctx.tables) }
    }

    private func rect(_ r: RectShape, _ ctx: TileContext) {
        let x0 = max(minX - ctx.x0, 0), x1 = min(maxX - ctx.x0, ctx.w - 1)
        let y0 = max(minY - ctx.y0, 0), y1 = min(maxY - ctx.y0, ctx.h - 1)
        guard x0 <= x1, y0 <= y1, r.maxX > r.minX, r.maxY > r.minY else { return }
        let t = ctx.tables
        let c = t.unpack(r.color.packed)
        let src = BlendSource(linear: c, gamma: r.blendSpace == .gamma, tables: t)
        let cx = (r.minX + r.maxX) * 0.5, cy = (r.minY + r.maxY) * 0.5
        let hx = (r.maxX - r.minX) * 0.5, hy = (r.maxY - r.minY) * 0.5
        let rad = max(0, min(r.cornerRadius.isNaN ? 0 : r.cornerRadius, hx, hy))
        for y in y0...y1 {
            let py = Float(ctx.y0 + y) + 0.5
            for x in x0...x1 {
                let px = Float(ctx.x0 + x) + 0.5
                let qx = abs(px - cx) - (hx - rad), qy = abs(py - cy) - (hy - rad)
                let ox = max(qx, 0), oy = max(qy, 0)
                let d = (ox * ox + oy * oy).squareRoot() + min(max(qx, qy), 0) - rad
                let cov = min(max(0.5 - d, 0), 1)
                if cov > 0 { cover(ctx, x, y, src, alpha: c.w * cov, gamma: r.blendSpace == .gamma) }
            }
        }
    }

    private func glyphs(_ g: GlyphRun, _ ctx: TileContext) {
        let t = ctx.tables
        let c = t.unpack(g.color.packed)
        let gamma = g.blendSpace == .gamma
        let src = BlendSource(linear: c, gamma: gamma, tables: t)
        for p in g.glyphs {
            let gx0 = max(p.x, ctx.x0), gx1 = min(p.x + p.glyph.width, ctx.x0 + ctx.w)
            let gy0 = max(p.y, ctx.y0), gy1 = min(p.y + p.glyph.height, ctx.y0 + ctx.h)
            guard gx0 < gx1, gy0 < gy1 else { continue }
            p.glyph.coverage.withUnsafeBufferPointer { cov in
                for y in gy0..<gy1 {
                    for x in gx0..<gx1 {
                        let a = cov[(y - p.y) * p.glyph.width + (x - p.x)]
                        if a == 0 { continue }
                        cover(ctx, x - ctx.x0, y - ctx.y0, src, alpha: c.w * Float(a) * (1 / 255), gamma: gamma)
                    }
                }
            }
        }
    }
}
