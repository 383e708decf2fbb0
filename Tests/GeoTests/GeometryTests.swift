import Testing

@testable import Geo

@Suite("Geometry values")
struct GeometryTests {
    @Test("a polygon with a hole keeps its rings and reports its kind, envelope and size")
    func polygonWithHole() throws {
        let shell = squareRing(0, 0, side: 10)
        let hole = [Coordinate(2, 2), Coordinate(2, 4), Coordinate(4, 4), Coordinate(4, 2), Coordinate(2, 2)]
        let polygon = try Geometry(.polygon([shell, hole]))
        #expect(polygon.kind == .polygon)
        #expect(polygon.numberOfPoints == 10)
        #expect(polygon.envelope == Envelope(minX: 0, minY: 0, maxX: 10, maxY: 10))
        #expect(try polygon.planarArea() == 96)
        #expect(polygon.shape == .polygon([shell, hole]))
    }

    @Test(
        "every kind is built from its shape and reads back the same coordinates",
        arguments: [
            Shape.point(Coordinate(117.4, 40)),
            .lineString([Coordinate(0, 0), Coordinate(1, 1), Coordinate(2, 0)]),
            .multiPoint([Coordinate(0, 0), Coordinate(5, 5)]),
            .multiLineString([[Coordinate(0, 0), Coordinate(1, 1)], [Coordinate(2, 2), Coordinate(3, 1)]]),
            .multiPolygon([squareRing(0, 0, side: 1), squareRing(3, 3, side: 2)].map { [$0] }),
            .geometryCollection([.point(Coordinate(1, 2)), .lineString([Coordinate(0, 0), Coordinate(1, 0)])]),
        ])
    func roundTripsShapes(shape: Shape) throws {
        let geometry = try Geometry(shape)
        #expect(geometry.kind == shape.kind)
        #expect(geometry.shape == shape)
    }

    @Test("an unclosed ring is refused with both ends named")
    func unclosedRing() throws {
        let open = [Coordinate(0, 0), Coordinate(1, 0), Coordinate(1, 1), Coordinate(0, 1)]
        #expect {
            try Geometry(.polygon([open]))
        } throws: { error in
            "\(error)".contains("ring 0 is not closed") && "\(error)".contains("[0.0, 0.0]") && "\(error)".contains("[0.0, 1.0]")
        }
    }

    @Test("a ring of three positions and a one-point line are refused")
    func tooFewPositions() {
        #expect(throws: GeoError.self) { try Geometry(.polygon([[Coordinate(0, 0), Coordinate(1, 0), Coordinate(0, 0)]])) }
        #expect(throws: GeoError.self) { try Geometry(.lineString([Coordinate(0, 0)])) }
    }

    @Test("a non-finite coordinate is refused")
    func nonFinite() {
        #expect(throws: GeoError.self) { try Geometry(.lineString([Coordinate(0, 0), Coordinate(.infinity, 1)])) }
    }

    @Test("WKT and WKB round trip to an exactly equal geometry")
    func wktAndWkb() throws {
        let text = "MULTIPOLYGON (((0 0, 10 0, 10 10, 0 10, 0 0), (2 2, 2 4, 4 4, 4 2, 2 2)), ((20 20, 21 20, 21 21, 20 20)))"
        let geometry = try Geometry(wkt: text)
        #expect(try geometry.wkt() == text)
        let fromBinary = try Geometry(wkb: geometry.wkb())
        #expect(try fromBinary.isExactlyEqual(to: geometry))
        #expect(try Geometry(wkt: "POINT (117.123456789 40.5)").wkt(precision: 3) == "POINT (117.123 40.5)")
    }

    @Test("unreadable WKT and WKB give GEOS's reason")
    func unreadableText() {
        #expect { try Geometry(wkt: "POLYGON ((0 0, 1 1") } throws: { error in
            guard case let GeoError.unreadable(format, message) = error else { return false }
            return format == "WKT" && !message.isEmpty
        }
        #expect(throws: GeoError.self) { try Geometry(wkb: [1, 2, 3]) }
    }

    @Test("members of a multi geometry come out as separate geometries")
    func members() throws {
        let multi = try Geometry(wkt: "MULTIPOINT ((1 2), (3 4))")
        let parts = try multi.members()
        #expect(parts.map(\.pointCoordinate) == [Coordinate(1, 2), Coordinate(3, 4)])
        #expect(throws: GeoError.self) { try multi.geometry(at: 2) }
    }

    @Test("empty geometries are empty and have no envelope")
    func empties() throws {
        let empty = try Geometry(.polygon([]))
        #expect(empty.isEmpty)
        #expect(empty.envelope == nil)
        #expect(try Geometry(wkt: "POINT (1 2)").isEmpty == false)
    }
}
