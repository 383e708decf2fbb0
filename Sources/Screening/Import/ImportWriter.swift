import Foundation
import Geo

extension ZoneImport {
    /// Writes layers/<kind>.geojson, rules/ruleset.json and catalog.json (with the layers' SHA-256s).
    static func write(_ zones: [ImportedZone], request: ZoneImportRequest, log: inout ZoneImportLog, to folder: String) throws {
        let fileManager = FileManager.default
        let root = URL(fileURLWithPath: folder)
        func save(_ bytes: [UInt8], _ relative: String) throws {
            let url = root.appendingPathComponent(relative)
            try fileManager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: url)
        }
        // --force: what the folder held before is replaced, not merged.
        for name in ["layers", "rules", "catalog.json", "import-log.json"] {
            try? fileManager.removeItem(at: root.appendingPathComponent(name))
        }
        let byKind = Dictionary(grouping: zones, by: \.kind)
        var layers: [JSONValue] = []
        var region: Envelope?
        for kind in ZoneKind.allCases {
            guard let members = byKind[kind] else { continue }
            let features = members.map { zone -> Feature in
                var properties = JSONObject()
                properties["id"] = .string(zone.id)
                properties["name"] = .string(zone.name)
                properties["kind"] = .string(zone.kind.rawValue)
                properties["level"] = .string(zone.level)
                if let rank = zone.rank { properties["rank"] = .string(rank) }
                if let authority = request.authority { properties["authority"] = .string(authority) }
                if let category = zone.unitCategory { properties["unit_category"] = .string(category) }
                if !zone.accessClauses.isEmpty {
                    properties["access_clauses"] = .array(zone.accessClauses.map { .object($0.json) })
                }
                for (key, value) in zone.carried where properties[key] == nil { properties[key] = value }
                properties["source"] = .string(zone.source)
                if let box = zone.geometry?.envelope { region = region.map { $0.union(box) } ?? box }
                return Feature(properties: properties, geometry: zone.geometry)
            }
            let file = "layers/\(kind.rawValue).geojson"
            let bytes = GeoJSON.encode(FeatureCollection(features: features))
            try save(bytes, file)
            let sources = Array(Set(members.map { $0.source.split(separator: "#").prefix(2).joined(separator: " layer ") })).sorted()
            layers.append(
                .object(
                    JSONObject(members: [
                        ("file", .string(file)), ("kind", .string(kind.rawValue)),
                        ("name", .object(JSONObject(members: [("zh", .string(kind.chineseName)), ("en", .string(kind.englishName))]))),
                        ("authority", .string(request.authority ?? "")), ("date", .string(request.date ?? "")),
                        ("source", .string("imported by redline zones import from " + sources.joined(separator: "; "))), ("licence", .string("")),
                        ("status", .string(request.illustrative ? "illustrative" : "authoritative")), ("crs", .string("EPSG:4490")),
                        ("features", .number(JSONNumber(members.count))), ("sha256", .string(sha256Hex(bytes))),
                    ])))
        }
        let rules: [UInt8]
        do { rules = Array(try Data(contentsOf: URL(fileURLWithPath: request.rulesFile))) } catch {
            throw ScreeningError.data(file: request.rulesFile, feature: nil, message: "cannot read the ruleset to copy: \(error.localizedDescription)")
        }
        try save(rules, "rules/ruleset.json")
        let checksums = layers.compactMap { $0.objectValue?["sha256"]?.stringValue }.joined()
        var catalog = JSONObject()
        catalog["schema"] = .string("redline-catalog/1")
        catalog["dataset"] = .string(request.datasetName ?? (root.standardizedFileURL.lastPathComponent))
        catalog["version"] = .string(request.date ?? "sha256-" + String(sha256Hex(Array(checksums.utf8)).prefix(12)))
        if let region {
            catalog["region"] = .object(
                JSONObject(members: [("bbox", .array([region.minX, region.minY, region.maxX, region.maxY].map { .number(JSONNumber($0) ?? JSONNumber(0)) }))]))
        }
        catalog["crs"] = .string("EPSG:4490")
        catalog["notice"] = .string(
            request.illustrative ? "Illustrative layers: not official delineations." : "Imported from the sources listed per layer; see import-log.json.")
        catalog["generated_by"] = .string(request.generator)
        catalog["layers"] = .array(layers)
        try save(Array(JSONValue.object(catalog).prettyPrinted().utf8), "catalog.json")
    }

    /// import-log.json: per layer what was read, how it was mapped and repaired; the access lists; the check's findings.
    static func writeLog(_ log: ZoneImportLog, to folder: String) throws {
        func strings(_ list: [String]) -> JSONValue { .array(list.map(JSONValue.string)) }
        let layers: [JSONValue] = log.layers.map { layer in
            .object(
                JSONObject(members: [
                    ("source", .string(layer.source)), ("layer", .string(layer.layer)), ("features", .number(JSONNumber(layer.features))),
                    ("mapping", .string(layer.mapping)), ("reprojection", layer.reprojection.map(JSONValue.string) ?? .null),
                    ("zones", .object(JSONObject(members: layer.zones.sorted { $0.key < $1.key }.map { ($0.key.rawValue, .number(JSONNumber($0.value))) }))),
                    ("value_mappings", strings(layer.valueMappings)), ("invalid_geometries", strings(layer.invalidGeometries)), ("notes", strings(layer.notes)),
                ]))
        }
        let log = JSONObject(members: [
            ("schema", .string("redline-import-log/1")), ("layers", .array(layers)), ("access_lists", strings(log.accessLists)),
            ("unmatched_unit_codes", strings(log.unmatchedCodes)), ("units_without_access_list", strings(log.unitsWithoutList)),
            ("check", .array(log.problems.map { .string($0.description) })),
        ])
        try Data(JSONValue.object(log).prettyPrinted().utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("import-log.json"))
    }
}
