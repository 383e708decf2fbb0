import Foundation
import Testing

@testable import Geo

/// Geo's screening engine against GEOS on the whole polygons: no dataset, no ruleset.
@Suite("Polygon pieces and boundary chunks agree with GEOS")
struct PolygonPiecesTests {
    /// A star-shaped polygon of 900 vertices around (117.3, 40.1), big enough to be cut into many pieces.
    static let ring: [Coordinate] = {
        var ring = (0..<900).map { i -> Coordinate in
            let angle = Double(i) / 900 * 2 * .pi
            let r = 0.05 + 0.015 * sin(7 * angle) + 0.006 * cos(23 * angle)
            return Coordinate(117.3 + r * cos(angle) * 1.3, 40.1 + r * sin(angle))
        }
        ring.append(ring[0])
        return ring
    }()
    static let star: Geometry = {
        do { return try Geometry(.polygon([ring])) } catch { fatalError("\(error)") }
    }()
    /// The star (polygon 0), a square beside it (1) and a polygon left out of the index (nil, 2).
    static let pieces: PolygonPieces = {
        do { return try PolygonPieces(polygons: [star, try square(117.5, 40.0, side: 0.05), nil]) } catch { fatalError("\(error)") }
    }()

    @Test("200 meandering lines: the length inside the polygon equals GEOS's intersection length to 1e-6 m")
    func randomLines() throws {
        var random = SeededRandom(seed: 7)
        var partial = 0
        for _ in 0..<200 {
            var x = 117.17 + 0.26 * Double.random(in: 0..<1, using: &random), y = 40.0 + 0.2 * Double.random(in: 0..<1, using: &random)
            var road = [Coordinate(x, y)]
            for _ in 0..<Int.random(in: 10...120, using: &random) {
                x += Double.random(in: -0.002..<0.004, using: &random)
                y += Double.random(in: -0.002..<0.002, using: &random)
                road.append(Coordinate(x, y))
            }
            let line = try Geometry(.lineString(road))
            let expected = try line.intersection(Self.star).geodesicLength()
            let laidOut = try LaidOutGeometry(line)
            let met = try Self.pieces.polygonsMeeting(laidOut)
            let found = met.contains { $0.polygon == 0 } ? try Self.pieces.lengthInside(of: laidOut, polygon: 0).length : 0
            #expect(abs(found - expected) < 1e-6, "\(road)")
            #expect(met.contains { $0.polygon == 0 } == (try line.intersects(Self.star)))
            if expected > 0, expected < (try line.geodesicLength()) - 1 { partial += 1 }
            #expect(abs((laidOut.length ?? 0) - (try line.geodesicLength())) < 1e-6)
        }
        #expect(partial > 40)  // many lines really cross the boundary
    }

    @Test("small squares: met as GEOS says, covered only when GEOS agrees, and the clipped polygon holds the same area near them")
    func squares() throws {
        var random = SeededRandom(seed: 11)
        var covered = 0, crossing = 0
        for _ in 0..<300 {
            let probe = try square(Double.random(in: 117.15..<117.56, using: &random), Double.random(in: 39.98..<40.2, using: &random), side: 0.004)
            let met = try Self.pieces.polygonsMeeting(LaidOutGeometry(probe))
            let star = met.first { $0.polygon == 0 }
            #expect((star != nil) == (try probe.intersects(Self.star)))
            // "covered" is a shortcut: one piece holds the geometry, so the polygon does; a geometry spanning pieces is
            // measured instead, so false says nothing.
            if star?.covered == true { #expect(try Self.star.covers(probe)) }
            #expect(!met.contains { $0.polygon == 2 }, "a polygon left out is never met")
            if let star {
                if star.covered { covered += 1 } else { crossing += 1 }
                let envelope = try #require(probe.envelope)
                let clipped = try #require(try Self.pieces.clippedPolygon(0, around: envelope))
                let expected = try probe.intersection(Self.star).geodesicArea()
                #expect(abs(try probe.intersection(clipped).geodesicArea() - expected) <= 1e-6 * max(1, expected))
            }
        }
        #expect(covered > 10 && crossing > 10)
    }

    @Test("nearest and within-distance by group equal GEOS's distances in the plane, and skip what they are told to")
    func distances() throws {
        let polygons = [Self.star, try square(117.5, 40.0, side: 0.05), try square(117.05, 40.2, side: 0.02)]
        let index = try BoundaryChunkIndex(polygons: polygons, groups: [0, 1, nil])
        var random = SeededRandom(seed: 3)
        for _ in 0..<50 {
            let point = try Geometry(.point(Coordinate(Double.random(in: 117.0..<117.7, using: &random), Double.random(in: 39.9..<40.3, using: &random))))
            guard try !point.intersects(Self.star) else { continue }
            let probe = try index.probe(LaidOutGeometry(point))
            let expected = try point.distance(meters: Self.star, in: probe.plane)
            if let nearest = try index.nearest(group: 0, to: probe, within: 50_000) {
                #expect(nearest.polygon == 0)
                #expect(abs(nearest.distance - expected) < 1e-6, "\(expected)")
            } else {
                #expect(expected > 50_000)
            }
            let near = try index.within(5000, of: probe, group: 0)
            #expect((near[0] != nil) == (expected <= 5000))
            #expect(try index.within(5000, of: probe, group: 0, skipping: [0]).isEmpty)
        }
        // A polygon with no group is not indexed at all.
        let probe = try index.probe(LaidOutGeometry(Geometry(.point(Coordinate(117.06, 40.21)))))
        #expect(try index.within(10, of: probe, group: 0).isEmpty)
    }
}
