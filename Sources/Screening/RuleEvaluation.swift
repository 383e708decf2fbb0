import Geo

extension Ruleset {
    /// The rule for a project of `category` in `zone`, screened as of `day`, or nil when no column covers the zone's
    /// kind and level. Clauses the ruleset dates (`on_or_after`) apply only to screenings as of that day or later.
    ///
    /// An attribute the project does not state is tried with every value it could have, and the strictest
    /// result is kept; when that changes the outcome, the assumption is recorded in the rule. An entry of the
    /// zone's own access list replaces the matrix rule when it is stricter.
    public func rule(for category: String, in zone: Zone, attributes: ProjectAttributes, isLinear: Bool, on day: CalendarDay) -> AppliedRule? {
        guard let column = column(kind: zone.kind, level: zone.level.code),
            let clauses = clauses(category: category, column: column.code)
        else { return nil }
        let crossing = isLinear ? (attributes.crossing ?? .surface) : .surface
        let dischargeReadings: [Bool] = attributes.dischargesToWater.map { [$0] } ?? [false, true]
        var chosen: RuleClause?
        var outcomesSeen: Set<Outcome> = []
        for discharges in dischargeReadings {
            let clause =
                clauses.first {
                    $0.condition?.holds(
                        action: attributes.action, discharges: discharges, linear: isLinear, crossing: crossing,
                        major: attributes.nationalMajorProject, level: zone.level.code, day: day) ?? true
                } ?? clauses[clauses.count - 1]
            outcomesSeen.insert(clause.outcome)
            if let current = chosen, clause.outcome <= current.outcome { continue }
            chosen = clause
        }
        guard let clause = chosen else { return nil }
        var assumptions: [LocalizedText] = []
        if attributes.dischargesToWater == nil, outcomesSeen.count > 1 {
            assumptions.append(
                LocalizedText(
                    zh: "未说明是否向水体排放污染物：按从严情形（\(clause.outcome.chineseName)）判断；请说明项目属性 discharges_to_water（是否向水体排放污染物）。",
                    en:
                        "Discharge to water not stated: took the stricter reading (\(clause.outcome.rawValue)); state the project's discharges_to_water attribute."
                ))
        }
        if isLinear, attributes.crossing == nil, clauses.contains(where: { $0.condition?.crossings != nil }) {
            assumptions.append(
                LocalizedText(
                    zh: "线性工程穿越方式未说明：按地面穿越判断；隧道、桥梁或架空请说明项目属性 crossing。",
                    en:
                        "Crossing mode not stated: screened as a surface crossing; for tunnel, bridge or aerial state the project's crossing attribute."
                ))
        }
        var rule = AppliedRule(
            column: column.code, outcome: clause.outcome, approvals: clause.approvals.sorted(),
            explanation: clause.explanation, bases: clause.bases, source: "matrix", assumptions: assumptions)
        for entry in zone.accessList where entry.category == category && entry.outcome >= rule.outcome {
            if entry.outcome == rule.outcome, entry.outcome == .restricted {
                rule.approvals = Array(Set(rule.approvals + entry.approvals)).sorted()
                continue
            }
            guard entry.outcome > rule.outcome else { continue }
            rule = AppliedRule(
                column: column.code, outcome: entry.outcome, approvals: entry.approvals.sorted(),
                explanation: entry.explanation, bases: entry.basis.map { [$0] } ?? [], source: "access_list",
                assumptions: assumptions)
        }
        return rule
    }
}
