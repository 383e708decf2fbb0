import Foundation
import Geo
import ScreeningTestSupport
import Testing
@testable import Screening

@Suite("Line overlaps cut on flat linework agree with GEOS's overlay")
struct LineOverlapTests {
    /// A star-shaped red-line zone of 900 vertices around (117.3, 40.1), big enough to be cut into many pieces.
    static let ring: [Coordinate] = {
        var ring = (0..<900).map { i -> Coordinate in
            let angle = Double(i) / 900 * 2 * .pi
            let r = 0.05 + 0.015 * sin(7 * angle) + 0.006 * cos(23 * angle)
            return Coordinate(117.3 + r * cos(angle) * 1.3, 40.1 + r * sin(angle))
        }
        ring.append(ring[0])
        return ring
    }()
    static let screener: Screener = {
        do {
            return try Screener(dataset: makeDataset([TestZone(id: "STAR", kind: .ecologicalRedline, level: "biodiversity", ring: ring)]),
                                ruleset: shippedRuleset)
        } catch { fatalError("\(error)") }
    }()

    @Test("200 meandering roads: the length inside the zone equals GEOS's intersection length to 1e-6 m")
    func randomRoads() throws {
        let zone = try Geometry(.polygon([Self.ring]))
        // Repeatable pseudo-random numbers in [0, 1): the fractional part of a scaled sine.
        var counter = 0.0
        func next() -> Double {
            counter += 1
            let v = sin(counter * 12.9898) * 43758.5453
            return v - v.rounded(.down)
        }
        var partial = 0
        for _ in 0..<200 {
            var x = 117.17 + 0.26 * next(), y = 40.0 + 0.2 * next()
            var road = [Coordinate(x, y)]
            for _ in 0..<(10 + Int(110 * next())) {
                x += -0.002 + 0.006 * next()
                y += -0.002 + 0.004 * next()
                road.append(Coordinate(x, y))
            }
            let line = try Geometry(.lineString(road))
            let expected = try line.intersection(zone).geodesicLength()
            let result = try Self.screener.screen(Project(category: "RD", attributes: .init(dischargesToWater: false), footprint: line))
            let found = result.findings.first { $0.zone.id == "STAR" && $0.relation != .nearby }?.overlapLength ?? 0
            #expect(abs(found - expected) < 1e-6, "\(road)")
            if expected > 0, expected < (try line.geodesicLength()) - 1 { partial += 1 }
        }
        #expect(partial > 40) // many roads really cross the boundary
    }
}
