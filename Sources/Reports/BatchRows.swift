import Geo
import Screening

/// The lines of a batch's files for one project: a `results.csv` row, a `results.jsonl` line (the screening JSON
/// report plus where the project came from) and the `overlaps.geojson` features. Numbers are rounded by
/// `Format.rounded` as in every JSON report; writing the files is the front end's.
public enum BatchRows {
    /// Where a project came from.
    public struct Input: Sendable {
        public var file: String
        public var featureIndex: Int?
        public var featureID: String?

        public init(file: String, featureIndex: Int?, featureID: String?) {
            self.file = file
            self.featureIndex = featureIndex
            self.featureID = featureID
        }
    }

    public static let csvHeader = [
        "id", "name", "category", "verdict", "zones_hit", "protected_overlap_m2", "protected_overlap_length_m",
        "nearest_zone_m", "approvals", "file", "feature", "error",
    ]

    /// The CSV header line, with the byte-order mark Excel and WPS need to read UTF-8 Chinese text.
    public static var csvHeaderLine: String { "\u{FEFF}" + csvHeader.joined(separator: ",") + "\r\n" }

    /// A screened project's CSV row (CRLF-terminated).
    public static func csvRow(_ result: ScreeningResult, input: Input) -> String {
        var seen = Set<String>()
        let zones = result.findings.filter { $0.relation != .nearby }.map(\.zone.id).filter { seen.insert($0).inserted }
        return line([
            result.project.id ?? "", result.project.name ?? "", result.category.code, result.verdict.rawValue,
            zones.joined(separator: ";"), result.protectedOverlapArea.map { decimal($0.squareMetres) } ?? "",
            result.protectedOverlapLength.map { decimal($0) } ?? "", result.nearest.map(\.distance).min().map { decimal($0) } ?? "",
            result.approvals.map(\.code).joined(separator: ";"), input.file, input.featureIndex.map(String.init) ?? "", "",
        ])
    }

    /// An error row: the project could not be read or screened.
    public static func csvErrorRow(_ error: ScreeningError, project: Project?, input: Input) -> String {
        line([
            project?.id ?? input.featureID ?? "", project?.name ?? "", project?.category ?? "", "error", "", "", "", "", "",
            input.file, input.featureIndex.map(String.init) ?? "", error.description,
        ])
    }

    /// A screened project's JSONL line: the JSON report with an `input` member.
    public static func jsonLine(
        _ result: ScreeningResult, dataset: Dataset, ruleset: Ruleset, provenance: Provenance, notes: [LocalizedText], input: Input
    ) -> String {
        var object = JSONReport.value(result, dataset: dataset, ruleset: ruleset, provenance: provenance, notes: notes).objectValue ?? JSONObject()
        object["input"] = .object(JSONObject(["file": .string(input.file), "feature": input.featureIndex.map { .number(JSONNumber($0)) } ?? .null]))
        return JSONValue.object(object).compact() + "\n"
    }

    /// An error's JSONL line.
    public static func jsonErrorLine(_ error: ScreeningError, project: Project?, input: Input) -> String {
        let id = project?.id ?? input.featureID ?? ""
        let object = JSONObject([
            "schema": .string(JSONReport.schema), "error": .string(error.description),
            "input": .object(
                JSONObject([
                    "file": .string(input.file), "feature": input.featureIndex.map { .number(JSONNumber($0)) } ?? .null,
                    "id": id.isEmpty ? .null : .string(id),
                ])),
        ])
        return JSONValue.object(object).compact() + "\n"
    }

    /// The overlap geometries of the zones a project meets, as GeoJSON features with the zone, relation and outcome.
    public static func overlapFeatures(_ result: ScreeningResult) -> [Feature] {
        result.findings.filter { $0.relation != .nearby }.compactMap { finding in
            guard let geometry = finding.overlapGeometry, !geometry.isEmpty else { return nil }
            var properties = JSONObject()
            properties["project_id"] = result.project.id.map(JSONValue.string) ?? .null
            GeoJSONReport.addFinding(finding, to: &properties, withZoneName: false)
            return Feature(properties: properties, geometry: geometry)
        }
    }

    /// A number to 0.01 as CSV text, rounded as the JSON report rounds it.
    static func decimal(_ value: Double) -> String { String(format: "%.2f", Format.rounded(value, decimals: 2)) }

    static func line(_ fields: [String]) -> String { fields.map(CSV.field).joined(separator: ",") + "\r\n" }
}
