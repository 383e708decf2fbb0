import Geo

/// The feature-file reader a front end hands the domain: every format RedLine reads through GDAL.
public struct GDALFeatureFiles: FeatureFileReader {
    public init() {}

    public func reads(_ path: String) -> Bool { GDALFormats.all.contains(NoVectorFiles.fileExtension(path)) }

    public func layers(atPath path: String) throws -> [(name: String, collection: FeatureCollection)] {
        try VectorFile.readLayers(contentsOf: path)
    }

    /// GDAL's formats by path; a 界址点 file (recognised by its `[属性描述]` header, GBK or UTF-8) one feature per
    /// parcel in CGCS2000 lon/lat; anything else GeoJSON.
    public func submission(atPath path: String, bytes: [UInt8]) throws -> (FeatureCollection, FeatureSource) {
        if let vector = try vectorSubmission(atPath: path) { return vector }
        guard BoundaryPointFile.isBoundaryPointFile(bytes) else { return (try GeoJSON.read(bytes, file: path), .geoJSON) }
        let (header, parcels) = try BoundaryPointFile.read(bytes, file: path)
        let features = parcels.enumerated().map { index, parcel in
            Feature(
                properties: JSONObject(members: [("id", .string(parcel.number)), ("name", .string(parcel.name)), ("use", .string(parcel.use))]),
                geometry: parcel.geometry, index: index)
        }
        return (FeatureCollection(features: features, crs: .cgcs2000), .boundaryPoints(crs: header.crs))
    }
}
