import Foundation
import Testing

@testable import Geo

@Suite("Ring areas on the authalic sphere against GeographicLib")
struct AuthalicRingAreaTests {
    let geodesic = Geodesic.cgcs2000

    /// A star-shaped ring around (lon, lat): `count` vertices at uneven angles on a wavy outline of mean `radius`
    /// metres, closed.
    func starRing(_ lon: Double, _ lat: Double, radius: Double, count: Int, random: inout SeededRandom) -> [Coordinate] {
        var angles = (0..<count).map { _ in Double.random(in: 0..<(2 * .pi), using: &random) }
        angles.sort()
        let phase = Double.random(in: 0..<(2 * .pi), using: &random)
        let metresPerDegree = 111_320.0
        var ring = angles.map { angle in
            let r = radius * (0.75 + 0.25 * sin(3 * angle + phase)) * Double.random(in: 0.99...1.01, using: &random)
            return Coordinate(lon + r * cos(angle) / (metresPerDegree * cos(lat * .pi / 180)), lat + r * sin(angle) / metresPerDegree)
        }
        ring.append(ring[0])
        return ring
    }

    @Test("per edge, the lune formula stays within its bound of GeographicLib's S12 (edges of 0.5–5 km, 79°S–79°N)")
    func edgeRemainderWithinBound() throws {
        for latitude in stride(from: -79.0, through: 79, by: 3.95) {
            for azimuth in stride(from: 0.0, to: 360, by: 15) {
                for length in [500.0, 1000, 2000, 5000] {
                    // The end point on the local tangent plane; the bound is checked with the geodesic length.
                    let north = length * cos(azimuth * .pi / 180) / 111_000
                    let east = length * sin(azimuth * .pi / 180) / (111_300 * cos(latitude * .pi / 180))
                    let start = Coordinate(117, latitude), end = Coordinate(117 + east, latitude + north)
                    guard abs(east) <= AuthalicRingArea.longEdgeDegrees, abs(north) <= AuthalicRingArea.longEdgeDegrees else { continue }
                    let l = try geodesic.distance(from: start, to: end)
                    let terms = geodesic.edgeAreaTerms(from: start, to: end)
                    // 1e-4 m²: GeographicLib's own rounding noise per edge (see the next test).
                    #expect(
                        abs(terms.authalic - terms.exact) <= AuthalicRingArea.lunePerCubicMetre * l * l * l + 1e-4,
                        "lat \(latitude) az \(azimuth) L \(length)")
                }
            }
        }
    }

    @Test("zone-like rings (50 m to 30 km across, 5–200 m edges, anywhere below 78°) agree with geod_polygonarea")
    func agreesWithGeographicLib() {
        var random = SeededRandom(seed: 7)
        var accepted = 0, rings = 0
        for _ in 0..<400 {
            let lat = Double.random(in: -78...78, using: &random)
            let lon = Double.random(in: -179...179, using: &random)
            let radius = exp(Double.random(in: log(50)...log(30_000), using: &random))
            let spacing = exp(Double.random(in: log(5)...log(min(200, radius / 2)), using: &random))
            let count = max(AuthalicRingArea.minimumVertices, min(5000, Int(2 * .pi * radius / spacing)))
            let ring = starRing(lon, lat, radius: radius, count: count, random: &random)
            var lons = ring.map(\.x), lats = ring.map(\.y)
            let exact = geodesic.exactRingArea(lons: &lons, lats: &lats)
            rings += 1
            guard let fast = geodesic.authalicRingArea(ring) else { continue }
            accepted += 1
            // GeographicLib's own edge terms carry rounding noise of about 1e-5 m² (they are c² × an angle, c² = 4.06e13
            // m²): its result moves by 1.6e-4 m² when a 67-vertex ring is shifted in longitude (next test). Differences
            // beyond that noise, summed over the ring, fail the test.
            #expect(
                close(fast, exact, absolute: 1e-4 * Double(count).squareRoot(), relative: 1e-11),
                "ring at \(lon), \(lat), r \(radius) m, \(count) vertices")
        }
        // Most such rings must take the fast path, or this test would prove nothing.
        #expect(accepted * 10 >= rings * 7, "\(accepted) of \(rings) accepted")
    }

    @Test("the authalic sum is steadier than GeographicLib under a shift in longitude")
    func steadyUnderShift() throws {
        var random = SeededRandom(seed: 3)
        let base = starRing(0, -11.5, radius: 56, count: 67, random: &random)
        var fast: [Double] = [], exact: [Double] = []
        for shift in stride(from: -170.0, through: 170, by: 17) {
            let ring = base.map { Coordinate($0.x + shift, $0.y) }
            var lons = ring.map(\.x), lats = ring.map(\.y)
            exact.append(geodesic.exactRingArea(lons: &lons, lats: &lats))
            fast.append(try #require(geodesic.authalicRingArea(ring)))
        }
        let fastSpread = (fast.max() ?? 0) - (fast.min() ?? 0)
        let exactSpread = (exact.max() ?? 0) - (exact.min() ?? 0)
        #expect(fastSpread < 1e-7)
        #expect(exactSpread > 10 * fastSpread)
        #expect(close(fast[10], exact[10], absolute: exactSpread))
    }

    @Test("a ring whose lune bound is too loose, and a ring of few vertices, are left to GeographicLib")
    func fallsBack() throws {
        // 0.3° square (about 25 × 33 km) with 16 edges of 1.6–2.1 km a side: Σ L³ is too large for its area.
        var loose: [Coordinate] = []
        let corners = [Coordinate(117, 40), Coordinate(117.3, 40), Coordinate(117.3, 40.3), Coordinate(117, 40.3)]
        for side in 0..<4 {
            let from = corners[side], to = corners[(side + 1) % 4]
            for i in 0..<16 { loose.append(Coordinate(from.x + (to.x - from.x) * Double(i) / 16, from.y + (to.y - from.y) * Double(i) / 16)) }
        }
        loose.append(loose[0])
        #expect(geodesic.authalicRingArea(loose) == nil)
        var lons = loose.map(\.x), lats = loose.map(\.y)
        #expect(try geodesic.ringArea(loose) == geodesic.exactRingArea(lons: &lons, lats: &lats))

        let small = squareRing(117, 40, side: 0.0003)
        #expect(geodesic.authalicRingArea(small) == nil)
        var smallLons = small.map(\.x), smallLats = small.map(\.y)
        #expect(try geodesic.ringArea(small) == geodesic.exactRingArea(lons: &smallLons, lats: &smallLats))
    }

    @Test("a district-sized ring with 50 m edges on two sides only is accepted and agrees to 1e-12 (the lune terms do not cancel)")
    func luneTermMatters() throws {
        // A 0.3° × 0.2° rectangle at 40°N with its south and east sides densified to ~50 m edges and the other two
        // left as single long edges (measured exactly): the lune terms of the short edges do not cancel.
        var ring: [Coordinate] = []
        for i in 0..<600 { ring.append(Coordinate(117.0 + 0.3 * Double(i) / 600, 40.0)) }
        for i in 0..<400 { ring.append(Coordinate(117.3, 40.0 + 0.2 * Double(i) / 400)) }
        ring.append(Coordinate(117.3, 40.2))
        ring.append(Coordinate(117.0, 40.2))
        ring.append(Coordinate(117.0, 40.0))
        var lons = ring.map(\.x), lats = ring.map(\.y)
        let exact = geodesic.exactRingArea(lons: &lons, lats: &lats)
        let fast = try #require(geodesic.authalicRingArea(ring))
        #expect(close(fast, exact, relative: 1e-12))
        #expect(close(try Geometry(.polygon([ring])).geodesicArea(), exact, relative: 1e-12))
    }

    @Test("long edges are measured by GeographicLib inside the same sum")
    func longEdges() throws {
        // Two sides of 1.5° (measured exactly) and one cut into 100 edges of 0.016° × 0.004° (authalic formula).
        var triangle = [Coordinate(117, 39), Coordinate(118.5, 39.2)]
        for i in 0..<100 { triangle.append(Coordinate(117.4 - 0.4 * Double(i) / 100, 40.6 - 1.6 * Double(i) / 100)) }
        triangle.append(Coordinate(117, 39))
        var lons = triangle.map(\.x), lats = triangle.map(\.y)
        let exact = geodesic.exactRingArea(lons: &lons, lats: &lats)
        let fast = try #require(geodesic.authalicRingArea(triangle))
        #expect(close(fast, exact, relative: 1e-12))
    }

    @Test("a ring around the pole and a ring across the antimeridian are measured as GeographicLib measures them")
    func poleAndAntimeridian() throws {
        let aroundPole = (0...360).map { Coordinate(Double($0 % 360) - 180, 85) }
        #expect(geodesic.authalicRingArea(aroundPole) == nil)
        var lons = aroundPole.map(\.x), lats = aroundPole.map(\.y)
        #expect(close(try geodesic.ringArea(aroundPole), geodesic.exactRingArea(lons: &lons, lats: &lats), relative: 1e-12))

        var random = SeededRandom(seed: 11)
        let across = starRing(179.99, 30, radius: 3000, count: 400, random: &random).map {
            Coordinate($0.x > 180 ? $0.x - 360 : $0.x, $0.y)
        }
        var acrossLons = across.map(\.x), acrossLats = across.map(\.y)
        let exact = geodesic.exactRingArea(lons: &acrossLons, lats: &acrossLats)
        #expect(close(try geodesic.ringArea(across), exact, relative: 1e-11))
    }
}
