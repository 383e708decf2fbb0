import Foundation
import Geo

/// What `redline zones import` is asked to do.
public struct ZoneImportRequest: Sendable {
    /// Layer files or File Geodatabase folders, in any format GDAL reads, or GeoJSON.
    public var sources: [String]
    /// A built-in profile for every layer (nil: recognise each layer by its fields and name).
    public var profile: String?
    /// A user's mapping for every layer, instead of the profiles.
    public var mapping: ZoneMapping?
    /// 准入清单 tables (CSV or XLSX) to attach to the control units by code.
    public var accessLists: [String] = []
    /// Who issued the data, for the catalog.
    public var authority: String?
    /// The data's date (YYYY-MM-DD), for the catalog; it is also the dataset version.
    public var date: String?
    /// The CRS of layers that do not declare one (nil: they must be lon/lat).
    public var assumedCRS: CRS?
    /// Repair invalid geometries with GEOS make-valid (logged) instead of leaving them for the check to refuse.
    public var repair = false
    /// Mark every layer illustrative (data drawn for illustration, not an official delineation).
    public var illustrative = false
    /// The dataset's name (default: the output folder's name).
    public var datasetName: String?
    /// The ruleset copied into the folder.
    public var rulesFile: String
    /// The program and version, for the catalog's `generated_by`.
    public var generator: String
    /// Reads the sources and tables that are not GeoJSON (GeoFormats' GDAL reader, from the front end).
    public var files: any FeatureFileReader = NoVectorFiles()

    public init(sources: [String], rulesFile: String, generator: String) {
        self.sources = sources
        self.rulesFile = rulesFile
        self.generator = generator
    }
}

/// What an import did, layer by layer: the import log.
public struct ZoneImportLog: Sendable {
    public struct Layer: Sendable {
        public var source: String
        public var layer: String
        public var features: Int
        public var mapping: String
        /// "EPSG:4528 → EPSG:4490", or nil when the layer was already lon/lat.
        public var reprojection: String?
        /// Zones written, by kind.
        public var zones: [ZoneKind: Int]
        /// "HXLX 水源涵养 → water_conservation (12)".
        public var valueMappings: [String]
        /// "feature 3 (id X): Self-intersection — repaired" or "… — not repaired".
        public var invalidGeometries: [String]
        /// Other notes: derived ids, protected areas taken from red-line features.
        public var notes: [String]
    }

    public var layers: [Layer] = []
    /// Per table: rows read and attached.
    public var accessLists: [String] = []
    /// Access-list rows whose unit code matches no unit.
    public var unmatchedCodes: [String] = []
    /// Control units with no access list after the import.
    public var unitsWithoutList: [String] = []
    /// What `redline zones check` finds in the folder written.
    public var problems: [DataProblem] = []
}

/// Builds a RedLine data folder from official layers: each layer mapped by a profile or a mapping file, reprojected
/// to CGCS2000, written one GeoJSON layer per kind with catalog.json (SHA-256s), the ruleset, and import-log.json.
/// Sources are only read. The same sources and options give the same bytes.
public enum ZoneImport {
    /// Runs the import into `folder`, which must not exist or be empty unless `force`.
    ///
    /// - Throws: `ScreeningError.data` naming the source, layer and feature at fault; every unmapped value of a
    ///   field is listed with the known codes, never defaulted.
    public static func run(_ request: ZoneImportRequest, into folder: String, force: Bool) throws -> ZoneImportLog {
        try checkDestination(folder, sources: request.sources, force: force)
        var log = ZoneImportLog()
        var zones: [ImportedZone] = []
        for source in request.sources {
            for layer in try readLayers(source, files: request.files) {
                let (layerZones, entry) = try importLayer(layer.collection, name: layer.name, source: source, request: request)
                zones += layerZones
                log.layers.append(entry)
            }
        }
        try attachAccessLists(request.accessLists, files: request.files, to: &zones, log: &log)
        let duplicates = Dictionary(grouping: zones, by: \.id).filter { $0.value.count > 1 }.keys.sorted()
        if !duplicates.isEmpty {
            throw ScreeningError.data(
                file: request.sources.joined(separator: ", "), feature: nil,
                message:
                    "zone ids occur twice: \(duplicates.prefix(10).joined(separator: ", "))\(duplicates.count > 10 ? " …" : ""); ids must be unique across the sources (map another id field)"
            )
        }
        try write(zones, request: request, log: &log, to: folder)
        let reading = try DatasetReader.read(folder, files: request.files)
        log.problems = try DatasetCheck.run(reading)
        try writeLog(log, to: folder)
        return log
    }

