internal import CGEOS

/// Set operations and derived geometries, in the plane of the geometries' coordinates (GEOS OverlayNG).
extension Geometry {
    /// The points shared by both. GEOS `GEOSIntersection`.
    public func intersection(_ other: Geometry) throws -> Geometry {
        try GEOSContext.current.makeGeometry("intersection") { GEOSIntersection_r($0, handle, other.handle) }
    }

    /// The points in either. GEOS `GEOSUnion`.
    public func union(_ other: Geometry) throws -> Geometry {
        try GEOSContext.current.makeGeometry("union") { GEOSUnion_r($0, handle, other.handle) }
    }

    /// The points of this geometry that are not in `other`. GEOS `GEOSDifference`.
    public func difference(_ other: Geometry) throws -> Geometry {
        try GEOSContext.current.makeGeometry("difference") { GEOSDifference_r($0, handle, other.handle) }
    }

    /// The points in exactly one of the two. GEOS `GEOSSymDifference`.
    public func symmetricDifference(_ other: Geometry) throws -> Geometry {
        try GEOSContext.current.makeGeometry("symmetricDifference") { GEOSSymDifference_r($0, handle, other.handle) }
    }

    /// This geometry's own members merged: overlapping polygons dissolved, lines noded. GEOS `GEOSUnaryUnion`.
    public func unaryUnion() throws -> Geometry {
        try GEOSContext.current.makeGeometry("unaryUnion") { GEOSUnaryUnion_r($0, handle) }
    }

    /// The union of many geometries at once (cascaded; much faster than folding `union`), overlaps counted once.
    /// An empty list gives an empty GeometryCollection.
    public static func unaryUnion(of geometries: [Geometry]) throws -> Geometry {
        let context = GEOSContext.current
        let builder = GeometryBuilder(context: context)
        let collection = try builder.collection(GEOS_GEOMETRYCOLLECTION, count: geometries.count) { index in
            guard let copy = GEOSGeom_clone_r(context.handle, geometries[index].handle) else { throw context.error("clone") }
            return copy
        }
        defer { GEOSGeom_destroy_r(context.handle, collection) }
        return try context.makeGeometry("unaryUnion") { GEOSUnaryUnion_r($0, collection) }
    }

    /// The bounding rectangle as a geometry (a Point for a single point). GEOS `GEOSEnvelope`.
    public func envelopeGeometry() throws -> Geometry {
        try GEOSContext.current.makeGeometry("envelope") { GEOSEnvelope_r($0, handle) }
    }

    /// The smallest convex polygon containing the geometry. GEOS `GEOSConvexHull`.
    public func convexHull() throws -> Geometry {
        try GEOSContext.current.makeGeometry("convexHull") { GEOSConvexHull_r($0, handle) }
    }

    /// The boundary (rings of a polygon, end points of a line). GEOS `GEOSBoundary`.
    public func boundary() throws -> Geometry {
        try GEOSContext.current.makeGeometry("boundary") { GEOSBoundary_r($0, handle) }
    }

    /// A buffer in the geometry's own coordinate units. For lon/lat data use `buffer(meters:)`.
    /// GEOS `GEOSBuffer` with `quadrantSegments` segments per quarter circle.
    public func planarBuffer(_ distance: Double, quadrantSegments: Int = 8) throws -> Geometry {
        guard distance.isFinite else { throw GeoError.invalidArgument("buffer distance must be finite, not \(distance)") }
        return try GEOSContext.current.makeGeometry("buffer") { GEOSBuffer_r($0, handle, distance, Int32(quadrantSegments)) }
    }

    /// The shortest planar distance in the geometries' own coordinate units (degrees for lon/lat!).
    /// For metres between lon/lat geometries use `distance(meters:)`. GEOS `GEOSDistance`.
    public func planarDistance(to other: Geometry) throws -> Double {
        try GEOSContext.current.measure("distance") { GEOSDistance_r($0, handle, other.handle, $1) }
    }

    /// The planar area in squared coordinate units. For square metres on lon/lat data use `geodesicArea()`.
    public func planarArea() throws -> Double {
        try GEOSContext.current.measure("area") { GEOSArea_r($0, handle, $1) }
    }

    /// The geometry with all members of dimension `dimension` (0 points, 1 lines, 2 polygons) kept and the rest dropped,
    /// for example the polygonal part of an intersection result. Returns a Multi geometry (possibly empty).
    public func extracting(dimension: Int) throws -> Geometry {
        // Already of the wanted dimension and kind: nothing to take apart.
        switch (dimension, kind) {
        case (2, .multiPolygon), (1, .multiLineString), (0, .multiPoint): return self
        default: break
        }
        let context = GEOSContext.current
        let reader = GeometryReader(context: context)
        var kept: [OpaquePointer] = []
        func walk(_ g: OpaquePointer) {
            let type = Int32(GEOSGeomTypeId_r(context.handle, g))
            if type == Int32(GEOS_GEOMETRYCOLLECTION.rawValue) || type == Int32(GEOS_MULTIPOINT.rawValue)
                || type == Int32(GEOS_MULTILINESTRING.rawValue) || type == Int32(GEOS_MULTIPOLYGON.rawValue)
            {
                for member in reader.members(of: g) { walk(member) }
            } else if Int(GEOSGeom_getDimensions_r(context.handle, g)) == dimension, GEOSisEmpty_r(context.handle, g) == 0 {
                kept.append(g)
            }
        }
        walk(handle)
        let type = dimension == 0 ? GEOS_MULTIPOINT : dimension == 1 ? GEOS_MULTILINESTRING : GEOS_MULTIPOLYGON
        let builder = GeometryBuilder(context: context)
        let result = try builder.collection(type, count: kept.count) { index in
            guard let copy = GEOSGeom_clone_r(context.handle, kept[index]) else { throw context.error("clone") }
            return copy
        }
        return Geometry(owning: result)
    }
}
