import Foundation
import Geo
import Screening

/// A self-contained HTML report of one screening: inline CSS and SVG only — no scripts, fonts, tiles or links
/// to fetch — with a map in the footprint's Gauss–Krüger plane, the verdict, the findings with units, the legal
/// bases and provenance, in Chinese or English.
public enum HTMLReport {
    /// The HTML document.
    public static func render(
        _ result: ScreeningResult, dataset: Dataset, ruleset: Ruleset, provenance: Provenance,
        language: Language, notes extraNotes: [LocalizedText] = []
    ) throws -> String {
        let zh = language == .zh
        let project = result.project
        let plane = try LocalPlane(around: [project.footprint])
        let main = try MapSVG(around: project.footprint, plane: plane, minimumSize: 600)
        let overview = try MapSVG(around: project.footprint, plane: plane, minimumSize: max(8000, (main.view.maxX - main.view.minX) * 8))
        let title = [project.name, project.id.map { "(\($0)" + ")" }].compactMap { $0 }.joined(separator: " ")
        var html = """
            <!DOCTYPE html>
            <html lang="\(zh ? "zh-CN" : "en")"><head><meta charset="utf-8">
            <title>\(escape((zh ? "RedLine 筛查报告 " : "RedLine screening ") + title))</title>
            <style>\(css)</style></head><body>
            <h1>\(escape((zh ? "生态空间管控筛查：" : "Screening: ") + (title.isEmpty ? (zh ? "项目" : "project") : title)))</h1>
            <p class="verdict v-\(result.verdict.rawValue)">\(escape(zh ? "结论：" + result.verdict.chineseName : "Verdict: " + result.verdict.rawValue.uppercased()))</p>

            """
        if result.verdict == .restricted, !result.approvals.isEmpty {
            html +=
                "<p>" + escape(zh ? "需办理：" : "Approvals needed: ")
                + result.approvals.map { "<b>\(escape($0.code))</b> " + escape($0.text.text(language)) }.joined(separator: "；") + "</p>\n"
        }
        if dataset.hasIllustrativeData { html += "<p class=\"banner\">\(escape(IllustrativeBanner.text.text(language)))</p>\n" }

        html +=
            "<div class=\"maps\">" + (try mainMap(result, dataset: dataset, map: main, language: language))
            + (try overviewMap(result, dataset: dataset, map: overview, frame: main.view, language: language)) + "</div>\n"

        // The project.
        var facts = ["\(result.category.code) \(result.category.name.text(language))", TextReport.actionName(project.attributes.action, language)]
        if let area = result.footprintArea { facts.append(Format.area(area, language)) }
        if let length = result.footprintLength { facts.append(Format.length(length, language)) }
        if !result.districts.isEmpty { facts.append(result.districts.joined(separator: zh ? "、" : ", ")) }
        html += "<h2>\(zh ? "项目" : "Project")</h2><p>\(escape(facts.joined(separator: zh ? "；" : "; ")))</p>\n"

        // Findings.
        html += "<h2>\(zh ? "涉及与邻近的管控区" : "Zones met and nearby")</h2>\n<table><tr>"
        for heading in zh
            ? ["结果", "管控区", "类型与级别", "关系", "面积/长度/距离", "占比", "规则", "需办理"]
            : ["outcome", "zone", "kind and level", "relation", "area / length / distance", "share", "rule", "needs"]
        {
            html += "<th>\(heading)</th>"
        }
        html += "</tr>\n"
        for finding in result.findings {
            let measure = [
                finding.overlapArea.map { Format.area($0, language) }, finding.overlapLength.map { Format.length($0, language) },
                finding.distance.map { Format.length($0, language) },
            ].compactMap { $0 }.joined(separator: " ")
            let kindName =
                zh
                ? "\(finding.zone.kind.chineseName) \(finding.zone.level.chineseName)" : "\(finding.zone.kind.englishName), \(finding.zone.level.englishName)"
            let rule = finding.rule.map { "\($0.column): \($0.explanation.text(language))" } ?? finding.proximity.map { $0.explanation.text(language) } ?? ""
            html +=
                "<tr class=\"o-\(finding.effectiveOutcome.rawValue)\"><td>\(escape(TextReport.outcomeLabel(finding.effectiveOutcome, language)))</td>"
                + "<td>\(escape(finding.zone.name)) <small>\(escape(finding.zone.id))</small></td><td>\(escape(kindName))</td>"
                + "<td>\(escape(TextReport.relationName(finding.relation, language)))</td><td>\(escape(measure))</td>"
                + "<td>\(finding.overlapShare.map { Format.percent($0) } ?? "")</td><td>\(escape(rule))</td>"
                + "<td>\(escape(finding.rule?.approvals.joined(separator: ", ") ?? ""))</td></tr>\n"
        }
        html += "</table>\n"

        // Control units' access lists, clause by clause.
        let units = AccessListText.units(result)
        if !units.isEmpty {
            html +=
                "<h2>\(zh ? "管控单元生态环境准入清单（逐条对照）" : "Control-unit access lists, clause by clause")</h2>"
                + "<p class=\"small\">\(zh ? "与上表矩阵结论并列，供逐条对照；不改变结论。" : "Beside the matrix outcome above, for the clause-by-clause review; they do not change the verdict.")</p>\n"
            for zone in units {
                html += "<h3>\(escape(AccessListText.heading(zone, language)))</h3>"
                let groups = AccessListText.byDimension(zone)
                if groups.isEmpty { html += "<p>\(escape(AccessListText.missingList(language)))</p>" }
                for (dimension, clauses) in groups {
                    html +=
                        "<p><b>\(escape(zh ? dimension.chineseName : dimension.englishName))</b></p><ul style=\"list-style:none\">"
                        + clauses.map { "<li>\(escape(AccessListText.clauseLine($0, language)))</li>" }.joined() + "</ul>"
                }
                html += "\n"
            }
        }

        // Bases, notes, what was not checked, provenance. Official addresses are printed as text: this file fetches nothing.
        if !result.bases.isEmpty {
            html += "<h2>\(zh ? "法律依据（截至 \(result.asOf)）" : "Legal bases (as of \(result.asOf))")</h2><ul>"
            for basis in result.bases {
                html +=
                    "<li><b>\(escape(basis.id))</b> \(escape(Citation.line(basis, on: result.asOf, ruleset: ruleset, language)))"
                    + (basis.note.map { "<br><span class=\"small\">\(escape($0.text(language)))</span>" } ?? "") + "</li>"
            }
            html +=
                "</ul><p class=\"small\">\(zh ? "网址仅列官方发布机关的页面；未列网址的，请按发文机关和文号在所列发布机关处查阅。" : "Only official publishers' pages are given as addresses; for the others, look the instrument up by issuer and number at the publisher named.")</p>\n"
        }
        let notes = extraNotes + result.notes
        if !notes.isEmpty { html += "<h2>\(zh ? "说明" : "Notes")</h2><ul>" + notes.map { "<li>\(escape($0.text(language)))</li>" }.joined() + "</ul>\n" }
        if !ruleset.notExpressed.isEmpty {
            html +=
                "<h2>\(zh ? "未能检查的事项" : "Not checked by this ruleset")</h2><ul class=\"small\">"
                + ruleset.notExpressed.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n"
        }
        html +=
            "<h2>\(zh ? "溯源" : "Provenance")</h2><p class=\"small\">"
            + escape(
                "redline \(provenance.toolVersion) (\(provenance.libraries)); " + (zh ? "规则集 " : "ruleset ")
                    + "\(ruleset.version) (\(ruleset.asOf), sha256 \(ruleset.sha256)); "
                    + (zh ? "数据集 " : "dataset ") + "\(dataset.name) \(dataset.version) (digest \(dataset.digest)); " + (zh ? "输入 " : "input ")
                    + "\(provenance.inputFile ?? "-") (sha256 \(provenance.inputSHA256)); "
                    + (zh ? "地图投影 " : "map projection ") + "\(plane.crs) (CGCS2000 Gauss–Krüger)")
            + "</p>\n</body></html>\n"
        return html
    }

