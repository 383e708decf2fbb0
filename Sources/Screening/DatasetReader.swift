import Foundation
import Geo

/// A data folder as read, problems and all: what `zones check` examines and `--fix` repairs.
public struct DatasetReading: Sendable {
    /// The zones that passed every check, as a dataset.
    public var dataset: Dataset
    /// Everything found wrong, in file order.
    public var problems: [DataProblem]
    /// Each layer's features as read (including the ones with problems), for repair.
    public var rawLayers: [(info: LayerInfo, collection: FeatureCollection)]
    /// The catalog as read (nil for a single layer file), kept so a repaired copy can be written.
    public var catalog: JSONValue?
}

/// Reads data folders and layer files without stopping at the first problem.
public enum DatasetReader {
    /// Reads `path`: a folder with `catalog.json`, or one layer file. Layers that do not name their CRS are taken to
    /// be in `assumedCRS` (default: lon/lat).
    /// Layers in formats other than GeoJSON are read by `files` (GeoFormats' GDAL reader, from the front end).
    public static func read(_ path: String, assumedCRS: CRS? = nil, files: any FeatureFileReader = NoVectorFiles()) throws -> DatasetReading {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ScreeningError.data(file: path, feature: nil, message: "no such file or folder")
        }
        let isFolder = isDirectory.boolValue && !path.lowercased().hasSuffix(".gdb")
        return isFolder ? try readFolder(path, assumedCRS: assumedCRS, files: files) : try readSingleFile(path, assumedCRS: assumedCRS, files: files)
    }

    private static func readSingleFile(_ path: String, assumedCRS: CRS?, files: any FeatureFileReader) throws -> DatasetReading {
        var state = ReadState(assumedCRS: assumedCRS, files: files)
        let input: InputSource
        do { input = try InputSource(path) } catch {
            throw ScreeningError.data(file: path, feature: nil, message: "cannot read: \(error)")
        }
        let name = (path as NSString).lastPathComponent
        let (sha, (zones, collection)) = concurrently({ input.sha256() }) {
            state.readZones(bytes: input.bytes, file: name, path: path, kind: nil, illustrative: false)
        }
        let info = LayerInfo(
            file: name, kind: nil, name: LocalizedText(zh: name, en: name), authority: "", date: "", source: path,
            licence: "", isIllustrative: zones.contains(where: \.isIllustrative), crs: collection?.crs?.definition ?? "EPSG:4326",
            sha256: sha, featureCount: zones.count)
        let dataset = Dataset(
            folder: (path as NSString).deletingLastPathComponent, name: name, version: String(info.sha256.prefix(12)),
            layers: [info], zones: zones, regionBox: nil)
        return DatasetReading(dataset: dataset, problems: state.problems, rawLayers: collection.map { [(info, $0)] } ?? [], catalog: nil)
    }

    private static func readFolder(_ folder: String, assumedCRS: CRS?, files: any FeatureFileReader) throws -> DatasetReading {
        let catalogPath = (folder as NSString).appendingPathComponent("catalog.json")
        let catalogValue: JSONValue
        do {
            catalogValue = try JSONValue.parse(contentsOf: catalogPath)
        } catch let error as GeoJSONError {
            throw ScreeningError.data(file: catalogPath, feature: nil, message: error.message + " (is \(folder) a RedLine data folder? it needs catalog.json)")
        } catch {
            throw ScreeningError.data(file: catalogPath, feature: nil, message: "not valid JSON: \(error)")
        }
        var state = ReadState(assumedCRS: assumedCRS, files: files)
        var layers: [LayerInfo] = []
        var raw: [(LayerInfo, FeatureCollection)] = []
        do {
            let catalog = try JSONFields(catalogValue, path: "", file: catalogPath)
            for (index, entry) in try catalog.array("layers").enumerated() {
                let f = try JSONFields(entry, path: "layers[\(index)]", file: catalogPath)
                let file = try f.string("file")
                let kindText = try f.string("kind")
                let kind: ZoneKind
                do { kind = try ZoneKind(parsing: kindText) } catch let error as ScreeningError {
                    throw f.fail("kind", error.description)
                }
                let status = try f.string("status")
                guard status == "illustrative" || status == "authoritative" else {
                    throw f.fail("status", "must be \"illustrative\" or \"authoritative\", not \"\(status)\"")
                }
                // A layer's name may be {zh, en} or one string; a missing or odd one falls back to the file's name (deliberate:
                // the name only labels the layer in reports).
                let name = (try? f.text("name")) ?? LocalizedText(zh: (try? f.string("name")) ?? file, en: (try? f.string("name")) ?? file)
                let path = (folder as NSString).appendingPathComponent(file)
                let input: InputSource
                do {
                    input = try InputSource(path)
                } catch {
                    state.problems.append(
                        DataProblem(.error, "missing-layer", file: file, message: "cannot read the layer listed in catalog.json: \(error.localizedDescription)")
                    )
                    continue
                }
                // The checksum of a big layer takes as long as reading it: compute it on another core meanwhile.
                let (sha, (layerZones, collection)) = concurrently({ input.sha256() }) {
                    state.readZones(bytes: input.bytes, file: file, path: path, kind: kind, illustrative: status == "illustrative")
                }
                if let declared = try f.optionalString("sha256"), declared.lowercased() != sha {
                    state.problems.append(
                        DataProblem(
                            .error, "checksum", file: file,
                            message:
                                "SHA-256 is \(sha) but catalog.json declares \(declared): the file changed after the catalog was written; check it and update the catalog"
                        ))
                }
                let info = LayerInfo(
                    file: file, kind: kind, name: name, authority: try f.optionalString("authority") ?? "",
                    date: try f.optionalString("date") ?? "", source: try f.optionalString("source") ?? "",
                    licence: try f.optionalString("licence") ?? "", isIllustrative: status == "illustrative",
                    crs: try f.optionalString("crs") ?? "EPSG:4326", sha256: sha, featureCount: layerZones.count)
                layers.append(info)
                if let collection { raw.append((info, collection)) }
            }
            var region: Envelope?
            if let box = catalog.object["region"]?.objectValue?["bbox"]?.arrayValue?.compactMap(\.doubleValue), box.count == 4 {
                region = Envelope(minX: box[0], minY: box[1], maxX: box[2], maxY: box[3])
            }
            let dataset = Dataset(
                folder: folder, name: try catalog.string("dataset"), version: try catalog.string("version"),
                layers: layers, zones: state.zones, regionBox: region)
            return DatasetReading(dataset: dataset, problems: state.problems, rawLayers: raw, catalog: catalogValue)
        } catch let ScreeningError.ruleset(file, message) {
            throw ScreeningError.data(file: file, feature: nil, message: message)
        }
    }
}

