import Foundation
import Geo
import ScreeningTestSupport
import Testing

@testable import Reports
@testable import Screening

@Suite("Reports")
struct ReportTests {
    static let dataset: Dataset = {
        do {
            return try makeDataset([
                TestZone(id: "W1", kind: .waterSource, level: "1", ring: rectangle(117.00, 40.00, 117.02, 40.02)),
                TestZone(id: "U2", kind: .controlUnit, level: "key", ring: rectangle(116.95, 39.95, 117.10, 40.05)),
            ])
        } catch { fatalError("\(error)") }
    }()

    static func result() throws -> ScreeningResult {
        let screener = try Screener(dataset: dataset, ruleset: shippedRuleset)
        let footprint = try Geometry(.polygon([rectangle(117.015, 40.005, 117.025, 40.010)]))
        return try screener.screen(
            Project(id: "P-1", name: "养猪场", category: "LV", attributes: .init(dischargesToWater: true), footprint: footprint),
            on: reportDay)
    }

    static let reportDay = CalendarDay(iso: "2026-12-06") ?? .today()

    static let provenance = Provenance(toolVersion: "test", libraries: LibraryVersions.summary, inputFile: "in.geojson", inputSHA256: "abc")

    @Test("the English text report puts the verdict first, then findings with units, bases, provenance and the banner")
    func english() throws {
        let text = TextReport.render(try Self.result(), dataset: Self.dataset, ruleset: shippedRuleset, provenance: Self.provenance, language: .en)
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines[2] == "VERDICT: PROHIBITED")
        #expect(text.contains("ILLUSTRATIVE DATA"))
        #expect(text.contains("PROHIBITED — 测试区 W1 (W1; drinking-water source protection zone, level-1 protection zone)"))
        #expect(text.contains(" ha (") && text.contains("mu 亩") && text.contains("m²)"))
        #expect(text.contains("of the footprint"))
        #expect(text.contains("Legal bases"))
        #expect(text.contains("Provenance"))
        #expect(text.contains("ruleset \(shippedRuleset.version)"))
        let verdictLine = try #require(lines.firstIndex(of: "VERDICT: PROHIBITED"))
        let basesLine = try #require(lines.firstIndex(of: "Legal bases (as of 2026-12-06)"))
        let provenanceLine = try #require(lines.firstIndex(of: "Provenance"))
        #expect(verdictLine < basesLine && basesLine < provenanceLine)
    }

    @Test("a drinking-water zone 1 finding cites the Code's article, in force, beside the repealed Water Law article, in both languages")
    func codeArticleForZoneOne() throws {
        let english = TextReport.render(try Self.result(), dataset: Self.dataset, ruleset: shippedRuleset, provenance: Self.provenance, language: .en)
        let finding = try #require(english.split(separator: "\n").first { $0.hasPrefix("     basis: ") && $0.contains("eec-2026-art319") })
        #expect(finding.contains("wpcl-2017-art65 (repealed)"))
        let codeLine = try #require(english.split(separator: "\n").first { $0.hasPrefix("  [eec-2026-art319]") })
        #expect(codeLine.contains("Ecological Environment Code of the People's Republic of China, Art. 319 (zone 1"))
        #expect(codeLine.contains("in force from 2026-08-15; in force on 2026-12-06"))
        #expect(codeLine.contains("partly verified"))
        let waterLaw = try #require(english.split(separator: "\n").first { $0.hasPrefix("  [wpcl-2017-art65]") })
        #expect(
            waterLaw.contains(
                "repealed on 2026-12-06 (from 2026-08-15), replaced by Ecological Environment Code of the People's Republic of China Art. 319 [eec-2026-art319]"
            ))

        let chinese = TextReport.render(try Self.result(), dataset: Self.dataset, ruleset: shippedRuleset, provenance: Self.provenance, language: .zh)
        let codeLineZh = try #require(chinese.split(separator: "\n").first { $0.hasPrefix("  [eec-2026-art319]") })
        #expect(codeLineZh.contains("全国人民代表大会《中华人民共和国生态环境法典》第三百一十九条"))
        #expect(codeLineZh.contains("2026-08-15起施行；2026-12-06现行有效"))
        #expect(codeLineZh.contains("部分核实"))
        let waterLawZh = try #require(chinese.split(separator: "\n").first { $0.hasPrefix("  [wpcl-2017-art65]") })
        #expect(waterLawZh.contains("已废止（2026-08-15起），由中华人民共和国生态环境法典第三百一十九条取代"))
    }

    @Test("as of a day before the Code, the Water Law article is in force and the Code's is not yet")
    func beforeTheCode() throws {
        let screener = try Screener(dataset: Self.dataset, ruleset: shippedRuleset)
        let footprint = try Geometry(.polygon([rectangle(117.015, 40.005, 117.025, 40.010)]))
        let day = try #require(CalendarDay(iso: "2025-06-01"))
        let result = try screener.screen(Project(category: "LV", attributes: .init(dischargesToWater: true), footprint: footprint), on: day)
        let bases = Dictionary(uniqueKeysWithValues: result.bases.map { ($0.id, $0) })
        #expect(try #require(bases["wpcl-2017-art65"]).standing(on: day).state == .inForce)
        #expect(try #require(bases["eec-2026-art319"]).standing(on: day).state == .notYetInForce)
        #expect(try #require(bases["tj-2020-9"]).standing(on: day).state == .inForce)
        #expect(result.notes.contains { $0.en.hasPrefix("Screened as of 2025-06-01") })
    }

    @Test("the Chinese text report is in Chinese throughout its headings")
    func chinese() throws {
        let text = TextReport.render(try Self.result(), dataset: Self.dataset, ruleset: shippedRuleset, provenance: Self.provenance, language: .zh)
        #expect(text.contains("结论：禁止"))
        #expect(text.contains("示意数据"))
        #expect(text.contains("公顷（") && text.contains(" 亩，") && text.contains("平方米）"))
        #expect(text.contains("法律依据"))
        #expect(text.contains("溯源"))
        #expect(!text.contains("VERDICT"))
    }

    @Test("the JSON report has the schema, is byte-identical across runs, and its numbers match the result")
    func json() throws {
        let first = JSONReport.render(try Self.result(), dataset: Self.dataset, ruleset: shippedRuleset, provenance: Self.provenance)
        let second = JSONReport.render(try Self.result(), dataset: Self.dataset, ruleset: shippedRuleset, provenance: Self.provenance)
        #expect(first == second)
        let value = try JSONValue.parse(Array(first.utf8))
        let root = try #require(value.objectValue)
        #expect(root["schema"] == "redline-screening/2")
        #expect(root["verdict"] == "prohibited")
        let findings = try #require(root["findings"]?.arrayValue)
        let w1 = try #require(findings.first { $0.objectValue?["zone"]?.objectValue?["id"] == "W1" }?.objectValue)
        let expected = try Geometry(.polygon([rectangle(117.015, 40.005, 117.020, 40.010)])).geodesicArea()
        let reported = try #require(w1["overlap_area_m2"]?.doubleValue)
        #expect(abs(reported - expected) < 0.01)
        #expect(w1["relation"] == "partly_inside")
        #expect(root["disclaimer"] != .null)
        #expect(root["provenance"]?.objectValue?["dataset"]?.objectValue?["digest"]?.stringValue?.count == 64)
    }

    @Test("the GeoJSON report holds the footprint and one feature per finding")
    func geojson() throws {
        let result = try Self.result()
        let collection = try GeoJSON.read(GeoJSONReport.render(result))
        #expect(collection.features.count == 1 + result.findings.count)
        #expect(collection.features[0].properties?["role"] == "footprint")
        #expect(collection.features.dropFirst().allSatisfy { $0.properties?["zone_id"] != nil })
    }

    @Test("a map path holds no more detail than its pixels: a 60,000-vertex circle on a report map is drawn with far fewer vertices")
    func mapPathDetail() throws {
        let circle = (0...60_000).map { k -> Coordinate in
            let angle = 2 * Double.pi * Double(k % 60_000) / 60_000
            return Coordinate(117.05 + 0.05 * cos(angle), 40.05 + 0.05 * sin(angle))
        }
        let geometry = try Geometry(.polygon([circle]))
        let plane = try LocalPlane(around: [geometry])
        let map = try MapSVG(around: geometry, plane: plane, minimumSize: 10_000)
        let path = try map.pathData(geometry)
        let vertices = path.filter { $0 == "L" }.count + 1
        #expect(vertices < 2_000, "\(vertices) vertices")
        // Still drawn as a ring of many vertices, not collapsed.
        #expect(vertices > 40)
    }
}
