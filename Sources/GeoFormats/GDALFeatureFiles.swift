import Geo

/// The feature-file reader a front end hands the domain: every format RedLine reads through GDAL.
public struct GDALFeatureFiles: FeatureFileReader {
    public init() {}

    public func reads(_ path: String) -> Bool {
        let ext = NoVectorFiles.fileExtension(path)
        return VectorFile.extensions.contains(ext) || VectorFile.tableExtensions.contains(ext)
    }

    public func layers(atPath path: String) throws -> [(name: String, collection: FeatureCollection)] {
        try VectorFile.readLayers(contentsOf: path)
    }
}
