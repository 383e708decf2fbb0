import Foundation
import Testing

@testable import Geo

@Suite("GeoJSON reading and writing")
struct GeoJSONTests {
    @Test("a FeatureCollection round-trips: ids, property order, nested values, every geometry type")
    func roundTrip() throws {
        let text = """
            {"type":"FeatureCollection","name":"demo","features":[
            {"type":"Feature","id":"F1","properties":{"zeta":1,"alpha":"于桥水库","mid":[1,2.5,{"k":null}],"big":12345678901234567890},"geometry":{"type":"Polygon","coordinates":[[[117.1,40.1],[117.2,40.1],[117.2,40.2],[117.1,40.1]],[[117.15,40.12],[117.18,40.12],[117.18,40.15],[117.15,40.12]]]}},
            {"type":"Feature","id":7,"properties":null,"geometry":{"type":"MultiLineString","coordinates":[[[0,0],[1,1]],[[2,2],[3,3.5]]]}},
            {"type":"Feature","properties":{},"geometry":null},
            {"type":"Feature","properties":{"p":true},"geometry":{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[1e-7,-2]},{"type":"MultiPoint","coordinates":[[1,2],[3,4]]}]}},
            {"type":"Feature","properties":{},"geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[1,1],[0,0]]]]},"extra":"kept"}
            ]}
            """
        let collection = try GeoJSON.read(text)
        #expect(collection.rejected.isEmpty)
        #expect(collection.features.count == 5)
        let first = collection.features[0]
        #expect(first.id == "F1")
        #expect(first.properties?.keys == ["zeta", "alpha", "mid", "big"])
        #expect(first.properties?["alpha"] == "于桥水库")
        #expect(first.properties?["big"] == .number(JSONNumber(literal: "12345678901234567890")))
        #expect(first.geometry?.kind == .polygon)
        #expect(collection.features[1].id == .number(JSONNumber(7)))
        #expect(collection.features[1].properties == nil)
        #expect(collection.features[2].geometry == nil)
        #expect(collection.features[3].geometry?.kind == .geometryCollection)
        #expect(collection.features[4].foreignMembers["extra"] == "kept")
        #expect(collection.foreignMembers["name"] == "demo")

        let written = GeoJSON.encode(collection)
        let again = try GeoJSON.read(written)
        #expect(again.features.count == 5)
        for (x, y) in zip(collection.features, again.features) {
            #expect(x.id == y.id)
            #expect(x.properties == y.properties)
            #expect(x.foreignMembers == y.foreignMembers)
            if let g = x.geometry, let h = y.geometry { #expect(try g.isExactlyEqual(to: h)) } else { #expect(x.geometry == nil && y.geometry == nil) }
        }
        // Writing is deterministic and idempotent.
        #expect(GeoJSON.encode(again) == written)
        let line = String(decoding: written, as: UTF8.self)
        #expect(line.contains("\"properties\":{\"zeta\":1,\"alpha\":\"于桥水库\",\"mid\":[1,2.5,{\"k\":null}],\"big\":12345678901234567890}"))
    }

    @Test("coordinates survive exactly: 7-decimal degrees and awkward doubles")
    func exactNumbers() throws {
        let values = [117.1234567, 39.9999999, 0.1, 1e-7, 123456.789, -0.0000001, 17.123456789012345, 2.2250738585072014e-308]
        for value in values {
            let geometry = try GeoJSON.readGeometry("{\"type\":\"Point\",\"coordinates\":[\(value),\(value)]}")
            #expect(geometry.pointCoordinate == Coordinate(value, value))
            let back = try GeoJSON.readGeometry(GeoJSON.string(geometry))
            #expect(back.pointCoordinate == Coordinate(value, value))
        }
        let rounded = GeoJSON.string(try Geometry.point(117.123456789, 40), options: .init(coordinateDecimals: 6))
        #expect(rounded == "{\"type\":\"Point\",\"coordinates\":[117.123457,40]}")
    }

    @Test("string escapes and surrogate pairs decode; output escapes what JSON requires")
    func strings() throws {
        let text = #"{"type":"Feature","properties":{"s":"a\"b\\c\/d\n\u4e8e\ud83d\ude00"},"geometry":null}"#
        let feature = try #require(GeoJSON.read(text).features.first)
        #expect(feature.properties?["s"] == .string("a\"b\\c/d\n于😀"))
        let out = String(decoding: GeoJSON.encode(feature), as: UTF8.self)
        #expect(out.contains(#""s":"a\"b\\c/d\n于😀""#))
    }

    @Test("a feature with malformed geometry is rejected with its index, id and line; the others are read")
    func perFeatureErrors() throws {
        let text = """
            {"type":"FeatureCollection","features":[
            {"type":"Feature","properties":{"id":"OK1"},"geometry":{"type":"Point","coordinates":[117,40]}},
            {"type":"Feature","properties":{"id":"U1"},"geometry":{"type":"Polygon","coordinates":[[[117.4,39.9],[117.41,39.9],[117.41,39.91],[117.4,39.91]]]}},
            {"type":"Feature","properties":{"id":"B1"},"geometry":{"type":"Polygon","coordinates":[[117.4,39.9],[117.41,39.9],[117.41,39.91],[117.4,39.9]]}},
            {"type":"Feature","properties":{"id":"B4"},"geometry":{"type":"LineString","coordinates":[117.4,39.9,117.5,39.95]}},
            {"type":"Feature","properties":{"id":"S1"},"geometry":{"type":"Polygon","coordinates":[[[117.4,39.9],[117.41,39.9],[117.4,39.9]]]}},
            {"type":"Feature","properties":{"id":"H1"},"geometry":{"type":"Point","coordinates":[1e400,40]}},
            {"type":"Feature","properties":{"id":"E4"},"geometry":{"type":"Polygon","coordinates":[[]]}},
            {"type":"Feature","properties":{"id":"T1"},"geometry":{"type":"Circle","coordinates":[1,2]}},
            {"type":"Feature","properties":{"id":"OK2"},"geometry":{"type":"Polygon","coordinates":[]}}
            ]}
            """
        let collection = try GeoJSON.read(Array(text.utf8), file: "submission.geojson")
        #expect(collection.features.map { $0.displayID } == ["OK1", "OK2"])
        #expect(collection.features[1].geometry?.isEmpty == true)
        let rejected = collection.rejected
        #expect(rejected.map(\.featureIndex) == [1, 2, 3, 4, 5, 6, 7])
        #expect(rejected.map(\.featureID) == ["U1", "B1", "B4", "S1", "H1", "E4", "T1"])
        #expect(rejected.map(\.line) == [3, 4, 5, 6, 7, 8, 9])
        #expect(rejected.allSatisfy { $0.file == "submission.geojson" && !$0.isFatal })
        #expect(rejected[0].message.contains("not closed"))
        #expect(rejected[1].message.contains("must be an array of rings"))
        #expect(rejected[2].message.contains("4 numbers"))
        #expect(rejected[3].message.contains("at least 4"))
        #expect(rejected[4].message.contains("too large"))
        #expect(rejected[5].message.contains("ring 0 has 0 positions"))
        #expect(rejected[6].message.contains("unknown geometry type \"Circle\""))
        #expect(rejected[0].description.hasPrefix("submission.geojson, line 3, column"))
        #expect(rejected[0].description.contains("feature 1 (id U1)"))
    }

    @Test(
        "JSON syntax errors are fatal and located by line and column",
        arguments: [
            ("{\"type\":\"Point\",\"coordinates\":[NaN,1]}", "NaN"),
            ("{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"name\":\"abc", "unterminated string"),
            ("{\"type\":\"Point\",\"coordinates\":[1,2]} x", "after the end"),
            ("", "empty"),
            ("[1,2]", "JSON object"),
            ("{\"type\":\"Point\",\n\"coordinates\":[01,2]}", "leading zeros"),
        ])
    func syntaxErrors(text: String, expected: String) {
        #expect {
            try GeoJSON.read(text)
        } throws: { error in
            guard let error = error as? GeoJSONError else { return false }
            return error.isFatal && error.message.contains(expected) && error.line != nil
        }
    }

