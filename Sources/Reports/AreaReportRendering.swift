import Geo
import Screening

/// Renderings of the zone-area report: text (English / Chinese), JSON, CSV and Markdown. Areas in km², 公顷 and 亩.
public enum AreaReportRendering {
    /// JSON, schema `redline-area/1`; `zone_area_report` uses the field names of the benchmark's reference.py.
    public static func json(_ report: AreaReport) -> String {
        var root = JSONObject()
        root["schema"] = "redline-area/1"
        root["dataset"] = .object(JSONObject(["name": .string(report.datasetName), "version": .string(report.datasetVersion)]))
        root["zone_area_report"] = .array(
            report.groups.map { group in
                .object(
                    JSONObject([
                        "kind": .string(group.kind.rawValue), "level": .string(group.level), "zones": .number(JSONNumber(group.zones)),
                        "sum_area_m2": exact(group.sumArea.squareMetres), "union_area_m2": exact(group.unionArea.squareMetres),
                        "sum_area_km2": exact(group.sumArea.squareKilometres), "union_area_km2": exact(group.unionArea.squareKilometres),
                        "union_area_ha": exact(group.unionArea.hectares), "union_area_mu": exact(group.unionArea.mu),
                    ]))
            })
        root["districts"] = .array(
            report.districts.map { district in
                .object(
                    JSONObject([
                        "id": .string(district.district.id), "name": .string(district.district.name),
                        "area_m2": exact(district.area.squareMetres),
                        "protected_area_m2": exact(district.protectedArea.squareMetres), "protected_share": exact(district.protectedShare),
                        "groups": .array(
                            district.groups.map { row in
                                .object(JSONObject(["kind": .string(row.kind.rawValue), "level": .string(row.level), "area_m2": exact(row.area.squareMetres)]))
                            }),
                    ]))
            })
        root["overlap_matrix"] = .object(
            JSONObject([
                "kinds": .array(report.matrixKinds.map { .string($0.rawValue) }),
                "area_m2": .array(report.overlap.map { row in .array(row.map { exact($0.squareMetres) }) }),
            ]))
        root["protective_kinds"] = .array(AreaReport.protectiveKinds.map { .string($0.rawValue) })
        return JSONValue.object(root).prettyPrinted()
    }

