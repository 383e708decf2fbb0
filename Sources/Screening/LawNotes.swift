import Geo

extension Screener {
    /// Notes on the day the law is taken as of: how it relates to the ruleset's own as-of date, and every rule
    /// none of whose bases was in force that day.
    func lawNotes(_ findings: [Finding], on day: CalendarDay) -> [LocalizedText] {
        var notes: [LocalizedText] = []
        if day < ruleset.asOf {
            notes.append(
                LocalizedText(
                    zh: "按 \(day) 的法律状态筛查：各依据按当日的效力列出，规则集注明起始日期的条款按当日适用；其余结论为规则集 \(ruleset.version)（\(ruleset.asOf) 评估）的结论。",
                    en:
                        "Screened as of \(day): each basis is shown with its standing that day and clauses the ruleset dates apply as they did then; the rest of the matrix is ruleset \(ruleset.version) as assessed on \(ruleset.asOf)."
                ))
        } else if day > ruleset.asOf {
            notes.append(
                LocalizedText(
                    zh: "规则集 \(ruleset.version) 的法律状态评估于 \(ruleset.asOf)；此后的法律变化未反映在本报告中。",
                    en: "Ruleset \(ruleset.version) assessed the law on \(ruleset.asOf); changes after that day are not reflected in this report."))
        }
        for finding in findings where finding.relation != .nearby {
            guard let rule = finding.rule, rule.outcome > .allowed, !rule.bases.isEmpty,
                !rule.bases.contains(where: { ruleset.bases[$0].map { $0.standing(on: day).isInForce } ?? true })
            else { continue }
            notes.append(
                LocalizedText(
                    zh: "\(finding.zone.name)（\(rule.column)）：该规则所引依据在 \(day) 均不处于施行状态，结论仅供参考，须核对当日适用的规定。",
                    en:
                        "\(finding.zone.name) (\(rule.column)): none of this rule's bases was in force on \(day); treat the outcome as indicative and check the provisions that applied that day."
                ))
        }
        return notes
    }
}