    static let css = """
        body{font-family:"Noto Sans CJK SC","Noto Sans SC","Source Han Sans SC","WenQuanYi Micro Hei","Microsoft YaHei","PingFang SC",sans-serif;margin:24px;color:#212121;max-width:1100px}
        h1{font-size:22px}h2{font-size:17px;margin-top:22px}.small{font-size:12px;color:#555}
        .verdict{font-size:26px;font-weight:bold;padding:8px 14px;display:inline-block;border-radius:4px;color:#fff}
        .v-prohibited{background:#c62828}.v-restricted{background:#ef6c00}.v-conditional{background:#f9a825;color:#212121}.v-clear{background:#2e7d32}
        .banner{border:2px solid #c62828;padding:8px;background:#ffebee}
        table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top;text-align:left}
        tr.o-prohibited td:first-child{color:#c62828;font-weight:bold}tr.o-restricted td:first-child{color:#ef6c00;font-weight:bold}
        .maps{display:flex;gap:12px;align-items:flex-start;flex-wrap:wrap}svg{border:1px solid #999;background:#fafafa}
        svg text{font-family:inherit}
        """

    /// Zones whose envelope meets the window, drawing order: control units under everything, districts on top.
    static func zonesInView(_ dataset: Dataset, window: Envelope) -> [Zone] {
        let order = ZoneKind.allCases.filter { $0 != .controlUnit && $0 != .adminDistrict }
        return dataset.zones.filter { $0.geometry.envelope?.intersects(window) == true }.sorted { a, b in
            func rank(_ kind: ZoneKind) -> Int { kind == .controlUnit ? -1 : kind == .adminDistrict ? 100 : (order.firstIndex(of: kind) ?? 50) }
            return (rank(a.kind), a.id) < (rank(b.kind), b.id)
        }
    }

