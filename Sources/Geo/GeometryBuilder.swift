internal import CGEOS

/// Turns coordinates into GEOS objects, checking structure first so that GEOS never sees a ring it would
/// reject (a failed GEOS constructor leaves ownership unclear). Every handle it creates is either
/// returned to the caller or destroyed before it throws.
struct GeometryBuilder {
    let context: GEOSContext

    func make(_ shape: Shape) throws -> OpaquePointer {
        switch shape {
        case let .point(c):
            return try withFlat([c]) { try point($0) }
        case let .lineString(cs):
            return try withFlat(cs) { try lineString($0) }
        case let .polygon(rings):
            return try polygon(rings)
        case let .multiPoint(cs):
            return try collection(GEOS_MULTIPOINT, count: cs.count) { i in try withFlat([cs[i]]) { try point($0) } }
        case let .multiLineString(lines):
            return try collection(GEOS_MULTILINESTRING, count: lines.count) { i in try withFlat(lines[i]) { try lineString($0) } }
        case let .multiPolygon(polygons):
            return try collection(GEOS_MULTIPOLYGON, count: polygons.count) { i in try polygon(polygons[i]) }
        case let .geometryCollection(members):
            return try collection(GEOS_GEOMETRYCOLLECTION, count: members.count) { i in try make(members[i]) }
        }
    }

    private func polygon(_ rings: [[Coordinate]]) throws -> OpaquePointer {
        guard !rings.isEmpty else { return try empty(GEOS_POLYGON) }
        // Coordinate is two Doubles in a row, so each ring is read in place as x, y pairs.
        return try polygon(rings: rings.count) { index, body in try withFlat(rings[index], body) }
    }

    private func withFlat<R>(_ coordinates: [Coordinate], _ body: (UnsafeBufferPointer<Double>) throws -> R) throws -> R {
        try coordinates.withUnsafeBufferPointer { buffer in
            try buffer.withMemoryRebound(to: Double.self) { try body($0) }
        }
    }

    // MARK: From flat [x0, y0, x1, y1, …] buffers

    /// A Point from one x, y pair (or an empty point from an empty buffer).
    func point(_ xy: UnsafeBufferPointer<Double>) throws -> OpaquePointer {
        if xy.isEmpty { return try empty(GEOS_POINT) }
        try checkFinite(xy, "Point")
        guard let geometry = GEOSGeom_createPointFromXY_r(context.handle, xy[0], xy[1]) else {
            throw context.error("create Point")
        }
        return geometry
    }

    /// A LineString from x, y pairs (at least two positions, or none for an empty line).
    func lineString(_ xy: UnsafeBufferPointer<Double>) throws -> OpaquePointer {
        let count = xy.count / 2
        if count == 0 { return try empty(GEOS_LINESTRING) }
        guard count >= 2 else {
            throw GeoError.invalidStructure("a LineString needs at least 2 positions; it has \(count)")
        }
        try checkFinite(xy, "LineString")
        return try fromSequence(xy, "create LineString", GEOSGeom_createLineString_r)
    }

    /// A closed ring of at least four positions.
    func linearRing(_ xy: UnsafeBufferPointer<Double>, ringIndex: Int) throws -> OpaquePointer {
        let count = xy.count / 2
        guard count >= 4 else {
            throw GeoError.invalidStructure("ring \(ringIndex) has \(count) positions; a ring needs at least 4 (the last repeating the first)")
        }
        guard xy[0] == xy[xy.count - 2], xy[1] == xy[xy.count - 1] else {
            throw GeoError.invalidStructure(
                "ring \(ringIndex) is not closed: it starts at [\(xy[0]), \(xy[1])] and ends at [\(xy[xy.count - 2]), \(xy[xy.count - 1])]; repeat the first position at the end"
            )
        }
        try checkFinite(xy, "ring \(ringIndex)")
        return try fromSequence(xy, "create LinearRing", GEOSGeom_createLinearRing_r)
    }

