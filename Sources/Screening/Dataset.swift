import Crypto
import Foundation
import Geo

/// A layer of a data folder as its catalog describes it, with the checksum of the file as read.
public struct LayerInfo: Sendable, Hashable {
    /// Path relative to the data folder.
    public var file: String
    public var kind: ZoneKind
    public var name: LocalizedText
    public var authority: String
    public var date: String
    public var source: String
    public var licence: String
    /// Whether the layer is an official delineation ("authoritative") or drawn for illustration.
    public var isIllustrative: Bool
    public var crs: String
    /// SHA-256 of the file's bytes.
    public var sha256: String
    /// Number of zones read.
    public var featureCount: Int
}

/// A data folder: its catalog, every zone of every layer, and the ruleset it ships.
public struct Dataset: Sendable {
    /// The folder, as given.
    public var folder: String
    /// The dataset's name and version from the catalog.
    public var name: String
    public var version: String
    public var layers: [LayerInfo]
    /// Every zone, in layer order then file order.
    public var zones: [Zone]

    /// Whether any layer is illustrative.
    public var hasIllustrativeData: Bool { layers.contains(where: \.isIllustrative) }

    /// SHA-256 over the layers' checksums in catalog order: one value naming the exact data used.
    public var digest: String {
        let joined = layers.map { "\($0.file) \($0.sha256)\n" }.joined()
        return SHA256.hash(data: Array(joined.utf8)).hexString
    }

    /// The default ruleset file of this folder (`rules/ruleset.json`).
    public var rulesetPath: String { (folder as NSString).appendingPathComponent("rules/ruleset.json") }
}

extension Dataset {
    /// Reads a data folder: `catalog.json` and every layer it lists.
    ///
    /// Every zone must have a unique id, a known kind and level, and a valid polygonal lon/lat geometry.
    /// All problems are collected and thrown together, each naming its file and feature.
    public static func load(folder: String) throws -> Dataset {
        let catalogPath = (folder as NSString).appendingPathComponent("catalog.json")
        let catalogValue: JSONValue
        do {
            catalogValue = try JSONValue.parse(contentsOf: catalogPath)
        } catch let error as GeoJSONError {
            throw ScreeningError.data(file: catalogPath, feature: nil, message: error.message + " (is \(folder) a RedLine data folder? it needs catalog.json)")
        } catch {
            throw ScreeningError.data(file: catalogPath, feature: nil, message: "not valid JSON: \(error)")
        }
        let catalog: JSONFields
        do {
            catalog = try JSONFields(catalogValue, path: "", file: catalogPath)
        } catch {
            throw ScreeningError.data(file: catalogPath, feature: nil, message: "\(error)")
        }
        func dataError(_ error: Error) -> ScreeningError {
            if case let ScreeningError.ruleset(file, message) = error { return .data(file: file, feature: nil, message: message) }
            return .data(file: catalogPath, feature: nil, message: "\(error)")
        }
        var layers: [LayerInfo] = []
        var zones: [Zone] = []
        var problems: [ScreeningError] = []
        var seenIDs: [String: String] = [:]
        do {
            for (index, entry) in try catalog.array("layers").enumerated() {
                let f = try JSONFields(entry, path: "layers[\(index)]", file: catalogPath)
                let file = try f.string("file")
                let kind: ZoneKind
                do { kind = try ZoneKind(parsing: try f.string("kind")) } catch let error as ScreeningError {
                    throw f.fail("kind", error.description)
                }
                let status = try f.string("status")
                guard status == "illustrative" || status == "authoritative" else {
                    throw f.fail("status", "must be \"illustrative\" or \"authoritative\", not \"\(status)\"")
                }
                let name = f.has("name") ? try (try? f.text("name")) ?? LocalizedText(zh: try f.string("name"), en: try f.string("name")) : LocalizedText(zh: file, en: file)
                let path = (folder as NSString).appendingPathComponent(file)
                let bytes: [UInt8]
                do {
                    bytes = try Array(readFile(path))
                } catch {
                    problems.append(.data(file: path, feature: nil, message: "cannot read the layer listed in catalog.json: \(error)"))
                    continue
                }
                let sha = SHA256.hash(data: bytes).hexString
                if let declared = try f.optionalString("sha256"), declared.lowercased() != sha {
                    problems.append(.data(file: path, feature: nil, message: "SHA-256 is \(sha) but catalog.json declares \(declared): the file changed after the catalog was written; check it and update the catalog"))
                }
                let layerZones = try readZones(bytes: bytes, file: file, path: path, kind: kind, illustrative: status == "illustrative",
                                               seenIDs: &seenIDs, problems: &problems)
                zones += layerZones
                layers.append(LayerInfo(file: file, kind: kind, name: name, authority: try f.optionalString("authority") ?? "",
                                        date: try f.optionalString("date") ?? "", source: try f.optionalString("source") ?? "",
                                        licence: try f.optionalString("licence") ?? "", isIllustrative: status == "illustrative",
                                        crs: try f.optionalString("crs") ?? "EPSG:4326", sha256: sha, featureCount: layerZones.count))
            }
            if !problems.isEmpty { throw ScreeningError.invalidData(problems) }
            return Dataset(folder: folder, name: try catalog.string("dataset"), version: try catalog.string("version"), layers: layers, zones: zones)
        } catch let error as ScreeningError {
            if case .invalidData = error { throw error }
            throw dataError(error)
        }
    }

