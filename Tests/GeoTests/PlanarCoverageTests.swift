import Testing

@testable import Geo

@Suite("Proving that overlaps do not overlap")
struct PlanarCoverageTests {
    func proven(_ shapes: [Shape]) throws -> Bool {
        try PlanarCoverage.provenDisjoint(shapes.map { try Geometry($0) })
    }

    @Test("neighbours sharing an edge vertex for vertex are proven disjoint, and their areas add up to GEOS's union")
    func adjacent() throws {
        let left = Shape.polygon([squareRing(0, 0, side: 1)])
        // The right square is written clockwise and starts elsewhere: orientation and start do not matter.
        let right = Shape.polygon([[.init(1, 0), .init(1, 1), .init(2, 1), .init(2, 0), .init(1, 0)]])
        #expect(try proven([left, right]))
        // The same pair in lon/lat near 117° E, 40° N: the union's geodesic area is the sum of the two.
        let a = try Geometry(.polygon([squareRing(0, 0, side: 1).map { Coordinate(117 + $0.x / 100, 40 + $0.y / 100) }]))
        let b = try Geometry(.polygon([squareRing(1, 0, side: 1).map { Coordinate(117 + $0.x / 100, 40 + $0.y / 100) }]))
        #expect(try PlanarCoverage.provenDisjoint([a, b]))
        let union = try Geometry.unaryUnion(of: [a, b])
        #expect(abs(try union.geodesicArea() - (try a.geodesicArea() + b.geodesicArea())) < 1e-6)
        // A square sitting in the hole of a frame is disjoint from it too.
        let frame = Shape.polygon([squareRing(-1, -1, side: 4), squareRing(0, 0, side: 2).reversed()])
        #expect(try proven([frame, .polygon([squareRing(0, 0, side: 2)])]))
    }

    @Test("overlapping, nested, duplicated or not exactly noded polygons are not proven")
    func notProven() throws {
        #expect(try !proven([.polygon([squareRing(0, 0, side: 1)]), .polygon([squareRing(0.5, 0.5, side: 1)])]))
        #expect(try !proven([.polygon([squareRing(0, 0, side: 4)]), .polygon([squareRing(1, 1, side: 1)])]))
        #expect(try !proven([.polygon([squareRing(0, 0, side: 1)]), .polygon([squareRing(0, 0, side: 1)])]))
        // The right neighbour has an extra vertex on the shared edge (a T-junction): the proof does not go through.
        let right = Shape.polygon([[.init(1, 0), .init(2, 0), .init(2, 1), .init(1, 1), .init(1, 0.5), .init(1, 0)]])
        #expect(try !proven([.polygon([squareRing(0, 0, side: 1)]), right]))
        // A frame whose hole is filled by a larger square overlaps it.
        let frame = Shape.polygon([squareRing(-1, -1, side: 4), squareRing(0, 0, side: 2).reversed()])
        #expect(try !proven([frame, .polygon([squareRing(-0.5, -0.5, side: 3)])]))
    }

    @Test("pieces of a road cut at a point are disjoint; pieces sharing a stretch are not proven")
    func lines() {
        let first = Shape.lineString([.init(0, 0), .init(1, 0), .init(1.5, 0.5)])
        let second = Shape.lineString([.init(1.5, 0.5), .init(3, 0.5)])
        #expect(PlanarCoverage.linesDisjoint([first, second]))
        let overlapping = Shape.lineString([.init(0.5, 0), .init(2, 0)])
        #expect(!PlanarCoverage.linesDisjoint([first, overlapping]))
        #expect(!PlanarCoverage.linesDisjoint([first, .polygon([squareRing(0, 0, side: 1)])]))
        // The same road twice (a zone listed twice), either way round, or two stretches sharing a segment.
        #expect(!PlanarCoverage.linesDisjoint([first, first]))
        #expect(!PlanarCoverage.linesDisjoint([first, .lineString([.init(1.5, 0.5), .init(1, 0), .init(0, 0)])]))
        #expect(!PlanarCoverage.linesDisjoint([first, .lineString([.init(1, 0), .init(1.5, 0.5), .init(2, 2)])]))
    }
}

@Suite("Proving that a layer of polygons tiles without overlaps")
struct CoverageProofTests {
    /// A 4 × 4 grid of 0.01° cells near 117° E, 40° N, each a polygon; cells share edges vertex for vertex.
    func grid(skipping skip: Set<Int> = []) throws -> [Geometry] {
        // Corners from one lattice, so that neighbours share bit-identical vertices.
        let xs = (0...4).map { 117 + Double($0) * 0.01 }, ys = (0...4).map { 40 + Double($0) * 0.01 }
        return try (0..<16).filter { !skip.contains($0) }.map { i in
            let (c, r) = (i % 4, i / 4)
            return try Geometry(
                .polygon([
                    [
                        .init(xs[c], ys[r]), .init(xs[c + 1], ys[r]), .init(xs[c + 1], ys[r + 1]),
                        .init(xs[c], ys[r + 1]), .init(xs[c], ys[r]),
                    ]
                ]))
        }
    }

    @Test("a grid of cells is proven disjoint, and its union's geodesic area is the sum of the cells'")
    func grids() throws {
        let cells = try grid()
        #expect(try PlanarCoverage.provenDisjoint(cells))
        let union = try Geometry.unaryUnion(of: cells)
        let summed = try cells.reduce(0) { $0 + (try $1.geodesicArea()) }
        #expect(abs(try union.geodesicArea() - summed) < 1e-3)
        // A grid with a hole where a cell is missing is still a set of disjoint cells.
        #expect(try PlanarCoverage.provenDisjoint(grid(skipping: [5]), maxFreeShare: 1))
    }

    @Test("an extra overlapping cell, a duplicated cell, a cell inside another and a T-junction are not proven")
    func notProven() throws {
        let cells = try grid()
        let overlapping = try Geometry(
            .polygon([
                [
                    .init(117.005, 40.005), .init(117.015, 40.005), .init(117.015, 40.015),
                    .init(117.005, 40.015), .init(117.005, 40.005),
                ]
            ]))
        #expect(try !PlanarCoverage.provenDisjoint(cells + [overlapping], maxFreeShare: 1))
        #expect(try !PlanarCoverage.provenDisjoint(cells + [cells[5]], maxFreeShare: 1))
        let inner = try Geometry(
            .polygon([
                [
                    .init(117.012, 40.012), .init(117.018, 40.012), .init(117.018, 40.018),
                    .init(117.012, 40.018), .init(117.012, 40.012),
                ]
            ]))
        #expect(try !PlanarCoverage.provenDisjoint(cells + [inner], maxFreeShare: 1))
        // Cell 0's right neighbour split into two cells: the shared edge is not noded the same on both sides.
        var split = try grid(skipping: [1])
        let (x1, x2, y1) = (117 + 0.01, 117 + 2 * 0.01, 40 + 0.01)
        split.append(try Geometry(.polygon([[.init(x1, 40), .init(x2, 40), .init(x2, 40.005), .init(x1, 40.005), .init(x1, 40)]])))
        split.append(try Geometry(.polygon([[.init(x1, 40.005), .init(x2, 40.005), .init(x2, y1), .init(x1, y1), .init(x1, 40.005)]])))
        #expect(try !PlanarCoverage.provenDisjoint(split, maxFreeShare: 1))
    }
}