    /// Copies the positions into a GEOS coordinate sequence and hands it to `make`, which takes ownership
    /// on success; on failure the sequence is still ours to destroy.
    private func fromSequence(
        _ xy: UnsafeBufferPointer<Double>, _ operation: String,
        _ make: (GEOSContextHandle_t?, OpaquePointer?) -> OpaquePointer?
    ) throws -> OpaquePointer {
        let sequence = try coordinateSequence(xy)
        guard let geometry = make(context.handle, sequence) else {
            GEOSCoordSeq_destroy_r(context.handle, sequence)
            throw context.error(operation)
        }
        return geometry
    }

    /// A Polygon from `rings` rings, the first the exterior; `ring(i, body)` hands out ring i's flat buffer.
    func polygon(rings: Int, ring: (Int, (UnsafeBufferPointer<Double>) throws -> OpaquePointer) throws -> OpaquePointer) throws -> OpaquePointer {
        guard rings > 0 else { return try empty(GEOS_POLYGON) }
        var made: [OpaquePointer] = []
        made.reserveCapacity(rings)
        do {
            for index in 0..<rings {
                made.append(try ring(index) { try linearRing($0, ringIndex: index) })
            }
        } catch {
            for handle in made { GEOSGeom_destroy_r(context.handle, handle) }
            throw error
        }
        // GEOS takes ownership of the shell and the holes (not of the array holding the holes).
        var holes: [OpaquePointer?] = made.dropFirst().map { $0 }
        let result = holes.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createPolygon_r(context.handle, made[0], buffer.baseAddress, UInt32(rings - 1))
        }
        guard let result else { throw context.error("create Polygon") }
        return result
    }

    /// A Multi geometry or collection of `count` members made by `member(i)`; ownership of members passes to it.
    func collection(_ type: GEOSGeomTypes, count: Int, member: (Int) throws -> OpaquePointer) throws -> OpaquePointer {
        var members: [OpaquePointer?] = []
        members.reserveCapacity(count)
        do {
            for index in 0..<count { members.append(try member(index)) }
        } catch {
            for case let handle? in members { GEOSGeom_destroy_r(context.handle, handle) }
            throw error
        }
        let result = members.withUnsafeMutableBufferPointer { buffer in
            GEOSGeom_createCollection_r(context.handle, Int32(type.rawValue), buffer.baseAddress, UInt32(count))
        }
        guard let result else { throw context.error("create \(type)") }
        return result
    }

    func empty(_ type: GEOSGeomTypes) throws -> OpaquePointer {
        let result: OpaquePointer?
        switch type {
        case GEOS_POINT: result = GEOSGeom_createEmptyPoint_r(context.handle)
        case GEOS_LINESTRING: result = GEOSGeom_createEmptyLineString_r(context.handle)
        case GEOS_POLYGON: result = GEOSGeom_createEmptyPolygon_r(context.handle)
        default: result = GEOSGeom_createEmptyCollection_r(context.handle, Int32(type.rawValue))
        }
        guard let result else { throw context.error("create empty geometry") }
        return result
    }

    private func coordinateSequence(_ xy: UnsafeBufferPointer<Double>) throws -> OpaquePointer {
        guard let base = xy.baseAddress,
            let sequence = GEOSCoordSeq_copyFromBuffer_r(context.handle, base, UInt32(xy.count / 2), 0, 0)
        else {
            throw context.error("create coordinate sequence")
        }
        return sequence
    }

    private func checkFinite(_ xy: UnsafeBufferPointer<Double>, _ what: String) throws {
        for value in xy where !value.isFinite {
            throw GeoError.invalidStructure("\(what) has a coordinate that is not a finite number (\(value))")
        }
    }
}

/// Reads coordinates back out of GEOS objects.
struct GeometryReader {
    let context: GEOSContext

