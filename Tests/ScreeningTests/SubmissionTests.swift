import Foundation
import Geo
import ScreeningTestSupport
import Testing

@testable import Screening

@Suite("Footprint input checks")
struct SubmissionTests {
    func read(_ text: String, repair: Bool = false, overrides: ProjectOverrides = .init(category: "IG")) throws -> [Result<SubmittedProject, ScreeningError>] {
        Submission.read(try GeoJSON.read(text), file: "in.geojson", overrides: overrides, repair: repair).map(\.result)
    }

    func failure(_ text: String) throws -> String {
        let results = try read(text)
        guard case let .failure(error)? = results.first else { return "" }
        return "\(error)"
    }

    @Test("a bowtie is refused with the reason, place and a repair hint, and screened only when repair is asked, which is then noted")
    func bowtie() throws {
        let text =
            #"{"type":"Feature","properties":{"id":"B1"},"geometry":{"type":"Polygon","coordinates":[[[117.4,39.9],[117.41,39.91],[117.41,39.9],[117.4,39.91],[117.4,39.9]]]}}"#
        let message = try failure(text)
        #expect(message.contains("in.geojson, feature 0 (id B1)"))
        #expect(message.contains("Self-intersection at [117.405, 39.905]"))
        // The library says what can be done, with a typed hint; only the CLI names the flag.
        #expect(message.contains("ask for GEOS's repair") && !message.contains("--"))
        guard case let .failure(error)? = try read(text).first else {
            Issue.record("the bowtie was not refused")
            return
        }
        #expect(error.hint == .repairGeometry)
        let repaired = try #require(try read(text, repair: true).first).get()
        #expect(repaired.project.footprint.isValid)
        #expect(repaired.notes.contains { $0.en.contains("repaired with GEOS make-valid") })
    }

