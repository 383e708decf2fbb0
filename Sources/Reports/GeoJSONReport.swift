import Geo
import Screening

/// The screening result as GeoJSON for GIS: the footprint, then one feature per finding with the overlap
/// geometry (or, for nearby zones, no geometry) and the finding's numbers and rule as properties.
public enum GeoJSONReport {
    /// The FeatureCollection text.
    public static func render(_ result: ScreeningResult) -> String {
        var features: [Feature] = []
        var footprintProperties = JSONObject()
        footprintProperties["role"] = "footprint"
        footprintProperties["id"] = result.project.id.map(JSONValue.string) ?? .null
        footprintProperties["name"] = result.project.name.map(JSONValue.string) ?? .null
        footprintProperties["category"] = .string(result.category.code)
        footprintProperties["verdict"] = .string(result.verdict.rawValue)
        features.append(Feature(properties: footprintProperties, geometry: result.project.footprint, index: 0))
        for finding in result.findings {
            var properties = JSONObject()
            properties["role"] = .string(finding.relation == .nearby ? "nearby" : "overlap")
            addFinding(finding, to: &properties, withZoneName: true)
            if let distance = finding.distance { properties["distance_m"] = JSONReport.number(distance, 2) }
            if let rule = finding.rule { properties["rule"] = .string(rule.column) }
            features.append(Feature(properties: properties, geometry: finding.relation == .nearby ? nil : finding.overlapGeometry, index: features.count))
        }
        return String(decoding: GeoJSON.encode(FeatureCollection(features: features), options: .init(coordinateDecimals: 8)), as: UTF8.self)
    }

    /// A finding's zone, relation, outcome and overlap as GIS properties (shared with the batch's overlaps.geojson).
    static func addFinding(_ finding: Finding, to properties: inout JSONObject, withZoneName: Bool) {
        properties["zone_id"] = .string(finding.zone.id)
        if withZoneName { properties["zone_name"] = .string(finding.zone.name) }
        properties["kind"] = .string(finding.zone.kind.rawValue)
        properties["level"] = .string(finding.zone.level.code)
        properties["relation"] = .string(finding.relation.rawValue)
        properties["outcome"] = .string(finding.effectiveOutcome.rawValue)
        if let area = finding.overlapArea { properties["overlap_area_m2"] = JSONReport.number(area.squareMetres, 2) }
        if let length = finding.overlapLength { properties["overlap_length_m"] = JSONReport.number(length, 2) }
    }
}
