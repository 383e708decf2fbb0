import Foundation
import Testing

@testable import Geo

@Suite("Flat linework: distances and clear relations against GEOS")
struct PlanarLineworkTests {
    /// A star-shaped polygon of `corners` corners around (cx, cy) with radii in `radius`, optionally with a hole that
    /// stays inside the smallest radius (so the polygon is valid).
    func star(_ random: inout SeededRandom, cx: Double, cy: Double, radius: ClosedRange<Double>, corners: Int, hole: Bool) -> Shape {
        func ring(scale: Double, clockwise: Bool) -> [Coordinate] {
            var ring = (0..<corners).map { i -> Coordinate in
                let angle = Double(i) / Double(corners) * 2 * .pi * (clockwise ? -1 : 1)
                let r = Double.random(in: radius, using: &random) * scale
                return Coordinate(cx + r * cos(angle), cy + r * sin(angle))
            }
            ring.append(ring[0])
            return ring
        }
        return .polygon(
            hole
                ? [ring(scale: 1, clockwise: false), ring(scale: 0.9 * radius.lowerBound / radius.upperBound, clockwise: true)]
                : [ring(scale: 1, clockwise: false)])
    }

    /// Random small footprints in [0, 100]²: polygons (some with holes), lines and points.
    func footprints(seed: UInt64, count: Int) -> [Shape] {
        var random = SeededRandom(seed: seed)
        return (0..<count).map { i in
            let x = Double.random(in: 0...100, using: &random), y = Double.random(in: 0...100, using: &random)
            switch i % 3 {
            case 0: return star(&random, cx: x, cy: y, radius: 1...6, corners: .random(in: 4...14, using: &random), hole: i % 2 == 0)
            case 1:
                return .lineString(
                    (0..<Int.random(in: 2...40, using: &random)).map { k in
                        Coordinate(x + Double(k) * 0.7, y + .random(in: -2...2, using: &random))
                    })
            default: return .point(Coordinate(x, y))
            }
        }
    }

    /// A holed star zone around (50, 50) as a shape, a GEOS geometry and flat linework in runs of 32 segments.
    func zone(seed: UInt64, radius: ClosedRange<Double>, corners: Int) throws -> (Shape, Geometry, PlanarLinework) {
        var random = SeededRandom(seed: seed)
        let shape = star(&random, cx: 50, cy: 50, radius: radius, corners: corners, hole: true)
        return (shape, try Geometry(shape), PlanarLinework(boundaryOf: shape, maxSegments: 32))
    }

    @Test("shortest distances equal GEOS's to 1e-9, and the cut-off only ever hides larger distances")
    func distancesMatchGEOS() throws {
        let (zone, zoneGeometry, zoneLines) = try self.zone(seed: 21, radius: 20...40, corners: 300)
        let zoneBoundary = try Geometry(.multiLineString({ if case let .polygon(rings) = zone { return rings } else { return [] } }()))
        var compared = 0
        for shape in footprints(seed: 5, count: 300) {
            let footprint = try Geometry(shape)
            let lines = PlanarLinework(boundaryOf: shape, maxSegments: 8)
            let expected = try zoneBoundary.planarDistance(to: footprint)
            let found = zoneLines.distance(runs: 0..<zoneLines.runs.count, to: lines, cutoff: .infinity)
            #expect(abs(found - expected) <= 1e-9, "\(shape)")
            // With a cut-off below the distance the answer is only "more than the cut-off".
            #expect(zoneLines.distance(runs: 0..<zoneLines.runs.count, to: lines, cutoff: expected * 0.5) > expected * 0.5 || expected == 0)
            if try !zoneGeometry.intersects(footprint) { compared += 1 }
        }
        #expect(compared > 50)  // many footprints lie clear of the zone, so real distances were compared
    }

