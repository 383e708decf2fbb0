import Testing

@testable import Geo

@Suite("Coordinate reference systems")
struct CRSTests {
    @Test("CGCS2000 lon/lat to the 3-degree Gauss–Krüger zone CM 117°E matches cs2cs, with and without the zone prefix")
    func matchesCs2cs() throws {
        // echo "40 117.4" | cs2cs -d 4 EPSG:4490 EPSG:4548 → 4429605.6721 534157.5916 (northing, easting)
        // echo "40 117.4" | cs2cs -d 4 EPSG:4490 EPSG:4527 → 4429605.6721 39534157.5916
        let plain = try CoordinateTransform(from: .cgcs2000, to: .epsg(4548)).transform(Coordinate(117.4, 40))
        #expect(close(plain.x, 534_157.5916, absolute: 1e-4))
        #expect(close(plain.y, 4_429_605.6721, absolute: 1e-4))
        let prefixed = try CoordinateTransform(from: .cgcs2000, to: .epsg(4527)).transform(Coordinate(117.4, 40))
        #expect(close(prefixed.x, 39_534_157.5916, absolute: 1e-4))
        #expect(close(prefixed.y, 4_429_605.6721, absolute: 1e-4))
        // echo "39.9 117.05" | cs2cs -d 4 EPSG:4490 EPSG:4548 → 4418426.8598 504275.9148
        let second = try CoordinateTransform(from: .cgcs2000, to: .epsg(4548)).transform(Coordinate(117.05, 39.9))
        #expect(close(second.x, 504_275.9148, absolute: 1e-4))
        #expect(close(second.y, 4_418_426.8598, absolute: 1e-4))
    }

    @Test("the inverse brings a point back to within a micro-degree")
    func inverseRoundTrip() throws {
        let forward = try CoordinateTransform(from: .wgs84, to: .epsg(4548))
        let there = try forward.transform(Coordinate(117.123456, 39.654321))
        let back = try forward.inverse.transform(there)
        #expect(close(back.x, 117.123456, absolute: 1e-9))
        #expect(close(back.y, 39.654321, absolute: 1e-9))
    }

    @Test("zones: 117.4°E is 3-degree zone 39 (EPSG:4527 prefixed, 4548 plain) and 6-degree zone 20 (4498 / 4509)")
    func zoneHelpers() throws {
        #expect(try GaussKruger.threeDegreeZone(forLongitude: 117.4) == 39)
        #expect(try GaussKruger.threeDegree(zone: 39, zonePrefixedEasting: true) == .epsg(4527))
        #expect(try GaussKruger.threeDegree(zone: 39, zonePrefixedEasting: false) == .epsg(4548))
        #expect(try GaussKruger.threeDegreeZone(forLongitude: 118.6) == 40)
        #expect(try GaussKruger.threeDegree(zone: 25, zonePrefixedEasting: true) == .epsg(4513))
        #expect(try GaussKruger.threeDegree(zone: 45, zonePrefixedEasting: false) == .epsg(4554))
        #expect(try GaussKruger.sixDegreeZone(forLongitude: 117.4) == 20)
        #expect(try GaussKruger.sixDegree(zone: 20, zonePrefixedEasting: true) == .epsg(4498))
        #expect(try GaussKruger.sixDegree(zone: 20, zonePrefixedEasting: false) == .epsg(4509))
        #expect(throws: GeoError.self) { try GaussKruger.threeDegreeZone(forLongitude: 10) }
    }

    @Test("each EPSG code the zone helper names is the Gauss–Krüger projection PROJ says it is")
    func zoneCodesMatchProj() throws {
        // Zone 39's central meridian is 117°E: a point on it has easting 500 000 m (plain) or 39 500 000 m (prefixed).
        let plain = try CoordinateTransform(from: .cgcs2000, to: GaussKruger.threeDegree(zone: 39, zonePrefixedEasting: false))
        #expect(close(try plain.transform(Coordinate(117, 40)).x, 500_000, absolute: 1e-6))
        let prefixed = try CoordinateTransform(from: .cgcs2000, to: GaussKruger.threeDegree(zone: 39, zonePrefixedEasting: true))
        #expect(close(try prefixed.transform(Coordinate(117, 40)).x, 39_500_000, absolute: 1e-6))
        let sixPrefixed = try CoordinateTransform(from: .cgcs2000, to: GaussKruger.sixDegree(zone: 20, zonePrefixedEasting: true))
        #expect(close(try sixPrefixed.transform(Coordinate(117, 40)).x, 20_500_000, absolute: 1e-6))
    }