    @Test("coordinates in projected metres declared as degrees are refused with a hint")
    func projectedMetres() throws {
        let message = try failure(#"{"type":"Polygon","coordinates":[[[534147.6,4417046.1],[535002.5,4417055.2],[534992.9,4418165.5],[534147.6,4417046.1]]]}"#)
        #expect(message.contains("projected metres"))
        #expect(message.contains("EPSG:4534–4554"))
    }

    @Test("swapped latitude and longitude are recognised")
    func swapped() throws {
        let message = try failure(#"{"type":"Point","coordinates":[39.9,117.4]}"#)
        #expect(message.contains("swapped"))
    }

    @Test("a declared projected CRS is transformed to lon/lat and the transformation is noted")
    func declaredCRS() throws {
        // cs2cs EPSG:4490 → EPSG:4548: (117.4, 40) ↔ (534157.5916, 4429605.6721)
        let text =
            #"{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4548"}},"features":[{"type":"Feature","properties":{},"geometry":{"type":"Point","coordinates":[534157.5916,4429605.6721]}}]}"#
        let project = try #require(try read(text).first).get()
        let c = try #require(project.project.footprint.pointCoordinate)
        #expect(abs(c.x - 117.4) < 1e-8 && abs(c.y - 40) < 1e-8)
        #expect(project.notes.contains { $0.en.contains("transformed from EPSG:4548") })
    }

    @Test("empty, null and collection geometries are refused; malformed features are reported and the rest read")
    func refusals() throws {
        #expect(try failure(#"{"type":"Feature","properties":{},"geometry":null}"#).contains("no geometry"))
        #expect(try failure(#"{"type":"Polygon","coordinates":[]}"#).contains("empty"))
        #expect(try failure(#"{"type":"GeometryCollection","geometries":[{"type":"Point","coordinates":[117,40]}]}"#).contains("GeometryCollection"))
        let mixed = try read(
            #"{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"id":"A"},"geometry":{"type":"Point","coordinates":[117,40]}},{"type":"Feature","properties":{"id":"B"},"geometry":{"type":"Polygon","coordinates":[[[117,40],[117.1,40],[117.1,40.1]]]}}]}"#
        )
        #expect(mixed.count == 2)
        #expect((try? mixed[0].get()) != nil)
        guard case let .failure(error) = mixed[1] else { Issue.record("feature 1 should fail"); return }
        #expect("\(error)".contains("feature 1 (id B)"))
    }

    @Test("category and attributes come from properties unless options override them; bad values are refused")
    func attributes() throws {
        let text =
            #"{"type":"Feature","properties":{"id":"P","name":"养殖场","category":"LV","action":"expand","discharges_to_water":true},"geometry":{"type":"Point","coordinates":[117,40]}}"#
        let fromProperties = try #require(try read(text, overrides: .init()).first).get()
        #expect(fromProperties.project.category == "LV")
        #expect(fromProperties.project.attributes.action == .expand)
        #expect(fromProperties.project.attributes.dischargesToWater == true)
        #expect(fromProperties.project.name == "养殖场")
        let overridden = try #require(try read(text, overrides: .init(category: "IG", dischargesToWater: false)).first).get()
        #expect(overridden.project.category == "IG")
        #expect(overridden.project.attributes.dischargesToWater == false)
        let bad = #"{"type":"Feature","properties":{"category":"LV","action":"demolish"},"geometry":{"type":"Point","coordinates":[117,40]}}"#
        #expect(try failure(bad).contains("use new, rebuild, expand or operate"))
        #expect(try read(#"{"type":"Point","coordinates":[117,40]}"#, overrides: .init()).first.map { (try? $0.get()) == nil } == true)
    }
}

@Suite("Data folder loading")
struct DatasetTests {
    @Test("an unknown kind or level is refused with the known ones listed")
    func unknownKindOrLevel() throws {
        #expect(throws: ScreeningError.self) { try ZoneKind(parsing: "red_line") }
        #expect("\(ScreeningError.unknownKind("red_line"))".contains("ecological_redline, nature_reserve"))
        #expect { try ZoneKind.waterSource.level(parsing: "3") } throws: { "\($0)".contains("known levels: 1, 2, quasi") }
        #expect(try ZoneKind.scenicArea.level(parsing: "national").code == "general")
    }

    @Test("duplicate ids, wrong levels and invalid zones are all reported with file and feature")
    func collectsProblems() throws {
        let zones = [
            TestZone(id: "A", kind: .waterSource, level: "1", ring: rectangle(117, 40, 117.01, 40.01)),
            TestZone(id: "A", kind: .waterSource, level: "2", ring: rectangle(117.1, 40, 117.11, 40.01)),
            TestZone(id: "C", kind: .waterSource, level: "4", ring: rectangle(117.2, 40, 117.21, 40.01)),
            TestZone(
                id: "D", kind: .waterSource, level: "1",
                ring: [Coordinate(117.3, 40), Coordinate(117.31, 40.01), Coordinate(117.31, 40), Coordinate(117.3, 40.01), Coordinate(117.3, 40)]),
        ]
        #expect {
            try makeDataset(zones)
        } throws: { error in
            guard case let ScreeningError.invalidData(problems) = error else { return false }
            let text = problems.map(\.description)
            return problems.count == 3
                && text.contains { $0.contains("feature 1 (id A)") && $0.contains("used twice") }
                && text.contains { $0.contains("unknown level \"4\"") }
                && text.contains { $0.contains("feature 3 (id D)") && $0.contains("Self-intersection") }
        }
    }

    @Test("a changed layer is caught by the checksum the catalog declares")
    func checksum() throws {
        let dataset = try makeDataset([TestZone(id: "A", kind: .waterSource, level: "1", ring: rectangle(117, 40, 117.01, 40.01))])
        let catalogURL = URL(fileURLWithPath: dataset.folder).appendingPathComponent("catalog.json")
        var catalog = try #require(JSONValue.parse(contentsOf: catalogURL.path).objectValue)
        var layers = try #require(catalog["layers"]?.arrayValue)
        var first = try #require(layers[0].objectValue)
        first["sha256"] = .string(String(repeating: "0", count: 64))
        layers[0] = .object(first)
        catalog["layers"] = .array(layers)
        try Data(JSONValue.object(catalog).prettyPrinted().utf8).write(to: catalogURL)
        #expect { try Dataset.load(folder: dataset.folder) } throws: { "\($0)".contains("SHA-256 is") }
        #expect(dataset.layers.allSatisfy { $0.sha256.count == 64 })
    }

    @Test("a ruleset with a misspelt condition key or a missing cell is refused with the path")
    func rulesetChecks() throws {
        var root = try #require(JSONValue.parse(contentsOf: defaultRulesetPath).objectValue)
        var cells = try #require(root["cells"]?.arrayValue)
        let removed = cells.removeLast()
        root["cells"] = .array(cells)
        #expect { try Ruleset.parse(.object(root), file: "r.json") } throws: { "\($0)".contains("has no cell for") }
        var cell = try #require(removed.objectValue)
        var clauses = try #require(cell["clauses"]?.arrayValue)
        var clause = try #require(clauses[0].objectValue)
        clause["whne"] = .object(JSONObject())
        clauses[0] = .object(clause)
        cell["clauses"] = .array(clauses)
        root["cells"] = .array(cells + [.object(cell)])
        #expect { try Ruleset.parse(.object(root), file: "r.json") } throws: { "\($0)".contains("whne: unknown member") }
    }
}

@Suite("Declared coordinate systems")
struct DeclaredCRSTests {
    // (117.4, 40) in EPSG:4527 (zone 39 with prefix), from cs2cs: 39534157.5916 E, 4429605.6721 N.
    static let prefixed = #"{"type":"Feature","properties":{"category":"IG"},"geometry":{"type":"Point","coordinates":[39534157.5916,4429605.6721]}}"#
    static let plain = #"{"type":"Feature","properties":{"category":"IG"},"geometry":{"type":"Point","coordinates":[534157.5916,4429605.6721]}}"#

