import Foundation
import Geo
import Reports
import ScreeningTestSupport
import Testing

@testable import Screening

@Suite("Zone-area report, data check and version diff")
struct AreaCheckDiffTests {
    // A = [117.00, 117.02] × [40.00, 40.02], B = [117.01, 117.03] × [40.01, 40.03]; they overlap in a 0.01° square.
    // Geodesic areas from pyproj 3.7.2 (PROJ 9.5.1), Geod(ellps="GRS80").polygon_area_perimeter:
    static let areaA = 3_792_123.4388656616
    static let areaB = 3_791_576.576274872
    // The union written out by hand: (117,40) (117.02,40) (117.02,40.01) (117.03,40.01) (117.03,40.03) (117.01,40.03) (117.01,40.02) (117,40.02).
    static let areaUnion = 6_635_737.507621765

    @Test("two overlapping red-line squares: the sum counts the overlap twice, the dissolved area once")
    func overlappingSquares() throws {
        let dataset = try makeDataset(
            [
                TestZone(id: "A", kind: .ecologicalRedline, level: "biodiversity", ring: rectangle(117.00, 40.00, 117.02, 40.02)),
                TestZone(id: "B", kind: .ecologicalRedline, level: "biodiversity", ring: rectangle(117.01, 40.01, 117.03, 40.03)),
            ], district: rectangle(117.00, 40.00, 117.015, 40.03))
        let report = try AreaReporter.report(dataset)
        let level = try #require(report.groups.first { $0.kind == .ecologicalRedline && $0.level == "biodiversity" })
        #expect(level.zones == 2)
        #expect(abs(level.sumArea.squareMetres - (Self.areaA + Self.areaB)) < 0.01)
        #expect(abs(level.unionArea.squareMetres - Self.areaUnion) < 0.01)
        let all = try #require(report.groups.first { $0.kind == .ecologicalRedline && $0.level == "*" })
        #expect(abs(all.unionArea.squareMetres - Self.areaUnion) < 0.01)
        // 1 km² = 100 公顷 = 1,500 亩.
        #expect(abs(all.unionArea.mu - Self.areaUnion * 1500 / 1_000_000) < 1e-6)
        // The district is the western strip [117.00, 117.015]: it holds A's part of that strip and B's part north of 40.02.
        let district = try #require(report.districts.first)
        let inside = try Geometry(
            .polygon([
                [
                    Coordinate(117, 40), Coordinate(117.015, 40), Coordinate(117.015, 40.03), Coordinate(117.01, 40.03),
                    Coordinate(117.01, 40.02), Coordinate(117, 40.02), Coordinate(117, 40),
                ]
            ])
        ).geodesicArea()
        let row = try #require(district.groups.first { $0.kind == .ecologicalRedline && $0.level == "*" })
        #expect(abs(row.area.squareMetres - inside) < 0.01)
        #expect(abs(district.protectedShare - inside / district.area.squareMetres) < 1e-9)
        // Each rendering carries the figures.
        #expect(AreaReportRendering.csv(report).hasPrefix("\u{FEFF}scope,kind,level"))
        #expect(AreaReportRendering.markdown(report, language: .zh).contains("| 生态保护红线 |"))
        let json = try #require(JSONValue.parse(Array(AreaReportRendering.json(report).utf8)).objectValue)
        #expect(json["zone_area_report"]?.arrayValue?.count == report.groups.count)
    }

    @Test("a tiling of control units is reported without unions: levels and kind add up, and districts get their share")
    func controlUnitTiling() throws {
        // Four units of 0.01° × 0.01° in a 2 × 2 block, corners from one lattice so neighbours share their vertices.
        let xs = [117.0, 117.01, 117.02], ys = [40.0, 40.01, 40.02]
        let levels = ["priority", "key", "general", "general"]
        let zones = (0..<4).map { i in
            TestZone(
                id: "CU\(i)", kind: .controlUnit, level: levels[i],
                ring: rectangle(xs[i % 2], ys[i / 2], xs[i % 2 + 1], ys[i / 2 + 1]))
        }
        let dataset = try makeDataset(zones, district: rectangle(117.0, 40.0, 117.01, 40.02))
        let report = try AreaReporter.report(dataset)
        let cells = try zones.map { try Geometry(.polygon([$0.ring])).geodesicArea() }
        let all = try #require(report.groups.first { $0.kind == .controlUnit && $0.level == "*" })
        #expect(all.zones == 4)
        #expect(abs(all.unionArea.squareMetres - cells.reduce(0, +)) < 1e-6)
        // GEOS's union of the four, measured on its own, agrees.
        let union = try Geometry.unaryUnion(of: zones.map { try Geometry(.polygon([$0.ring])) })
        #expect(abs(all.unionArea.squareMetres - (try union.geodesicArea())) < 0.01)
        let general = try #require(report.groups.first { $0.kind == .controlUnit && $0.level == "general" })
        #expect(abs(general.unionArea.squareMetres - (cells[2] + cells[3])) < 1e-6)
        // The district is the western column: units 0 and 2.
        let row = try #require(report.districts.first?.groups.first { $0.kind == .controlUnit && $0.level == "*" })
        #expect(abs(row.area.squareMetres - (cells[0] + cells[2])) < 0.01)
        #expect(report.matrixKinds.contains(.controlUnit))
    }

