internal import CPROJ
import Foundation

/// The geodesic area of an ordinary ring (short edges, no pole inside, away from the poles) at a fraction of
/// GeographicLib's cost, with a bound on its difference from GeographicLib; `nil` when the bound is not met.
///
/// Why: `geod_polygonarea` solves the inverse geodesic problem for every edge (about 0.6 µs); the zone-area report
/// measures millions of edges. The ellipsoid maps onto its authalic sphere (radius² = c², latitude φ → authalic
/// latitude β) with areas preserved, and there the area between an edge and the equator is a spherical trapezoid
/// with a closed form. The image of a geodesic is not quite a great circle; the lune between them is, to the order
/// used here, `e² sin 2φ / (24 a) · Δx · L² · (1 + e² (0.628 − 0.633 cos²φ sin²α))` (Δx the edge's eastward
/// extent, L its length, α its azimuth). The leading term follows from the map's distortion; the e² factor is a
/// least-squares fit to GeographicLib's per-edge area `S12` over latitudes 5°–85° and all azimuths, after which the
/// remainder stayed below 1.6e-15 · L³ m² per edge on a 1° × 5° grid of latitudes to ±79° and azimuths (5 km edges).
/// The bound used is 5e-14 · L³, and a ring is only accepted when the summed bound is under 1e-11 of its area; edges longer than `longEdgeDegrees` or beyond ±80° latitude are
/// measured by GeographicLib itself (`S12`), which is the same quantity, so both kinds of edge add up.
struct AuthalicRingArea {
    private let geodesic: geod_geodesic
    private let a: Double
    private let e2: Double
    private let e: Double
    /// q(90°): the authalic latitude is asin(q(φ) / qp).
    private let qp: Double
    /// The authalic radius squared (GeographicLib's c²).
    private let c2: Double

    /// Rings with fewer vertices go to GeographicLib: they cost little, and a typical footprint then measures exactly
    /// as pyproj and PostGIS measure it (the two differ by GeographicLib's rounding, ~1e-5 m² an edge).
    static let minimumVertices = 64
    /// Edges spanning more longitude or latitude than this (degrees) are measured exactly.
    static let longEdgeDegrees = 0.05
    /// Bound on the lune formula's remainder per edge: `lunePerCubicMetre · L³` m².
    static let lunePerCubicMetre = 5e-14
    /// A ring is accepted when its summed remainder bound is under this fraction of its area.
    static let acceptedRelativeBound = 1e-11

    init(_ geodesic: geod_geodesic) {
        self.geodesic = geodesic
        a = geodesic.a
        e2 = geodesic.f * (2 - geodesic.f)
        e = e2.squareRoot()
        c2 = geodesic.c2
        qp = (1 - e2) * (1 / (1 - e2) + atanh(e) / e)
    }

    /// The unsigned area in m² of the ring (closed or not), or nil when it must go to `geod_polygonarea`.
    func area(lons: UnsafeBufferPointer<Double>, lats: UnsafeBufferPointer<Double>) -> Double? {
        let count = lons.count
        guard count >= Self.minimumVertices else { return nil }
        var g = geodesic
        var sum = CompensatedSum()
        var longitudeTurn = 0.0
        var cubedLengths = 0.0
        // Per vertex: sin φ, cos φ and tan(β/2), carried from one edge to the next.
        var previous = vertex(lats[count - 1])
        var previousLon = lons[count - 1]
        var previousLat = lats[count - 1]
        for i in 0..<count {
            let lon = lons[i], lat = lats[i]
            let current = vertex(lat)
            let dLon = lon - previousLon
            if abs(dLon) > Self.longEdgeDegrees || abs(lat - previousLat) > Self.longEdgeDegrees
                || abs(lat) > 80 || abs(previousLat) > 80
            {
                var s12 = 0.0
                geod_geninverse(&g, previousLat, previousLon, lat, lon, nil, nil, nil, nil, nil, nil, &s12)
                sum.add(s12)
                longitudeTurn += remainder(dLon, 360)
            } else {
                let edge = term(from: previous, to: current, dLon: dLon, dLat: lat - previousLat)
                sum.add(edge.area)
                cubedLengths += edge.cubedLength
                longitudeTurn += dLon
            }
            previous = current
            previousLon = lon
            previousLat = lat
        }
        // A ring around a pole winds through 360° of longitude; GeographicLib handles that case.
        guard abs(longitudeTurn) < 180 else { return nil }
        let area = abs(sum.value)
        guard Self.lunePerCubicMetre * cubedLengths <= Self.acceptedRelativeBound * area else { return nil }
        return area
    }

    /// The area between a short edge and the equator (GeographicLib's `S12`, same sign), and the edge's L³ for the
    /// remainder bound.
    private func term(from previous: Vertex, to current: Vertex, dLon: Double, dLat: Double) -> (area: Double, cubedLength: Double) {
        let lambda = dLon * (Double.pi / 180)
        let tangents = current.tanHalfBeta + previous.tanHalfBeta
        let excess = 2 * atan(tan(lambda / 2) * tangents / (1 + current.tanHalfBeta * previous.tanHalfBeta))
        // The lune between the geodesic's image and the great circle, at the mid-latitude φm.
        let sinSum = previous.sin * current.cos + previous.cos * current.sin  // sin 2φm
        let cosSum = previous.cos * current.cos - previous.sin * current.sin  // cos 2φm
        let cosSquared = (1 + cosSum) / 2
        let w = 1 - e2 * (1 - cosSum) / 2
        let nu = a / w.squareRoot()
        let rho = nu * (1 - e2) / w
        let dx = nu * cosSquared.squareRoot() * lambda
        let dy = rho * dLat * (Double.pi / 180)
        let lengthSquared = dx * dx + dy * dy
        let sinAzimuthSquared = lengthSquared > 0 ? dx * dx / lengthSquared : 0
        let lune = e2 * sinSum / (24 * a) * dx * lengthSquared * (1 + e2 * (0.628 - 0.633 * cosSquared * sinAzimuthSquared))
        return (excess * c2 + lune, lengthSquared * lengthSquared.squareRoot())
    }

    /// One edge's term by the authalic formula and by GeographicLib (for tests of the remainder bound).
    func edgeTerms(from start: Coordinate, to end: Coordinate) -> (authalic: Double, exact: Double) {
        var g = geodesic
        var s12 = 0.0
        geod_geninverse(&g, start.y, start.x, end.y, end.x, nil, nil, nil, nil, nil, nil, &s12)
        return (term(from: vertex(start.y), to: vertex(end.y), dLon: end.x - start.x, dLat: end.y - start.y).area, s12)
    }

    private struct Vertex { var sin: Double; var cos: Double; var tanHalfBeta: Double }

    private func vertex(_ latitude: Double) -> Vertex {
        let phi = latitude * (Double.pi / 180)
        let s = Foundation.sin(phi), c = Foundation.cos(phi)
        let es = e * s
        let q = (1 - e2) * (s / (1 - es * es) + atanh(es) / e)
        let sinBeta = q / qp
        let cosBeta = max(0, 1 - sinBeta * sinBeta).squareRoot()
        return Vertex(sin: s, cos: c, tanHalfBeta: sinBeta / (1 + cosBeta))
    }
}

/// Neumaier's compensated sum: the edge terms are large (areas down to the equator) and cancel to a small ring.
struct CompensatedSum {
    private var total = 0.0
    private var compensation = 0.0

    mutating func add(_ x: Double) {
        let t = total + x
        compensation += abs(total) >= abs(x) ? (total - t) + x : (x - t) + total
        total = t
    }

    var value: Double { total + compensation }
}
