/// A local conformal plane for metric work on lon/lat geometries: the CGCS2000 3-degree
/// Gauss–Krüger zone of a longitude. Within ±1.5° of the central meridian the scale error is below
/// 1.4 × 10⁻⁴, so distances and buffers of a few kilometres are right to well under a metre.
public struct LocalPlane: Sendable, Hashable {
    /// The projected CRS (a CGCS2000 3-degree Gauss–Krüger zone without zone prefix).
    public let crs: CRS
    /// lon/lat (CGCS2000) → plane.
    public let forward: CoordinateTransform
    /// plane → lon/lat (CGCS2000).
    public let inverse: CoordinateTransform

    /// The plane of an explicit projected CRS.
    public init(crs: CRS) throws {
        self.crs = crs
        forward = try CoordinateTransform(from: .cgcs2000, to: crs)
        inverse = forward.inverse
    }

    /// The 3-degree Gauss–Krüger plane whose central meridian is nearest to `longitude`.
    public init(longitude: Double) throws {
        try self.init(crs: GaussKruger.localPlane(forLongitude: longitude))
    }

    /// The plane that suits the centre of the given geometries' combined envelope.
    public init(around geometries: [Geometry]) throws {
        guard let envelope = Envelope.union(of: geometries.compactMap(\.envelope)) else {
            throw GeoError.invalidArgument("no local plane for empty geometries")
        }
        let centre = envelope.center
        guard centre.isLonLat else {
            throw GeoError.coordinateOutOfRange(
                operation: "local plane", x: centre.x, y: centre.y,
                expected: "longitude/latitude in degrees")
        }
        try self.init(longitude: centre.x)
    }
}

extension Geometry {
    /// The shortest distance in metres between two lon/lat geometries; 0 when they intersect.
    ///
    /// Measured in `plane` (by default the 3-degree Gauss–Krüger zone of the pair's centre), never in degrees.
    public func distance(meters other: Geometry, in plane: LocalPlane? = nil) throws -> Double {
        let plane = try plane ?? LocalPlane(around: [self, other])
        return try plane.forward.transform(self).planarDistance(to: plane.forward.transform(other))
    }

    /// The area within `meters` of a lon/lat geometry (negative shrinks polygons), built in `plane`
    /// (by default the Gauss–Krüger zone of the geometry's centre) and returned in lon/lat.
    ///
    /// - Parameter quadrantSegments: segments per quarter circle; 8 gives a maximum radial error of 0.8 %.
    public func buffer(meters: Double, quadrantSegments: Int = 8, in plane: LocalPlane? = nil) throws -> Geometry {
        let plane = try plane ?? LocalPlane(around: [self])
        let projected = try plane.forward.transform(self)
        return try plane.inverse.transform(projected.planarBuffer(meters, quadrantSegments: quadrantSegments))
    }
}