    static func mainMap(_ result: ScreeningResult, dataset: Dataset, map: MapSVG, language: Language) throws -> String {
        let zh = language == .zh
        let window = try map.lonLatWindow()
        var svg = String(format: "<svg width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">", map.width, map.height, map.width, map.height)
        svg +=
            "<defs><pattern id=\"hatch\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\" patternTransform=\"rotate(45)\"><line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\" stroke=\"#000\" stroke-width=\"2.5\"/></pattern></defs>"
        // Grid (kilometre lines of the Gauss–Krüger plane) under everything.
        let step = map.gridMetres
        var x = (map.view.minX / step).rounded(.up) * step
        while x < map.view.maxX {
            svg += String(format: "<line class=\"grid\" x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#ddd\"/>", map.sx(x), map.sx(x), map.height)
            svg += String(format: "<text x=\"%.1f\" y=\"12\" font-size=\"9\" fill=\"#888\">E %.1f km</text>", map.sx(x) + 2, x / 1000)
            x += step
        }
        var y = (map.view.minY / step).rounded(.up) * step
        while y < map.view.maxY {
            svg += String(format: "<line class=\"grid\" x1=\"0\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\" stroke=\"#ddd\"/>", map.sy(y), map.width, map.sy(y))
            svg += String(format: "<text x=\"2\" y=\"%.1f\" font-size=\"9\" fill=\"#888\">N %.1f km</text>", map.sy(y) - 2, y / 1000)
            y += step
        }
        var kindsShown: [ZoneKind] = []
        var labels = ""
        var placed: [(Double, Double)] = []
        for zone in zonesInView(dataset, window: window) {
            let clipped = try zone.geometry.clipped(to: window)
            guard !clipped.isEmpty else { continue }
            let (fill, stroke) = MapSVG.colours[zone.kind] ?? ("#9e9e9e", "#616161")
            let opacity = zone.kind == .controlUnit ? 0.15 : 0.3
            svg +=
                "<path class=\"zone\" data-zone=\"\(escape(zone.id))\" d=\"\(try map.pathData(clipped))\" fill=\"\(fill)\" fill-opacity=\"\(opacity)\" fill-rule=\"evenodd\" stroke=\"\(stroke)\" stroke-width=\"\(zone.kind == .adminDistrict ? 2 : 1)\""
                + (zone.kind == .adminDistrict ? " stroke-dasharray=\"6 3\"" : "") + "/>"
            if !kindsShown.contains(zone.kind) { kindsShown.append(zone.kind) }
            // Labels that would sit on an earlier one are left out (narrow nested bands share a centre).
            if zone.kind != .controlUnit, let label = try? map.points(clipped.pointOnSurface()).first,
                label.0 > 20, label.0 < map.width - 20, label.1 > 20, label.1 < map.height - 20,
                !placed.contains(where: { abs($0.0 - label.0) < 90 && abs($0.1 - label.1) < 16 })
            {
                placed.append(label)
                labels += String(
                    format: "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"%@\" text-anchor=\"middle\">%@</text>", label.0, label.1, stroke,
                    escape(zone.name))
            }
        }
        // Overlaps hatched, then the footprint on top.
        // Control units tile everything, so hatching their overlap would hatch every footprint: leave them out.
        for finding in result.findings where finding.relation != .nearby && finding.zone.kind != .controlUnit {
            guard let overlap = finding.overlapGeometry, !overlap.isEmpty else { continue }
            if overlap.kind.isPuntal {
                for (px, py) in try map.points(overlap) {
                    svg += String(format: "<circle class=\"overlap\" cx=\"%.1f\" cy=\"%.1f\" r=\"7\" fill=\"url(#hatch)\" stroke=\"#000\"/>", px, py)
                }
            } else if overlap.kind.isLineal {
                svg += "<path class=\"overlap\" d=\"\(try map.pathData(overlap))\" fill=\"none\" stroke=\"#000\" stroke-width=\"6\" stroke-opacity=\"0.35\"/>"
            } else {
                svg +=
                    "<path class=\"overlap\" d=\"\(try map.pathData(overlap.extracting(dimension: 2)))\" fill=\"url(#hatch)\" fill-opacity=\"0.55\" fill-rule=\"evenodd\" stroke=\"none\"/>"
            }
        }
        let footprint = result.project.footprint
        if footprint.kind.isPuntal {
            for (px, py) in try map.points(footprint) {
                svg += String(format: "<circle class=\"footprint\" cx=\"%.1f\" cy=\"%.1f\" r=\"5\" fill=\"#000\"/>", px, py)
            }
        } else {
            svg += "<path class=\"footprint\" d=\"\(try map.pathData(footprint))\" fill=\"none\" stroke=\"#000\" stroke-width=\"2.5\"/>"
            // A footprint too small to see gets a ring around it, so a 5 m² well pad still shows.
            let projected = try map.plane.forward.transform(footprint)
            if let e = projected.envelope, (e.maxX - e.minX) * map.scale < 8 {
                svg += String(
                    format: "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"10\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/>", map.sx(e.center.x),
                    map.sy(e.center.y))
            }
        }
        svg += labels
        // Scale bar, north arrow, legend.
        svg += map.scaleBarAndNorthArrow(language)
        // The legend sits in the lower right corner, clear of the north arrow and the scale bar.
        let legendHeight = Double(kindsShown.count + 2) * 16 + 10
        var legendY = map.height - legendHeight - 6 + 14
        svg += String(
            format: "<g font-size=\"11\"><rect x=\"%.0f\" y=\"%.0f\" width=\"190\" height=\"%.0f\" fill=\"#fff\" fill-opacity=\"0.85\" stroke=\"#999\"/>",
            map.width - 200, legendY - 14, legendHeight)
        for kind in kindsShown {
            let (fill, stroke) = MapSVG.colours[kind] ?? ("#9e9e9e", "#616161")
            svg += String(
                format:
                    "<rect x=\"%.0f\" y=\"%.0f\" width=\"12\" height=\"10\" fill=\"%@\" fill-opacity=\"0.4\" stroke=\"%@\"/><text x=\"%.0f\" y=\"%.0f\">%@</text>",
                map.width - 194, legendY - 9, fill, stroke, map.width - 176, legendY, escape(zh ? kind.chineseName : kind.englishName))
            legendY += 16
        }
        svg += String(
            format: "<rect x=\"%.0f\" y=\"%.0f\" width=\"12\" height=\"10\" fill=\"url(#hatch)\" stroke=\"#000\"/><text x=\"%.0f\" y=\"%.0f\">%@</text>",
            map.width - 194, legendY - 9, map.width - 176, legendY, zh ? "重叠部分" : "overlap")
        legendY += 16
        svg += String(
            format:
                "<rect x=\"%.0f\" y=\"%.0f\" width=\"12\" height=\"10\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/><text x=\"%.0f\" y=\"%.0f\">%@</text></g>",
            map.width - 194, legendY - 9, map.width - 176, legendY, zh ? "项目占地" : "footprint")
        return svg + "</svg>"
    }

    /// A small overview for context: the zones at a larger scale, the main map's frame and the footprint's place.
    static func overviewMap(_ result: ScreeningResult, dataset: Dataset, map: MapSVG, frame: Envelope, language: Language) throws -> String {
        let window = try map.lonLatWindow()
        let small = MapSVG(view: map.view, plane: map.plane, width: 300, height: 240)
        var svg = String(format: "<svg width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">", small.width, small.height, small.width, small.height)
        for zone in zonesInView(dataset, window: window) where zone.kind != .controlUnit {
            let clipped = try zone.geometry.clipped(to: window)
            guard !clipped.isEmpty else { continue }
            let (fill, stroke) = MapSVG.colours[zone.kind] ?? ("#9e9e9e", "#616161")
            svg +=
                "<path d=\"\(try small.pathData(clipped))\" fill=\"\(fill)\" fill-opacity=\"0.3\" fill-rule=\"evenodd\" stroke=\"\(stroke)\" stroke-width=\"0.6\"/>"
        }
        svg += String(
            format: "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" stroke=\"#c62828\" stroke-width=\"2\"/>",
            small.sx(frame.minX), small.sy(frame.maxY), max(3, (frame.maxX - frame.minX) * small.scale), max(3, (frame.maxY - frame.minY) * small.scale))
        let bar = small.scaleBarMetres
        svg += String(
            format: "<rect x=\"10\" y=\"%.0f\" width=\"%.1f\" height=\"4\" fill=\"#000\"/><text x=\"10\" y=\"%.0f\" font-size=\"10\">%@</text>",
            small.height - 14, bar * small.scale, small.height - 20, Format.length(bar, language))
        svg += String(format: "<text x=\"8\" y=\"14\" font-size=\"11\">%@</text>", language == .zh ? "位置示意" : "Overview")
        return svg + "</svg>"
    }

    /// Text made safe for HTML.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
