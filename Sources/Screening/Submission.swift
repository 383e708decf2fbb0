import Foundation
import Geo

/// What the user says on the command line about the project(s), overriding the feature properties.
public struct ProjectOverrides: Sendable {
    public var category: String?
    public var action: ProjectAction?
    public var dischargesToWater: Bool?
    public var linear: Bool?
    public var crossing: Crossing?
    public var nationalMajorProject: Bool?

    /// No overrides.
    public init(
        category: String? = nil, action: ProjectAction? = nil, dischargesToWater: Bool? = nil, linear: Bool? = nil,
        crossing: Crossing? = nil, nationalMajorProject: Bool? = nil
    ) {
        self.category = category
        self.action = action
        self.dischargesToWater = dischargesToWater
        self.linear = linear
        self.crossing = crossing
        self.nationalMajorProject = nationalMajorProject
    }
}

/// Which property keys hold the project's id, name and category (batch submissions name them differently).
public struct PropertyKeys: Sendable {
    public var id: String
    public var name: String
    public var category: String

    /// The keys: "id", "name", "category" unless given.
    public init(id: String = "id", name: String = "name", category: String = "category") {
        self.id = id
        self.name = name
        self.category = category
    }
}

/// A project read from a submitted file, with what was done to its footprint on the way.
public struct SubmittedProject: Sendable {
    public var project: Project
    /// Notes for the report: repairs, dropped altitudes, reprojection.
    public var notes: [LocalizedText]
}

extension Submission {
    /// The footprints of a submitted file at `path` (its bytes given), read by `files` — GDAL's formats, 界址点 files
    /// and GeoJSON with GeoFormats' reader — with a note on how they were read.
    public static func collection(atPath path: String, bytes: [UInt8], files: any FeatureFileReader = NoVectorFiles()) throws -> (
        FeatureCollection, [LocalizedText]
    ) {
        let (collection, source): (FeatureCollection, FeatureSource)
        do { (collection, source) = try files.submission(atPath: path, bytes: bytes) } catch let error as GeoError {
            throw ScreeningError.footprint(file: path, feature: nil, message: "\(error)")
        }
        switch source {
        case .geoJSON:
            return (collection, [])
        case let .vectorFile(format, crs):
            let name = crs.map { $0.definition.count > 40 ? "WKT" : $0.definition }
            return (
                collection,
                [
                    LocalizedText(
                        zh: "占地由 \(format.uppercased()) 文件经 GDAL 读入\(name.map { "（\($0)）" } ?? "")。",
                        en:
                            "The footprint was read from a \(format.uppercased()) file through GDAL\(name.map { " (\($0 == "WKT" ? "CRS from WKT" : $0))" } ?? "")."
                    )
                ]
            )
        case let .boundaryPoints(crs):
            // Already CGCS2000 lon/lat: a CRS declared for it then conflicts instead of transforming twice.
            return (
                collection,
                [
                    LocalizedText(
                        zh: "占地由界址点坐标文件读入（\(crs)，X 为北坐标、Y 为带带号的东坐标），已换算为 CGCS2000 经纬度。",
                        en:
                            "The footprint was read from a 界址点 boundary-point file (\(crs); X northing, Y easting with zone prefix) and converted to CGCS2000 lon/lat."
                    )
                ]
            )
        }
    }
}

/// How a submission's features become projects: what the front end states for every project, what fills what a
/// feature leaves out, which property keys to read, and how to read the coordinates.
public struct SubmissionOptions: Sendable {
    public var overrides = ProjectOverrides()
    public var defaults = ProjectOverrides()
    public var keys = PropertyKeys()
    public var datum = WebMapDatum.wgs84
    public var crs: CRS?
    public var repair = false

    public init() {}
}

extension Submission {
    /// Every feature of a submitted file (its path and bytes, read by `files`) as a project or its located error, each
    /// with the notes of reading the file: the one way front ends read a submission.
    public static func features(atPath path: String, bytes: [UInt8], files: any FeatureFileReader, options: SubmissionOptions) throws -> [SubmittedFeature] {
        let (collection, notes) = try Submission.collection(atPath: path, bytes: bytes, files: files)
        return read(collection, file: path, options: options).map { feature in
            var feature = feature
            if case var .success(submitted) = feature.result {
                submitted.notes = notes + submitted.notes
                feature.result = .success(submitted)
            }
            return feature
        }
    }

    /// Every feature of a collection as a project or its located error, with the front end's options.
    public static func read(_ collection: FeatureCollection, file: String, options: SubmissionOptions) -> [SubmittedFeature] {
        read(
            collection, file: file, overrides: options.overrides, defaults: options.defaults, keys: options.keys, datum: options.datum,
            crs: options.crs, repair: options.repair)
    }
}

