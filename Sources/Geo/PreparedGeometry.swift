internal import CGEOS

/// A geometry prepared for many predicate tests against other geometries.
///
/// GEOS builds its segment index lazily on the first test and does not lock it, so a
/// `PreparedGeometry` is deliberately not `Sendable`: give each thread or task its own (preparing
/// is cheap; the index build is paid once per copy). It keeps its base geometry alive.
///
/// ```swift
/// let zone = PreparedGeometry(try Geometry(wkt: zoneWKT))
/// let hits = try footprints.filter { try zone.intersects($0) }
/// ```
public final class PreparedGeometry {
    /// The geometry that was prepared.
    public let geometry: Geometry
    private let handle: OpaquePointer

    /// Prepares `geometry`. GEOS `GEOSPrepare`.
    public init(_ geometry: Geometry) throws {
        let context = GEOSContext.current
        context.clearMessage()
        guard let prepared = GEOSPrepare_r(context.handle, geometry.handle) else { throw context.error("prepare") }
        self.geometry = geometry
        self.handle = prepared
    }

    deinit {
        GEOSPreparedGeom_destroy_r(GEOSContext.current.handle, handle)
    }

    /// See `Geometry.intersects`. GEOS `GEOSPreparedIntersects`.
    public func intersects(_ other: Geometry) throws -> Bool {
        try GEOSContext.current.predicate("prepared intersects") { GEOSPreparedIntersects_r($0, handle, other.handle) }
    }

    /// See `Geometry.contains`. GEOS `GEOSPreparedContains`.
    public func contains(_ other: Geometry) throws -> Bool {
        try GEOSContext.current.predicate("prepared contains") { GEOSPreparedContains_r($0, handle, other.handle) }
    }

    /// Whether `other` lies in the interior, touching no boundary. GEOS `GEOSPreparedContainsProperly`.
    public func containsProperly(_ other: Geometry) throws -> Bool {
        try GEOSContext.current.predicate("prepared containsProperly") { GEOSPreparedContainsProperly_r($0, handle, other.handle) }
    }

    /// See `Geometry.covers`. GEOS `GEOSPreparedCovers`.
    public func covers(_ other: Geometry) throws -> Bool {
        try GEOSContext.current.predicate("prepared covers") { GEOSPreparedCovers_r($0, handle, other.handle) }
    }

    /// See `Geometry.isCovered(by:)`. GEOS `GEOSPreparedCoveredBy`.
    public func isCovered(by other: Geometry) throws -> Bool {
        try GEOSContext.current.predicate("prepared coveredBy") { GEOSPreparedCoveredBy_r($0, handle, other.handle) }
    }

    /// See `Geometry.isWithin`. GEOS `GEOSPreparedWithin`.
    public func isWithin(_ other: Geometry) throws -> Bool {
        try GEOSContext.current.predicate("prepared within") { GEOSPreparedWithin_r($0, handle, other.handle) }
    }

    /// See `Geometry.touches`. GEOS `GEOSPreparedTouches`.
    public func touches(_ other: Geometry) throws -> Bool {
        try GEOSContext.current.predicate("prepared touches") { GEOSPreparedTouches_r($0, handle, other.handle) }
    }

    /// See `Geometry.isDisjoint(from:)`. GEOS `GEOSPreparedDisjoint`.
    public func isDisjoint(from other: Geometry) throws -> Bool {
        try GEOSContext.current.predicate("prepared disjoint") { GEOSPreparedDisjoint_r($0, handle, other.handle) }
    }

    /// The planar distance in coordinate units (GEOS ≥ 3.9 `GEOSPreparedDistance`).
    public func planarDistance(to other: Geometry) throws -> Double {
        try GEOSContext.current.measure("prepared distance") { GEOSPreparedDistance_r($0, handle, other.handle, $1) }
    }

    /// Whether the planar distance is at most `distance` coordinate units (GEOS ≥ 3.10 `GEOSPreparedDistanceWithin`).
    public func isWithinPlanarDistance(_ distance: Double, of other: Geometry) throws -> Bool {
        try GEOSContext.current.predicate("prepared distanceWithin") { GEOSPreparedDistanceWithin_r($0, handle, other.handle, distance) }
    }
}