    @Test("nested levels, a copied zone and a zone whose envelope overlaps without touching are dissolved as GEOS would")
    func nestedCopiedAndApart() throws {
        // Water-source levels drawn as full nested squares from one corner (their union gains nodes on the outer
        // square's edges, which changes its geodesic area by 164 m² (pyproj)), a level-1 square well inside, level 2 twice (a
        // copy), and an L-shaped quasi zone whose envelope overlaps the quasi square while the shapes stay 0.01° apart.
        let ell = [
            Coordinate(117.02, 40.05), Coordinate(117.06, 40.05), Coordinate(117.06, 40.00), Coordinate(117.05, 40.00),
            Coordinate(117.05, 40.04), Coordinate(117.02, 40.04), Coordinate(117.02, 40.05),
        ]
        let zones = [
            TestZone(id: "W1", kind: .waterSource, level: "1", ring: rectangle(117.00, 40.00, 117.01, 40.01)),
            TestZone(id: "W1inside", kind: .waterSource, level: "1", ring: rectangle(117.012, 40.012, 117.014, 40.014)),
            TestZone(id: "W2", kind: .waterSource, level: "2", ring: rectangle(117.00, 40.00, 117.02, 40.02)),
            TestZone(id: "W2copy", kind: .waterSource, level: "2", ring: rectangle(117.00, 40.00, 117.02, 40.02)),
            TestZone(id: "WQ", kind: .waterSource, level: "quasi", ring: rectangle(117.00, 40.00, 117.03, 40.03)),
            TestZone(id: "WL", kind: .waterSource, level: "quasi", ring: ell),
        ]
        let report = try AreaReporter.report(try makeDataset(zones))
        let area = try zones.map { try Geometry(.polygon([$0.ring])).geodesicArea() }
        func group(_ level: String) throws -> AreaGroup {
            try #require(report.groups.first { $0.kind == .waterSource && $0.level == level })
        }
        #expect(abs(try group("1").unionArea.squareMetres - (area[0] + area[1])) < 1e-6)
        #expect(abs(try group("2").sumArea.squareMetres - 2 * area[2]) < 1e-6)
        #expect(abs(try group("2").unionArea.squareMetres - area[2]) < 1e-6)
        #expect(abs(try group("quasi").unionArea.squareMetres - (area[4] + area[5])) < 1e-6)
        // GEOS's union of all six, measured on its own, agrees; the quasi square alone does not.
        let union = try Geometry.unaryUnion(of: zones.map { try Geometry(.polygon([$0.ring])) })
        #expect(abs(try group("*").unionArea.squareMetres - (try union.geodesicArea())) < 0.01)
        #expect(abs(try group("*").unionArea.squareMetres - (area[4] + area[5])) > 1)
    }

    @Test("the overlap matrix between kinds holds the shared area")
    func matrix() throws {
        let dataset = try makeDataset([
            TestZone(id: "RL", kind: .ecologicalRedline, level: "biodiversity", ring: rectangle(117.00, 40.00, 117.02, 40.02)),
            TestZone(id: "NR", kind: .natureReserve, level: "core", ring: rectangle(117.01, 40.01, 117.03, 40.03)),
        ])
        let report = try AreaReporter.report(dataset)
        let shared = try Geometry(.polygon([rectangle(117.01, 40.01, 117.02, 40.02)])).geodesicArea()
        let i = try #require(report.matrixKinds.firstIndex(of: .ecologicalRedline)), j = try #require(report.matrixKinds.firstIndex(of: .natureReserve))
        #expect(abs(report.overlap[i][j].squareMetres - shared) < 0.01)
        #expect(abs(report.overlap[i][i].squareMetres - Self.areaA) < 0.01)
    }