/// Zones and problems accumulated across the layers of one reading.
private struct ReadState {
    /// The CRS of layers that do not name one (nil: lon/lat).
    let assumedCRS: CRS?
    /// Reads the layers that are not GeoJSON.
    let files: any FeatureFileReader
    var zones: [Zone] = []
    var problems: [DataProblem] = []
    var seenIDs: [String: String] = [:]

    mutating func readZones(bytes: [UInt8], file: String, path: String, kind layerKind: ZoneKind?, illustrative: Bool) -> ([Zone], FeatureCollection?) {
        var collection: FeatureCollection
        do {
            // Shapefile, GeoPackage, KML and File Geodatabase layers through the given reader; GeoJSON with our own.
            collection = files.reads(path) ? try files.collection(atPath: path) : try GeoJSON.read(bytes, file: path)
        } catch {
            problems.append(
                DataProblem(
                    .error, "unreadable", file: file,
                    message: (error as? GeoJSONError).map { e in
                        (e.line.map { "line \($0): " } ?? "") + e.message
                    } ?? "\(error)"))
            return ([], nil)
        }
        for rejected in collection.rejected {
            problems.append(
                DataProblem(
                    .error, "malformed-feature", file: file, featureIndex: rejected.featureIndex, zoneID: rejected.featureID,
                    message: (rejected.line.map { "line \($0): " } ?? "") + rejected.message))
        }
        if let crs = collection.crs ?? assumedCRS, !crs.isKnownGeographic {
            // A projected layer (a Shapefile's .prj, a GeoPackage's CRS, a legacy GeoJSON crs) is brought to CGCS2000 lon/lat.
            do {
                let transform = try CoordinateTransform(from: crs, to: .cgcs2000)
                collection.features = try collection.features.map { feature in
                    var converted = feature
                    converted.geometry = try feature.geometry.map { try transform.transform($0) }
                    return converted
                }
                collection.crs = .cgcs2000
            } catch {
                problems.append(
                    DataProblem(.error, "crs", file: file, message: "cannot transform the layer from \(crs.definition.prefix(60)) to CGCS2000: \(error)"))
                return ([], collection)
            }
        }
        // Validity is the costly check: run it for every feature on all cores first.
        let features = collection.features
        // A geometry GEOS cannot even check is reported as such, never taken as valid.
        let validity: [Result<ValidityReport, any Error>?]
        do {
            validity = try parallelMap(features.count) { index -> Result<ValidityReport, any Error>? in
                guard let geometry = features[index].geometry, !geometry.isEmpty, geometry.kind.isPolygonal else { return nil }
                return Result { try geometry.validity() }
            }
        } catch {
            problems.append(DataProblem(.error, "unreadable", file: file, message: "the validity check failed: \(error)"))
            return ([], collection)
        }
        var zones: [Zone] = []
        for (position, feature) in features.enumerated() {
            func problem(_ code: String, _ message: String, id: String? = feature.displayID, at location: Coordinate? = nil) {
                problems.append(DataProblem(.error, code, file: file, featureIndex: feature.index, zoneID: id, message: message, location: location))
            }
            guard let properties = feature.properties else { problem("properties", "a zone needs properties (id, name, kind, level)"); continue }
            guard let id = properties["id"]?.stringValue ?? feature.id?.displayText, !id.isEmpty else {
                problem("missing-id", "a zone needs an \"id\""); continue
            }
            if let first = seenIDs[id] { problem("duplicate-id", "id \"\(id)\" is used twice (first in \(first))", id: id); continue }
            seenIDs[id] = "\(file) feature \(feature.index)"
            let zoneKind: ZoneKind
            if let text = properties["kind"]?.stringValue {
                do { zoneKind = try ZoneKind(parsing: text) } catch { problem("unknown-kind", "\(error)", id: id); continue }
                if let layerKind, zoneKind != layerKind {
                    problem("kind-mismatch", "kind \(text) in a layer the catalog lists as \(layerKind.rawValue)", id: id); continue
                }
            } else if let layerKind {
                zoneKind = layerKind
            } else {
                problem("unknown-kind", "a zone needs a \"kind\"; known kinds: \(ZoneKind.allCases.map(\.rawValue).joined(separator: ", "))", id: id)
                continue
            }
            let level: ZoneLevel
            let rawLevel: String
            do {
                if let text = properties["level"]?.stringValue {
                    level = try zoneKind.level(parsing: text)
                    rawLevel = text
                } else if zoneKind.levels.count == 1, let only = zoneKind.levels.first {
                    level = only
                    rawLevel = only.code
                } else {
                    problem(
                        "unknown-level", "a \(zoneKind.rawValue) zone needs a \"level\"; known levels: \(zoneKind.levels.map(\.code).joined(separator: ", "))",
                        id: id)
                    continue
                }
            } catch {
                problem("unknown-level", "\(error)", id: id)
                continue
            }
            guard let geometry = feature.geometry, !geometry.isEmpty else { problem("empty-geometry", "the zone has no geometry", id: id); continue }
            guard geometry.kind.isPolygonal else {
                problem("not-polygonal", "a zone must be a Polygon or MultiPolygon, not a \(geometry.kind.name)", id: id); continue
            }
            guard let envelope = geometry.envelope, Coordinate(envelope.minX, envelope.minY).isLonLat, Coordinate(envelope.maxX, envelope.maxY).isLonLat else {
                problem("crs", "coordinates are not longitude/latitude degrees (projected metres?); zone layers must be EPSG:4490/4326", id: id)
                continue
            }
            if case let .failure(error)? = validity[position] {
                problem("invalid-geometry", "GEOS could not check this geometry: \(error)", id: id)
                continue
            }
            if case let .success(report)? = validity[position], !report.isValid {
                problem(
                    "invalid-geometry", "invalid geometry: \(report.reason ?? "invalid"); repair it (a repaired copy of the folder can be written)", id: id,
                    at: report.location)
                continue
            }
            var accessList: [AccessListEntry] = []
            for (entryIndex, value) in (properties["access_list"]?.arrayValue ?? []).enumerated() {
                guard let entry = value.objectValue, let category = entry["category"]?.stringValue,
                    let outcomeText = entry["outcome"]?.stringValue, let outcome = Outcome(rawValue: outcomeText)
                else {
                    problem(
                        "access-list",
                        "access_list[\(entryIndex)] needs \"category\" and an \"outcome\" of \(Outcome.allCases.map(\.rawValue).joined(separator: ", "))",
                        id: id)
                    continue
                }
                let explanation = entry["explanation"]?.objectValue
                accessList.append(
                    AccessListEntry(
                        category: category, outcome: outcome,
                        approvals: entry["approvals"]?.arrayValue?.compactMap(\.stringValue) ?? [],
                        explanation: LocalizedText(zh: explanation?["zh"]?.stringValue ?? "", en: explanation?["en"]?.stringValue ?? ""),
                        basis: entry["basis"]?.stringValue))
            }
            var clauses: [AccessClause] = []
            for (clauseIndex, value) in (properties["access_clauses"]?.arrayValue ?? []).enumerated() {
                guard let clause = AccessClause(json: value, defaultSource: file) else {
                    problem("access-list", "access_clauses[\(clauseIndex)] \(AccessClause.requirement)", id: id)
                    continue
                }
                clauses.append(clause)
            }
            zones.append(
                Zone(
                    id: id, name: properties["name"]?.stringValue ?? id, englishName: properties["name_en"]?.stringValue,
                    kind: zoneKind, level: level, rawLevel: rawLevel, rank: properties["rank"]?.stringValue,
                    authority: properties["authority"]?.stringValue,
                    isIllustrative: illustrative || properties["illustrative"]?.boolValue == true,
                    derivedFrom: properties["derived_from"]?.stringValue, accessList: accessList,
                    unitCategory: properties["unit_category"]?.stringValue, accessClauses: clauses,
                    geometry: geometry, layerFile: file, featureIndex: feature.index))
        }
        self.zones += zones
        return (zones, collection)
    }
}
