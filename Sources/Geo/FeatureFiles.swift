/// Reads the layers of a vector file by its path. The domain takes one of these from its caller, so that it never links
/// GDAL: GeoFormats' `GDALFeatureFiles` reads Shapefile, GeoPackage, KML/KMZ, File Geodatabase and CSV/XLSX tables;
/// `NoVectorFiles` refuses them with a clear error. GeoJSON, NDJSON and 界址点 text are read from bytes elsewhere.
/// Where a submitted file's footprints came from, for the report's note on how they were read.
public enum FeatureSource: Sendable, Hashable {
    /// GeoJSON (any CRS it names is in the collection).
    case geoJSON
    /// A GDAL format (the extension) with the CRS the file declares.
    case vectorFile(format: String, crs: CRS?)
    /// A 界址点 boundary-point file in the CRS its header describes, already converted to CGCS2000 lon/lat.
    case boundaryPoints(crs: String)
}

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
        guard reads(path) else { return (try GeoJSON.read(bytes, file: path), .geoJSON) }
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
    /// The extensions GDAL reads for RedLine.
    public static let extensions: Set<String> = ["shp", "gpkg", "kml", "kmz", "gdb", "csv", "xlsx"]

    public init() {}

    public func reads(_ path: String) -> Bool { NoVectorFiles.extensions.contains(Self.fileExtension(path)) }

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