    @Test("the overlap matrix reads a 12,000-vertex zone through its cells and agrees with GEOS's intersection of the whole")
    func matrixThroughCells() throws {
        // A red-line disc of 12,000 vertices (cut into cells) and reserve squares inside it, across its edge and outside.
        let disc = (0...12_000).map { k -> Coordinate in
            let angle = 2 * Double.pi * Double(k % 12_000) / 12_000
            return Coordinate(117.05 + 0.04 * cos(angle), 40.05 + 0.04 * sin(angle))
        }
        let squares = [
            rectangle(117.04, 40.04, 117.05, 40.05), rectangle(117.085, 40.045, 117.095, 40.055),
            rectangle(117.10, 40.10, 117.11, 40.11), rectangle(117.02, 40.01, 117.03, 40.02),
        ]
        var zones = [TestZone(id: "RL", kind: .ecologicalRedline, level: "biodiversity", ring: disc)]
        zones += squares.enumerated().map { TestZone(id: "NR\($0.offset)", kind: .natureReserve, level: "core", ring: $0.element) }
        let report = try AreaReporter.report(try makeDataset(zones))
        let whole = try Geometry(.polygon([disc]))
        #expect(whole.numberOfPoints > AreaReporter.cutVertices)
        let expected = try squares.reduce(0.0) { $0 + (try whole.intersection(Geometry(.polygon([$1]))).geodesicArea()) }
        let i = try #require(report.matrixKinds.firstIndex(of: .ecologicalRedline)), j = try #require(report.matrixKinds.firstIndex(of: .natureReserve))
        #expect(expected > 1e6)
        #expect(abs(report.overlap[i][j].squareMetres - expected) <= expected * 1e-12)
    }

