internal import CGEOS

/// A geometry held by GEOS: Point, LineString, Polygon (with holes), their Multi forms or a
/// GeometryCollection.
///
/// A `Geometry` owns its GEOS object and frees it when the last reference goes away. It is never
/// changed after it is made, so it may be shared between threads: every operation runs in the
/// calling thread's own GEOS context. Coordinates are two-dimensional.
///
/// ```swift
/// let square = try Geometry(.polygon([[.init(0, 0), .init(1, 0), .init(1, 1), .init(0, 1), .init(0, 0)]]))
/// let cut = try square.intersection(Geometry(wkt: "POLYGON ((0.5 0, 2 0, 2 1, 0.5 1, 0.5 0))"))
/// ```
public final class Geometry: @unchecked Sendable {
    // @unchecked: the GEOS object is never changed after construction, and GEOS's const operations may run
    // on one geometry from several threads at once, each with its own context. One exception had to be
    // closed: GEOS 3.11 computes and caches envelopes lazily inside const calls, so two threads touching a
    // fresh geometry raced on that cache (LeakSanitizer caught the lost envelope). `init` therefore computes
    // every component's envelope up front, on the creating thread.
    let handle: OpaquePointer

    /// Takes ownership of a GEOS geometry; it is destroyed with this object.
    init(owning handle: OpaquePointer) {
        self.handle = handle
        Geometry.computeEnvelopes(handle, context: GEOSContext.current.handle)
    }

    /// Fills GEOS's envelope cache of the geometry and of every member and ring, so that later concurrent reads
    /// find it filled and never write it.
    private static func computeEnvelopes(_ g: OpaquePointer, context: GEOSContextHandle_t) {
        var minX = 0.0, minY = 0.0, maxX = 0.0, maxY = 0.0
        _ = GEOSGeom_getExtent_r(context, g, &minX, &minY, &maxX, &maxY)
        switch Int32(GEOSGeomTypeId_r(context, g)) {
        case Int32(GEOS_POLYGON.rawValue):
            guard GEOSisEmpty_r(context, g) == 0 else { return }
            if let shell = GEOSGetExteriorRing_r(context, g) { _ = GEOSGeom_getExtent_r(context, shell, &minX, &minY, &maxX, &maxY) }
            for index in 0..<max(0, GEOSGetNumInteriorRings_r(context, g)) {
                if let hole = GEOSGetInteriorRingN_r(context, g, index) { _ = GEOSGeom_getExtent_r(context, hole, &minX, &minY, &maxX, &maxY) }
            }
        case Int32(GEOS_MULTIPOINT.rawValue), Int32(GEOS_MULTILINESTRING.rawValue), Int32(GEOS_MULTIPOLYGON.rawValue),
            Int32(GEOS_GEOMETRYCOLLECTION.rawValue):
            for index in 0..<max(0, GEOSGetNumGeometries_r(context, g)) {
                if let member = GEOSGetGeometryN_r(context, g, index) { computeEnvelopes(member, context: context) }
            }
        default:
            break
        }
    }

    deinit {
        GEOSGeom_destroy_r(GEOSContext.current.handle, handle)
    }

    /// Builds a geometry from coordinates.
    ///
    /// - Throws: `GeoError.invalidStructure` when a line has fewer than two positions, a ring fewer than
    ///   four or is not closed, or a coordinate is not finite.
    public convenience init(_ shape: Shape) throws {
        let context = GEOSContext.current
        self.init(owning: try GeometryBuilder(context: context).make(shape))
    }

    /// A point.
    public static func point(_ x: Double, _ y: Double) throws -> Geometry {
        try Geometry(.point(Coordinate(x, y)))
    }

    /// An axis-aligned rectangle as a Polygon with a counter-clockwise exterior.
    public static func rectangle(_ envelope: Envelope) throws -> Geometry {
        let e = envelope
        return try Geometry(
            .polygon([
                [
                    Coordinate(e.minX, e.minY), Coordinate(e.maxX, e.minY), Coordinate(e.maxX, e.maxY),
                    Coordinate(e.minX, e.maxY), Coordinate(e.minX, e.minY),
                ]
            ]))
    }