    /// CSV (UTF-8 with a byte-order mark so that Excel and WPS read the Chinese names): one row per kind/level,
    /// then one per district and kind/level.
    public static func csv(_ report: AreaReport) -> String {
        var lines = ["\u{FEFF}scope,kind,level,zones,sum_area_km2,union_area_km2,union_area_ha,union_area_mu"]
        for group in report.groups {
            lines.append(
                [
                    "all", group.kind.rawValue, group.level, String(group.zones), fixed(group.sumArea.squareKilometres, 6),
                    fixed(group.unionArea.squareKilometres, 6), fixed(group.unionArea.hectares, 4), fixed(group.unionArea.mu, 2),
                ].joined(separator: ","))
        }
        for district in report.districts {
            for row in district.groups {
                lines.append(
                    [
                        CSV.field(district.district.name), row.kind.rawValue, row.level, "", "", fixed(row.area.squareKilometres, 6),
                        fixed(row.area.hectares, 4), fixed(row.area.mu, 2),
                    ].joined(separator: ","))
            }
            lines.append(
                [
                    CSV.field(district.district.name), "protected", "*", "", "", fixed(district.protectedArea.squareKilometres, 6),
                    fixed(district.protectedArea.hectares, 4), fixed(district.protectedArea.mu, 2),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }

    /// Markdown tables.
    public static func markdown(_ report: AreaReport, language: Language) -> String {
        table(report, language: language, markdown: true)
    }

    /// Plain text tables.
    public static func text(_ report: AreaReport, language: Language) -> String {
        table(report, language: language, markdown: false)
    }

    private static func table(_ report: AreaReport, language: Language, markdown: Bool) -> String {
        let zh = language == .zh
        var out: [String] = []
        // Plain text pads columns to the widest cell of each table (CJK characters count two columns).
        var table: [[String]] = []
        func flush() {
            guard !table.isEmpty else { return }
            let widths = (0..<(table.map(\.count).max() ?? 0)).map { column in table.map { $0.count > column ? displayWidth($0[column]) : 0 }.max() ?? 0 }
            for cells in table {
                out.append(
                    cells.enumerated().map { column, cell in
                        column == cells.count - 1 ? cell : cell + String(repeating: " ", count: widths[column] - displayWidth(cell))
                    }.joined(separator: "  "))
            }
            table = []
        }
        func row(_ cells: [String]) {
            if markdown { out.append("| " + cells.joined(separator: " | ") + " |") } else { table.append(cells) }
        }
        func header(_ cells: [String]) {
            flush()
            row(cells)
            if markdown { out.append("|" + cells.map { _ in "---|" }.joined()) }
        }
        func section(_ title: String) {
            flush()
            out.append("")
            out.append(title)
        }
        func kindName(_ kind: ZoneKind) -> String { zh ? kind.chineseName : kind.englishName }
        func levelName(_ kind: ZoneKind, _ level: String) -> String {
            if level == "*" { return zh ? "合计" : "all levels" }
            let known = kind.levels.first { $0.code == level }
            return known.map { zh ? $0.chineseName : $0.englishName } ?? level
        }
        out.append((markdown ? "# " : "") + (zh ? "管控区面积统计：" : "Zone areas: ") + "\(report.datasetName) \(report.datasetVersion)")
        out.append(zh ? "面积为 CGCS2000 椭球面积；“去重面积”中重叠部分只计一次。" : "Geodesic areas on the CGCS2000 ellipsoid; “dissolved” counts overlaps once.")
        out.append("")
        header(
            zh
                ? ["类型", "级别", "个数", "合计面积 km²", "去重面积 km²", "去重面积 公顷", "去重面积 亩"]
                : ["kind", "level", "zones", "summed km²", "dissolved km²", "dissolved ha", "dissolved mu 亩"])
        for group in report.groups {
            row([
                kindName(group.kind), levelName(group.kind, group.level), String(group.zones), Format.number(group.sumArea.squareKilometres, decimals: 4),
                Format.number(group.unionArea.squareKilometres, decimals: 4), Format.number(group.unionArea.hectares, decimals: 2),
                Format.number(group.unionArea.mu, decimals: 0),
            ])
        }
        if !report.districts.isEmpty {
            section((markdown ? "## " : "") + (zh ? "各行政区受保护比例" : "Share of each district under protection"))
            out.append(
                zh
                    ? "受保护类型：" + AreaReport.protectiveKinds.map(\.chineseName).joined(separator: "、")
                    : "Protective kinds: " + AreaReport.protectiveKinds.map(\.englishName).joined(separator: ", "))
            header(zh ? ["行政区", "面积 km²", "受保护 km²", "比例"] : ["district", "area km²", "protected km²", "share"])
            for district in report.districts {
                row([
                    district.district.name, Format.number(district.area.squareKilometres, decimals: 2),
                    Format.number(district.protectedArea.squareKilometres, decimals: 2), Format.percent(district.protectedShare),
                ])
            }
            section((markdown ? "## " : "") + (zh ? "各行政区内各类管控区去重面积（km²）" : "Dissolved area of each kind inside each district (km²)"))
            let kinds = Array(Set(report.districts.flatMap { $0.groups.map(\.kind) })).sorted()
            header([zh ? "行政区" : "district"] + kinds.map(kindName))
            for district in report.districts {
                row(
                    [district.district.name]
                        + kinds.map { kind in
                            Format.number(district.groups.first { $0.kind == kind && $0.level == "*" }?.area.squareKilometres ?? 0, decimals: 3)
                        })
            }
        }
        if !report.matrixKinds.isEmpty {
            section((markdown ? "## " : "") + (zh ? "类型之间的重叠面积（km²；对角线为该类去重面积）" : "Overlap between kinds (km²; the diagonal is each kind's dissolved area)"))
            header([""] + report.matrixKinds.map(kindName))
            for (i, kind) in report.matrixKinds.enumerated() {
                row([kindName(kind)] + report.overlap[i].map { Format.number($0.squareKilometres, decimals: 3) })
            }
        }
        flush()
        return out.joined(separator: "\n") + "\n"
    }

    /// Columns a string takes in a terminal: East Asian wide characters count two.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { width, scalar in
            let v = scalar.value
            let wide =
                (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v) || (0xFFE0...0xFFE6).contains(v)
            return width + (wide ? 2 : 1)
        }
    }

    /// Full precision in JSON (the figures are compared with other tools at 1e-9).
    static func exact(_ value: Double) -> JSONValue {
        JSONNumber(value).map(JSONValue.number) ?? .null
    }

    static func fixed(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }

}