    @Test("a control-unit tiling with a planted gap and a planted overlap reports both, with their areas and places")
    func tilingGapAndOverlap() throws {
        // District [117.00, 117.04] × [40.00, 40.02]; U1 ends at 117.02, U2 starts at 117.019 (overlap strip), U2 ends at 117.03,
        // U3 starts at 117.031 (gap strip).
        let dataset = try makeDataset(
            [
                TestZone(id: "U1", kind: .controlUnit, level: "priority", ring: rectangle(117.000, 40.00, 117.020, 40.02)),
                TestZone(id: "U2", kind: .controlUnit, level: "key", ring: rectangle(117.019, 40.00, 117.030, 40.02)),
                TestZone(id: "U3", kind: .controlUnit, level: "general", ring: rectangle(117.031, 40.00, 117.040, 40.02)),
            ], district: rectangle(117.00, 40.00, 117.04, 40.02))
        let problems = try DatasetCheck.run(DatasetReader.read(dataset.folder))
        let overlap = try #require(problems.first { $0.code == "overlap" })
        let gap = try #require(problems.first { $0.code == "gap" })
        #expect(overlap.severity == .error && gap.severity == .error)
        let overlapArea = try Geometry(.polygon([rectangle(117.019, 40.00, 117.020, 40.02)])).geodesicArea()
        let gapArea = try Geometry(.polygon([rectangle(117.030, 40.00, 117.031, 40.02)])).geodesicArea()
        #expect(overlap.message.contains(String(format: "%.1f m²", overlapArea)))
        #expect(gap.message.contains(String(format: "%.1f m²", gapArea)))
        let gapPlace = try #require(gap.location)
        #expect(gapPlace.x > 117.030 && gapPlace.x < 117.031)
        #expect(problems.filter { $0.severity == .error }.count == 2)

        // --fix: the overlap is removed from the later unit, the gap is logged for the data owner, the original is untouched.
        let before = try Data(contentsOf: URL(fileURLWithPath: dataset.folder).appendingPathComponent("layers/control_unit.geojson"))
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("redline-fix-\(UUID().uuidString)").path
        let log = try DatasetRepair.write(try DatasetReader.read(dataset.folder), problems: problems, from: dataset.folder, to: out)
        #expect(
            log.contains { $0.zoneID == "U2" && $0.action.contains("overlap with earlier control units removed: \(String(format: "%.1f", overlapArea)) m²") })
        #expect(!log.contains { $0.zoneID == "U1" || $0.zoneID == "U3" })
        #expect(log.contains { $0.action.contains("not repaired") && $0.action.contains("gap") })
        let after = try Data(contentsOf: URL(fileURLWithPath: dataset.folder).appendingPathComponent("layers/control_unit.geojson"))
        #expect(before == after)
        let repaired = try DatasetCheck.run(DatasetReader.read(out))
        #expect(!repaired.contains { $0.code == "overlap" || $0.code == "checksum" })
        #expect(repaired.contains { $0.code == "gap" })
        #expect(FileManager.default.fileExists(atPath: out + "/fix-log.txt"))
        #expect(throws: ScreeningError.self) {
            try DatasetRepair.write(try DatasetReader.read(dataset.folder), problems: problems, from: dataset.folder, to: dataset.folder + "/inside")
        }
    }

    @Test("a diff in which a known strip was cut from the red line reports that strip as lost and fails the red-line test")
    func diffRemovedPiece() throws {
        let old = try makeDataset([
            TestZone(id: "RL-1", kind: .ecologicalRedline, level: "water_conservation", ring: rectangle(117.00, 40.00, 117.02, 40.02)),
            TestZone(id: "W-1", kind: .waterSource, level: "1", ring: rectangle(117.10, 40.00, 117.11, 40.01)),
        ])
        let new = try makeDataset([
            TestZone(id: "RL-1", kind: .ecologicalRedline, level: "water_conservation", ring: rectangle(117.00, 40.00, 117.015, 40.02)),
            TestZone(id: "W-2", kind: .waterSource, level: "1", ring: rectangle(117.20, 40.00, 117.21, 40.01)),
        ])
        let diff = try DatasetDiffer.diff(old: old, new: new)
        let strip = try Geometry(.polygon([rectangle(117.015, 40.00, 117.02, 40.02)])).geodesicArea()
        let zone = try #require(diff.zones.first { $0.id == "RL-1" })
        #expect(zone.status == .changed)
        #expect(abs(zone.lost.squareMetres - strip) < 0.01)
        #expect(zone.gained.squareMetres < 0.01)
        let kind = try #require(diff.kinds.first { $0.kind == .ecologicalRedline })
        #expect(abs(kind.lost.squareMetres - strip) < 0.01)
        #expect(diff.redLineDecreased)
        #expect(abs(diff.redLineNet + strip) < 0.05)
        #expect(diff.zones.first { $0.id == "W-1" }?.status == .removed)
        #expect(diff.zones.first { $0.id == "W-2" }?.status == .added)
        #expect(DataReports.diffText(diff, old: "old", new: "new", language: .en).contains("FAIL: the ecological red line decreased"))
        let pieces = try GeoJSON.read(DataReports.diffGeoJSON(diff))
        #expect(pieces.features.contains { $0.properties?["change"] == "lost" && $0.properties?["kind"] == "ecological_redline" })
        // The other way round the red line grew: the test passes.
        #expect(try !DatasetDiffer.diff(old: new, new: old).redLineDecreased)
    }

    @Test("a kind's gained and lost ground counts only what no other zone held, unchanged zones included")
    func diffAgainstUnchangedNeighbours() throws {
        // A stays; B grows east from 117.03 to 117.04 (its old part overlapped A); C, inside A, is removed (A still holds
        // it, so nothing is lost); D is new and apart.
        let a = TestZone(id: "A", kind: .ecologicalRedline, level: "biodiversity", ring: rectangle(117.00, 40.00, 117.02, 40.02))
        let old = try makeDataset([
            a,
            TestZone(id: "B", kind: .ecologicalRedline, level: "biodiversity", ring: rectangle(117.01, 40.00, 117.03, 40.02)),
            TestZone(id: "C", kind: .ecologicalRedline, level: "biodiversity", ring: rectangle(117.005, 40.005, 117.008, 40.008)),
        ])
        let new = try makeDataset([
            a,
            TestZone(id: "B", kind: .ecologicalRedline, level: "biodiversity", ring: rectangle(117.01, 40.00, 117.04, 40.02)),
            TestZone(id: "D", kind: .ecologicalRedline, level: "biodiversity", ring: rectangle(117.10, 40.00, 117.11, 40.01)),
        ])
        let diff = try DatasetDiffer.diff(old: old, new: new)
        let kind = try #require(diff.kinds.first { $0.kind == .ecologicalRedline })
        let grown = try Geometry(.polygon([rectangle(117.03, 40.00, 117.04, 40.02)])).geodesicArea()
        let added = try Geometry(.polygon([rectangle(117.10, 40.00, 117.11, 40.01)])).geodesicArea()
        #expect(abs(kind.gained.squareMetres - (grown + added)) < 0.01)
        #expect(kind.lost.squareMetres < 0.01)
        #expect(abs(kind.net - (grown + added)) < 0.05)
        #expect(diff.zones.first { $0.id == "A" }?.status == .unchanged)
        #expect(diff.zones.first { $0.id == "C" }?.status == .removed)
        #expect(!diff.redLineDecreased)
    }
}
