import Testing

@testable import Geo

@Suite("Predicates and set operations")
struct OverlayTests {
    let a: Geometry
    let b: Geometry
    let farAway: Geometry
    let touching: Geometry

    init() throws {
        a = try square(0, 0, side: 2)  // [0,2]²
        b = try square(1, 1, side: 2)  // [1,3]², overlaps a in [1,2]²
        farAway = try square(10, 10, side: 1)
        touching = try square(2, 0, side: 1)  // shares the edge x = 2 with a
    }

    @Test("predicates agree with the DE-9IM relations of known squares")
    func predicates() throws {
        #expect(try a.intersects(b))
        #expect(try !a.intersects(farAway))
        #expect(try a.isDisjoint(from: farAway))
        #expect(try a.touches(touching))
        #expect(try a.intersects(touching))
        #expect(try !a.contains(b))
        let inner = try square(0.5, 0.5, side: 0.5)
        #expect(try a.contains(inner))
        #expect(try a.covers(inner))
        #expect(try inner.isWithin(a))
        #expect(try inner.isCovered(by: a))
        // A point on the boundary is covered but not contained.
        let corner = try Geometry.point(0, 0)
        #expect(try a.covers(corner))
        #expect(try !a.contains(corner))
        #expect(try a.relate(b) == "212101212")
    }

    @Test("prepared predicates give the same answers as plain ones")
    func preparedAgree() throws {
        let prepared = try PreparedGeometry(a)
        for other in [b, farAway, touching, try Geometry.point(0, 0), try Geometry.point(1, 1)] {
            #expect(try prepared.intersects(other) == a.intersects(other))
            #expect(try prepared.contains(other) == a.contains(other))
            #expect(try prepared.covers(other) == a.covers(other))
            #expect(try prepared.touches(other) == a.touches(other))
            #expect(try prepared.isDisjoint(from: other) == a.isDisjoint(from: other))
            #expect(try prepared.isWithin(other) == a.isWithin(other))
        }
        #expect(try prepared.planarDistance(to: farAway) == (8.0 * 8.0 * 2).squareRoot())
        #expect(try prepared.isWithinPlanarDistance(11.4, of: farAway))
        #expect(try !prepared.isWithinPlanarDistance(11.3, of: farAway))
    }

    @Test("intersection, union, difference and symmetric difference have the areas of the known overlap")
    func setOperations() throws {
        #expect(try a.intersection(b).planarArea() == 1)
        #expect(try a.union(b).planarArea() == 7)
        #expect(try a.difference(b).planarArea() == 3)
        #expect(try a.symmetricDifference(b).planarArea() == 6)
        #expect(try a.intersection(farAway).isEmpty)
    }

    @Test("a unary union of many overlapping squares counts the overlaps once")
    func unaryUnion() throws {
        // Five unit squares in a row, each overlapping the next by half: union covers [0, 3] × [0, 1].
        let squares = try (0..<5).map { try square(Double($0) * 0.5, 0, side: 1) }
        let union = try Geometry.unaryUnion(of: squares)
        #expect(close(try union.planarArea(), 3, absolute: 1e-12))
        #expect(try Geometry.unaryUnion(of: []).isEmpty)
    }

    @Test("envelope, buffer in coordinate units and extracting the polygonal part")
    func derived() throws {
        let line = try Geometry(.lineString([Coordinate(0, 0), Coordinate(4, 3)]))
        #expect(try line.envelopeGeometry().planarArea() == 12)
        let buffered = try Geometry.point(0, 0).planarBuffer(1, quadrantSegments: 64)
        #expect(close(try buffered.planarArea(), Double.pi, relative: 1e-3))
        let mixed = try Geometry(wkt: "GEOMETRYCOLLECTION (POINT (5 5), LINESTRING (0 0, 1 1), POLYGON ((0 0, 1 0, 1 1, 0 0)))")
        let polygons = try mixed.extracting(dimension: 2)
        #expect(polygons.kind == .multiPolygon)
        #expect(try polygons.planarArea() == 0.5)
        #expect(try mixed.extracting(dimension: 0).numberOfGeometries == 1)
    }
}
