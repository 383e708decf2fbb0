import Testing

@testable import Geo

/// GEOS and PROJ failures come back as typed errors naming the operation and the library's own reason.
@Suite("GEOS and PROJ error paths")
struct ErrorPathTests {
    @Test("an overlay GEOS refuses (a self-intersecting input) is a GeoError.geos with GEOS's reason")
    func geosOverlay() throws {
        let bowtie = try Geometry(.polygon([[Coordinate(0, 0), Coordinate(1, 1), Coordinate(1, 0), Coordinate(0, 1), Coordinate(0, 0)]]))
        let square = try Geometry(.polygon([squareRing(0.2, 0.2, side: 0.5)]))
        #expect {
            _ = try bowtie.intersection(square)
        } throws: { error in
            guard case let GeoError.geos(operation, message) = error else { return false }
            return !operation.isEmpty && !message.isEmpty
        }
    }

    @Test("a coordinate PROJ cannot project is refused, not returned as infinity")
    func projOutOfDomain() throws {
        let transform = try CoordinateTransform(from: .cgcs2000, to: .epsg(4527))
        #expect(throws: GeoError.self) { try transform.transform(Coordinate(117.0, 91.0)) }
        #expect(throws: GeoError.self) { try transform.transform(Coordinate(.nan, 40.0)) }
        let good = try transform.transform(Coordinate(117.0, 40.0))
        #expect(good.x.isFinite && good.y.isFinite)
    }
}