    func read(_ text: String, crs: CRS) throws -> Result<SubmittedProject, ScreeningError>? {
        Submission.read(try GeoJSON.read(text), file: "in.geojson", crs: crs).first?.result
    }

    @Test("Gauss–Krüger coordinates with and without the zone prefix are read under the CRS that fits them")
    func fits() throws {
        for (text, code) in [(Self.prefixed, 4527), (Self.plain, 4548)] {
            let project = try #require(try read(text, crs: .epsg(code))).get()
            let c = try #require(project.project.footprint.pointCoordinate)
            #expect(abs(c.x - 117.4) < 1e-8 && abs(c.y - 40) < 1e-8)
        }
    }

    @Test("a missing or surplus zone prefix and the wrong zone are refused with the CRS that fits")
    func wrongZone() throws {
        func message(_ result: Result<SubmittedProject, ScreeningError>?) -> String {
            if case let .failure(error)? = result { return "\(error)" }
            return ""
        }
        #expect(message(try read(Self.plain, crs: .epsg(4527))).contains("EPSG:4548"))
        #expect(message(try read(Self.prefixed, crs: .epsg(4548))).contains("zone 39"))
        #expect(message(try read(Self.prefixed, crs: .epsg(4528))).contains("carry zone 39"))
    }
}

@Suite("The domain reads GDAL formats only through the reader it is given")
struct FeatureFileReaderTests {
    @Test("without GDAL's reader a Shapefile is refused with the reason, never read as GeoJSON")
    func noGDAL() throws {
        #expect {
            _ = try Submission.collection(atPath: "/tmp/parcels.shp", bytes: [0x00, 0x00, 0x27, 0x0A])
        } throws: { error in
            "\(error)".contains("/tmp/parcels.shp") && "\(error)".contains("reading this format needs GDAL")
        }
        #expect(NoVectorFiles().reads("/data/三区三线.gdb") && NoVectorFiles().reads("list.XLSX") && !NoVectorFiles().reads("zones.geojson"))
        #expect(NoVectorFiles.fileExtension("/a.b/c") == "" && NoVectorFiles.fileExtension("/a/.hidden") == "")
    }
}
