import Testing
@testable import Geo

@Suite("Proving that overlaps do not overlap")
struct PlanarCoverageTests {
    func square(_ x: Double, _ y: Double, _ side: Double) -> [Coordinate] {
        [.init(x, y), .init(x + side, y), .init(x + side, y + side), .init(x, y + side), .init(x, y)]
    }

    @Test("neighbours sharing an edge vertex for vertex are proven disjoint, and their areas add up to GEOS's union")
    func adjacent() throws {
        let left = Shape.polygon([square(0, 0, 1)])
        // The right square is written clockwise and starts elsewhere: orientation and start do not matter.
        let right = Shape.polygon([[.init(1, 0), .init(1, 1), .init(2, 1), .init(2, 0), .init(1, 0)]])
        #expect(PlanarCoverage.interiorsDisjoint([left, right]))
        // The same pair in lon/lat near 117° E, 40° N: the union's geodesic area is the sum of the two.
        let a = try Geometry(.polygon([square(0, 0, 1).map { Coordinate(117 + $0.x / 100, 40 + $0.y / 100) }]))
        let b = try Geometry(.polygon([square(1, 0, 1).map { Coordinate(117 + $0.x / 100, 40 + $0.y / 100) }]))
        #expect(PlanarCoverage.interiorsDisjoint([a.shape, b.shape]))
        let union = try Geometry.unaryUnion(of: [a, b])
        #expect(abs(try union.geodesicArea() - (try a.geodesicArea() + b.geodesicArea())) < 1e-6)
        // A square sitting in the hole of a frame is disjoint from it too.
        let frame = Shape.polygon([square(-1, -1, 4), square(0, 0, 2).reversed()])
        #expect(PlanarCoverage.interiorsDisjoint([frame, .polygon([square(0, 0, 2)])]))
    }

    @Test("overlapping, nested, duplicated or not exactly noded polygons are not proven")
    func notProven() {
        #expect(!PlanarCoverage.interiorsDisjoint([.polygon([square(0, 0, 1)]), .polygon([square(0.5, 0.5, 1)])]))
        #expect(!PlanarCoverage.interiorsDisjoint([.polygon([square(0, 0, 4)]), .polygon([square(1, 1, 1)])]))
        #expect(!PlanarCoverage.interiorsDisjoint([.polygon([square(0, 0, 1)]), .polygon([square(0, 0, 1)])]))
        // The right neighbour has an extra vertex on the shared edge (a T-junction): the proof does not go through.
        let right = Shape.polygon([[.init(1, 0), .init(2, 0), .init(2, 1), .init(1, 1), .init(1, 0.5), .init(1, 0)]])
        #expect(!PlanarCoverage.interiorsDisjoint([.polygon([square(0, 0, 1)]), right]))
        // A frame whose hole is filled by a larger square overlaps it.
        let frame = Shape.polygon([square(-1, -1, 4), square(0, 0, 2).reversed()])
        #expect(!PlanarCoverage.interiorsDisjoint([frame, .polygon([square(-0.5, -0.5, 3)])]))
    }

    @Test("pieces of a road cut at a point are disjoint; pieces sharing a stretch are not proven")
    func lines() {
        let first = Shape.lineString([.init(0, 0), .init(1, 0), .init(1.5, 0.5)])
        let second = Shape.lineString([.init(1.5, 0.5), .init(3, 0.5)])
        #expect(PlanarCoverage.linesDisjoint([first, second]))
        let overlapping = Shape.lineString([.init(0.5, 0), .init(2, 0)])
        #expect(!PlanarCoverage.linesDisjoint([first, overlapping]))
        #expect(!PlanarCoverage.linesDisjoint([first, .polygon([square(0, 0, 1)])]))
    }
}
