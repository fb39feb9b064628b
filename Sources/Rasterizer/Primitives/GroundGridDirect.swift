/// The ground grid drawn straight into the output, for a tile that nothing else touches.
///
/// Such a tile starts as the background at depth 1 everywhere, and the grid blends one colour per pixel (its
/// intensity is a pixel's, not a sample's) over the samples the plane is in front of. So each pixel resolves to the
/// background (unlit, or no sample in front), to the remembered blend over the background (every sample in front),
/// or, where the near or far plane cuts the pixel, to the mean of those two colours over its samples: the words the
/// sampled path (`raster`, then `TileContext.resolve`) gives, without the clear, the samples and the resolve.
extension GroundGridDraw {
    /// Writes tile `ctx`'s pixels of a tile that only this grid touches, `background` being the frame's, into `out`.
    func rasterAlone(_ ctx: TileContext, background: UInt32, into out: OutputTarget, kernels: KernelSet) {
        ctx.fill(background, into: out)
        guard let plane else { return }
        let memo = GridBlendMemo(background: background,
                                 results: blendTables.table(over: background, plane, ctx.tables))
        forEachRow(plane, ctx) { py, first, last, groups, r in
            let row = (out.base + (ctx.y0 + py) * out.rowBytes + ctx.x0 * 4).assumingMemoryBound(to: UInt32.self)
            switch kernels {
            case .simd: plane.rowAloneSIMD(first, last, groups, r, ctx, memo, into: row)
            case .scalar: plane.rowAloneScalar(first, last, groups, r, ctx, memo, into: row)
            }
        }
    }
}

extension GridPlane {
    /// `rowSIMD` for a tile of background alone: the lit pixels of a tile row (terms `r`), columns `first...last`,
    /// in its `groups`, as words into `row` (the tile's first output pixel of that row).
    func rowAloneSIMD(_ first: Int, _ last: Int, _ groups: RowGroups, _ r: Row, _ ctx: TileContext,
                      _ memo: GridBlendMemo, into row: UnsafeMutablePointer<UInt32>) {
        // The plane is in front of every sample of the groups where it is at the first and the last group's ends.
        let rowInFront = groups.draw != 0
            && allInFront(8 * groups.draw.trailingZeroBitCount, 8 * (31 - groups.draw.leadingZeroBitCount) + 7, r, ctx)
        litGroupsSIMD(first, last, groups, r, ctx) { x, lit, levels in
            // The group's columns within first...last (the row's part of the tile that the grid can touch).
            let j0 = max(first - x, 0), j1 = min(last - x, 7)
            if let table = memo.results, rowInFront || allInFront(x, x + 7, r, ctx) {
                // Every sample of the 8 pixels is in front of the plane: lit pixels take the remembered blend, the
                // others the background, selected as a vector (levels are 0…255 in every lane); a whole group is
                // stored at once. (A per-pixel branch on the lit bit mispredicted, and the levels were spilled to
                // the stack on every pixel.)
                let l = levels
                let blends = SIMD8(table[Int(l[0])], table[Int(l[1])], table[Int(l[2])], table[Int(l[3])],
                                   table[Int(l[4])], table[Int(l[5])], table[Int(l[6])], table[Int(l[7])])
                let litLanes = SIMD8<UInt32>() &- ((SIMD8(repeating: lit) &>> SIMD8(0, 1, 2, 3, 4, 5, 6, 7)) & 1)
                let words = select(litLanes, blends, SIMD8(repeating: memo.background))
                if j0 == 0 && j1 == 7 {
                    UnsafeMutableRawPointer(row + x).storeBytes(of: words, as: SIMD8<UInt32>.self)
                } else {
                    for j in j0...j1 { row[x + j] = words[j] }
                }
                return
            }
            var bits = lit
            while bits != 0 {
                let j = bits.trailingZeroBitCount
                bits &= bits - 1
                row[x + j] = alonePixel(Int(levels[j]), x + j, r, ctx, memo)
            }
        }
    }

    /// The scalar reference of `rowAloneSIMD`: the same groups, one pixel at a time.
    func rowAloneScalar(_ first: Int, _ last: Int, _ groups: RowGroups, _ r: Row, _ ctx: TileContext,
                        _ memo: GridBlendMemo, into row: UnsafeMutablePointer<UInt32>) {
        litPixelsScalar(first, last, groups, r, ctx) { level, x in row[x] = alonePixel(level, x, r, ctx, memo) }
    }

    /// Whether the plane is in front of every sample of the tile pixels `x0...x1` of `r`'s row (window depth in
    /// [0, 1) at all of them), computed as `alonePixel` computes each: each sample's depth is a product, a sum and a
    /// sum, each rounded, of the column and constants, so it is monotonic along the row and the end pixels decide.
    @inline(__always) private func allInFront(_ x0: Int, _ x1: Int, _ r: Row, _ ctx: TileContext) -> Bool {
        let ends = SIMD8(lowHalf: SIMD4(repeating: zxf * Float(ctx.x0 + x0) + r.z),
                         highHalf: SIMD4(repeating: zxf * Float(ctx.x0 + x1) + r.z))
            + SIMD8(lowHalf: sampleDepths, highHalf: sampleDepths)
        return allBits(maskBits(ends .>= 0) & maskBits(ends .< 1))
    }

    /// The resolved word of tile pixel `px` of `r`'s row lit at `level` / 255 over background samples at depth 1:
    /// what `blend` leaves in its samples, averaged as `resolve` does.
    @inline(__always) private func alonePixel(_ level: Int, _ px: Int, _ r: Row, _ ctx: TileContext,
                                              _ memo: GridBlendMemo) -> UInt32 {
        let z = (zxf * Float(ctx.x0 + px) + r.z) + sampleDepths
        let front = (z .>= 0) .& (z .< 1)
        let lit = memo.over(level, self, ctx.tables), background = memo.background
        let fronts = unsafeBitCast(front, to: SIMD4<UInt32>.self)
        if allBits(fronts) { return lit }
        // Equal samples resolve to themselves.
        if !anyBits(fronts) || lit == background { return background }
        let s = SIMD4(repeating: background).replacing(with: lit, where: front)
        return resolvePixel(s, ctx.tables)
    }
}
