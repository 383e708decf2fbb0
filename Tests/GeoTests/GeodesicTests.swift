import Foundation
import Testing

@testable import Geo

@Suite("Geodesic measures on CGCS2000 / GRS80")
struct GeodesicTests {
    /// 0.1° × 0.1° cell, lon 117.0–117.1, lat 40.0–40.1, edges as geodesics.
    let cell = squareRing(117.0, 40.0, side: 0.1)

    @Test("the 0.1° cell at 40°N has the area pyproj's Geod (GRS80, PROJ 9.5) gives")
    func cellAreaMatchesPyproj() throws {
        // python3 -c "from pyproj import Geod; print(Geod(ellps='GRS80').polygon_area_perimeter(
        //   [117.0,117.1,117.1,117.0,117.0], [40.0,40.0,40.1,40.1,40.0]))"
        // → (94748364.80796814, 39273.419458112025)   pyproj 3.7.2, PROJ 9.5.1
        let polygon = try Geometry(.polygon([cell]))
        #expect(close(try polygon.geodesicArea(), 94_748_364.80796814, absolute: 0.01, relative: 1e-9))
        #expect(close(try polygon.geodesicPerimeter(), 39_273.419458112025, absolute: 1e-6))
        #expect(try polygon.geodesicLength() == 0)
    }

    @Test("densified along its parallels, the cell's area converges on the closed-form ellipsoidal zone area")
    func cellAreaMatchesClosedForm() throws {
        // Area between two parallels over Δλ on an ellipsoid (authalic formula), no library involved:
        // A = a²(1 − e²) Δλ / 2 · [S(φ₂) − S(φ₁)],  S(φ) = sinφ / (1 − e² sin²φ) + atanh(e sinφ) / e.
        let a = 6_378_137.0, f = 1 / 298.257222101
        let e2 = f * (2 - f), e = e2.squareRoot()
        func s(_ degrees: Double) -> Double {
            let sine = sin(degrees * .pi / 180)
            return sine / (1 - e2 * sine * sine) + atanh(e * sine) / e
        }
        let exact = a * a * (1 - e2) * (0.1 * .pi / 180) / 2 * (s(40.1) - s(40.0))
        // Follow the parallels with 2,000 vertices per edge so that geodesic edges hug them.
        let steps = 2000
        var ring: [Coordinate] = []
        for i in 0..<steps { ring.append(Coordinate(117.0 + 0.1 * Double(i) / Double(steps), 40.0)) }
        ring.append(Coordinate(117.1, 40.0))
        for i in 0..<steps { ring.append(Coordinate(117.1 - 0.1 * Double(i) / Double(steps), 40.1)) }
        ring.append(Coordinate(117.0, 40.1))
        ring.append(Coordinate(117.0, 40.0))
        let densified = try Geometry(.polygon([ring]))
        #expect(close(try densified.geodesicArea(), exact, relative: 1e-7))
    }

    @Test("a geodesic line has the length PROJ's geod command gives")
    func lineLengthMatchesGeod() throws {
        // echo "40 117 40.1 117.1" | geod +ellps=GRS80 -I +units=m -f %.6f → 14003.702 m (pyproj: 14003.702498030245)
        let line = try Geometry(.lineString([Coordinate(117, 40), Coordinate(117.1, 40.1)]))
        #expect(close(try line.geodesicLength(), 14_003.702498030245, absolute: 1e-6))
        #expect(close(try Geodesic.cgcs2000.distance(from: Coordinate(117, 40), to: Coordinate(117.1, 40.1)), 14_003.702498030245, absolute: 1e-6))
        #expect(try line.geodesicArea() == 0)
    }

    @Test("holes are subtracted and ring orientation does not matter")
    func holesAndOrientation() throws {
        let outer = squareRing(117.0, 40.0, side: 0.1)
        let inner = squareRing(117.02, 40.02, side: 0.05)
        let full = try Geometry(.polygon([outer])).geodesicArea()
        let holeArea = try Geometry(.polygon([inner])).geodesicArea()
        let withHole = try Geometry(.polygon([outer, inner])).geodesicArea()
        #expect(close(withHole, full - holeArea, absolute: 1e-4))
        let clockwise = try Geometry(.polygon([outer.reversed()])).geodesicArea()
        #expect(close(clockwise, full, absolute: 1e-4))
        let multi = try Geometry(.multiPolygon([[outer], [squareRing(118, 40, side: 0.1)]])).geodesicArea()
        #expect(multi > full * 1.99 && multi < full * 2.01)
    }

    @Test("projected metres are refused rather than measured as degrees")
    func refusesMetres() throws {
        let metres = try Geometry(.polygon([squareRing(534_147.6, 4_417_046.1, side: 800)]))
        #expect(throws: GeoError.self) { try metres.geodesicArea() }
    }
}