    private static func checkDestination(_ folder: String, sources: [String], force: Bool) throws {
        let target = URL(fileURLWithPath: folder).standardizedFileURL.resolvingSymlinksInPath().path
        for source in sources {
            let path = URL(fileURLWithPath: source).standardizedFileURL.resolvingSymlinksInPath().path
            if path == target || path.hasPrefix(target + "/") {
                throw ScreeningError.data(
                    file: folder, feature: nil, message: "the output folder holds the source \(source); sources are never changed, so give another folder")
            }
        }
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: folder), !entries.isEmpty, !force {
            throw ScreeningError.data(
                file: folder, feature: nil, message: "the folder exists and is not empty; give a new folder, or ask to replace what it holds",
                hint: .replaceOutput)
        }
    }

    /// The layers of a source: every layer of a GDAL file or File Geodatabase, or one GeoJSON collection.
    static func readLayers(_ source: String, files: any FeatureFileReader) throws -> [(name: String, collection: FeatureCollection)] {
        do {
            if files.reads(source) { return try files.layers(atPath: source) }
            return [(((source as NSString).lastPathComponent as NSString).deletingPathExtension, try GeoJSON.read(contentsOf: source))]
        } catch let error as GeoJSONError {
            throw ScreeningError.data(file: source, feature: error.featureIndex.map { "feature \($0)" }, message: error.message)
        } catch let error as GeoError {
            throw ScreeningError.data(file: source, feature: nil, message: "\(error)")
        }
    }

    /// One layer's features mapped to zones, reprojected and (with `repair`) made valid.
    static func importLayer(
        _ collection: FeatureCollection, name layerName: String, source: String,
        request: ZoneImportRequest
    ) throws -> ([ImportedZone], ZoneImportLog.Layer) {
        let place = "\(source) (layer \(layerName))"
        func fail(_ message: String, feature: Int? = nil, hint: ScreeningHint? = nil) -> ScreeningError {
            .data(file: place, feature: feature.map { "feature \($0)" }, message: message, hint: hint)
        }
        if let first = collection.rejected.first {
            throw fail(first.message, feature: first.featureIndex)
        }
        let fields = Set(collection.features.flatMap { $0.properties?.keys ?? [] })
        let mapping: ZoneMapping
        if let given = request.mapping {
            mapping = given
        } else if let name = request.profile {
            guard let named = ZoneMapping.profile(named: name) else {
                throw fail("no profile \"\(name)\"; profiles: \(ZoneMapping.profiles.map(\.name).joined(separator: ", "))")
            }
            mapping = named
        } else if let detected = ZoneMapping.profiles.first(where: { $0.matches(fields: fields, layerName: layerName) }) {
            mapping = detected
        } else {
            throw fail(
                "no profile recognises this layer (fields: \(fields.sorted().joined(separator: ", "))); name the profile that reads it (\(ZoneMapping.profiles.map(\.name).joined(separator: ", "))) or describe the fields in a mapping",
                hint: .chooseProfile)
        }
        var entry = ZoneImportLog.Layer(
            source: source, layer: layerName, features: collection.features.count, mapping: mapping.name,
            reprojection: nil, zones: [:], valueMappings: [], invalidGeometries: [], notes: [])

        // Coordinates: reprojected to CGCS2000 lon/lat from whatever the layer declares.
        var transform: CoordinateTransform?
        if let crs = collection.crs ?? request.assumedCRS, !crs.isKnownGeographic {
            do { transform = try CoordinateTransform(from: crs, to: .cgcs2000) } catch {
                throw fail("cannot transform from \(crs.definition.prefix(80)) to CGCS2000: \(error)")
            }
            entry.reprojection = "\(crs.definition.count > 40 ? String(crs.definition.prefix(40)) + "…" : crs.definition) → EPSG:4490"
        }

        var mapper = FeatureMapper(mapping: mapping, fields: fields)
        var zones: [ImportedZone] = []
        for feature in collection.features {
            let properties = feature.properties ?? JSONObject()
            guard var geometry = feature.geometry, !geometry.isEmpty else { throw fail("the feature has no geometry", feature: feature.index) }
            guard geometry.kind.isPolygonal else { throw fail("a zone must be a Polygon or MultiPolygon, not a \(geometry.kind.name)", feature: feature.index) }
            if let transform {
                do { geometry = try transform.transform(geometry) } catch { throw fail("cannot reproject: \(error)", feature: feature.index) }
            } else if let box = geometry.envelope, !(Coordinate(box.minX, box.minY).isLonLat && Coordinate(box.maxX, box.maxY).isLonLat) {
                throw fail(
                    "the layer declares no CRS and its coordinates are not lon/lat degrees; declare its CRS (for example EPSG:4527)",
                    feature: feature.index, hint: .declareCRS)
            }
            let mapped = try mapper.zones(properties, index: feature.index, place: place)
            let repair = try DatasetRepair.validRepair(of: geometry)
            if let reason = repair.invalidReason {
                entry.invalidGeometries.append(
                    "feature \(feature.index)\(mapped.first.map { " (id \($0.id))" } ?? ""): \(reason) — "
                        + (request.repair ? "repaired (GEOS make-valid)" : "not repaired (repair not asked for)"))
                if request.repair, let repaired = repair.geometry { geometry = repaired }
            }
            for var zone in mapped {
                zone.geometry = geometry
                zone.source = "\((source as NSString).lastPathComponent)#\(layerName)#\(feature.index)"
                zones.append(zone)
            }
        }
        try mapper.failOnUnmapped(place: place)
        entry.valueMappings = mapper.appliedMappings
        entry.notes = mapper.notes
        for zone in zones { entry.zones[zone.kind, default: 0] += 1 }
        return (zones, entry)
    }

    /// Attaches each table row's clauses to the control unit with its code; logs codes matching no unit and units left
    /// without a list.
    static func attachAccessLists(_ tables: [String], files: any FeatureFileReader, to zones: inout [ImportedZone], log: inout ZoneImportLog) throws {
        var units: [String: Int] = [:]
        for (index, zone) in zones.enumerated() where zone.kind == .controlUnit { units[zone.id] = index }
        for path in tables {
            let table = try AccessListTable.read(contentsOf: path, files: files)
            var attached = 0
            for row in table.rows {
                guard let index = units[row.unitCode] else {
                    log.unmatchedCodes.append("\(row.source): \(row.unitCode)\(row.unitName.map { " \($0)" } ?? "")")
                    continue
                }
                zones[index].accessClauses += row.clauses
                attached += 1
            }
            log.accessLists.append("\(path): \(table.rows.count) rows, \(attached) attached, \(table.rows.reduce(0) { $0 + $1.clauses.count }) clauses")
        }
        log.unitsWithoutList = zones.filter { $0.kind == .controlUnit && $0.accessClauses.isEmpty }.map { "\($0.id) \($0.name)" }
    }
}

/// A zone as the import makes it, before it is written.
struct ImportedZone {
    var id: String
    var name: String
    var kind: ZoneKind
    var level: String
    var rank: String?
    var unitCategory: String?
    var accessClauses: [AccessClause] = []
    /// Members of RedLine's own schema carried over as they are (access_list, name_en, derived_from, illustrative).
    var carried: [(String, JSONValue)] = []
    var geometry: Geometry?
    var source: String = ""
}
