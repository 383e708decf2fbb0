import Foundation
import Geo

/// Writes a repaired copy of a data folder (`redline zones check --fix OUT`), never touching the original.
///
/// What it repairs, each change logged: invalid geometries (GEOS make-valid, polygonal part kept), duplicate
/// ids (the later ones renamed), overlaps between control units (the later unit gives up the shared part).
/// What it leaves for the data owner, also logged: gaps in the tiling, unknown kinds or levels, zones outside
/// the region, unreadable features.
public enum DatasetRepair {
    /// One line of the repair log.
    public struct Change: Sendable, CustomStringConvertible {
        public var file: String
        public var featureIndex: Int?
        public var zoneID: String?
        public var action: String

        public var description: String {
            "\(file)" + (featureIndex.map { ", feature \($0)" } ?? "") + (zoneID.map { " (id \($0))" } ?? "") + ": \(action)"
        }
    }

    /// Repairs `reading` (read from `source`) into the folder `destination`, which must not exist or be empty and
    /// must not be the source or inside it. Returns the log, which is also written to `destination/fix-log.txt`.
    public static func write(_ reading: DatasetReading, problems: [DataProblem], from source: String, to destination: String) throws -> [Change] {
        let sourceURL = URL(fileURLWithPath: source).standardizedFileURL.resolvingSymlinksInPath()
        let destinationURL = URL(fileURLWithPath: destination).standardizedFileURL.resolvingSymlinksInPath()
        guard destinationURL.path != sourceURL.path, !destinationURL.path.hasPrefix(sourceURL.path + "/") else {
            throw ScreeningError.data(file: destination, feature: nil, message: "the repaired copy must go outside the original folder, which is never changed")
        }
        if let existing = try? FileManager.default.contentsOfDirectory(atPath: destinationURL.path), !existing.isEmpty {
            throw ScreeningError.data(file: destination, feature: nil, message: "the folder exists and is not empty; give a new folder for the repaired copy")
        }
        guard reading.catalog != nil else {
            throw ScreeningError.data(file: source, feature: nil, message: "--fix needs a data folder with catalog.json, not a single layer file")
        }
        var log: [Change] = []
        var seen = Set<String>()
        var newChecksums: [String: String] = [:]
        var repairedUnits: [Geometry] = []

        for (info, collection) in reading.rawLayers {
            var features: [Feature] = []
            for var feature in collection.features {
                func note(_ action: String, id: String? = feature.displayID) {
                    log.append(Change(file: info.file, featureIndex: feature.index, zoneID: id, action: action))
                }
                if let geometry = feature.geometry, !geometry.isEmpty, let report = try? geometry.validity(), !report.isValid {
                    let repaired = try geometry.makeValid().extracting(dimension: 2)
                    let before = (try? geometry.geodesicArea()) ?? 0
                    let after = try repaired.geodesicArea()
                    feature.geometry = repaired.numberOfGeometries == 1 ? try repaired.geometry(at: 0) : repaired
                    note("repaired invalid geometry (\(report.reason ?? "invalid")) with make-valid: \(String(format: "%.1f", before)) m² → \(String(format: "%.1f", after)) m²")
                }
                if var properties = feature.properties, let id = properties["id"]?.stringValue {
                    if seen.contains(id) {
                        var suffix = 2
                        while seen.contains("\(id)-\(suffix)") { suffix += 1 }
                        properties["id"] = .string("\(id)-\(suffix)")
                        feature.properties = properties
                        note("duplicate id renamed to \(id)-\(suffix)", id: id)
                    }
                    seen.insert(properties["id"]?.stringValue ?? id)
                }
                if info.kind == .controlUnit, let geometry = feature.geometry, geometry.kind.isPolygonal {
                    let taken = repairedUnits.filter { other in (try? other.intersects(geometry)) == true }
                    if !taken.isEmpty {
                        let trimmed = try geometry.difference(Geometry.unaryUnion(of: taken)).extracting(dimension: 2)
                        let removed = try geometry.geodesicArea() - trimmed.geodesicArea()
                        if removed > DatasetCheck.areaTolerance {
                            feature.geometry = trimmed.numberOfGeometries == 1 ? try trimmed.geometry(at: 0) : trimmed
                            note("overlap with earlier control units removed: \(String(format: "%.1f", removed)) m²")
                        }
                    }
                    if let kept = feature.geometry { repairedUnits.append(kept) }
                }
                features.append(feature)
            }
            var output = FeatureCollection(features: features, crs: collection.crs, foreignMembers: collection.foreignMembers)
            output.origin = collection.origin
            let bytes = GeoJSON.encode(output)
            let target = destinationURL.appendingPathComponent(info.file)
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(bytes).write(to: target)
            newChecksums[info.file] = sha256Hex(bytes)
        }
        for problem in problems where ["gap", "beyond-districts", "unknown-kind", "unknown-level", "outside-region", "malformed-feature", "unreadable", "missing-layer", "crs"].contains(problem.code) {
            log.append(Change(file: problem.file, featureIndex: problem.featureIndex, zoneID: problem.zoneID, action: "not repaired, for the data owner: \(problem.message)"))
        }
        // The catalog, with the checksums of the rewritten layers.
        if var catalog = reading.catalog?.objectValue, var layers = catalog["layers"]?.arrayValue {
            for (index, layer) in layers.enumerated() {
                guard var object = layer.objectValue, let file = object["file"]?.stringValue, let sha = newChecksums[file] else { continue }
                object["sha256"] = .string(sha)
                layers[index] = .object(object)
            }
            catalog["layers"] = .array(layers)
            try Data(JSONValue.object(catalog).prettyPrinted().utf8).write(to: destinationURL.appendingPathComponent("catalog.json"))
        }
        // Rules travel with the data.
        let rules = sourceURL.appendingPathComponent("rules")
        if FileManager.default.fileExists(atPath: rules.path) {
            try FileManager.default.copyItem(at: rules, to: destinationURL.appendingPathComponent("rules"))
        }
        let text = "RedLine repair log: \(source) → \(destination)\n" + log.map { "- \($0)" }.joined(separator: "\n") + "\n"
        try Data(text.utf8).write(to: destinationURL.appendingPathComponent("fix-log.txt"))
        return log
    }
}
