import Geo
import Screening

/// The machine-readable screening report, schema `redline-screening/2` (docs/screening-schema.md).
///
/// Members come in a fixed order and numbers are rounded (areas and lengths to 0.01, shares to 1e-6), so the
/// same inputs give byte-identical output.
public enum JSONReport {
    /// The schema identifier written into every report.
    public static let schema = "redline-screening/2"

    /// The report as a JSON value.
    public static func value(
        _ result: ScreeningResult, dataset: Dataset, ruleset: Ruleset, provenance: Provenance,
        notes extraNotes: [LocalizedText] = []
    ) -> JSONValue {
        let project = result.project
        var projectObject = JSONObject()
        projectObject["id"] = project.id.map(JSONValue.string) ?? .null
        projectObject["name"] = project.name.map(JSONValue.string) ?? .null
        projectObject["category"] = .string(result.category.code)
        projectObject["category_name"] = text(result.category.name)
        projectObject["action"] = .string(project.attributes.action.rawValue)
        projectObject["discharges_to_water"] = project.attributes.dischargesToWater.map(JSONValue.bool) ?? .null
        projectObject["linear"] = .bool(result.isLinear)
        projectObject["crossing"] = result.isLinear ? .string((project.attributes.crossing ?? .surface).rawValue) : .null
        projectObject["national_major_project"] = .bool(project.attributes.nationalMajorProject)
        projectObject["geometry_type"] = .string(project.footprint.kind.name)
        if let area = result.footprintArea { add(area, prefix: "area", to: &projectObject) }
        if let length = result.footprintLength { projectObject["length_m"] = number(length, 2) }
        projectObject["districts"] = .array(result.districts.map(JSONValue.string))
        projectObject["coverage"] = number(result.coverage, 6)

        var root = JSONObject()
        root["schema"] = .string(schema)
        root["verdict"] = .string(result.verdict.rawValue)
        root["approvals"] = .array(
            result.approvals.map { approval in
                .object(JSONObject(["code": .string(approval.code), "zh": .string(approval.text.zh), "en": .string(approval.text.en)]))
            })
        root["project"] = .object(projectObject)
        root["findings"] = .array(result.findings.map(finding))
        root["by_kind"] = .array(
            result.kindOverlaps.map { entry in
                var o = JSONObject()
                o["kind"] = .string(entry.kind.rawValue)
                o["zones"] = .number(JSONNumber(entry.zones))
                if let area = entry.overlapArea { add(area, prefix: "overlap_area", to: &o) }
                if let length = entry.overlapLength { o["overlap_length_m"] = number(length, 2) }
                if let share = entry.overlapShare { o["overlap_share"] = number(share, 6) }
                return .object(o)
            })
        root["nearest"] = .array(
            result.nearest.map { entry in
                .object(
                    JSONObject([
                        "kind": .string(entry.kind.rawValue), "zone_id": .string(entry.zone.id),
                        "zone_name": .string(entry.zone.name), "distance_m": number(entry.distance, 2),
                    ]))
            })
        root["as_of"] = .string(result.asOf.description)
        root["bases"] = .array(result.bases.map { basis($0, on: result.asOf) })
        root["notes"] = .array((extraNotes + result.notes).map(text))
        root["not_checked"] = .array(ruleset.notExpressed.map(JSONValue.string))
        root["provenance"] = .object(provenanceObject(dataset: dataset, ruleset: ruleset, provenance: provenance))
        root["disclaimer"] = dataset.hasIllustrativeData ? text(IllustrativeBanner.text) : .null
        return .object(root)
    }

    /// The report as pretty-printed UTF-8 JSON text.
    public static func render(
        _ result: ScreeningResult, dataset: Dataset, ruleset: Ruleset, provenance: Provenance,
        notes: [LocalizedText] = []
    ) -> String {
        value(result, dataset: dataset, ruleset: ruleset, provenance: provenance, notes: notes).prettyPrinted()
    }

