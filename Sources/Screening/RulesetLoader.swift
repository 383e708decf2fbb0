import Geo

extension Ruleset {
    /// Reads and checks a ruleset file: every category × column cell present, every cited basis and approval
    /// defined, the last clause of every cell unconditional, restricted clauses naming an approval.
    ///
    /// - Throws: `ScreeningError.ruleset` naming the file and the path of the faulty member.
    public static func load(contentsOf path: String) throws -> Ruleset {
        let bytes: [UInt8]
        do {
            bytes = try Array(readFile(path))
        } catch {
            throw ScreeningError.ruleset(file: path, message: "cannot read: \(error)")
        }
        return try read(bytes, file: path)
    }

    /// Reads and checks a ruleset from its bytes (`file` names it in errors).
    public static func read(_ bytes: [UInt8], file: String) throws -> Ruleset {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw ScreeningError.ruleset(file: file, message: "not valid JSON: \(error)")
        }
        var ruleset = try parse(value, file: file)
        ruleset.sha256 = sha256Hex(bytes)
        return ruleset
    }

    static func parse(_ value: JSONValue, file: String) throws -> Ruleset {
        let root = try JSONFields(value, path: "", file: file)
        let schema = try root.string("schema")
        guard schema == "redline-ruleset/2" else {
            let hint =
                schema == "redline-ruleset/1"
                ? "; version 1 predates the citation fields (issuer, number, dates, publisher) — convert it as geodata/rules/README.md §1.1 describes"
                : ""
            throw root.fail("schema", "expected \"redline-ruleset/2\", found \"\(schema)\"\(hint)")
        }
        let asOfText = try root.string("as_of")
        guard let asOf = CalendarDay(iso: asOfText) else { throw root.fail("as_of", "\"\(asOfText)\" is not a YYYY-MM-DD date") }
        var bases: [String: LegalBasis] = [:]
        let basesObject = try root.child("bases")
        for (id, entry) in basesObject.object {
            bases[id] = try parseBasis(id: id, JSONFields(entry, path: "bases.\(id)", file: file), assessedOn: asOf)
        }
        for (id, basis) in bases {
            if let successor = basis.supersededBy, bases[successor] == nil {
                throw ScreeningError.ruleset(file: file, message: "bases.\(id).superseded_by: \"\(successor)\" is not defined in \"bases\"")
            }
        }
        func checkBases(_ ids: [String], _ fields: JSONFields) throws {
            for id in ids where bases[id] == nil { throw fields.fail("bases", "cites \"\(id)\", which \"bases\" does not define") }
        }
        var approvals: [String: Approval] = [:]
        for (code, entry) in try root.child("approvals").object {
            let f = try JSONFields(entry, path: "approvals.\(code)", file: file)
            let approval = Approval(code: code, text: LocalizedText(zh: try f.string("zh"), en: try f.string("en")), bases: try f.strings("bases"))
            try checkBases(approval.bases, f)
            approvals[code] = approval
        }
        let categories = try root.array("categories").enumerated().map { index, entry in
            let f = try JSONFields(entry, path: "categories[\(index)]", file: file)
            return ProjectCategory(
                code: try f.string("code"), name: LocalizedText(zh: try f.string("zh"), en: try f.string("en")),
                aliases: try f.optionalStrings("aliases") ?? [])
        }
        let columns = try root.array("columns").enumerated().map { index, entry in
            let f = try JSONFields(entry, path: "columns[\(index)]", file: file)
            let kinds = try f.strings("kinds").map { text -> ZoneKind in
                do { return try ZoneKind(parsing: text) } catch { throw f.fail("kinds", "\(error)") }
            }
            let levels = try f.strings("levels")
            for kind in kinds {
                for level in levels where level != "*" {
                    do { _ = try kind.level(parsing: level) } catch { throw f.fail("levels", "\(error)") }
                }
            }
            return RuleColumn(code: try f.string("code"), kinds: kinds, levels: levels, name: LocalizedText(zh: try f.string("zh"), en: try f.string("en")))
        }
        // Columns must not overlap: every zone kind and level belongs to at most one column.
        for kind in ZoneKind.allCases {
            for level in kind.levels {
                let covering = columns.filter { $0.covers(kind: kind, level: level.code) }
                if covering.count > 1 {
                    throw root.fail("columns", "\(kind.rawValue)/\(level.code) is covered by several columns: \(covering.map(\.code).joined(separator: ", "))")
                }
            }
        }
        var cells: [String: [String: [RuleClause]]] = [:]
        for (index, entry) in try root.array("cells").enumerated() {
            let f = try JSONFields(entry, path: "cells[\(index)]", file: file)
            let category = try f.string("category")
            let column = try f.string("column")
            guard categories.contains(where: { $0.code == category }) else { throw f.fail("category", "\"\(category)\" is not in \"categories\"") }
            guard let columnInfo = columns.first(where: { $0.code == column }) else { throw f.fail("column", "\"\(column)\" is not in \"columns\"") }
            guard cells[category]?[column] == nil else { throw f.fail("column", "a second cell for \(category) × \(column)") }
            let clauseValues = try f.array("clauses")
            guard !clauseValues.isEmpty else { throw f.fail("clauses", "a cell needs at least one clause") }
            var clauses: [RuleClause] = []
            for (clauseIndex, clauseValue) in clauseValues.enumerated() {
                let c = try JSONFields(clauseValue, path: "cells[\(index)].clauses[\(clauseIndex)]", file: file)
                try c.onlyKeys(["when", "outcome", "approvals", "explanation", "bases"])
                let outcomeText = try c.string("outcome")
                guard let outcome = Outcome(rawValue: outcomeText) else {
                    throw c.fail("outcome", "\"\(outcomeText)\" is not one of \(Outcome.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let condition = c.has("when") ? try parseCondition(try c.child("when"), column: columnInfo) : nil
                let isLast = clauseIndex == clauseValues.count - 1
                if isLast, condition != nil { throw c.fail("when", "the last clause of a cell must have no condition") }
                if !isLast, condition == nil { throw c.fail("when", "only the last clause of a cell may have no condition") }
                let approvalCodes = try c.strings("approvals")
                for code in approvalCodes where approvals[code] == nil {
                    throw c.fail("approvals", "\"\(code)\" is not defined in \"approvals\"")
                }
                if outcome == .restricted, approvalCodes.isEmpty { throw c.fail("approvals", "a restricted outcome must name an approval") }
                let clauseBases = try c.strings("bases")
                try checkBases(clauseBases, c)
                clauses.append(
                    RuleClause(
                        condition: condition, outcome: outcome, approvals: approvalCodes,
                        explanation: try c.text("explanation"), bases: clauseBases))
            }
            cells[category, default: [:]][column] = clauses
        }
        for category in categories {
            for column in columns where cells[category.code]?[column.code] == nil {
                throw root.fail(
                    "cells",
                    "the matrix has no cell for \(category.code) × \(column.code); every category × column needs one (no_rule where the layer is silent)")
            }
        }
        let proximity = try (root.has("proximity") ? root.array("proximity") : []).enumerated().map { index, entry in
            let f = try JSONFields(entry, path: "proximity[\(index)]", file: file)
            let rule = ProximityRule(
                id: try f.string("id"),
                kinds: try f.strings("kinds").map { text in
                    do { return try ZoneKind(parsing: text) } catch { throw f.fail("kinds", "\(error)") }
                },
                levels: try f.strings("levels"), distance: try f.number("distance_m"), categories: try f.strings("categories"),
                nature: try f.string("nature"), explanation: try f.text("explanation"), bases: try f.strings("bases"))
            try checkBases(rule.bases, f)
            guard rule.distance > 0 else { throw f.fail("distance_m", "must be positive") }
            return rule
        }
        let notExpressed = try (root.has("not_expressed") ? root.array("not_expressed") : []).enumerated().map { index, entry in
            let f = try JSONFields(entry, path: "not_expressed[\(index)]", file: file)
            return "\(try f.string("overlay")) — \(try f.string("why"))"
        }
        return Ruleset(
            version: try root.string("version"), asOf: asOf, title: try root.text("title"),
            bases: bases, approvals: approvals, categories: categories, columns: columns, cells: cells,
            proximity: proximity, notExpressed: notExpressed, sha256: "",
            categoryLookup: Ruleset.lookup(categories), file: file)
    }

    private static func parseBasis(id: String, _ f: JSONFields, assessedOn: CalendarDay) throws -> LegalBasis {
        func date(_ key: String) throws -> LegalDate? {
            guard let text = try f.optionalString(key) else { return nil }
            guard let date = LegalDate(parsing: text) else {
                throw f.fail(key, "\"\(text)\" is not a date (YYYY-MM-DD, or YYYY-MM or YYYY when only that is known)")
            }
            return date
        }
        let statusText = try f.string("status")
        guard let status = BasisStatus(rawValue: statusText) else {
            throw f.fail("status", "must be one of \(BasisStatus.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(statusText)\"")
        }
        let verificationText = try f.string("verification")
        guard let verification = Verification(rawValue: verificationText) else {
            throw f.fail("verification", "must be one of \(Verification.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(verificationText)\"")
        }
        var missing: [String: String] = [:]
        if f.has("missing") {
            let m = try f.child("missing")
            for key in m.object.keys { missing[key] = try m.string(key) }
        }
        return LegalBasis(
            id: id, instrument: try f.string("instrument"), instrumentEnglish: try f.string("instrument_en"),
            issuer: try f.string("issuer"), issuerEnglish: try f.string("issuer_en"), number: try f.optionalString("number"),
            article: try f.string("article"), articleEnglish: try f.string("article_en"), edition: try f.string("edition"),
            issued: try date("issued"), inForceFrom: try date("in_force_from"), endedOn: try date("ended_on"),
            status: status, supersededBy: try f.optionalString("superseded_by"),
            publisher: try f.string("publisher"), publisherEnglish: try f.string("publisher_en"), url: try f.optionalString("url"),
            verification: verification, note: f.has("note") ? try f.text("note") : nil, missing: missing, assessedOn: assessedOn)
    }

    private static func parseCondition(_ f: JSONFields, column: RuleColumn) throws -> RuleCondition {
        try f.onlyKeys(["action", "discharges_to_water", "linear", "crossing", "national_major_project", "zone_levels", "on_or_after"])
        var condition = RuleCondition()
        if let text = try f.optionalString("on_or_after") {
            guard let day = CalendarDay(iso: text) else { throw f.fail("on_or_after", "\"\(text)\" is not a YYYY-MM-DD date") }
            condition.onOrAfter = day
        }
        if let actions = try f.optionalStrings("action") {
            condition.actions = try actions.map { text in
                guard let action = ProjectAction(rawValue: text) else { throw f.fail("action", "\"\(text)\" is not one of new, rebuild, expand, operate") }
                return action
            }
        }
        if let crossings = try f.optionalStrings("crossing") {
            condition.crossings = try crossings.map { text in
                guard let crossing = Crossing(rawValue: text) else { throw f.fail("crossing", "\"\(text)\" is not one of surface, tunnel, bridge, aerial") }
                return crossing
            }
        }
        condition.dischargesToWater = try f.bool("discharges_to_water")
        condition.linear = try f.bool("linear")
        condition.nationalMajorProject = try f.bool("national_major_project")
        if let levels = try f.optionalStrings("zone_levels") {
            for level in levels
            where !column.covers(kind: column.kinds[0], level: level) && !column.kinds.contains(where: { $0.levels.contains { $0.code == level } }) {
                throw f.fail("zone_levels", "\"\(level)\" is not a level of column \(column.code)")
            }
            condition.zoneLevels = levels
        }
        return condition
    }
}
