/// Turns one series into the pixel-space vertices of its line, with at most two vertices per pixel column:
/// when several points fall into one column they are replaced by the column's lowest and highest points (the
/// viewer's default MinMax aggregation), so a 100,000-point series costs a few thousand segments and covers the
/// same pixels as drawing every point.
///
/// Breaks: a non-finite value or a `breakBefore` flag ends the current strip. Policies: `average`, `min` and
/// `max` keep one vertex per column (mean, lowest or highest value); every other policy (Off, MinMax,
/// MinMaxAverage) keeps the envelope, which is what drawing every point would show.
struct SeriesDecimation {
    enum Policy { case envelope, average, min, max }

    /// Rerun's `AggregationPolicy` codes (1 Off, 2 Average, 3 Max, 4 Min, 5 MinMax, 6 MinMaxAverage).
    static func policy(code: UInt8?) -> Policy {
        switch code {
        case 2: .average
        case 3: .max
        case 4: .min
        default: .envelope
        }
    }

    /// Strips of pixel positions for points `range` of the series.
    static func strips(times: [Int64], values: [Double], breakBefore: [Bool], range: Range<Int>,
                       origin: Int64, frame: PlotFrame, policy: Policy) -> [[SIMD2<Float>]] {
        var strips: [[SIMD2<Float>]] = []
        var strip: [SIMD2<Float>] = []
        var column = Column()
        let x0 = frame.x.lowerBound, xScale = Double(frame.maxX - frame.minX) / (frame.x.upperBound - frame.x.lowerBound)
        let y0 = frame.y.lowerBound, yScale = Double(frame.maxY - frame.minY) / (frame.y.upperBound - frame.y.lowerBound)
        let left = Double(frame.minX), bottom = Double(frame.maxY)

        func endStrip() {
            column.flush(into: &strip, policy: policy)
            if strip.count >= 1 { strips.append(strip) }
            strip = []
        }

        times.withUnsafeBufferPointer { t in
            values.withUnsafeBufferPointer { v in
                for i in range {
                    let value = v[i]
                    if breakBefore[i] { endStrip() }
                    guard value.isFinite else { endStrip(); continue }
                    // Clamped so that far-off points (just outside the window, or huge values) stay finite
                    // and convertible; the clip to the plot area then cuts their segments.
                    let px = min(max(left + (Double(t[i] &- origin) - x0) * xScale, -1e7), 1e7)
                    let py = min(max(bottom - (value - y0) * yScale, -1e7), 1e7)
                    let p = SIMD2<Float>(Float(px), Float(py))
                    let c = Int(px.rounded(.down))
                    if column.count > 0 && c != column.index { column.flush(into: &strip, policy: policy) }
                    column.add(p, index: c, value: value)
                }
            }
        }
        endStrip()
        return strips
    }

    /// The points of one pixel column: the first, the lowest and highest (in pixels) and which came first.
    struct Column {
        var index = 0
        var count = 0
        var first = SIMD2<Float>()
        var top = SIMD2<Float>(), bottom = SIMD2<Float>()
        var topOrder = 0, bottomOrder = 0
        var sum = 0.0, sumX: Float = 0, sumY: Float = 0

        mutating func add(_ p: SIMD2<Float>, index c: Int, value: Double) {
            if count == 0 {
                index = c; first = p; top = p; bottom = p; topOrder = 0; bottomOrder = 0
                sumX = 0; sumY = 0
            }
            if p.y < top.y { top = p; topOrder = count }
            if p.y > bottom.y { bottom = p; bottomOrder = count }
            sumX += p.x; sumY += p.y
            count += 1
        }

        mutating func flush(into strip: inout [SIMD2<Float>], policy: Policy) {
            defer { count = 0 }
            guard count > 0 else { return }
            if count == 1 { strip.append(first); return }
            switch policy {
            case .average: strip.append([sumX / Float(count), sumY / Float(count)])
            case .min: strip.append(bottom)
            case .max: strip.append(top)
            case .envelope:
                // Both extremes, the one nearer the line so far first (in time order for a fresh strip): the
                // column becomes one vertical stroke joined to its neighbours, as drawing every point would look.
                var (a, b) = topOrder <= bottomOrder ? (top, bottom) : (bottom, top)
                if let previous = strip.last, abs(b.y - previous.y) < abs(a.y - previous.y) { (a, b) = (b, a) }
                strip.append(a)
                if b != a { strip.append(b) }
            }
        }
    }

    /// Rerun's `InterpolationMode` applied to a strip: 1 Linear (unchanged), 2 StepAfter, 3 StepBefore, 4 StepMid.
    static func interpolated(_ strip: [SIMD2<Float>], mode: UInt8?) -> [SIMD2<Float>] {
        guard let mode, (2...4).contains(mode), strip.count > 1 else { return strip }
        var out: [SIMD2<Float>] = [strip[0]]
        out.reserveCapacity(strip.count * 3)
        for (a, b) in zip(strip, strip.dropFirst()) {
            switch mode {
            case 2: out.append([b.x, a.y])
            case 3: out.append([a.x, b.y])
            default:
                let mid = (a.x + b.x) / 2
                out.append([mid, a.y]); out.append([mid, b.y])
            }
            out.append(b)
        }
        return out
    }
}

/// Cuts polylines to a rectangle (Liang–Barsky per segment); the parts inside come back as separate strips.
enum PolylineClip {
    static func clip(_ strip: [SIMD2<Float>], minX: Float, minY: Float, maxX: Float, maxY: Float) -> [[SIMD2<Float>]] {
        if strip.count == 1 {
            let p = strip[0]
            return p.x >= minX && p.x <= maxX && p.y >= minY && p.y <= maxY ? [strip] : []
        }
        var out: [[SIMD2<Float>]] = []
        var current: [SIMD2<Float>] = []
        for (a, b) in zip(strip, strip.dropFirst()) {
            guard let (ca, cb) = clipSegment(a, b, minX, minY, maxX, maxY) else {
                if current.count > 0 { out.append(current); current = [] }
                continue
            }
            if current.isEmpty || current[current.count - 1] != ca {
                if current.count > 0 { out.append(current) }
                current = [ca]
            }
            current.append(cb)
            if cb != b { out.append(current); current = [] }
        }
        if current.count > 0 { out.append(current) }
        return out
    }

    static func clipSegment(_ a: SIMD2<Float>, _ b: SIMD2<Float>, _ minX: Float, _ minY: Float, _ maxX: Float,
                            _ maxY: Float) -> (SIMD2<Float>, SIMD2<Float>)? {
        let d = b - a
        var t0: Float = 0, t1: Float = 1
        for (p, q) in [(-d.x, a.x - minX), (d.x, maxX - a.x), (-d.y, a.y - minY), (d.y, maxY - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
            } else {
                let r = q / p
                if p < 0 { if r > t1 { return nil }; if r > t0 { t0 = r } } else { if r < t0 { return nil }; if r < t1 { t1 = r } }
            }
        }
        return (t0 == 0 ? a : a + d * t0, t1 == 1 ? b : a + d * t1)
    }
}
