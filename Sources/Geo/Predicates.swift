internal import CGEOS

/// Spatial predicates (DE-9IM), evaluated in the plane of the geometries' coordinates.
///
/// For many tests against one geometry, prepare it first (`PreparedGeometry`): GEOS then builds
/// an index over its segments once, which makes `contains` on a 100,000-vertex polygon tens of
/// thousands of times faster.
extension Geometry {
    /// Whether the two share at least one point (boundary contact counts). GEOS `GEOSIntersects`.
    public func intersects(_ other: Geometry) throws -> Bool {
        try GEOSContext.current.predicate("intersects") { GEOSIntersects_r($0, handle, other.handle) }
    }

    /// Whether `other` lies in this geometry and their interiors meet (a point on the boundary alone is not contained). GEOS `GEOSContains`.
    public func contains(_ other: Geometry) throws -> Bool {
        try GEOSContext.current.predicate("contains") { GEOSContains_r($0, handle, other.handle) }
    }

    /// Whether no point of `other` lies outside this geometry (boundary included). GEOS `GEOSCovers`.
    public func covers(_ other: Geometry) throws -> Bool {
        try GEOSContext.current.predicate("covers") { GEOSCovers_r($0, handle, other.handle) }
    }

    /// Whether no point of this geometry lies outside `other`. GEOS `GEOSCoveredBy`.
    public func isCovered(by other: Geometry) throws -> Bool {
        try GEOSContext.current.predicate("coveredBy") { GEOSCoveredBy_r($0, handle, other.handle) }
    }

    /// Whether this geometry lies in `other` (the converse of `contains`). GEOS `GEOSWithin`.
    public func isWithin(_ other: Geometry) throws -> Bool {
        try GEOSContext.current.predicate("within") { GEOSWithin_r($0, handle, other.handle) }
    }

    /// Whether the two meet only on their boundaries. GEOS `GEOSTouches`.
    public func touches(_ other: Geometry) throws -> Bool {
        try GEOSContext.current.predicate("touches") { GEOSTouches_r($0, handle, other.handle) }
    }

    /// Whether the two share no point. GEOS `GEOSDisjoint`.
    public func isDisjoint(from other: Geometry) throws -> Bool {
        try GEOSContext.current.predicate("disjoint") { GEOSDisjoint_r($0, handle, other.handle) }
    }

    /// Whether the two cross (lines through areas, lines through lines). GEOS `GEOSCrosses`.
    public func crosses(_ other: Geometry) throws -> Bool {
        try GEOSContext.current.predicate("crosses") { GEOSCrosses_r($0, handle, other.handle) }
    }

    /// Whether the two cover the same points (topological equality). GEOS `GEOSEquals`.
    public func isTopologicallyEqual(to other: Geometry) throws -> Bool {
        try GEOSContext.current.predicate("equals") { GEOSEquals_r($0, handle, other.handle) }
    }

    /// The DE-9IM intersection matrix, for example "212101212". GEOS `GEOSRelate`.
    public func relate(_ other: Geometry) throws -> String {
        let context = GEOSContext.current
        context.clearMessage()
        guard let matrix = GEOSRelate_r(context.handle, handle, other.handle) else { throw context.error("relate") }
        defer { GEOSFree_r(context.handle, matrix) }
        return String(cString: matrix)
    }
}
