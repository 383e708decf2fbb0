/// Where a submitted file's footprints came from.
public enum FeatureSource: Sendable, Hashable {
    /// GeoJSON (any CRS it names is in the collection).
    case geoJSON
    /// A GDAL format (the extension) with the CRS the file declares.
    case vectorFile(format: String, crs: CRS?)
    /// A 界址点 boundary-point file in the CRS its header describes, already converted to CGCS2000 lon/lat.
    case boundaryPoints(crs: CRS)
}

/// The extensions (lower case) of the files read through GDAL: one list for every reader.
public enum GDALFormats {
    /// Vector files with geometry: Shapefile (also zipped: a `.zip` holding the .shp and its sidecars), GeoPackage,
    /// KML/KMZ, File Geodatabase (a folder).
    public static let vector: Set<String> = ["shp", "zip", "gpkg", "kml", "kmz", "gdb"]
    /// Attribute tables: CSV and XLSX, read without a header row.
    public static let tables: Set<String> = ["csv", "xlsx"]
    /// Every extension read through GDAL.
    public static let all = vector.union(tables)
}

/// Reads the layers of a file by its path. The domain takes one of these from its caller, so that it never links GDAL:
/// GeoFormats' `GDALFeatureFiles` reads Shapefile, GeoPackage, KML/KMZ, File Geodatabase, CSV/XLSX tables and 界址点
/// files; `NoVectorFiles` refuses GDAL's formats with a clear error.
public protocol FeatureFileReader: Sendable {
    /// Whether the file at `path` is this reader's to read (by its extension).
    func reads(_ path: String) -> Bool
    /// The file's layers, each with its name, features and CRS; feature indexes count across layers.
    func layers(atPath path: String) throws -> [(name: String, collection: FeatureCollection)]
    /// A submitted file's footprints (path and bytes) and where they came from: every format this reader knows, and
    /// GeoJSON. One reader for every file a user submits, so that format dispatch lives in one place.
    func submission(atPath path: String, bytes: [UInt8]) throws -> (FeatureCollection, FeatureSource)
}

extension FeatureFileReader {
    /// The files this reader reads by path; GeoJSON from the bytes otherwise.
    public func submission(atPath path: String, bytes: [UInt8]) throws -> (FeatureCollection, FeatureSource) {
        try vectorSubmission(atPath: path) ?? (GeoJSON.read(bytes, file: path), .geoJSON)
    }

    /// The file's footprints when this reader reads it by path; nil otherwise.
    public func vectorSubmission(atPath path: String) throws -> (FeatureCollection, FeatureSource)? {
        guard reads(path) else { return nil }
        let collection = try collection(atPath: path)
        return (collection, .vectorFile(format: NoVectorFiles.fileExtension(path), crs: collection.crs))
    }

    /// Every layer of the file as one collection, with the first layer's CRS.
    public func collection(atPath path: String) throws -> FeatureCollection {
        let layers = try layers(atPath: path)
        var collection = FeatureCollection(features: layers.flatMap(\.collection.features), crs: layers.lazy.compactMap(\.collection.crs).first)
        collection.rejected = layers.flatMap(\.collection.rejected)
        return collection
    }
}

/// The reader of a program built without GDAL: it claims the files GDAL would read and refuses each with the reason.
public struct NoVectorFiles: FeatureFileReader {
    public init() {}

    public func reads(_ path: String) -> Bool { GDALFormats.all.contains(Self.fileExtension(path)) }

    public func layers(atPath path: String) throws -> [(name: String, collection: FeatureCollection)] {
        throw GeoError.unreadable(format: Self.fileExtension(path), message: "\(path): reading this format needs GDAL (GeoFormats' GDALFeatureFiles)")
    }

    /// The extension of the last path component, lower-cased ("" when none).
    public static func fileExtension(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }
}
