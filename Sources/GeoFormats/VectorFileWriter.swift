internal import CGDAL
import Foundation
import Geo

#if canImport(Glibc)
    import Glibc
#endif

extension VectorFile {
    /// GDAL drivers by output extension.
    public static let writableExtensions: [String: String] = ["gpkg": "GPKG", "shp": "ESRI Shapefile", "kml": "KML"]

    /// Writes features to a GeoPackage, Shapefile (UTF-8 .dbf with a .cpg) or KML through GDAL, in `crs`
    /// (lon/lat CGCS2000 unless given; KML is always WGS 84 lon/lat). Properties become text, integer or real fields.
    public static func write(_ collection: FeatureCollection, to path: String, crs: CRS? = nil) throws {
        register()
        let ext = (path as NSString).pathExtension.lowercased()
        guard let driverName = writableExtensions[ext], let driver = GDALGetDriverByName(driverName) else {
            throw GeoError.invalidArgument("cannot write .\(ext) files; write .gpkg, .shp, .kml, .geojson or a 界址点 .txt")
        }
        unlink(path)
        guard let dataset = GDALCreate(driver, path, 0, 0, 0, GDT_Unknown, nil) else {
            throw GeoError.invalidArgument("GDAL cannot create \(path): \(lastGDALError())")
        }
        defer { GDALClose(dataset) }
        let reference = OSRNewSpatialReference(nil)
        defer { OSRDestroySpatialReference(reference) }
        let target = ext == "kml" ? CRS.wgs84 : (crs ?? .cgcs2000)
        guard OSRSetFromUserInput(reference, target.definition) == OGRERR_NONE else {
            throw GeoError.unknownCRS(definition: target.definition, message: lastGDALError())
        }
        OSRSetAxisMappingStrategy(reference, OAMS_TRADITIONAL_GIS_ORDER)
        // A UTF-8 .dbf with its .cpg, so that Chinese names survive (GDAL's default is ISO-8859-1).
        var layerOptions: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = nil
        if ext == "shp" { layerOptions = CSLAddString(layerOptions, "ENCODING=UTF-8") }
        defer { CSLDestroy(layerOptions) }
        let layer = GDALDatasetCreateLayer(
            dataset, (((path as NSString).lastPathComponent as NSString).deletingPathExtension), reference, wkbUnknown, layerOptions)
        guard let layer else { throw GeoError.invalidArgument("GDAL cannot create a layer in \(path): \(lastGDALError())") }
        // Fields from the properties of all features, in first-seen order; type from the values.
        var fields: [(name: String, type: OGRFieldType)] = []
        for feature in collection.features {
            for (key, value) in feature.properties ?? JSONObject() where !fields.contains(where: { $0.name == key }) {
                let type: OGRFieldType
                switch value {
                case let .number(n) where n.intValue != nil: type = OFTInteger64
                case .number: type = OFTReal
                default: type = OFTString
                }
                fields.append((key, type))
            }
        }
        for field in fields {
            let definition = OGR_Fld_Create(field.name, field.type)
            defer { OGR_Fld_Destroy(definition) }
            _ = OGR_L_CreateField(layer, definition, 1)
        }
        // Into the layer's CRS (KML is always WGS 84, whatever was asked).
        let transform = target == .cgcs2000 ? nil : try CoordinateTransform(from: .cgcs2000, to: target)
        let definition = OGR_L_GetLayerDefn(layer)
        for feature in collection.features {
            guard let out = OGR_F_Create(definition) else { continue }
            defer { OGR_F_Destroy(out) }
            for (key, value) in feature.properties ?? JSONObject() {
                let index = OGR_F_GetFieldIndex(out, key)
                guard index >= 0 else { continue }
                switch value {
                case .null: continue
                case let .number(n):
                    if let int = n.intValue { OGR_F_SetFieldInteger64(out, index, GIntBig(int)) } else { OGR_F_SetFieldDouble(out, index, n.doubleValue) }
                case let .string(text): OGR_F_SetFieldString(out, index, text)
                default: OGR_F_SetFieldString(out, index, value.displayText)
                }
            }
            if let geometry = feature.geometry {
                let placed = try transform.map { try $0.transform(geometry) } ?? geometry
                var wkb = try placed.wkb()
                var created: OGRGeometryH?
                let status = wkb.withUnsafeMutableBufferPointer { OGR_G_CreateFromWkb($0.baseAddress, reference, &created, Int32($0.count)) }
                guard status == OGRERR_NONE, let created else { throw GeoError.invalidArgument("GDAL could not take a geometry: \(lastGDALError())") }
                OGR_F_SetGeometryDirectly(out, created)
            }
            guard OGR_L_CreateFeature(layer, out) == OGRERR_NONE else {
                throw GeoError.invalidArgument("GDAL could not write feature \(feature.index) to \(path): \(lastGDALError())")
            }
        }
    }
}
