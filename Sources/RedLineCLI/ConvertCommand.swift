import ArgumentParser
import Foundation
import Geo
import GeoFormats
import Screening

/// `redline convert IN OUT`: footprints between formats, datums and CRSs (properties kept).
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert footprint files between formats (GeoJSON, GeoPackage, Shapefile, KML, 界址点), datums (WGS 84, GCJ-02, BD-09) and CRSs.",
        discussion: """
            Examples: `redline convert drawn-on-amap.geojson wgs84.geojson --from-datum gcj02`, \
            `redline convert site.geojson for-amap.geojson --to-datum gcj02`, \
            `redline convert site.geojson gk.geojson --to-crs EPSG:4527`. Properties and ids are kept; a projected output \
            carries a legacy "crs" member. Input: anything `screen` reads (GeoJSON, 界址点 .txt, Shapefile, GeoPackage, \
            KML/KMZ, File Geodatabase). Output by extension: .geojson, .gpkg, .shp (UTF-8 .dbf with .cpg), .kml (WGS 84), \
            or .txt for the 界址点 format (CGCS2000 3-degree Gauss–Krüger with the zone prefix).
            """
    )

    @Argument(help: "Input file: anything `screen` reads.")
    var input: String

    @Argument(help: "Output file; the format follows the extension (.geojson, .gpkg, .shp, .kml, .txt).")
    var output: String

    @Option(name: .customLong("from-datum"), help: "Datum of the input's lon/lat: wgs84, gcj02 or bd09.")
    var fromDatum: WebMapDatum = .wgs84

    @Option(name: .customLong("to-datum"), help: "Datum of the output's lon/lat: wgs84, gcj02 or bd09.")
    var toDatum: WebMapDatum = .wgs84

    @Option(name: .customLong("to-crs"), help: "Write projected coordinates in this CRS (EPSG code or PROJ string) instead of lon/lat.")
    var toCRS: String?

    @Option(name: .long, help: "CRS of the input coordinates when the file does not say.")
    var crs: String?

    func run() throws {
        do {
            var collection = try Submission.collection(atPath: input, bytes: InputSource(input).bytes, files: gdalFiles).0
            if let first = collection.rejected.first { throw first }
            if let declared = crs.map(CRS.init), let inFile = collection.crs, inFile != declared {
                throw CLIError.usage("\(input) declares \(inFile) but --crs says \(declared); remove one")
            }
            let writesBoundaryPoints = output.lowercased().hasSuffix(".txt")
            if writesBoundaryPoints, toCRS != nil || toDatum != .wgs84 {
                throw CLIError.usage("a 界址点 .txt file is always CGCS2000 Gauss–Krüger; leave out --to-crs and --to-datum")
            }
            let sourceCRS = collection.crs ?? crs.map(CRS.init)
            let toLonLat = try sourceCRS.flatMap { $0.isKnownGeographic ? nil : try CoordinateTransform(from: $0, to: .cgcs2000) }
            collection.features = try collection.features.map { feature in
                var converted = feature
                guard var geometry = feature.geometry else { return converted }
                if let toLonLat { geometry = try toLonLat.transform(geometry) }
                converted.geometry = try toDatum.fromWGS84(fromDatum.toWGS84(geometry))
                return converted
            }
            if writesBoundaryPoints {
                // The 界址点 format: CGCS2000 3-degree Gauss–Krüger with the zone prefix, one parcel per feature.
                let parcels = collection.features.compactMap { feature -> (number: String, name: String, geometry: Geometry)? in
                    guard let geometry = feature.geometry else { return nil }
                    return (feature.displayID ?? String(feature.index + 1), feature.properties?["name"]?.stringValue ?? "", geometry)
                }
                try Data(try BoundaryPointFile.write(parcels).utf8).write(to: URL(fileURLWithPath: output))
                return
            }
            let target = toCRS.map(CRS.init)
            let ext = (output as NSString).pathExtension.lowercased()
            if VectorFile.writableExtensions[ext] != nil {
                // GDAL projects lon/lat CGCS2000 itself.
                try VectorFile.write(collection, to: output, crs: target)
                return
            }
            if let target {
                let projection = try CoordinateTransform(from: .cgcs2000, to: target)
                collection.features = try collection.features.map {
                    var f = $0; f.geometry = try f.geometry.map { try projection.transform($0) }; return f
                }
            }
            collection.crs = target
            let decimals = target == nil ? 8 : 3
            try Data(GeoJSON.encode(collection, options: .init(coordinateDecimals: decimals))).write(to: URL(fileURLWithPath: output))
        } catch {
            FileHandle.standardError.write(Data("redline convert: \(error)\n".utf8))
            throw ExitCode(ExitStatus.error)
        }
    }
}
