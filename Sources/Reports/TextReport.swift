import Screening

/// The human-readable screening report, in English or Chinese: verdict first, then findings with units,
/// then the legal bases, then provenance; on illustrative data, a banner that it is not an official determination.
public enum TextReport {
    /// The report as text.
    public static func render(
        _ result: ScreeningResult, dataset: Dataset, ruleset: Ruleset, provenance: Provenance,
        language: Language, notes extraNotes: [LocalizedText] = []
    ) -> String {
        let zh = language == .zh
        var out: [String] = []
        func line(_ text: String = "") { out.append(text) }
        let project = result.project
        let title = [project.name, project.id.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")

        line(zh ? "RedLine 生态空间管控筛查\(title.isEmpty ? "" : "：" + title)" : "RedLine screening\(title.isEmpty ? "" : ": " + title)")
        line(String(repeating: "=", count: 60))
        let verdictText = zh ? result.verdict.chineseName : result.verdict.rawValue.uppercased()
        line((zh ? "结论：" : "VERDICT: ") + verdictText)
        if result.verdict == .restricted, !result.approvals.isEmpty {
            line(zh ? "需办理：" : "Approvals needed:")
            for approval in result.approvals { line("  [\(approval.code)] \(approval.text.text(language))") }
        }
        let flags = result.findings.filter { $0.relation == .nearby }.count
        if flags > 0 { line(zh ? "邻近提示：\(flags) 项（不改变结论，见下）" : "Proximity flags: \(flags) (they do not change the verdict; see below)") }
        if dataset.hasIllustrativeData {
            line()
            line("!! " + IllustrativeBanner.text.text(language))
        }

        line()
        line(zh ? "项目" : "Project")
        line("  " + (zh ? "类别：" : "category: ") + "\(result.category.code) \(result.category.name.text(language))")
        var facts = [(zh ? "建设性质：" : "action: ") + actionName(project.attributes.action, language)]
        facts.append(
            (zh ? "向水体排污：" : "discharges to water: ")
                + (project.attributes.dischargesToWater.map { zh ? ($0 ? "是" : "否") : ($0 ? "yes" : "no") } ?? (zh ? "未说明" : "not stated")))
        if result.isLinear { facts.append((zh ? "穿越方式：" : "crossing: ") + (project.attributes.crossing ?? .surface).rawValue) }
        if project.attributes.nationalMajorProject { facts.append(zh ? "国家重大项目" : "national major project") }
        line("  " + facts.joined(separator: zh ? "；" : "; "))
        var size = (zh ? "占地：" : "footprint: ") + project.footprint.kind.name
        if let area = result.footprintArea { size += " " + Format.area(area, language) }
        if let length = result.footprintLength { size += (zh ? "，长 " : ", ") + Format.length(length, language) }
        line("  " + size)
        if !result.districts.isEmpty { line("  " + (zh ? "所在行政区：" : "districts: ") + result.districts.joined(separator: zh ? "、" : ", ")) }

        let met = result.findings.filter { $0.relation != .nearby }
        let nearby = result.findings.filter { $0.relation == .nearby }
        line()
        line(zh ? "涉及的管控区（\(met.count)）" : "Zones the footprint meets (\(met.count))")
        if met.isEmpty { line(zh ? "  无" : "  none") }
        for (number, finding) in met.enumerated() {
            line("  \(number + 1). " + outcomeLabel(finding.effectiveOutcome, language) + " — " + zoneLabel(finding.zone, language))
            line("     " + measureLine(finding, language))
            if let rule = finding.rule {
                line("     " + (zh ? "规则 " : "rule ") + "\(rule.column): " + rule.explanation.text(language))
                if finding.relation == .touches, rule.outcome > .conditional {
                    line("     " + (zh ? "仅边界相接：按有条件允许计，须以界址测量核实。" : "shares only a boundary: counted as conditional; verify against the boundary survey."))
                }
                if !rule.approvals.isEmpty { line("     " + (zh ? "需办理：" : "needs: ") + rule.approvals.joined(separator: ", ")) }
                if !rule.bases.isEmpty { line("     " + (zh ? "依据：" : "basis: ") + basisIDs(rule.bases, on: result.asOf, ruleset: ruleset, language)) }
            } else {
                line("     " + (zh ? "该图层对此类项目无规定" : "this layer has no rule for the category"))
            }
        }
        let unitLines = AccessListText.lines(result, language)
        if !unitLines.isEmpty {
            line()
            line(
                zh
                    ? "管控单元生态环境准入清单（逐条对照；与上列矩阵结论并列，不改变结论）"
                    : "Control-unit access lists, clause by clause (beside the matrix outcome above; they do not change the verdict)")
            unitLines.forEach(line)
        }
        if !nearby.isEmpty {
            line()
            line(zh ? "邻近提示（\(nearby.count)）" : "Nearby zones flagged (\(nearby.count))")
            var previous: String?
            for finding in nearby {
                guard let rule = finding.proximity, let distance = finding.distance else { continue }
                if finding.zone.id != previous {
                    line("  - " + zoneLabel(finding.zone, language) + (zh ? "，距离 " : ", ") + Format.length(distance, language))
                    previous = finding.zone.id
                }
                line(
                    "    " + (zh ? "提示距离 " : "within ") + Format.length(rule.distance, language) + " (\(natureName(rule.nature, language))): "
                        + rule.explanation.text(language))
            }
        }
        if !result.kindOverlaps.isEmpty {
            line()
            line(zh ? "按类型汇总（重叠的区只计一次）" : "Overlap by kind (overlapping zones counted once)")
            for entry in result.kindOverlaps {
                var text = "  " + (zh ? entry.kind.chineseName : entry.kind.englishName) + ": "
                if let area = entry.overlapArea { text += Format.area(area, language) }
                if let length = entry.overlapLength { text += Format.length(length, language) }
                if let share = entry.overlapShare { text += zh ? "，占 \(Format.percent(share))" : ", \(Format.percent(share)) of the footprint" }
                text += zh ? "（\(entry.zones) 个区）" : " in \(entry.zones) zone(s)"
                line(text)
            }
        }
        if !result.nearest.isEmpty {
            line()
            line(zh ? "5 千米内未涉及的最近管控区" : "Nearest zones not met, within 5 km")
            for entry in result.nearest {
                line(
                    "  " + (zh ? entry.kind.chineseName : entry.kind.englishName) + ": " + zoneLabel(entry.zone, language) + (zh ? "，" : ", ")
                        + Format.length(entry.distance, language))
            }
        }
        if !result.bases.isEmpty {
            line()
            line(zh ? "法律依据（截至 \(result.asOf)）" : "Legal bases (as of \(result.asOf))")
            for basis in result.bases {
                line("  [\(basis.id)] " + Citation.line(basis, on: result.asOf, ruleset: ruleset, language))
                if let note = basis.note { line("      " + note.text(language)) }
            }
        }
        let notes = extraNotes + result.notes
        if !notes.isEmpty {
            line()
            line(zh ? "说明" : "Notes")
            for note in notes { line("  - " + note.text(language)) }
        }
        if !ruleset.notExpressed.isEmpty {
            line()
            line(zh ? "本规则集未能检查的事项（无相应图层）" : "Not checked by this ruleset (no layer for them)")
            for item in ruleset.notExpressed { line("  - " + item) }
        }
        line()
        line(zh ? "溯源" : "Provenance")
        line("  redline \(provenance.toolVersion) (\(provenance.libraries))")
        line("  " + (zh ? "规则集 " : "ruleset ") + "\(ruleset.version), " + (zh ? "法律状态评估于 " : "law assessed on ") + "\(ruleset.asOf), sha256 \(ruleset.sha256)")
        line("  " + (zh ? "筛查所依法律日期 " : "law taken as of ") + "\(result.asOf)")
        line(
            "  " + (zh ? "数据集 " : "dataset ") + "\(dataset.name) \(dataset.version), digest \(dataset.digest)"
                + (dataset.hasIllustrativeData ? (zh ? "（含示意数据）" : " (includes illustrative layers)") : ""))
        for layer in dataset.layers {
            line("    \(layer.file) \(layer.isIllustrative ? "illustrative" : "authoritative") sha256 \(layer.sha256)")
        }
        line("  " + (zh ? "输入 " : "input ") + "\(provenance.inputFile ?? "-") sha256 \(provenance.inputSHA256)")
        return out.joined(separator: "\n") + "\n"
    }

    static func natureName(_ nature: String, _ language: Language) -> String {
        guard language == .zh else { return nature.replacingOccurrences(of: "_", with: " ") }
        return ["statutory": "法定", "recommended_standard": "推荐性标准", "heuristic": "经验提示", "advisory": "参考"][nature] ?? nature
    }

    static func actionName(_ action: ProjectAction, _ language: Language) -> String {
        guard language == .zh else { return action.rawValue }
        switch action {
        case .new: return "新建"
        case .rebuild: return "改建"
        case .expand: return "扩建"
        case .operate: return "运营维护"
        }
    }

    static func outcomeLabel(_ outcome: Outcome, _ language: Language) -> String {
        language == .zh ? outcome.chineseName : outcome.rawValue.uppercased().replacingOccurrences(of: "_", with: " ")
    }

    static func zoneLabel(_ zone: ZoneReference, _ language: Language) -> String {
        if language == .zh {
            return "\(zone.name)（\(zone.id)；\(zone.kind.chineseName) \(zone.level.chineseName)）"
        }
        let name = zone.englishName.map { "\($0) \(zone.name)" } ?? zone.name
        return "\(name) (\(zone.id); \(zone.kind.englishName), \(zone.level.englishName))"
    }

    static func measureLine(_ finding: Finding, _ language: Language) -> String {
        let zh = language == .zh
        var parts: [String] = []
        parts.append(relationName(finding.relation, language))
        if let area = finding.overlapArea { parts.append(Format.area(area, language)) }
        if let length = finding.overlapLength { parts.append(Format.length(length, language)) }
        if let points = finding.pointsInside { parts.append(zh ? "\(points) 个点在区内" : "\(points) point(s) inside") }
        if let share = finding.overlapShare, finding.pointsInside == nil {
            parts.append(zh ? "占项目 \(Format.percent(share))" : "\(Format.percent(share)) of the footprint")
        }
        return parts.joined(separator: zh ? "，" : ", ")
    }

    /// How a footprint relates to a zone, in words.
    /// Basis ids, each not in force on `day` marked with its standing (the full citations are listed below).
    static func basisIDs(_ ids: [String], on day: CalendarDay, ruleset: Ruleset, _ language: Language) -> String {
        ids.map { id in
            guard let standing = ruleset.bases[id]?.standing(on: day), !standing.isInForce else { return id }
            let word = Citation.stateName(standing.state, language)
            return language == .zh ? "\(id)（\(word)）" : "\(id) (\(word))"
        }.joined(separator: ", ")
    }

    static func relationName(_ relation: Relation, _ language: Language) -> String {
        let zh = language == .zh
        switch relation {
        case .inside: return zh ? "完全位于区内" : "inside"
        case .partlyInside: return zh ? "部分位于区内" : "partly inside"
        case .touches: return zh ? "边界相接" : "touches the boundary"
        case .nearby: return zh ? "邻近" : "nearby"
        }
    }

}