/// One feature of a submission: its place in the file, its id if it has one, and its project or error.
public struct SubmittedFeature: Sendable {
    /// The feature's index (0-based in a FeatureCollection, the line in newline-delimited GeoJSON); nil for a whole-file error.
    public var index: Int?
    public var id: String?
    public var result: Result<SubmittedProject, ScreeningError>

    public init(index: Int?, id: String?, result: Result<SubmittedProject, ScreeningError>) {
        self.index = index
        self.id = id
        self.result = result
    }
}

/// Reads project footprints from GeoJSON and checks them before screening: bad input is refused with
/// the file, the feature and what is wrong, never screened silently.
public enum Submission {
    /// Every feature of a collection as a project or the reason it cannot be screened, in feature order, each with the
    /// feature's index and id (so that an error row can still be matched to the submitter's inventory).
    public static func read(
        _ collection: FeatureCollection, file: String, overrides: ProjectOverrides = .init(),
        defaults: ProjectOverrides = .init(), keys: PropertyKeys = .init(),
        datum: WebMapDatum = .wgs84, crs declared: CRS? = nil, repair: Bool = false
    ) -> [SubmittedFeature] {
        var results: [SubmittedFeature] = collection.rejected.map { rejected in
            SubmittedFeature(
                index: rejected.featureIndex, id: rejected.featureID,
                result: .failure(
                    .footprint(
                        file: file, feature: Feature.label(index: rejected.featureIndex, id: rejected.featureID),
                        message: rejected.line.map { "line \($0): " + rejected.message } ?? rejected.message)))
        }
        if let declared, let inFile = collection.crs, inFile != declared {
            return [
                SubmittedFeature(
                    index: nil, id: nil,
                    result: .failure(
                        .footprint(
                            file: file, feature: nil, message: "the file declares \(inFile) but the CRS declared for it is \(declared); keep one",
                            hint: .conflictingCRS)))
            ]
        }
        let features = collection.features, crs = declared ?? collection.crs
        let one: @Sendable (Int) -> SubmittedFeature = { index in
            let feature = features[index]
            let result = Result {
                try project(from: feature, crs: crs, file: file, overrides: overrides, defaults: defaults, keys: keys, datum: datum, repair: repair)
            }
            .mapError { $0 as? ScreeningError ?? .footprint(file: file, feature: Feature.label(index: feature.index, id: feature.displayID), message: "\($0)") }
            return SubmittedFeature(index: feature.index, id: feature.displayID, result: result)
        }
        // Building and checking geometries is independent per feature: use every core. `one` cannot throw, so
        // parallelMap fails only when a worker lost a result; the serial pass then gives the same features, each with
        // its own result or error (deliberate: nothing is dropped or passed unchecked).
        results += (try? parallelMap(features.count, one)) ?? features.indices.map(one)
        return results.sorted { ($0.index ?? Int.max) < ($1.index ?? Int.max) }
    }

