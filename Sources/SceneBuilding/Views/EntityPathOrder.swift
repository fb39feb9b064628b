/// The viewer's order of entity paths (Rerun's `EntityPath` `Ord`): part by part, a prefix first; parts in
/// natural order ("image2" before "image10"), reserved `__` parts after all others.
public enum EntityPathOrder {
    public static func precedes(_ a: [String], _ b: [String]) -> Bool {
        for (x, y) in zip(a, b) where x != y {
            return partPrecedes(x, y)
        }
        return a.count < b.count
    }

    /// Natural order of two different path parts.
    static func partPrecedes(_ a: String, _ b: String) -> Bool {
        let ra = a.hasPrefix("__"), rb = b.hasPrefix("__")
        if ra != rb { return rb }
        return naturalCompare(Array(a.unicodeScalars), Array(b.unicodeScalars)) < 0
    }

    /// −1, 0 or 1: runs of ASCII digits compare by their numeric value (then by length, so "01" follows "1"),
    /// everything else by Unicode scalar value.
    static func naturalCompare(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        var i = 0, j = 0
        while i < a.count && j < b.count {
            if isDigit(a[i]) && isDigit(b[j]) {
                let si = i, sj = j
                while i < a.count && isDigit(a[i]) { i += 1 }
                while j < b.count && isDigit(b[j]) { j += 1 }
                let da = a[si..<i].drop { $0 == "0" }, db = b[sj..<j].drop { $0 == "0" }
                if da.count != db.count { return da.count < db.count ? -1 : 1 }
                for (x, y) in zip(da, db) where x != y { return x.value < y.value ? -1 : 1 }
                if i - si != j - sj { return i - si < j - sj ? -1 : 1 }
            } else {
                if a[i] != b[j] { return a[i].value < b[j].value ? -1 : 1 }
                i += 1; j += 1
            }
        }
        return i < a.count ? 1 : (j < b.count ? -1 : 0)
    }
}
