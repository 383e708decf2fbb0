import Geo
import ScreeningTestSupport
import Testing

@testable import Screening

@Suite("Screener measurements against hand-built answers")
struct ScreenerTests {
    // A level-1 water zone [117.00, 117.02] × [40.00, 40.02] and two overlapping red-line patches.
    static let zones = [
        TestZone(id: "W1", kind: .waterSource, level: "1", ring: rectangle(117.00, 40.00, 117.02, 40.02)),
        TestZone(id: "RL-A", kind: .ecologicalRedline, level: "water_conservation", ring: rectangle(117.10, 40.00, 117.13, 40.02)),
        TestZone(id: "RL-B", kind: .ecologicalRedline, level: "water_conservation", ring: rectangle(117.12, 40.00, 117.15, 40.02)),
        TestZone(id: "NR", kind: .natureReserve, level: "core", ring: rectangle(117.30, 40.00, 117.32, 40.02)),
    ]
    static let screener: Screener = {
        do { return try Screener(dataset: makeDataset(zones), ruleset: shippedRuleset) } catch { fatalError("\(error)") }
    }()

    func screen(_ category: String, _ shape: Shape, attributes: ProjectAttributes = .init(dischargesToWater: false)) throws -> ScreeningResult {
        try Self.screener.screen(Project(category: category, attributes: attributes, footprint: Geometry(shape)))
    }

    @Test("a footprint wholly inside a zone overlaps it by its own geodesic area (100 %)")
    func inside() throws {
        let ring = rectangle(117.005, 40.005, 117.010, 40.010)
        let result = try screen("LV", .polygon([ring]))
        let expected = try Geometry(.polygon([ring])).geodesicArea()
        let finding = try #require(result.findings.first { $0.zone.id == "W1" })
        #expect(finding.relation == .inside)
        #expect(finding.overlapArea?.squareMetres == expected)
        #expect(finding.overlapShare == 1)
        #expect(result.verdict == .prohibited)
        // 1 公顷 = 15 亩 = 10,000 m².
        #expect(abs((finding.overlapArea?.mu ?? 0) - expected * 15 / 10_000) < 1e-9)
    }

    @Test("a footprint half inside a zone overlaps it by the area of the inside half, computed on its own")
    func partlyInside() throws {
        // Footprint [117.015, 117.025] × [40.005, 40.010]: the part west of 117.02 lies in W1.
        let result = try screen("LV", .polygon([rectangle(117.015, 40.005, 117.025, 40.010)]))
        let insidePart = try Geometry(.polygon([rectangle(117.015, 40.005, 117.020, 40.010)])).geodesicArea()
        let whole = try Geometry(.polygon([rectangle(117.015, 40.005, 117.025, 40.010)])).geodesicArea()
        let finding = try #require(result.findings.first { $0.zone.id == "W1" })
        #expect(finding.relation == .partlyInside)
        let overlap = try #require(finding.overlapArea?.squareMetres)
        #expect(abs(overlap - insidePart) < 0.01)
        #expect(abs((finding.overlapShare ?? 0) - insidePart / whole) < 1e-9)
        #expect(abs(insidePart / whole - 0.5) < 1e-3)  // sanity: about half, by construction
    }

    @Test("overlapping zones of one kind are dissolved: the per-kind overlap is the union, not the sum")
    func dissolvedPerKind() throws {
        // Footprint [117.115, 117.135] × [40.005, 40.015] meets RL-A on [117.115, 117.13] and RL-B on [117.12, 117.135].
        let ring = rectangle(117.115, 40.005, 117.135, 40.015)
        let result = try screen("RE", .polygon([ring]))
        let perZone = result.findings.filter { $0.zone.kind == .ecologicalRedline }.compactMap { $0.overlapArea?.squareMetres }
        #expect(perZone.count == 2)
        let kind = try #require(result.kindOverlaps.first { $0.kind == .ecologicalRedline })
        let whole = try Geometry(.polygon([ring])).geodesicArea()
        // Both patches together cover the whole footprint once.
        #expect(abs((kind.overlapArea?.squareMetres ?? 0) - whole) < 0.01)
        #expect(kind.zones == 2)
        #expect(perZone.reduce(0, +) > whole * 1.2)  // the naive sum double-counts the shared strip
    }