    @Test("clear relations agree with GEOS intersects and covers; touching boundaries are left to GEOS")
    func relationsMatchGEOS() throws {
        let (_, zoneGeometry, zoneLines) = try zone(seed: 8, radius: 25...40, corners: 200)
        var decided = 0, covered = 0, outside = 0
        for shape in footprints(seed: 13, count: 600) {
            let footprint = try Geometry(shape)
            guard
                let clear = PlanarRelation.relate(
                    PlanarLinework(boundaryOf: shape, maxSegments: 8), isPolygonal: footprint.kind.isPolygonal,
                    to: zoneLines, runs: 0..<zoneLines.runs.count, starts: zoneLines.starts[...])
            else { continue }
            decided += 1
            #expect(clear.intersects == (try zoneGeometry.intersects(footprint)), "\(shape)")
            #expect(clear.covered == (try zoneGeometry.covers(footprint)), "\(shape)")
            if clear.covered { covered += 1 }
            if !clear.intersects { outside += 1 }
        }
        #expect(decided > 300 && covered > 30 && outside > 30)

        // A square inside the zone's hole-free part, sharing one edge with a square zone: GEOS must decide.
        let square = PlanarLinework(boundaryOf: .polygon([[.init(0, 0), .init(10, 0), .init(10, 10), .init(0, 10), .init(0, 0)]]), maxSegments: 32)
        let touching = PlanarLinework(boundaryOf: .polygon([[.init(0, 0), .init(5, 0), .init(5, 5), .init(0, 5), .init(0, 0)]]), maxSegments: 8)
        #expect(PlanarRelation.relate(touching, isPolygonal: true, to: square, runs: 0..<square.runs.count, starts: square.starts[...]) == nil)
        // A zone lying inside a footprint's hole is outside the footprint; one inside the footprint itself meets it.
        let ring = PlanarLinework(
            boundaryOf: .polygon([
                [.init(-20, -20), .init(30, -20), .init(30, 30), .init(-20, 30), .init(-20, -20)],
                [.init(-1, -1), .init(-1, 11), .init(11, 11), .init(11, -1), .init(-1, -1)],
            ]), maxSegments: 8)
        let inHole = PlanarRelation.relate(ring, isPolygonal: true, to: square, runs: 0..<square.runs.count, starts: square.starts[...])
        #expect(inHole.map { !$0.intersects && !$0.covered } == true)
        let solid = PlanarLinework(boundaryOf: .polygon([[.init(-20, -20), .init(30, -20), .init(30, 30), .init(-20, 30), .init(-20, -20)]]), maxSegments: 8)
        let holding = PlanarRelation.relate(solid, isPolygonal: true, to: square, runs: 0..<square.runs.count, starts: square.starts[...])
        #expect(holding.map { $0.intersects && !$0.covered } == true)
    }

    @Test("projected linework keeps its runs and moves every point")
    func transformedLinework() throws {
        let lonLat = PlanarLinework(boundaryOf: .lineString([.init(117.0, 39.9), .init(117.01, 39.9), .init(117.02, 39.91)]), maxSegments: 1)
        let plane = try LocalPlane(longitude: 117.0)
        let projected = try lonLat.transformed(by: plane.forward)
        #expect(projected.runs.count == 2)
        // On the central meridian the easting is the false easting; 0.01° of longitude at 39.9° N is 855.17 m (N cos φ · π/180 · 0.01 with N = 6,386,937 m; cs2cs gives easting 500855.1829).
        #expect(abs(projected.starts[0].x - 500_000) < 1e-6)
        let east = projected.runs[0].envelope.maxX - projected.runs[0].envelope.minX
        #expect(abs(east - 855.17) < 0.05)
    }
}

@Suite("Flat linework: where a segment crosses rings")
struct PlanarClippingTests {
    let square = PlanarLinework(boundaryOf: .polygon([[.init(0, 0), .init(10, 0), .init(10, 10), .init(0, 10), .init(0, 0)]]), maxSegments: 2)

    @Test("a segment through a square is cut where it enters and leaves, at the hand-computed positions")
    func crossingsOfASquare() throws {
        var cuts: [Double] = []
        // From (-5, 5) to (15, 7): x = 0 at t = 0.25, x = 10 at t = 0.75.
        #expect(square.crossings(of: .init(-5, 5), .init(15, 7), runs: 0..<square.runs.count, into: &cuts) == true)
        #expect(cuts.sorted() == [0.25, 0.75])
        #expect(square.clearlyEncloses(.init(5, 6), runs: 0..<square.runs.count) == true)
        #expect(square.clearlyEncloses(.init(12, 6), runs: 0..<square.runs.count) == false)
    }

    @Test("through a corner, along an edge, or ending on the boundary is too close to call")
    func degenerateCases() throws {
        var cuts: [Double] = []
        #expect(square.crossings(of: .init(-5, -5), .init(15, 15), runs: 0..<square.runs.count, into: &cuts) == false)
        #expect(square.crossings(of: .init(2, 0), .init(8, 0), runs: 0..<square.runs.count, into: &cuts) == false)
        #expect(square.crossings(of: .init(5, 5), .init(10, 5), runs: 0..<square.runs.count, into: &cuts) == false)
        #expect(square.clearlyEncloses(.init(10, 5), runs: 0..<square.runs.count) == nil)
    }
}