    @Test("text that is not UTF-8 is refused with a hint to convert it")
    func notUTF8() {
        var bytes = Array("{\"type\":\"Feature\",\"properties\":{\"name\":\"".utf8)
        bytes += [0xD3, 0xDA, 0xC7, 0xC5, 0xFF, 0xFE]  // GBK 于桥 and two stray bytes
        bytes += Array("\"},\"geometry\":null}".utf8)
        #expect {
            try GeoJSON.read(bytes)
        } throws: { error in
            "\(error)".contains("not UTF-8") && "\(error)".contains("iconv")
        }
    }

    @Test("a byte-order mark is accepted, altitude is dropped and flagged, the legacy crs member is read")
    func tolerated() throws {
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array(
            """
            {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4548"}},"features":[
            {"type":"Feature","properties":{},"geometry":{"type":"LineString","coordinates":[[534147.6,4417046.1,35.5],[535002.5,4417055.2,36]]}}]}
            """.utf8)
        let collection = try GeoJSON.read(bytes)
        #expect(collection.crs == .epsg(4548))
        #expect(collection.features.first?.droppedAltitude == true)
        #expect(collection.features.first?.geometry?.shape == .lineString([Coordinate(534147.6, 4417046.1), Coordinate(535002.5, 4417055.2)]))
        let written = String(decoding: GeoJSON.encode(collection), as: UTF8.self)
        #expect(written.contains("\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"urn:ogc:def:crs:EPSG::4548\"}}"))
    }

    @Test("a bare geometry and a bare feature read as a collection of one")
    func bareObjects() throws {
        let bare = try GeoJSON.read("{\"coordinates\":[[117,40],[118,41]],\"type\":\"LineString\"}")
        #expect(bare.origin == .geometry)
        #expect(bare.features.count == 1)
        #expect(bare.features[0].geometry?.kind == .lineString)
        let feature = try GeoJSON.read("{\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]},\"type\":\"Feature\",\"id\":\"x\",\"properties\":{\"a\":1}}")
        #expect(feature.origin == .feature)
        #expect(feature.features[0].id == "x")
        let broken = try GeoJSON.read("{\"type\":\"Polygon\",\"coordinates\":[[[0,0],[1,0],[1,1],[0,1]]]}")
        #expect(broken.features.isEmpty)
        #expect(broken.rejected.first?.message.contains("not closed") == true)
    }

    @Test("a missing file is reported with its path")
    func missingFile() {
        #expect {
            try GeoJSON.read(contentsOf: "/nonexistent/zones.geojson")
        } throws: { error in
            (error as? GeoJSONError)?.file == "/nonexistent/zones.geojson"
        }
    }

    @Test("reading a file gives the same features as reading its text")
    func readsFiles() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redline-geojson-\(UInt64.random(in: 0...UInt64.max)).geojson").path
        let text =
            "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":{\"n\":1},\"geometry\":{\"type\":\"Point\",\"coordinates\":[117.5,40.25]}}]}"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let collection = try GeoJSON.read(contentsOf: path)
        #expect(collection.features.first?.geometry?.pointCoordinate == Coordinate(117.5, 40.25))
    }
}

@Suite("Newline-delimited GeoJSON")
struct GeoJSONLinesTests {
    @Test("each line is read on its own: a bad line is reported with its number, blank lines skipped, features numbered by line")
    func lines() {
        let text =
            "{\"type\":\"Feature\",\"properties\":{\"id\":\"A\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[117,40]}}\r\n\n{\"type\":\"Feature\",\n"
            + "{\"type\":\"Point\",\"coordinates\":[117.1,40.1]}\n"
        let read = GeoJSON.readLines(Array(text.utf8), file: "in.ndjson")
        #expect(read.map(\.line) == [1, 3, 4])
        guard case let .success(first) = read[0].collection, case let .failure(error) = read[1].collection, case let .success(last) = read[2].collection else {
            Issue.record("lines 1 and 4 read, line 3 refused: \(read)")
            return
        }
        #expect(first.features.map(\.index) == [1] && first.features.first?.displayID == "A")
        #expect(error.file == "in.ndjson" && !error.message.isEmpty)
        #expect(last.features.map(\.index) == [4])
    }
}