    private static func readZones(bytes: [UInt8], file: String, path: String, kind: ZoneKind, illustrative: Bool,
                                  seenIDs: inout [String: String], problems: inout [ScreeningError]) throws -> [Zone] {
        let collection: FeatureCollection
        do {
            collection = try GeoJSON.read(bytes, file: path)
        } catch {
            problems.append(.data(file: path, feature: nil, message: "\(error)"))
            return []
        }
        for rejected in collection.rejected {
            problems.append(.data(file: path, feature: rejected.featureIndex.map { "feature \($0)" }, message: rejected.message))
        }
        if let crs = collection.crs, !crs.isKnownGeographic {
            problems.append(.data(file: path, feature: nil, message: "zone layers must be lon/lat (EPSG:4490 or 4326), but the file declares \(crs)"))
            return []
        }
        var zones: [Zone] = []
        for feature in collection.features {
            let label = "feature \(feature.index)" + (feature.displayID.map { " (id \($0))" } ?? "")
            func problem(_ message: String) { problems.append(.data(file: path, feature: label, message: message)) }
            guard let properties = feature.properties else { problem("a zone needs properties (id, name, kind, level)"); continue }
            guard let id = properties["id"]?.stringValue ?? feature.id?.displayText, !id.isEmpty else { problem("a zone needs an \"id\""); continue }
            if let first = seenIDs[id] { problem("id \"\(id)\" is used twice (first in \(first))"); continue }
            seenIDs[id] = "\(file) feature \(feature.index)"
            let zoneKind: ZoneKind
            if let text = properties["kind"]?.stringValue {
                do { zoneKind = try ZoneKind(parsing: text) } catch { problem("\(error)"); continue }
                if zoneKind != kind { problem("kind \(text) in a layer the catalog lists as \(kind.rawValue)"); continue }
            } else {
                zoneKind = kind
            }
            let level: ZoneLevel
            do {
                if let text = properties["level"]?.stringValue {
                    level = try zoneKind.level(parsing: text)
                } else if zoneKind.levels.count == 1, let only = zoneKind.levels.first {
                    level = only
                } else {
                    problem("a \(zoneKind.rawValue) zone needs a \"level\"; known levels: \(zoneKind.levels.map(\.code).joined(separator: ", "))")
                    continue
                }
            } catch {
                problem("\(error)")
                continue
            }
            guard let geometry = feature.geometry, !geometry.isEmpty else { problem("the zone has no geometry"); continue }
            guard geometry.kind.isPolygonal else { problem("a zone must be a Polygon or MultiPolygon, not a \(geometry.kind.name)"); continue }
            guard let envelope = geometry.envelope, Coordinate(envelope.minX, envelope.minY).isLonLat, Coordinate(envelope.maxX, envelope.maxY).isLonLat else {
                problem("coordinates are not longitude/latitude degrees (projected metres?); zone layers must be EPSG:4490/4326")
                continue
            }
            if let report = try? geometry.validity(), !report.isValid {
                problem("invalid geometry: \(report); repair the layer (for example with GEOS make-valid) before use")
                continue
            }
            var accessList: [AccessListEntry] = []
            for (entryIndex, value) in (properties["access_list"]?.arrayValue ?? []).enumerated() {
                guard let entry = value.objectValue, let category = entry["category"]?.stringValue,
                      let outcomeText = entry["outcome"]?.stringValue, let outcome = Outcome(rawValue: outcomeText) else {
                    problem("access_list[\(entryIndex)] needs \"category\" and an \"outcome\" of \(Outcome.allCases.map(\.rawValue).joined(separator: ", "))")
                    continue
                }
                let explanation = entry["explanation"]?.objectValue
                accessList.append(AccessListEntry(
                    category: category, outcome: outcome,
                    approvals: entry["approvals"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                    explanation: LocalizedText(zh: explanation?["zh"]?.stringValue ?? "", en: explanation?["en"]?.stringValue ?? ""),
                    basis: entry["basis"]?.stringValue))
            }
            zones.append(Zone(id: id, name: properties["name"]?.stringValue ?? id, englishName: properties["name_en"]?.stringValue,
                              kind: zoneKind, level: level, rank: properties["rank"]?.stringValue,
                              authority: properties["authority"]?.stringValue,
                              isIllustrative: illustrative || properties["illustrative"]?.boolValue == true,
                              derivedFrom: properties["derived_from"]?.stringValue, accessList: accessList,
                              geometry: geometry, layerFile: file, featureIndex: feature.index))
        }
        return zones
    }
}

/// Reads a whole file (Foundation is fine here: data files are small next to zone layers' parse cost).
func readFile(_ path: String) throws -> Data {
    try Data(contentsOf: URL(fileURLWithPath: path))
}