    @Test("a line's overlap is its length inside the zone")
    func lineOverlap() throws {
        // An east–west road along 40.01°N from 117.01 to 117.03: the first half is in W1.
        let result = try screen("RD", .lineString([Coordinate(117.01, 40.01), Coordinate(117.03, 40.01)]))
        let expected = try Geodesic.cgcs2000.distance(from: Coordinate(117.01, 40.01), to: Coordinate(117.02, 40.01))
        let finding = try #require(result.findings.first { $0.zone.id == "W1" })
        #expect(finding.relation == .partlyInside)
        #expect(abs((finding.overlapLength ?? 0) - expected) < 0.01)
        #expect(result.isLinear)
    }

    @Test("a zone missed by 0.01° of longitude is flagged nearby at the geodesic distance, to the plane's scale error")
    func nearbyDistance() throws {
        // A livestock farm 0.005° east of W1's east edge: HJ/T 81 flags water-source zones within 500 m.
        let ring = rectangle(117.025, 40.008, 117.027, 40.010)
        let result = try screen("LV", .polygon([ring]))
        let expected = try Geodesic.cgcs2000.distance(from: Coordinate(117.02, 40.009), to: Coordinate(117.025, 40.009))
        let nearby = try #require(result.findings.first { $0.zone.id == "W1" })
        #expect(nearby.relation == .nearby)
        #expect(abs((nearby.distance ?? 0) - expected) < expected * 2e-4)
        #expect(nearby.proximity?.id == "lv-500m-water-source")
        // A flag, not a rule: the verdict does not change, and the zone is the nearest water source.
        #expect(result.verdict == .clear)
        #expect(result.nearest.first { $0.kind == .waterSource }?.zone.id == "W1")
    }

    @Test("a footprint that only shares a zone's boundary touches it and counts at most as conditional")
    func touches() throws {
        let result = try screen("LV", .polygon([rectangle(117.02, 40.005, 117.025, 40.010)]))
        let finding = try #require(result.findings.first { $0.zone.id == "W1" })
        #expect(finding.relation == .touches)
        #expect(finding.overlapArea?.squareMetres == 0)
        #expect(finding.rule?.outcome == .prohibited)
        #expect(finding.effectiveOutcome == .conditional)
        #expect(result.verdict == .conditional)
    }

    @Test("points: inside, on the boundary, and a MultiPoint partly inside")
    func points() throws {
        #expect(try screen("WS", .point(Coordinate(117.01, 40.01))).findings.first?.relation == .inside)
        #expect(try screen("LV", .point(Coordinate(117.02, 40.01))).findings.first { $0.zone.id == "W1" }?.relation == .touches)
        let multi = try screen("LV", .multiPoint([Coordinate(117.01, 40.01), Coordinate(117.05, 40.01)]))
        let finding = try #require(multi.findings.first { $0.zone.id == "W1" })
        #expect(finding.relation == .partlyInside)
        #expect(finding.pointsInside == 1)
    }

    @Test("a footprint outside every district is refused, not passed as clear")
    func outsideRegion() {
        #expect(throws: ScreeningError.self) { try screen("LV", .point(Coordinate(116.0, 40.0))) }
    }

    @Test("a footprint partly outside the districts is screened with a note on coverage")
    func partlyOutside() throws {
        // The district ends at 117.9°E; this footprint straddles it.
        let result = try screen("IG", .polygon([rectangle(117.89, 40.0, 117.91, 40.01)]))
        #expect(result.coverage > 0.45 && result.coverage < 0.55)
        #expect(result.notes.contains { $0.en.contains("of the footprint lies inside the districts") })
    }

    @Test("an unknown category lists the known ones")
    func unknownCategory() {
        #expect { try screen("XX", .point(Coordinate(117.01, 40.01))) } throws: { error in
            "\(error)".contains("unknown project category \"XX\"") && "\(error)".contains("LV")
        }
    }
}
