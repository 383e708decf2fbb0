import Geo
import Screening

/// A control unit's access list (准入清单) laid out for the 逐条对照 an EIA review asks for: the unit's code, name and
/// category, then every clause numbered under its dimension, with the tier (省/市/县) whose list it comes from.
enum AccessListText {
    /// The units met (not nearby) that are control units or carry clauses, once each, in finding order.
    static func units(_ result: ScreeningResult) -> [ZoneReference] {
        var seen = Set<String>()
        return result.findings.filter { $0.relation != .nearby && ($0.zone.kind == .controlUnit || !$0.zone.accessClauses.isEmpty) }
            .map(\.zone).filter { seen.insert($0.id).inserted }
    }

    /// "ZH12011910002 于桥水库…单元（优先保护单元）".
    static func heading(_ zone: ZoneReference, _ language: Language) -> String {
        let category = zone.unitCategory ?? (language == .zh ? zone.level.chineseName : zone.level.englishName)
        return language == .zh ? "\(zone.id) \(zone.name)（\(category)）" : "\(zone.id) \(zone.name) (\(category))"
    }

    /// Each dimension with its clauses, in the list's order.
    static func byDimension(_ zone: ZoneReference) -> [(AccessDimension, [AccessClause])] {
        AccessDimension.allCases.compactMap { dimension in
            let clauses = zone.accessClauses.filter { $0.dimension == dimension }
            return clauses.isEmpty ? nil : (dimension, clauses)
        }
    }

    /// A clause as the list words it (its own numbering kept: that is what a reviewer cites), with its tier.
    static func clauseLine(_ clause: AccessClause, _ language: Language) -> String {
        let tier = clause.tier.map { language == .zh ? "［\($0)级］" : "[\($0)] " } ?? ""
        return "- \(tier)\(clause.text)"
    }

    static func missingList(_ language: Language) -> String {
        language == .zh
            ? "数据未附本单元的生态环境准入清单：须向生态环境部门取得省、市、县三级清单并逐条对照（法典第六十七条）。"
            : "The data carries no access list for this unit: obtain the provincial, city and county lists from the ecology-environment authority and check the project clause by clause (Code Art. 67)."
    }

    /// The text report's section.
    static func lines(_ result: ScreeningResult, _ language: Language) -> [String] {
        let zh = language == .zh
        var lines: [String] = []
        for zone in units(result) {
            lines.append("  " + heading(zone, language))
            let groups = byDimension(zone)
            if groups.isEmpty { lines.append("    " + missingList(language)) }
            for (dimension, clauses) in groups {
                lines.append("    " + (zh ? dimension.chineseName : dimension.englishName))
                for clause in clauses { lines.append("      " + clauseLine(clause, language)) }
            }
        }
        return lines
    }

    /// The JSON report's `access_clauses` of a zone.
    static func json(_ zone: ZoneReference) -> JSONValue {
        // The stored form, with the dimension's Chinese name for readers of the report.
        .array(
            zone.accessClauses.map { clause in
                var object = clause.json
                object["dimension_zh"] = .string(clause.dimension.chineseName)
                return .object(object)
            })
    }
}
