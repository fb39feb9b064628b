/// The column count of a grid container without a fixed one (egui_tiles' `GridLayout::Auto`, which the viewer
/// uses for its default layout and for blueprint grids without `grid_columns`).
///
/// Of the counts 1…n, the one whose cells come closest to a 4 : 3 aspect ratio, with every empty cell of the
/// last row costing as much as an aspect error of 2 / n; n − 1 columns are never chosen for n ≥ 4 (it would
/// leave one view alone on a row). Ties go to the fewest columns. Checked against the Rerun 0.41 viewer: 5 views
/// in 960×520 make 3 columns, 7 and 8 make 4, 11 make 4 (rows of 4, 4, 3).
public enum AutoGrid {
    /// The aspect ratio (width / height) a cell should have.
    public static let idealAspect = 4.0 / 3.0

    /// Columns for `n` cells (n ≥ 1) in a `width × height` rectangle with `gap` between cells; 1 for n ≤ 1.
    public static func columns(cells n: Int, width: Int, height: Int, gap: Int) -> Int {
        guard n > 1 else { return 1 }
        var best = 1
        var bestLoss = Double.infinity
        for columns in 1...n {
            if n >= 4 && columns == n - 1 { continue }
            let rows = (n + columns - 1) / columns
            let cellWidth = (Double(width) - Double(gap * (columns - 1))) / Double(columns)
            let cellHeight = (Double(height) - Double(gap * (rows - 1))) / Double(rows)
            let aspectError = abs(idealAspect - cellWidth / cellHeight)
            let loss = aspectError * Double(n) + 2 * Double(columns * rows - n)
            if loss < bestLoss {
                bestLoss = loss
                best = columns
            }
        }
        return best
    }
}
