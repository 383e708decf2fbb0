import Foundation
import Testing

@testable import Geo

@Suite("Metric operations in the local Gauss–Krüger plane")
struct LocalPlaneTests {
    @Test("the distance in metres between two points agrees with the geodesic distance to the plane's scale error")
    func distanceInMetres() throws {
        let a = try Geometry.point(117.40, 40.00)
        let b = try Geometry.point(117.43, 40.02)
        let geodesic = try Geodesic.cgcs2000.distance(from: Coordinate(117.40, 40.00), to: Coordinate(117.43, 40.02))
        // 0.4° east of the central meridian the scale factor is 1 + 1.5e-5.
        #expect(close(try a.distance(meters: b), geodesic, relative: 3e-5))
        #expect(try a.distance(meters: a) == 0)
    }

    @Test("a 1 km buffer of a point has the area of the inscribed 32-gon")
    func bufferArea() throws {
        let circle = try Geometry.point(117.0, 40.0).buffer(meters: 1000)
        // 8 segments per quadrant: a regular 32-gon of circumradius 1000 m has area (32/2)·sin(2π/32)·1000².
        let polygonArea = 16 * (2 * Double.pi / 32).sine * 1_000_000
        #expect(close(try circle.geodesicArea(), polygonArea, relative: 1e-4))
    }

    @Test("the default plane is the zone of the geometry's centre")
    func defaultPlane() throws {
        #expect(try LocalPlane(around: [Geometry.point(115.2, 39.5)]).crs == .epsg(4547))
        #expect(try LocalPlane(around: [Geometry.point(117.6, 39.5)]).crs == .epsg(4548))
        #expect(throws: GeoError.self) { try LocalPlane(around: [Geometry.point(534_000, 4_417_000)]) }
    }
}

private extension Double {
    var sine: Double { Foundation.sin(self) }
}
