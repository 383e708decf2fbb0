import Geo
import Screening

/// Renderings of `zones check` problems and of a dataset diff.
public enum DataReports {
    /// The problems as text, errors first, with a count line.
    public static func problemsText(_ problems: [DataProblem], source: String) -> String {
        let errors = problems.filter { $0.severity == .error }, warnings = problems.filter { $0.severity == .warning }
        var lines = ["RedLine data check: \(source)"]
        lines.append(errors.isEmpty && warnings.isEmpty ? "no problems found" : "\(errors.count) error(s), \(warnings.count) warning(s)")
        lines += (errors + warnings).map { "  " + $0.description }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The problems as JSON (schema `redline-check/1`).
    public static func problemsJSON(_ problems: [DataProblem], source: String) -> String {
        JSONValue.object(
            JSONObject([
                "schema": "redline-check/1", "source": .string(source),
                "errors": .number(JSONNumber(problems.filter { $0.severity == .error }.count)),
                "warnings": .number(JSONNumber(problems.filter { $0.severity == .warning }.count)),
                "problems": .array(
                    problems.map { problem in
                        .object(
                            JSONObject([
                                "severity": .string(problem.severity.rawValue), "code": .string(problem.code), "file": .string(problem.file),
                                "feature": problem.featureIndex.map { .number(JSONNumber($0)) } ?? .null,
                                "id": problem.zoneID.map(JSONValue.string) ?? .null, "message": .string(problem.message),
                                "location": problem.location.map {
                                    .array([JSONNumber($0.x).map(JSONValue.number) ?? .null, JSONNumber($0.y).map(JSONValue.number) ?? .null])
                                } ?? .null,
                            ]))
                    }),
            ])
        ).prettyPrinted()
    }

    /// The diff as text: the red-line test first, then kinds, then changed zones.
    public static func diffText(_ diff: DatasetDiff, old: String, new: String, language: Language) -> String {
        let zh = language == .zh
        var lines = [zh ? "RedLine 数据版本比较：\(old) → \(new)" : "RedLine dataset diff: \(old) → \(new)"]
        let net = diff.redLineNet
        if diff.kinds.contains(where: { $0.kind == .ecologicalRedline }) {
            let verdict =
                diff.redLineDecreased
                ? (zh ? "不通过：生态保护红线面积减少" : "FAIL: the ecological red line decreased")
                : (zh ? "通过：生态保护红线面积未减少" : "PASS: the ecological red line did not decrease")
            lines.append(verdict + " (" + signed(net) + ")")
        } else {
            lines.append(zh ? "两个版本都没有生态保护红线图层" : "neither version has an ecological red line")
        }
        lines.append("")
        lines.append(zh ? "按类型（去重面积）" : "By kind (dissolved areas)")
        for kind in diff.kinds {
            let name = zh ? kind.kind.chineseName : kind.kind.englishName
            lines.append(
                "  \(name): \(Format.area(kind.oldArea, language)) → \(Format.area(kind.newArea, language)); "
                    + (zh ? "增加 " : "gained ") + Format.area(kind.gained, language) + (zh ? "，减少 " : ", lost ") + Format.area(kind.lost, language)
                    + (zh ? "，净变化 " : ", net ") + signed(kind.net))
        }
        let changed = diff.zones.filter { $0.status != .unchanged }
        lines.append("")
        lines.append((zh ? "变化的管控区" : "Zones added, removed or changed") + " (\(changed.count))")
        for zone in changed {
            lines.append(
                "  \(zone.status.rawValue) \(zone.id) (\(zone.kind.rawValue)/\(zone.level)): "
                    + (zh ? "增加 " : "gained ") + Format.area(zone.gained, language) + (zh ? "，减少 " : ", lost ") + Format.area(zone.lost, language)
                    + (zh ? "，净变化 " : ", net ") + signed(zone.net))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The diff as JSON (schema `redline-diff/1`), areas in m².
    public static func diffJSON(_ diff: DatasetDiff, old: String, new: String) -> String {
        func number(_ value: Double) -> JSONValue { JSONNumber(Format.rounded(value, decimals: 2)).map(JSONValue.number) ?? .null }
        return JSONValue.object(
            JSONObject([
                "schema": "redline-diff/1", "old": .string(old), "new": .string(new),
                "red_line": .object(
                    JSONObject([
                        "net_m2": number(diff.redLineNet), "decreased": .bool(diff.redLineDecreased),
                        "result": .string(diff.redLineDecreased ? "fail" : "pass"),
                    ])),
                "kinds": .array(
                    diff.kinds.map { kind in
                        .object(
                            JSONObject([
                                "kind": .string(kind.kind.rawValue), "old_area_m2": number(kind.oldArea.squareMetres),
                                "new_area_m2": number(kind.newArea.squareMetres), "gained_m2": number(kind.gained.squareMetres),
                                "lost_m2": number(kind.lost.squareMetres), "net_m2": number(kind.net),
                            ]))
                    }),
                "zones": .array(
                    diff.zones.filter { $0.status != .unchanged }.map { zone in
                        .object(
                            JSONObject([
                                "id": .string(zone.id), "kind": .string(zone.kind.rawValue), "level": .string(zone.level),
                                "status": .string(zone.status.rawValue),
                                "old_area_m2": zone.oldArea.map { number($0.squareMetres) } ?? .null,
                                "new_area_m2": zone.newArea.map { number($0.squareMetres) } ?? .null,
                                "gained_m2": number(zone.gained.squareMetres), "lost_m2": number(zone.lost.squareMetres), "net_m2": number(zone.net),
                            ]))
                    }),
            ])
        ).prettyPrinted()
    }

    /// The gained and lost pieces of every kind as GeoJSON.
    public static func diffGeoJSON(_ diff: DatasetDiff) -> [UInt8] {
        var features: [Feature] = []
        for kind in diff.kinds {
            for (change, geometry, area) in [("gained", kind.gainedGeometry, kind.gained), ("lost", kind.lostGeometry, kind.lost)] where !geometry.isEmpty {
                var properties = JSONObject()
                properties["kind"] = .string(kind.kind.rawValue)
                properties["change"] = .string(change)
                properties["area_m2"] = JSONNumber(Format.rounded(area.squareMetres, decimals: 2)).map(JSONValue.number) ?? .null
                features.append(Feature(properties: properties, geometry: geometry, index: features.count))
            }
        }
        return GeoJSON.encode(FeatureCollection(features: features))
    }

    static func signed(_ squareMetres: Double) -> String {
        (squareMetres >= 0 ? "+" : "−") + Format.number(abs(squareMetres), decimals: 2) + " m²"
    }
}
