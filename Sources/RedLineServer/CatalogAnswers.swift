import Foundation
import Geo
import Hummingbird
import Reports
import Screening

/// The answers about the dataset and the ruleset (`/v1/dataset`, `/v1/rules`, `/healthz`), built once: they do not
/// change while the server runs, and the zone index for `/v1/zones`.
struct CatalogAnswers: Sendable {
    let rules: Response
    let dataset: Response
    let index: Response
    let rulesetFile: Response
    let zoneIndex: SpatialIndex
    let zoneBox: Envelope
    private let healthMembers: JSONObject

    init(session: ScreeningSession) throws {
        let dataset = session.dataset, ruleset = session.ruleset
        zoneIndex = try SpatialIndex(geometries: dataset.zones.map(\.geometry))
        // A dataset without zones is shown as China.
        zoneBox = dataset.regionBox ?? Envelope.union(of: dataset.zones.compactMap(\.geometry.envelope)) ?? Envelope(minX: 73, minY: 18, maxX: 135, maxY: 54)

        func text(_ localized: LocalizedText) -> JSONValue { .object(JSONObject(["zh": .string(localized.zh), "en": .string(localized.en)])) }
        let kinds = Set(dataset.zones.map(\.kind)).sorted()
        let rulesValue = JSONValue.object(
            JSONObject([
                "ruleset": .object(
                    JSONObject([
                        "version": .string(ruleset.version), "as_of": .string(ruleset.asOf.description), "title": text(ruleset.title),
                        "sha256": .string(ruleset.sha256), "bases": .number(JSONNumber(ruleset.bases.count)),
                    ])),
                "categories": .array(
                    ruleset.categories.map { category in
                        .object(JSONObject(["code": .string(category.code), "zh": .string(category.name.zh), "en": .string(category.name.en)]))
                    }),
                "columns": .array(
                    ruleset.columns.map { column in
                        .object(
                            JSONObject([
                                "code": .string(column.code), "zh": .string(column.name.zh), "en": .string(column.name.en),
                                "kinds": .array(column.kinds.map { .string($0.rawValue) }), "levels": .array(column.levels.map(JSONValue.string)),
                            ]))
                    }),
                "kinds": .array(
                    ZoneKind.allCases.map { kind in
                        let (fill, stroke) = ZonePalette.colours[kind] ?? ("#9e9e9e", "#616161")
                        return .object(
                            JSONObject([
                                "kind": .string(kind.rawValue), "zh": .string(kind.chineseName), "en": .string(kind.englishName),
                                "fill": .string(fill), "stroke": .string(stroke), "in_dataset": .bool(kinds.contains(kind)),
                                "levels": .array(
                                    kind.levels.map { level in
                                        .object(JSONObject(["code": .string(level.code), "zh": .string(level.chineseName), "en": .string(level.englishName)]))
                                    }),
                            ]))
                    }),
                "actions": .array(ProjectAction.allCases.map { .string($0.rawValue) }),
                "crossings": .array(Crossing.allCases.map { .string($0.rawValue) }),
                "datums": .array(WebMapDatum.allCases.map { .string($0.rawValue) }),
            ]))
        rules = jsonResponse(rulesValue.prettyPrinted() + "\n")

        let box = zoneBox
        let datasetValue = JSONValue.object(
            JSONObject([
                "name": .string(dataset.name), "version": .string(dataset.version), "sha256": .string(dataset.digest),
                "illustrative": .bool(dataset.hasIllustrativeData),
                "bbox": .array([box.minX, box.minY, box.maxX, box.maxY].map { JSONNumber($0).map(JSONValue.number) ?? .null }),
                "zones": .number(JSONNumber(dataset.zones.count)),
                "layers": .array(
                    dataset.layers.map { layer in
                        .object(
                            JSONObject([
                                "file": .string(layer.file), "kind": layer.kind.map { .string($0.rawValue) } ?? .null, "name": text(layer.name),
                                "authority": .string(layer.authority), "date": .string(layer.date), "source": .string(layer.source),
                                "licence": .string(layer.licence), "illustrative": .bool(layer.isIllustrative), "crs": .string(layer.crs),
                                "sha256": .string(layer.sha256), "features": .number(JSONNumber(layer.featureCount)),
                            ]))
                    }),
            ]))
        self.dataset = jsonResponse(datasetValue.prettyPrinted() + "\n")

        index = jsonResponse(
            JSONValue.object(
                JSONObject([
                    "api": .string("redline/v1"), "tool": .string(session.toolVersion), "documentation": .string("docs/api.md, docs/openapi.yaml"),
                    "endpoints": .array(RedLineServer.endpoints.map { .string("\($0.method) \($0.path)") }),
                ])
            ).prettyPrinted() + "\n")
        let rulesetBytes = (try? Data(contentsOf: URL(fileURLWithPath: ruleset.file))) ?? Data()
        rulesetFile = jsonResponse(String(decoding: rulesetBytes, as: UTF8.self))
        healthMembers = JSONObject([
            "status": .string("ok"), "tool": .string(session.toolVersion), "dataset": .string("\(dataset.name) \(dataset.version)"),
            "ruleset": .string(ruleset.version), "zones": .number(JSONNumber(dataset.zones.count)),
        ])
    }

    func health(load: (running: Int, waiting: Int)) -> Response {
        var members = healthMembers
        members["running"] = .number(JSONNumber(load.running))
        members["waiting"] = .number(JSONNumber(load.waiting))
        return jsonResponse(JSONValue.object(members).prettyPrinted() + "\n")
    }
}
