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
            throw ScreeningError.data(file: source, feature: nil, message: "a repaired copy needs a data folder with catalog.json, not a single layer file")
        }
        var log: [Change] = []
        var seen = Set<String>()
        var newChecksums: [String: String] = [:]

        // First the geometries as repaired (make-valid where invalid), then, for each control unit in layer order, the
        // earlier units whose interiors it overlaps: found through an STRtree and prepared predicates, so that a layer
        // of thousands of adjacent units costs no overlay at all.
        let repairs = try reading.rawLayers.map { layer in try layer.collection.features.map { try validRepair(of: $0.geometry) } }
        // Each control unit's number in layer order, and the geometries so numbered.
        var unitNumbers = repairs.map { layer in [Int?](repeating: nil, count: layer.count) }
        var units: [Geometry] = []
        for (layerIndex, layer) in reading.rawLayers.enumerated() where layer.info.kind == .controlUnit {
            for (featureIndex, repair) in repairs[layerIndex].enumerated() {
                guard let geometry = repair.geometry, !geometry.isEmpty, geometry.kind.isPolygonal else { continue }
                unitNumbers[layerIndex][featureIndex] = units.count
                units.append(geometry)
            }
        }
        // For each unit, the earlier units whose interiors its interior meets.
        var earlier = units.map { _ in [Int]() }
        for (i, later) in try DatasetCheck.interiorContacts(units).enumerated() {
            for j in later { earlier[j].append(i) }
        }
        var repairedUnits: [Geometry] = []

        for (layerIndex, (info, collection)) in reading.rawLayers.enumerated() {
            var features: [Feature] = []
            for (featureIndex, original) in collection.features.enumerated() {
                var feature = original
                func note(_ action: String, id: String? = feature.displayID) {
                    log.append(Change(file: info.file, featureIndex: feature.index, zoneID: id, action: action))
                }
                let repair = repairs[layerIndex][featureIndex]
                if let reason = repair.invalidReason, let geometry = feature.geometry, let repaired = repair.geometry {
                    // An invalid ring need not have a meaningful area: say so rather than print 0.
                    let before = (try? geometry.geodesicArea()).map { String(format: "%.1f m²", $0) } ?? "no measurable area"
                    let after = try repaired.geodesicArea()
                    feature.geometry = repaired
                    note("repaired invalid geometry (\(reason)) with make-valid: \(before) → \(String(format: "%.1f", after)) m²")
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
                if let number = unitNumbers[layerIndex][featureIndex] {
                    var kept = units[number]
                    // Earlier units as already trimmed: each point goes to the first unit that held it.
                    let taken = earlier[number].map { repairedUnits[$0] }
                    if !taken.isEmpty {
                        let trimmed = try kept.difference(Geometry.unaryUnion(of: taken)).extracting(dimension: 2)
                        let removed = try kept.geodesicArea() - trimmed.geodesicArea()
                        if removed > DatasetCheck.areaTolerance {
                            kept = trimmed.numberOfGeometries == 1 ? try trimmed.geometry(at: 0) : trimmed
                            feature.geometry = kept
                            note("overlap with earlier control units removed: \(String(format: "%.1f", removed)) m²")
                        }
                    }
                    repairedUnits.append(kept)
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
        for problem in problems
        where ["gap", "beyond-districts", "unknown-kind", "unknown-level", "outside-region", "malformed-feature", "unreadable", "missing-layer", "crs"]
            .contains(problem.code)
        {
            log.append(
                Change(
                    file: problem.file, featureIndex: problem.featureIndex, zoneID: problem.zoneID,
                    action: "not repaired, for the data owner: \(problem.message)"))
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

    /// A feature's geometry as the copy will hold it: make-valid's polygonal part when invalid (with GEOS's reason).
    static func validRepair(of geometry: Geometry?) throws -> (geometry: Geometry?, invalidReason: String?) {
        guard let geometry, !geometry.isEmpty else { return (geometry, nil) }
        let report = try geometry.validity()
        guard !report.isValid else { return (geometry, nil) }
        let repaired = try geometry.makeValid().extracting(dimension: 2)
        return (repaired.numberOfGeometries == 1 ? try repaired.geometry(at: 0) : repaired, report.reason ?? "invalid")
    }
}
