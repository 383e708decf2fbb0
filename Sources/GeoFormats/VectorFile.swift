internal import CGDAL
import Geo
import Synchronization

#if canImport(Glibc)
    import Glibc
#endif

/// Reading vector files through GDAL: Shapefile (with .dbf attributes, .prj and .cpg), GeoPackage, KML/KMZ and
/// Esri File Geodatabase. GeoJSON is read by `Geo.GeoJSON`, which is faster and reports problems per feature.
///
/// Attributes come back as UTF-8: GDAL recodes a Shapefile's .dbf when a .cpg names its code page; without a
/// .cpg, text that is not UTF-8 is read as GB18030 (a superset of GBK), the usual encoding of Chinese data.
public enum VectorFile {
    /// The extensions (lower case) read through GDAL.
    public static let extensions = GDALFormats.vector

    private static let registered = Mutex(false)

    static func register() {
        registered.withLock { done in
            guard !done else { return }
            GDALAllRegister()
            // GDAL would print its warnings (laundered field names, …) on standard error; errors reach callers as messages.
            CPLSetErrorHandler(CPLQuietErrorHandler)
            done = true
        }
    }

    /// The extensions (lower case) of attribute tables read through GDAL: rows as features without geometry.
    public static let tableExtensions = GDALFormats.tables

    /// Every feature of every layer of the file, as one collection (feature index counts across layers).
    ///
    /// - Throws: `GeoJSONError` naming the file (and layer and feature) with GDAL's own message.
    public static func read(contentsOf path: String) throws -> FeatureCollection {
        try GDALFeatureFiles().collection(atPath: path)
    }

    /// Each layer of the file with its name, features and CRS; feature indexes count across layers, as in `read`.
    ///
    /// - Throws: `GeoJSONError` naming the file (and layer and feature) with GDAL's own message.
    ///
    /// Tables (CSV, XLSX) are read without a header row (fields Field1 … for XLSX, field_1 … for CSV …, every cell text), so that a caller
    /// can find the header itself: official spreadsheets often open with a title row.
    public static func readLayers(contentsOf path: String) throws -> [(name: String, collection: FeatureCollection)] {
        register()
        let lower = path.lowercased()
        var options: [String] = []
        // The XLSX driver takes these as configuration, not open options; cells stay text (a unit code must not become a number).
        let spreadsheet = lower.hasSuffix(".xlsx")
        if spreadsheet {
            CPLSetThreadLocalConfigOption("OGR_XLSX_HEADERS", "DISABLE")
            CPLSetThreadLocalConfigOption("OGR_XLSX_FIELD_TYPES", "STRING")
        }
        defer {
            if spreadsheet {
                CPLSetThreadLocalConfigOption("OGR_XLSX_HEADERS", nil)
                CPLSetThreadLocalConfigOption("OGR_XLSX_FIELD_TYPES", nil)
            }
        }
        if lower.hasSuffix(".csv") { options.append("HEADERS=NO") }
        let hasCodePage = lower.hasSuffix(".shp") && fileExists(String(path.dropLast(4)) + ".cpg")
        // Without a .cpg GDAL would guess ISO-8859-1; take the bytes as they are and decode them ourselves.
        if lower.hasSuffix(".shp"), !hasCodePage { options.append("ENCODING=") }
        // A zipped Shapefile (how one is mailed or uploaded) is read in place through GDAL's zip file system.
        let openPath = lower.hasSuffix(".zip") ? "/vsizip/" + path : path
        let dataset = withCStrings(options) { optionPointers in
            GDALOpenEx(openPath, UInt32(GDAL_OF_VECTOR | GDAL_OF_READONLY), nil, optionPointers, nil)
        }
        guard let dataset else {
            throw GeoJSONError(message: "GDAL cannot open it: \(lastGDALError())", file: path, isFatal: true)
        }
        defer { GDALClose(dataset) }
        var layers: [(name: String, collection: FeatureCollection)] = []
        var counted = 0
        for layerIndex in 0..<GDALDatasetGetLayerCount(dataset) {
            guard let layer = GDALDatasetGetLayer(dataset, layerIndex) else { continue }
            let layerName = String(cString: OGR_L_GetName(layer))
            var features: [Feature] = []
            var rejected: [GeoJSONError] = []
            let layerCRS = OGR_L_GetSpatialRef(layer).flatMap { crs(of: $0) }
            let definition = OGR_L_GetLayerDefn(layer)
            let fieldCount = OGR_FD_GetFieldCount(definition)
            // Field names as the values: UTF-8, else GB18030 (Chinese column names of a .dbf or CSV without a code page).
            let names = (0..<fieldCount).map { field in
                let name = OGR_Fld_GetNameRef(OGR_FD_GetFieldDefn(definition, field))
                return name.map { text(bytes(of: $0)) } ?? ""
            }
            OGR_L_ResetReading(layer)
            while let feature = OGR_L_GetNextFeature(layer) {
                defer { OGR_F_Destroy(feature) }
                let index = counted + features.count + rejected.count
                var properties = JSONObject()
                for field in 0..<fieldCount where OGR_F_IsFieldSetAndNotNull(feature, field) != 0 {
                    let type = OGR_Fld_GetType(OGR_FD_GetFieldDefn(definition, field))
                    switch type {
                    case OFTInteger, OFTInteger64:
                        properties[names[Int(field)]] = .number(JSONNumber(Int(OGR_F_GetFieldAsInteger64(feature, field))))
                    case OFTReal:
                        properties[names[Int(field)]] = JSONNumber(OGR_F_GetFieldAsDouble(feature, field)).map(JSONValue.number) ?? .null
                    default:
                        properties[names[Int(field)]] = .string(text(OGR_F_GetFieldAsString(feature, field).map(bytes(of:)) ?? []))
                    }
                }
                guard let geometry = OGR_F_GetGeometryRef(feature) else {
                    features.append(Feature(properties: properties, geometry: nil, index: index))
                    continue
                }
                OGR_G_FlattenTo2D(geometry)
                let size = Int(OGR_G_WkbSize(geometry))
                var wkb = [UInt8](repeating: 0, count: size)
                let status = wkb.withUnsafeMutableBufferPointer { OGR_G_ExportToWkb(geometry, wkbNDR, $0.baseAddress) }
                do {
                    guard status == OGRERR_NONE else { throw GeoError.unreadable(format: "WKB", message: "GDAL could not export the geometry") }
                    features.append(Feature(properties: properties, geometry: try Geometry(wkb: wkb), index: index))
                } catch {
                    rejected.append(
                        GeoJSONError(
                            message: "layer \(layerName): \(error)", file: path, featureIndex: index,
                            featureID: properties["id"]?.displayText))
                }
            }
            var collection = FeatureCollection(features: features, crs: layerCRS)
            collection.rejected = rejected
            counted += features.count + rejected.count
            layers.append((layerName, collection))
        }
        return layers
    }