    /// One feature as a project, with every check of its footprint.
    /// `overrides` win over the feature's properties; `defaults` fill what the properties leave out.
    public static func project(
        from feature: Feature, crs: CRS?, file: String, overrides: ProjectOverrides,
        defaults: ProjectOverrides = .init(), keys: PropertyKeys = .init(), datum: WebMapDatum = .wgs84,
        repair: Bool
    ) throws -> SubmittedProject {
        let where_ = Feature.label(index: feature.index, id: feature.displayID)
        func fail(_ message: String) -> ScreeningError { .footprint(file: file, feature: where_, message: message) }
        func fail(_ message: String, hint: ScreeningHint) -> ScreeningError { .footprint(file: file, feature: where_, message: message, hint: hint) }
        let properties = feature.properties ?? JSONObject()
        var notes: [LocalizedText] = []

        guard var geometry = feature.geometry else { throw fail("the feature has no geometry (\"geometry\": null)") }
        guard !geometry.isEmpty else { throw fail("the geometry is empty; a footprint needs coordinates") }
        if geometry.kind == .geometryCollection {
            throw fail("a GeometryCollection cannot be screened as one footprint; split it into Point, LineString or Polygon features (or their Multi forms)")
        }
        if feature.droppedAltitude {
            notes.append(LocalizedText(zh: "坐标中的高程（第三个数）已忽略，按二维筛查。", en: "Altitudes (third coordinate) were ignored; screening is two-dimensional."))
        }
        if let crs, !crs.isKnownGeographic {
            try checkGaussKruger(geometry, crs: crs, fail: fail)
            do {
                geometry = try CoordinateTransform(from: crs, to: .cgcs2000).transform(geometry)
            } catch {
                throw fail("cannot transform from the declared CRS \(crs): \(error)")
            }
            notes.append(LocalizedText(zh: "占地坐标已由 \(crs) 转换为 CGCS2000 经纬度。", en: "The footprint was transformed from \(crs) to CGCS2000 longitude/latitude."))
        }
        try checkLonLat(geometry, declared: crs, fail: fail)
        if datum != .wgs84 {
            geometry = try datum.toWGS84(geometry)
            let name = datum == .gcj02 ? "GCJ-02 (Amap/Tencent)" : "BD-09 (Baidu)"
            notes.append(
                LocalizedText(
                    zh: "占地坐标已由\(datum == .gcj02 ? "GCJ-02（高德/腾讯地图）" : "BD-09（百度地图）")坐标换算为 WGS84/CGCS2000（采用公开的换算公式，逆算迭代误差小于 1e-9°）。",
                    en: "The footprint was converted from \(name) to WGS 84/CGCS2000 (the published conversion; the iterative inverse is exact to 1e-9°)."))
        }

        let report = try geometry.validity()
        if !report.isValid {
            let place = report.location.map { " at [\(degrees($0.x)), \(degrees($0.y))]" } ?? ""
            guard repair else {
                throw fail(
                    "invalid geometry: \(report.reason ?? "invalid")\(place). Fix the footprint, or ask for GEOS's repair of it (the repair is then stated in the report)",
                    hint: .repairGeometry)
            }
            // An invalid ring need not have a meaningful area: the note then leaves the sizes out.
            let before = geometry.kind.isPolygonal ? try? geometry.geodesicArea() : nil
            let repaired = try geometry.makeValid()
            guard !repaired.isEmpty else { throw fail("invalid geometry: \(report.reason ?? "invalid")\(place); the repair left nothing to screen") }
            let after = repaired.kind.isPolygonal ? try? repaired.geodesicArea() : nil
            let sizes = (before != nil && after != nil) ? String(format: " (%.1f m² → %.1f m²)", before ?? 0, after ?? 0) : ""
            notes.append(
                LocalizedText(
                    zh: "占地几何无效（\(report.reason ?? "")\(place)），已按要求用 GEOS make-valid 修复\(sizes)；结果基于修复后的几何。",
                    en:
                        "The footprint was invalid (\(report.reason ?? "")\(place)) and was repaired with GEOS make-valid as asked\(sizes); results are for the repaired geometry."
                ))
            geometry = repaired
        }

        let category = overrides.category ?? property(properties, keys.category)?.stringValue ?? defaults.category
        guard let category, !category.isEmpty else {
            throw fail(
                "no project category: state one, a code such as LV, RD or IG, or give the feature a \"\(keys.category)\" property",
                hint: .stateAttribute("category"))
        }
        var attributes = ProjectAttributes()
        if let action = overrides.action {
            attributes.action = action
        } else if let text = property(properties, "action")?.stringValue {
            guard let action = ProjectAction(rawValue: text) else { throw fail("property \"action\" is \"\(text)\"; use new, rebuild, expand or operate") }
            attributes.action = action
        } else if let action = defaults.action {
            attributes.action = action
        }
        attributes.dischargesToWater = try overrides.dischargesToWater ?? flag(properties, "discharges_to_water", fail) ?? defaults.dischargesToWater
        attributes.linear = try overrides.linear ?? flag(properties, "linear", fail) ?? defaults.linear
        attributes.nationalMajorProject =
            try overrides.nationalMajorProject ?? flag(properties, "national_major_project", fail)
            ?? defaults.nationalMajorProject ?? false
        if let crossing = overrides.crossing {
            attributes.crossing = crossing
        } else if let text = property(properties, "crossing")?.stringValue {
            guard let crossing = Crossing(rawValue: text) else { throw fail("property \"crossing\" is \"\(text)\"; use surface, tunnel, bridge or aerial") }
            attributes.crossing = crossing
        } else {
            attributes.crossing = defaults.crossing
        }
        let id = property(properties, keys.id).flatMap { $0 == .null ? nil : $0.displayText } ?? feature.displayID
        let name = property(properties, keys.name)?.stringValue
        return SubmittedProject(
            project: Project(id: id, name: name, category: category, attributes: attributes, footprint: geometry),
            notes: notes)
    }

