import RecordingModel

/// `ViewContents:query` rules → `EntityFilter`. Each expression may hold several rules separated by newlines;
/// a rule is `+ PATH`, `- PATH` or `PATH` (an inclusion); `PATH` may use `$origin`, and ends in `/**` for a
/// whole subtree. Unparsable rules are reported and skipped.
public enum QueryExpressions {
    public static func filter(_ expressions: [String], origin: [String]) -> (filter: EntityFilter, problems: [String]) {
        var filter = EntityFilter(included: [])
        var problems: [String] = []
        let originText = "/" + origin.map(EntityPath.escape).joined(separator: "/")
        for line in expressions.flatMap({ $0.split(whereSeparator: \.isNewline) }) {
            var rule = String(line).trimmingSpaces()
            guard !rule.isEmpty else { continue }
            var include = true
            if rule.hasPrefix("+") || rule.hasPrefix("-") {
                include = rule.first == "+"
                rule = String(rule.dropFirst()).trimmingSpaces()
            }
            rule = rule.replacingOccurrences(of: "$origin", with: originText)
            var subtree = false
            if rule == "**" || rule.hasSuffix("/**") {
                subtree = true
                rule = String(rule.dropLast(2))
            }
            do {
                let path = try EntityPath(parsing: rule)
                let r = EntityFilter.Rule(path.parts, subtree: subtree)
                if include { filter.included.append(r) } else { filter.excluded.append(r) }
            } catch {
                problems.append("query rule \"\(line)\": \(error)")
            }
        }
        return (filter, problems)
    }
}