    /// The CRS of a GDAL spatial reference: "EPSG:n" when GDAL can name it, else its WKT (which PROJ reads).
    static func crs(of reference: OGRSpatialReferenceH) -> CRS? {
        guard let clone = OSRClone(reference) else { return nil }
        defer { OSRDestroySpatialReference(clone) }
        _ = OSRAutoIdentifyEPSG(clone)
        if let authority = OSRGetAuthorityName(clone, nil), String(cString: authority) == "EPSG", let code = OSRGetAuthorityCode(clone, nil) {
            return CRS("EPSG:" + String(cString: code))
        }
        var wkt: UnsafeMutablePointer<CChar>?
        guard OSRExportToWkt(clone, &wkt) == OGRERR_NONE, let wkt else { return nil }
        defer { VSIFree(wkt) }
        return CRS(String(cString: wkt))
    }

    /// The bytes of a C string GDAL returns, undecoded.
    static func bytes(of string: UnsafePointer<CChar>) -> [UInt8] {
        Array(UnsafeBufferPointer(start: UnsafeRawPointer(string).assumingMemoryBound(to: UInt8.self), count: strlen(string)))
    }

    /// UTF-8 as is; anything else decoded as GB18030 (undecodable bytes replaced).
    static func text(_ bytes: [UInt8]) -> String {
        ChineseText.decode(bytes) ?? String(decoding: bytes, as: UTF8.self)
    }

    static func lastGDALError() -> String {
        guard let message = CPLGetLastErrorMsg() else { return "unknown GDAL error" }
        let text = String(cString: message)
        return text.isEmpty ? "unknown GDAL error" : text
    }

    static func fileExists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// A NULL-terminated C string list for GDAL's open options.
    static func withCStrings<R>(_ strings: [String], _ body: (UnsafePointer<UnsafePointer<CChar>?>?) -> R) -> R {
        guard !strings.isEmpty else { return body(nil) }
        let duplicated = strings.map { strdup($0) }
        defer { duplicated.forEach { free($0) } }
        var pointers: [UnsafePointer<CChar>?] = duplicated.map { UnsafePointer($0) }
        pointers.append(nil)
        return pointers.withUnsafeBufferPointer { body($0.baseAddress) }
    }
}
