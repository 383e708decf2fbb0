import Testing

@testable import Geo

@Suite("Validity and repair")
struct ValidityTests {
    @Test("a bowtie is reported invalid at its self-intersection point and repaired into its two triangles")
    func bowtie() throws {
        // The bench's bad input: edges (117.40, 39.90)→(117.41, 39.91) and (117.41, 39.90)→(117.40, 39.91) cross at (117.405, 39.905).
        let bowtie = try Geometry(
            .polygon([
                [
                    Coordinate(117.4, 39.9), Coordinate(117.41, 39.91), Coordinate(117.41, 39.9),
                    Coordinate(117.4, 39.91), Coordinate(117.4, 39.9),
                ]
            ]))
        #expect(!bowtie.isValid)
        let report = try bowtie.validity()
        #expect(!report.isValid)
        #expect(report.reason == "Self-intersection")
        let location = try #require(report.location)
        #expect(close(location.x, 117.405, absolute: 1e-9))
        #expect(close(location.y, 39.905, absolute: 1e-9))

        let repaired = try bowtie.makeValid()
        #expect(repaired.isValid)
        #expect(try repaired.validity() == ValidityReport(isValid: true, reason: nil, location: nil))
        #expect(repaired.kind == .multiPolygon)
        #expect(repaired.numberOfGeometries == 2)
        // Two triangles of half of a quarter of the 0.01° square each: 2 × (0.01 × 0.005 / 2).
        #expect(close(try repaired.planarArea(), 0.00005, relative: 1e-9))
        // The caller's geometry is untouched: repair is a choice, not a side effect.
        #expect(!bowtie.isValid)
    }

    @Test("a hole outside its shell is reported with GEOS's reason")
    func holeOutsideShell() throws {
        let polygon = try Geometry(.polygon([squareRing(0, 0, side: 1), squareRing(5, 5, side: 1)]))
        let report = try polygon.validity()
        #expect(report.reason == "Hole lies outside shell")
        #expect(report.location != nil)
    }

    @Test("the linework method keeps the same area for the bowtie")
    func lineworkRepair() throws {
        let bowtie = try Geometry(wkt: "POLYGON ((0 0, 2 2, 2 0, 0 2, 0 0))")
        #expect(try bowtie.makeValid(method: .linework).planarArea() == 2)
        #expect(try bowtie.makeValid(method: .structure).planarArea() == 2)
    }
}
