import Foundation
import Geo
import GeoFormats
import Testing

/// Reading and writing through GDAL with the real library: layers with their names, Chinese attributes in UTF-8 and
/// GBK, spreadsheets read without a header row, and GDAL's refusal passed on with the file named.
@Suite("GDAL vector files")
struct VectorFileTests {
    static func folder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("redline-gdal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static let square = [Coordinate(117.0, 40.0), Coordinate(117.01, 40.0), Coordinate(117.01, 40.01), Coordinate(117.0, 40.01), Coordinate(117.0, 40.0)]

    @Test("a GeoPackage written and read back keeps its layer name, Chinese text, numbers and geometry")
    func geoPackageRoundTrip() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var properties = JSONObject()
        properties["编码"] = "DW-1"
        properties["名称"] = "于桥水库饮用水水源一级保护区"
        properties["级别"] = .number(JSONNumber(1))
        let polygon = try Geometry(.polygon([Self.square]))
        let path = folder.appendingPathComponent("水源.gpkg").path
        try VectorFile.write(FeatureCollection(features: [Feature(properties: properties, geometry: polygon)]), to: path)
        let layers = try VectorFile.readLayers(contentsOf: path)
        #expect(layers.map(\.name) == ["水源"])
        let feature = try #require(layers.first?.collection.features.first)
        #expect(feature.properties?["名称"] == "于桥水库饮用水水源一级保护区")
        #expect(feature.properties?["级别"]?.displayText == "1")
        #expect(layers.first?.collection.crs?.epsgCode == 4490)
        let read = try #require(feature.geometry)
        #expect(abs(try read.geodesicArea() - polygon.geodesicArea()) < 1e-6)
    }

    @Test(
        "a GBK Shapefile without .cpg reads with its Chinese field names and values",
        .enabled(
            if: FileManager.default.isExecutableFile(atPath: "/usr/bin/ogr2ogr"),
            "needs ogr2ogr (Debian's gdal-bin; scripts/install-deps installs it) to write GBK"))
    func gbkShapefile() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let source = folder.appendingPathComponent("in.geojson")
        try Data(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"单元名称":"蓟州区北部山区优先保护单元"},"geometry":{"type":"Point","coordinates":[117.4,40.1]}}]}"#
                .utf8
        ).write(to: source)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/ogr2ogr")
        process.arguments = ["-f", "ESRI Shapefile", folder.appendingPathComponent("gbk.shp").path, source.path, "-lco", "ENCODING=CP936"]
        try process.run()
        process.waitUntilExit()
        try FileManager.default.removeItem(at: folder.appendingPathComponent("gbk.cpg"))
        let dbf = try Data(contentsOf: folder.appendingPathComponent("gbk.dbf"))
        #expect(String(data: dbf, encoding: .utf8) == nil, "the .dbf holds GBK bytes, not UTF-8")
        let feature = try #require(try VectorFile.read(contentsOf: folder.appendingPathComponent("gbk.shp").path).features.first)
        #expect(feature.properties?["单元名称"] == "蓟州区北部山区优先保护单元")
    }

    @Test("a CSV table is read without a header row: every row, title rows too, as text, GBK decoded")
    func headerlessTable() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "附件1 准入清单,,\n环境管控单元编码,空间布局约束,层级\nZH12011910002,\"1.禁止新建化工项目。\n2.严格控制开发强度\",市\n"
        // GB18030 bytes, as iconv (glibc) writes them.
        let utf8 = folder.appendingPathComponent("utf8.csv")
        try Data(text.utf8).write(to: utf8)
        let path = folder.appendingPathComponent("list.csv").path
        let iconv = Process()
        iconv.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
        iconv.arguments = ["-f", "UTF-8", "-t", "GB18030", "-o", path, utf8.path]
        try iconv.run()
        iconv.waitUntilExit()
        #expect(String(data: try Data(contentsOf: URL(fileURLWithPath: path)), encoding: .utf8) == nil, "the file holds GB18030 bytes")
        let rows = try #require(try VectorFile.readLayers(contentsOf: path).first).collection.features
        #expect(rows.count == 3)
        let values = rows.map { row in (row.properties ?? JSONObject()).map { $0.value.displayText } }
        #expect(values[0].contains("附件1 准入清单"))
        #expect(values[1] == ["环境管控单元编码", "空间布局约束", "层级"])
        #expect(values[2].contains("1.禁止新建化工项目。\n2.严格控制开发强度"))
        #expect(rows.allSatisfy { $0.geometry == nil })
    }

    @Test("a file GDAL cannot open is refused with the file and GDAL's reason")
    func unreadable() throws {
        let folder = try Self.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("broken.gpkg").path
        try Data("not a GeoPackage".utf8).write(to: URL(fileURLWithPath: path))
        #expect {
            _ = try VectorFile.readLayers(contentsOf: path)
        } throws: { error in
            guard let error = error as? GeoJSONError else { return false }
            return error.file == path && error.message.hasPrefix("GDAL cannot open it")
        }
    }
}