    /// The geometry's type. A LinearRing (which only appears inside polygons) reads as `.lineString`.
    public var kind: GeometryKind {
        let context = GEOSContext.current
        switch Int32(GEOSGeomTypeId_r(context.handle, handle)) {
        case Int32(GEOS_POINT.rawValue): return .point
        case Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue): return .lineString
        case Int32(GEOS_POLYGON.rawValue): return .polygon
        case Int32(GEOS_MULTIPOINT.rawValue): return .multiPoint
        case Int32(GEOS_MULTILINESTRING.rawValue): return .multiLineString
        case Int32(GEOS_MULTIPOLYGON.rawValue): return .multiPolygon
        default: return .geometryCollection
        }
    }

    /// Whether the geometry has no points at all.
    public var isEmpty: Bool {
        GEOSisEmpty_r(GEOSContext.current.handle, handle) == 1
    }

    /// The number of member geometries: 1 for a single geometry, the member count for Multi types and collections.
    public var numberOfGeometries: Int {
        Int(GEOSGetNumGeometries_r(GEOSContext.current.handle, handle))
    }

    /// The total number of vertices (ring closing points included).
    public var numberOfPoints: Int {
        Int(GEOSGetNumCoordinates_r(GEOSContext.current.handle, handle))
    }

    /// A copy of the member at `index` (0-based) of a Multi geometry or collection; the geometry itself for index 0 of a single one.
    public func geometry(at index: Int) throws -> Geometry {
        let context = GEOSContext.current
        guard index >= 0, index < numberOfGeometries,
            let member = GEOSGetGeometryN_r(context.handle, handle, Int32(index))
        else {
            throw GeoError.invalidArgument("member \(index) does not exist; the geometry has \(numberOfGeometries)")
        }
        return try context.makeGeometry("clone") { GEOSGeom_clone_r($0, member) }
    }

    /// The members of a Multi geometry or collection as separate geometries (the geometry itself when single).
    public func members() throws -> [Geometry] {
        try (0..<numberOfGeometries).map { try geometry(at: $0) }
    }

    /// The bounding rectangle, or nil for an empty geometry.
    public var envelope: Envelope? {
        let context = GEOSContext.current
        guard !isEmpty else { return nil }
        var e = Envelope(minX: 0, minY: 0, maxX: 0, maxY: 0)
        // One call for all four bounds (GEOS ≥ 3.11).
        guard GEOSGeom_getExtent_r(context.handle, handle, &e.minX, &e.minY, &e.maxX, &e.maxY) == 1 else { return nil }
        return e
    }

    /// The coordinates of the geometry as plain values.
    public var shape: Shape {
        GeometryReader(context: GEOSContext.current).shape(of: handle)
    }

    /// The planar centroid (in the geometry's own coordinates).
    public func centroid() throws -> Geometry {
        try GEOSContext.current.makeGeometry("centroid") { GEOSGetCentroid_r($0, handle) }
    }

    /// A point guaranteed to lie inside the geometry (useful for labels).
    public func pointOnSurface() throws -> Geometry {
        try GEOSContext.current.makeGeometry("pointOnSurface") { GEOSPointOnSurface_r($0, handle) }
    }

    /// The coordinate of a Point, or nil for other types and empty points.
    public var pointCoordinate: Coordinate? {
        guard kind == .point, !isEmpty else { return nil }
        let context = GEOSContext.current
        var c = Coordinate(0, 0)
        guard GEOSGeomGetX_r(context.handle, handle, &c.x) == 1,
            GEOSGeomGetY_r(context.handle, handle, &c.y) == 1
        else { return nil }
        return c
    }

    /// A deep copy (a new GEOS object).
    public func copy() throws -> Geometry {
        try GEOSContext.current.makeGeometry("clone") { GEOSGeom_clone_r($0, handle) }
    }

    /// Whether two geometries have the same structure and exactly the same coordinates.
    public func isExactlyEqual(to other: Geometry, tolerance: Double = 0) throws -> Bool {
        try GEOSContext.current.predicate("equalsExact") { GEOSEqualsExact_r($0, handle, other.handle, tolerance) }
    }
}

extension Geometry: CustomStringConvertible {
    /// The geometry as WKT (trimmed numbers).
    public var description: String {
        (try? wkt()) ?? "<\(kind.name)>"
    }
}
