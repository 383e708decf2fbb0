import Testing

@testable import Geo

@Suite("Chinese web-map datums (GCJ-02, BD-09)")
struct WebMapDatumTests {
    @Test("the forward conversions give the coordtransform library's published values")
    func publishedValues() {
        // wandergis/coordtransform, test/app.js: wgs84togcj02(116.404, 39.915) and gcj02tobd09(116.404, 39.915).
        let gcj = WebMapDatum.gcj02.fromWGS84(Coordinate(116.404, 39.915))
        #expect(abs(gcj.x - 116.41024449916938) < 1e-12 && abs(gcj.y - 39.91640428150164) < 1e-12)
        let bd = WebMapDatum.bd09.fromWGS84(WebMapDatum.gcj02.toWGS84(Coordinate(116.404, 39.915)))
        #expect(abs(bd.x - 116.41036949371029) < 1e-9 && abs(bd.y - 39.92133699351021) < 1e-9)
    }

    @Test("the iterative inverse round-trips to 1e-9° everywhere in the region, and differs from the one-step shortcut by under 1e-5°")
    func inverse() throws {
        var random = SeededRandom(seed: 42)
        for datum in [WebMapDatum.gcj02, .bd09] {
            for _ in 0..<500 {
                let p = Coordinate(Double.random(in: 115.5...118.5, using: &random), Double.random(in: 38.3...40.5, using: &random))
                let back = datum.fromWGS84(datum.toWGS84(p))
                #expect(abs(back.x - p.x) < 1e-9 && abs(back.y - p.y) < 1e-9)
            }
        }
        // coordtransform's gcj02towgs84(116.404, 39.915), the one-step approximation: [116.39775550083061, 39.91359571849836].
        let exact = WebMapDatum.gcj02.toWGS84(Coordinate(116.404, 39.915))
        #expect(abs(exact.x - 116.39775550083061) < 1e-5 && abs(exact.y - 39.91359571849836) < 1e-5)
    }

    @Test("in Jizhou the GCJ-02 offset is hundreds of metres; outside China nothing moves")
    func offsets() throws {
        let wgs = Coordinate(117.4, 40.0)
        let metres = try Geodesic.cgcs2000.distance(from: wgs, to: WebMapDatum.gcj02.fromWGS84(wgs))
        #expect(metres > 100 && metres < 1000)
        let paris = Coordinate(2.35, 48.85)
        #expect(WebMapDatum.gcj02.fromWGS84(paris) == paris)
        #expect(WebMapDatum.gcj02.toWGS84(paris) == paris)
    }

    @Test("geometries convert coordinate by coordinate and back")
    func geometries() throws {
        let square = try Geometry(.polygon([squareRing(117.40, 40.00, side: 0.01)]))
        let onAmap = try WebMapDatum.gcj02.fromWGS84(square)
        #expect(onAmap.numberOfPoints == 5)
        #expect(try !onAmap.isExactlyEqual(to: square))
        #expect(try WebMapDatum.gcj02.toWGS84(onAmap).isExactlyEqual(to: square, tolerance: 1e-9))
    }
}