    func shape(of geometry: OpaquePointer) -> Shape {
        let h = context.handle
        switch Int32(GEOSGeomTypeId_r(h, geometry)) {
        case Int32(GEOS_POINT.rawValue):
            return .point(coordinates(of: geometry).first ?? Coordinate(.nan, .nan))
        case Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue):
            return .lineString(coordinates(of: geometry))
        case Int32(GEOS_POLYGON.rawValue):
            return .polygon(rings(of: geometry))
        case Int32(GEOS_MULTIPOINT.rawValue):
            return .multiPoint(members(of: geometry).compactMap { coordinates(of: $0).first })
        case Int32(GEOS_MULTILINESTRING.rawValue):
            return .multiLineString(members(of: geometry).map { coordinates(of: $0) })
        case Int32(GEOS_MULTIPOLYGON.rawValue):
            return .multiPolygon(members(of: geometry).map { rings(of: $0) })
        default:
            return .geometryCollection(members(of: geometry).map { shape(of: $0) })
        }
    }

    /// Member geometries, borrowed (owned by `geometry`).
    func members(of geometry: OpaquePointer) -> [OpaquePointer] {
        let count = GEOSGetNumGeometries_r(context.handle, geometry)
        return (0..<max(0, count)).compactMap { GEOSGetGeometryN_r(context.handle, geometry, $0) }
    }

    /// Rings of a polygon, exterior first, borrowed (owned by `polygon`). Empty for an empty polygon.
    func ringHandles(of polygon: OpaquePointer) -> [OpaquePointer] {
        let h = context.handle
        guard GEOSisEmpty_r(h, polygon) == 0, let shell = GEOSGetExteriorRing_r(h, polygon) else { return [] }
        let holes = GEOSGetNumInteriorRings_r(h, polygon)
        return [shell] + (0..<max(0, holes)).compactMap { GEOSGetInteriorRingN_r(h, polygon, $0) }
    }

    func rings(of polygon: OpaquePointer) -> [[Coordinate]] {
        ringHandles(of: polygon).map { coordinates(of: $0) }
    }

    /// The positions of a Point, LineString or LinearRing.
    func coordinates(of simple: OpaquePointer) -> [Coordinate] {
        let h = context.handle
        guard GEOSisEmpty_r(h, simple) == 0, let sequence = GEOSGeom_getCoordSeq_r(h, simple) else { return [] }
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(h, sequence, &size) == 1, size > 0 else { return [] }
        var result = [Coordinate](repeating: Coordinate(0, 0), count: Int(size))
        result.withUnsafeMutableBufferPointer { buffer in
            buffer.withMemoryRebound(to: Double.self) { doubles in
                _ = GEOSCoordSeq_copyToBuffer_r(h, sequence, doubles.baseAddress, 0, 0)
            }
        }
        return result
    }

    /// The positions of a Point, LineString or LinearRing as separate x and y arrays (PROJ's geodesic routines want them so).
    func coordinateArrays(of simple: OpaquePointer, x: inout [Double], y: inout [Double]) {
        let h = context.handle
        x.removeAll(keepingCapacity: true)
        y.removeAll(keepingCapacity: true)
        guard GEOSisEmpty_r(h, simple) == 0, let sequence = GEOSGeom_getCoordSeq_r(h, simple) else { return }
        var size: UInt32 = 0
        guard GEOSCoordSeq_getSize_r(h, sequence, &size) == 1, size > 0 else { return }
        // Grown in place, so the caller's buffers keep their capacity from ring to ring.
        x.append(contentsOf: repeatElement(0, count: Int(size)))
        y.append(contentsOf: repeatElement(0, count: Int(size)))
        x.withUnsafeMutableBufferPointer { xs in
            y.withUnsafeMutableBufferPointer { ys in
                _ = GEOSCoordSeq_copyToArrays_r(h, sequence, xs.baseAddress, ys.baseAddress, nil, nil)
            }
        }
    }
}