    @Test("a PROJ string works as a CRS")
    func projString() throws {
        let tmerc = CRS("+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs")
        let p = try CoordinateTransform(from: .cgcs2000, to: tmerc).transform(Coordinate(117.4, 40))
        #expect(close(p.x, 534_157.5916, absolute: 1e-3))
        #expect(close(p.y, 4_429_605.6721, absolute: 1e-3))
    }

    @Test("an unknown CRS is refused with PROJ's reason")
    func unknownCRS() {
        #expect { try CoordinateTransform(from: .epsg(999_999), to: .cgcs2000) } throws: { error in
            guard case let GeoError.unknownCRS(definition, _) = error else { return false }
            return definition == "EPSG:999999"
        }
    }

    @Test("geometries transform with their structure and the legacy GeoJSON CRS names map to EPSG codes")
    func geometryTransform() throws {
        let polygon = try Geometry(.polygon([squareRing(117.0, 40.0, side: 0.01)]))
        let projected = try CoordinateTransform(from: .cgcs2000, to: .epsg(4548)).transform(polygon)
        #expect(projected.kind == .polygon)
        #expect(projected.numberOfPoints == 5)
        // ~853 m × 1112 m at 40°N; the planar GK area agrees with the geodesic one to the scale factor (< 1e-4 here).
        #expect(close(try projected.planarArea(), try polygon.geodesicArea(), relative: 2e-4))
        #expect(GeoJSON.crs(named: "urn:ogc:def:crs:EPSG::4548") == .epsg(4548))
        #expect(GeoJSON.crs(named: "urn:ogc:def:crs:OGC:1.3:CRS84") == CRS("OGC:CRS84"))
        #expect(CRS("EPSG:4490").isKnownGeographic)
    }
}

@Suite("CGCS2000 Gauss–Krüger zones and their EPSG codes")
struct GaussKrugerZoneTests {
    @Test("EPSG codes map to zones and back: 4513 is 3-degree zone 25 with prefix (CM 75°E), 4502 is 6-degree zone 13 without")
    func codes() throws {
        let z25 = try #require(GaussKruger.Zone(epsg: 4513))
        #expect(z25.width == 3 && z25.number == 25 && z25.prefixed && z25.centralMeridian == 75)
        let z13 = try #require(GaussKruger.Zone(epsg: 4502))
        #expect(z13.width == 6 && z13.number == 13 && !z13.prefixed && z13.centralMeridian == 75)
        // EPSG:4548 is the bench's plane: 3-degree zone 39 without prefix, CM 117°E.
        let z39 = try #require(GaussKruger.Zone(epsg: 4548))
        #expect(z39.number == 39 && !z39.prefixed && z39.centralMeridian == 117)
        for code in 4491...4554 { #expect(GaussKruger.Zone(epsg: code)?.crs == .epsg(code)) }
        #expect(GaussKruger.Zone(epsg: 4490) == nil && GaussKruger.Zone(epsg: 4555) == nil)
        #expect(GaussKruger.Zone(width: 3, number: 24, prefixed: true) == nil)
    }
}

@Suite("Old Chinese datums")
struct GuessedDatumTests {
    @Test("Xi'an 1980 and Beijing 1954 to CGCS2000 are refused without +towgs84, allowed with it, and within their own datum")
    func refusedWithoutParameters() throws {
        // EPSG:2363 Xi'an 1980 / 3-degree GK zone 39, EPSG:2422 Beijing 1954 / 3-degree GK CM 117E, EPSG:4610 Xi'an 1980 lon/lat.
        func refusal(_ source: CRS, _ target: CRS) -> String? {
            do { _ = try CoordinateTransform(from: source, to: target) } catch let GeoError.guessedDatumShift(_, datum) { return datum } catch { return nil }
            return nil
        }
        #expect(refusal(.epsg(2363), .cgcs2000) == "Xian 1980")
        #expect(refusal(.cgcs2000, .epsg(2363)) == "Xian 1980")
        #expect(refusal(.epsg(2422), .wgs84) == "Beijing 1954")
        #expect(throws: Never.self) { try CoordinateTransform(from: .epsg(2363), to: .epsg(4610)) }
        let shifted = CRS(
            "+proj=tmerc +lat_0=0 +lon_0=117 +k=1 +x_0=39500000 +y_0=0 +a=6378140 +rf=298.257 +towgs84=-100.5,50.2,80.3,0.5,-0.3,1.2,2.5 +units=m +no_defs")
        #expect(throws: Never.self) { try CoordinateTransform(from: shifted, to: .cgcs2000) }
        do {
            _ = try CoordinateTransform(from: .epsg(2363), to: .cgcs2000)
        } catch {
            #expect("\(error)".contains("Xian 1980") && "\(error)".contains("+towgs84"))
        }
    }
}
