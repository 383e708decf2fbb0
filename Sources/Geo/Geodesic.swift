internal import CGEOS
internal import CPROJ

/// Geodesic measures on an ellipsoid through GeographicLib's C routines shipped with PROJ
/// (`geod_polygonarea`, `geod_inverse`): the same algorithm as pyproj's `Geod` and PostGIS's
/// `geography` type.
///
/// Coordinates must be longitude/latitude in degrees. Polygon area is |exterior| − Σ|holes| whatever
/// the ring orientation; each edge is measured as the geodesic between its two vertices. Rings of 64 or more
/// short edges are summed on the authalic sphere (`AuthalicRingArea`), which agrees with `geod_polygonarea` to
/// 1e-11 and GeographicLib's own rounding and is several times faster; every other ring goes to GeographicLib.
///
/// ```swift
/// let squareMetres = try Geodesic.cgcs2000.area(of: footprint)
/// ```
public struct Geodesic: @unchecked Sendable {
    // @unchecked: geod_geodesic is a plain C struct of doubles, written once in init and only read after.
    private var ellipsoid = geod_geodesic()
    private let authalic: AuthalicRingArea

    /// The geodesic on an ellipsoid of semi-major axis `a` (metres) and flattening `f`.
    public init(semiMajorAxis a: Double, flattening f: Double) {
        geod_init(&ellipsoid, a, f)
        authalic = AuthalicRingArea(ellipsoid)
    }

    /// The CGCS2000 ellipsoid (its shape equals GRS80's: a = 6 378 137 m, 1/f = 298.257222101).
    public static let cgcs2000 = Geodesic(semiMajorAxis: 6_378_137, flattening: 1 / 298.257222101)
    /// The WGS 84 ellipsoid (1/f = 298.257223563); differs from CGCS2000 by ~1e-11 in area.
    public static let wgs84 = Geodesic(semiMajorAxis: 6_378_137, flattening: 1 / 298.257223563)

    /// The geodesic distance in metres between two lon/lat positions.
    public func distance(from a: Coordinate, to b: Coordinate) throws -> Double {
        try check(a, "geodesic distance")
        try check(b, "geodesic distance")
        var g = ellipsoid
        var s12 = 0.0
        geod_inverse(&g, a.y, a.x, b.y, b.x, &s12, nil, nil)
        return s12
    }

    /// The length in metres of a path of lon/lat positions joined by geodesics.
    public func length(of path: [Coordinate]) throws -> Double {
        for c in path { try check(c, "geodesic length") }
        return pathLength(lons: path.map(\.x), lats: path.map(\.y))
    }

    /// The area in m² of the polygonal parts of `geometry` (0 for points and lines).
    public func area(of geometry: Geometry) throws -> Double {
        var walker = Walker(geodesic: self)
        return try walker.area(geometry.handle)
    }

    /// The length in metres of the lineal parts of `geometry` (0 for points and polygons).
    public func length(of geometry: Geometry) throws -> Double {
        var walker = Walker(geodesic: self)
        return try walker.length(geometry.handle, lines: true, rings: false)
    }

    /// The length in metres of the rings (exterior and holes) of the polygonal parts of `geometry`.
    public func perimeter(of geometry: Geometry) throws -> Double {
        var walker = Walker(geodesic: self)
        return try walker.length(geometry.handle, lines: false, rings: true)
    }

    /// The unsigned area in m² enclosed by one ring of lon/lat positions (closed or not).
    public func ringArea(_ ring: [Coordinate]) throws -> Double {
        for c in ring { try check(c, "geodesic area") }
        var lons = ring.map(\.x)
        var lats = ring.map(\.y)
        return ringArea(lons: &lons, lats: &lats)
    }

    fileprivate func ringArea(lons: inout [Double], lats: inout [Double]) -> Double {
        let fast = lons.withUnsafeBufferPointer { x in lats.withUnsafeBufferPointer { y in authalic.area(lons: x, lats: y) } }
        if let fast { return fast }
        return exactRingArea(lons: &lons, lats: &lats)
    }

    /// The authalic-sphere area of a ring, or nil when it is left to GeographicLib (exposed for tests).
    func authalicRingArea(_ ring: [Coordinate]) -> Double? {
        let lons = ring.map(\.x), lats = ring.map(\.y)
        return lons.withUnsafeBufferPointer { x in lats.withUnsafeBufferPointer { y in authalic.area(lons: x, lats: y) } }
    }

    /// One edge's area term by the authalic formula and by GeographicLib (exposed for tests).
    func edgeAreaTerms(from start: Coordinate, to end: Coordinate) -> (authalic: Double, exact: Double) {
        authalic.edgeTerms(from: start, to: end)
    }