    /// A coordinate for messages: 7 decimals (about 1 cm), trailing zeros dropped.
    static func degrees(_ value: Double) -> String {
        var text = String(format: "%.7f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// A property by name; failing that, the same name in another case (KML reads "name" back as "Name") or cut to the
    /// 10 characters a Shapefile's .dbf allows ("discharges" for "discharges_to_water").
    static func property(_ properties: JSONObject, _ key: String) -> JSONValue? {
        if let value = properties[key] { return value }
        let lowered = key.lowercased()
        if let index = properties.keys.lastIndex(where: { $0.lowercased() == lowered }) { return properties.values[index] }
        return key.count > 10 ? properties[String(key.prefix(10))] : nil
    }

    /// A yes/no property. Shapefiles have no Boolean type, so 0/1 are accepted too.
    private static func flag(_ properties: JSONObject, _ key: String, _ fail: (String) -> ScreeningError) throws -> Bool? {
        guard let value = property(properties, key), value != .null else { return nil }
        if let flag = value.boolValue { return flag }
        if let number = value.doubleValue, number == 0 || number == 1 { return number == 1 }
        if let text = value.stringValue?.lowercased(), ["true", "false", "yes", "no", "1", "0", "是", "否"].contains(text) {
            return ["true", "yes", "1", "是"].contains(text)
        }
        throw fail("property \"\(key)\" must be true or false, not \(value.displayText)")
    }

    /// For a CGCS2000 Gauss–Krüger CRS, refuses eastings that cannot belong to it: a zone prefix that is missing,
    /// present when the CRS has none, or of another zone (the wrong-zone mistake shifts a site by hundreds of km).
    static func checkGaussKruger(_ geometry: Geometry, crs: CRS, fail: (String) -> ScreeningError) throws {
        guard let code = crs.epsgCode, let gk = GaussKruger.Zone(epsg: code), let e = geometry.envelope else { return }
        let (prefixed, zone) = (gk.prefixed, gk.number)
        for easting in [e.minX, e.maxX] {
            let hasPrefix = easting >= 1_000_000
            if prefixed, !hasPrefix {
                let plain = GaussKruger.Zone(width: gk.width, number: zone, prefixed: false)?.crs.definition ?? ""
                throw fail(
                    "\(crs) expects the zone number \(zone) before the easting (e.g. \(zone)500000), but the eastings look like \(Int(easting)); the data is probably in the same zone without prefix (\(plain))"
                )
            }
            if !prefixed, hasPrefix {
                let found = Int(easting / 1_000_000)
                throw fail("\(crs) has no zone prefix, but the eastings start with \(found) (\(Int(easting))); declare the prefixed CRS of zone \(found)")
            }
            if prefixed, Int(easting / 1_000_000) != zone {
                throw fail("\(crs) is zone \(zone), but the eastings carry zone \(Int(easting / 1_000_000)) (\(Int(easting))); declare the CRS of that zone")
            }
        }
    }

    /// Refuses coordinates that cannot be longitude/latitude, with a hint of what they probably are.
    private static func checkLonLat(_ geometry: Geometry, declared: CRS?, fail: (String) -> ScreeningError) throws {
        guard let e = geometry.envelope else { return }
        let corners = [Coordinate(e.minX, e.minY), Coordinate(e.maxX, e.maxY)]
        guard corners.allSatisfy({ $0.isFinite }) else { throw fail("coordinates are not finite numbers") }
        if corners.allSatisfy(\.isLonLat) { return }
        let declaredText = declared.map { "declared as \($0)" } ?? "GeoJSON, which means longitude/latitude"
        if abs(e.minX) > 1000 || abs(e.maxY) > 1000 {
            var hint = "these look like projected metres"
            if e.minX > 1_000_000 {
                hint += " with a zone number before the easting (CGCS2000 3-degree Gauss–Krüger, EPSG:4513–4533?)"
            } else if e.minX > 100_000, e.maxX < 900_000 {
                hint += " (CGCS2000 3-degree Gauss–Krüger without zone prefix, EPSG:4534–4554?)"
            }
            throw fail(
                "coordinates such as [\(e.minX), \(e.minY)] are not degrees, but the file is \(declaredText): \(hint). Declare the CRS in a \"crs\" member")
        }
        if (-90...90).contains(e.minX), (-90...90).contains(e.maxX), (-180...180).contains(e.minY), (-180...180).contains(e.maxY) {
            throw fail("latitude out of range ([\(e.minX), \(e.minY)]); latitude and longitude look swapped: GeoJSON positions are [longitude, latitude]")
        }
        throw fail("coordinates out of range for longitude/latitude: [\(e.minX), \(e.minY)] – [\(e.maxX), \(e.maxY)]")
    }
}