    static func finding(_ finding: Finding) -> JSONValue {
        var o = JSONObject()
        o["zone"] = .object(
            JSONObject([
                "id": .string(finding.zone.id), "name": .string(finding.zone.name),
                "name_en": finding.zone.englishName.map(JSONValue.string) ?? .null,
                "kind": .string(finding.zone.kind.rawValue), "level": .string(finding.zone.level.code),
                "layer": .string(finding.zone.layerFile), "illustrative": .bool(finding.zone.isIllustrative),
                "unit_category": finding.zone.unitCategory.map(JSONValue.string) ?? .null,
                "access_clauses": AccessListText.json(finding.zone),
            ]))
        o["relation"] = .string(finding.relation.rawValue)
        o["outcome"] = .string(finding.effectiveOutcome.rawValue)
        if let area = finding.overlapArea { add(area, prefix: "overlap_area", to: &o) }
        if let length = finding.overlapLength { o["overlap_length_m"] = number(length, 2) }
        if let share = finding.overlapShare { o["overlap_share"] = number(share, 6) }
        if let points = finding.pointsInside { o["points_inside"] = .number(JSONNumber(points)) }
        if let distance = finding.distance { o["distance_m"] = number(distance, 2) }
        if let rule = finding.rule {
            o["rule"] = .object(
                JSONObject([
                    "column": .string(rule.column), "outcome": .string(rule.outcome.rawValue),
                    "approvals": .array(rule.approvals.map(JSONValue.string)), "explanation": text(rule.explanation),
                    "bases": .array(rule.bases.map(JSONValue.string)), "source": .string(rule.source),
                ]))
        }
        if let proximity = finding.proximity {
            o["proximity"] = .object(
                JSONObject([
                    "id": .string(proximity.id), "distance_m": number(proximity.distance, 2), "nature": .string(proximity.nature),
                    "explanation": text(proximity.explanation), "bases": .array(proximity.bases.map(JSONValue.string)),
                ]))
        }
        return .object(o)
    }

    static func basis(_ basis: LegalBasis, on day: CalendarDay) -> JSONValue {
        let standing = basis.standing(on: day)
        var o = JSONObject()
        o["id"] = .string(basis.id)
        o["instrument"] = .string(basis.instrument)
        o["instrument_en"] = .string(basis.instrumentEnglish)
        o["issuer"] = .string(basis.issuer)
        o["issuer_en"] = .string(basis.issuerEnglish)
        o["number"] = basis.number.map(JSONValue.string) ?? .null
        o["article"] = .string(basis.article)
        o["article_en"] = .string(basis.articleEnglish)
        o["edition"] = .string(basis.edition)
        o["issued"] = basis.issued.map { .string($0.text) } ?? .null
        o["in_force_from"] = basis.inForceFrom.map { .string($0.text) } ?? .null
        o["ended_on"] = basis.endedOn.map { .string($0.text) } ?? .null
        o["status"] = .string(basis.status.rawValue)
        o["superseded_by"] = basis.supersededBy.map(JSONValue.string) ?? .null
        o["standing"] = .object(
            JSONObject([
                "as_of": .string(day.description), "state": .string(standing.state.rawValue),
                "certain": .bool(standing.certain),
            ]))
        o["publisher"] = .string(basis.publisher)
        o["publisher_en"] = .string(basis.publisherEnglish)
        o["url"] = basis.url.map(JSONValue.string) ?? .null
        o["verification"] = .string(basis.verification.rawValue)
        o["note"] = basis.note.map(text) ?? .null
        o["missing"] = .object(JSONObject(members: basis.missing.keys.sorted().map { ($0, JSONValue.string(basis.missing[$0] ?? "")) }))
        return .object(o)
    }

    static func provenanceObject(dataset: Dataset, ruleset: Ruleset, provenance: Provenance) -> JSONObject {
        JSONObject([
            "tool": .string("redline"), "version": .string(provenance.toolVersion), "libraries": .string(provenance.libraries),
            "ruleset": .object(
                JSONObject(["version": .string(ruleset.version), "as_of": .string(ruleset.asOf.description), "sha256": .string(ruleset.sha256)])),
            "dataset": .object(
                JSONObject([
                    "name": .string(dataset.name), "version": .string(dataset.version), "digest": .string(dataset.digest),
                    "illustrative": .bool(dataset.hasIllustrativeData),
                    "layers": .array(
                        dataset.layers.map { layer in
                            .object(
                                JSONObject([
                                    "file": .string(layer.file), "kind": layer.kind.map { .string($0.rawValue) } ?? .string("mixed"),
                                    "status": .string(layer.isIllustrative ? "illustrative" : "authoritative"),
                                    "features": .number(JSONNumber(layer.featureCount)), "sha256": .string(layer.sha256),
                                ]))
                        }),
                ])),
            "input": .object(JSONObject(["file": provenance.inputFile.map(JSONValue.string) ?? .null, "sha256": .string(provenance.inputSHA256)])),
        ])
    }

    static func add(_ area: Area, prefix: String, to object: inout JSONObject) {
        object["\(prefix)_m2"] = number(area.squareMetres, 2)
        object["\(prefix)_ha"] = number(area.hectares, 6)
        object["\(prefix)_mu"] = number(area.mu, 4)
    }

    static func number(_ value: Double, _ decimals: Int) -> JSONValue {
        JSONNumber(Format.rounded(value, decimals: decimals)).map(JSONValue.number) ?? .null
    }

    static func text(_ text: LocalizedText) -> JSONValue {
        .object(JSONObject(["zh": .string(text.zh), "en": .string(text.en)]))
    }
}