    /// GeographicLib's `geod_polygonarea`, for every ring the authalic sum cannot vouch for (and for tests).
    func exactRingArea(lons: inout [Double], lats: inout [Double]) -> Double {
        var g = ellipsoid
        var area = 0.0
        var perimeter = 0.0
        geod_polygonarea(&g, &lats, &lons, Int32(lats.count), &area, &perimeter)
        return abs(area)
    }

    fileprivate func pathLength(lons: [Double], lats: [Double]) -> Double {
        var g = ellipsoid
        var total = 0.0
        for i in 1..<max(1, lons.count) {
            var s12 = 0.0
            geod_inverse(&g, lats[i - 1], lons[i - 1], lats[i], lons[i], &s12, nil, nil)
            total += s12
        }
        return total
    }

    fileprivate func check(_ c: Coordinate, _ operation: String) throws {
        guard c.isFinite else { throw GeoError.nonFiniteCoordinate(operation: operation) }
        guard abs(c.y) <= 90, abs(c.x) <= 540 else {
            throw GeoError.coordinateOutOfRange(
                operation: operation, x: c.x, y: c.y,
                expected: "longitude/latitude in degrees (are these projected metres? transform them first)")
        }
    }

    fileprivate func check(lons: [Double], lats: [Double], _ operation: String) throws {
        for i in lons.indices where !(abs(lats[i]) <= 90 && abs(lons[i]) <= 540) {
            try check(Coordinate(lons[i], lats[i]), operation)
        }
    }
}

/// Walks a GEOS geometry's parts, measuring rings and lines with reusable buffers.
private struct Walker {
    let geodesic: Geodesic
    let context = GEOSContext.current
    var lons: [Double] = []
    var lats: [Double] = []

    init(geodesic: Geodesic) {
        self.geodesic = geodesic
    }

    private var reader: GeometryReader { GeometryReader(context: context) }

    private func type(_ g: OpaquePointer) -> Int32 { Int32(GEOSGeomTypeId_r(context.handle, g)) }

    private func isCollection(_ t: Int32) -> Bool {
        t == Int32(GEOS_MULTIPOINT.rawValue) || t == Int32(GEOS_MULTILINESTRING.rawValue)
            || t == Int32(GEOS_MULTIPOLYGON.rawValue) || t == Int32(GEOS_GEOMETRYCOLLECTION.rawValue)
    }

    mutating func area(_ g: OpaquePointer) throws -> Double {
        let t = type(g)
        if isCollection(t) {
            var total = 0.0
            for member in reader.members(of: g) { total += try area(member) }
            return total
        }
        guard t == Int32(GEOS_POLYGON.rawValue) else { return 0 }
        var total = 0.0
        for (index, ring) in reader.ringHandles(of: g).enumerated() {
            reader.coordinateArrays(of: ring, x: &lons, y: &lats)
            try geodesic.check(lons: lons, lats: lats, "geodesic area")
            let a = lons.count >= 4 ? geodesic.ringArea(lons: &lons, lats: &lats) : 0
            total += index == 0 ? a : -a
        }
        return total
    }

    mutating func length(_ g: OpaquePointer, lines: Bool, rings: Bool) throws -> Double {
        let t = type(g)
        if isCollection(t) {
            var total = 0.0
            for member in reader.members(of: g) { total += try length(member, lines: lines, rings: rings) }
            return total
        }
        var parts: [OpaquePointer] = []
        if lines, t == Int32(GEOS_LINESTRING.rawValue) || t == Int32(GEOS_LINEARRING.rawValue) { parts = [g] }
        if rings, t == Int32(GEOS_POLYGON.rawValue) { parts = reader.ringHandles(of: g) }
        var total = 0.0
        for part in parts {
            reader.coordinateArrays(of: part, x: &lons, y: &lats)
            try geodesic.check(lons: lons, lats: lats, "geodesic length")
            total += geodesic.pathLength(lons: lons, lats: lats)
        }
        return total
    }
}

extension Geometry {
    /// The geodesic area in m² on the CGCS2000 ellipsoid of the polygonal parts (coordinates in lon/lat degrees).
    public func geodesicArea() throws -> Double { try Geodesic.cgcs2000.area(of: self) }

    /// The geodesic length in metres on the CGCS2000 ellipsoid of the lineal parts (coordinates in lon/lat degrees).
    public func geodesicLength() throws -> Double { try Geodesic.cgcs2000.length(of: self) }

    /// The geodesic perimeter in metres on the CGCS2000 ellipsoid of the polygonal parts, holes included.
    public func geodesicPerimeter() throws -> Double { try Geodesic.cgcs2000.perimeter(of: self) }
}
