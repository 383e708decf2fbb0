internal import CGEOS

extension Geometry {
    /// Reads Well-Known Text, for example `POLYGON ((0 0, 1 0, 1 1, 0 0))`.
    ///
    /// - Throws: `GeoError.unreadable` with GEOS's parse message.
    public convenience init(wkt: String) throws {
        let context = GEOSContext.current
        guard let reader = GEOSWKTReader_create_r(context.handle) else { throw context.error("WKT reader") }
        defer { GEOSWKTReader_destroy_r(context.handle, reader) }
        context.clearMessage()
        guard let geometry = GEOSWKTReader_read_r(context.handle, reader, wkt) else {
            throw GeoError.unreadable(format: "WKT", message: context.lastMessage ?? "unreadable text")
        }
        self.init(owning: geometry)
    }

    /// Reads Well-Known Binary (either byte order; ISO or extended 2-D).
    ///
    /// - Throws: `GeoError.unreadable` with GEOS's parse message.
    public convenience init(wkb: [UInt8]) throws {
        let context = GEOSContext.current
        guard let reader = GEOSWKBReader_create_r(context.handle) else { throw context.error("WKB reader") }
        defer { GEOSWKBReader_destroy_r(context.handle, reader) }
        context.clearMessage()
        let geometry = wkb.withUnsafeBufferPointer { buffer in
            GEOSWKBReader_read_r(context.handle, reader, buffer.baseAddress, buffer.count)
        }
        guard let geometry else {
            throw GeoError.unreadable(format: "WKB", message: context.lastMessage ?? "unreadable bytes")
        }
        self.init(owning: geometry)
    }

    /// Well-Known Text; `precision` rounds to that many decimals, nil keeps full precision with trailing zeros trimmed.
    public func wkt(precision: Int? = nil) throws -> String {
        let context = GEOSContext.current
        guard let writer = GEOSWKTWriter_create_r(context.handle) else { throw context.error("WKT writer") }
        defer { GEOSWKTWriter_destroy_r(context.handle, writer) }
        GEOSWKTWriter_setTrim_r(context.handle, writer, 1)
        GEOSWKTWriter_setOutputDimension_r(context.handle, writer, 2)
        if let precision { GEOSWKTWriter_setRoundingPrecision_r(context.handle, writer, Int32(precision)) }
        context.clearMessage()
        guard let text = GEOSWKTWriter_write_r(context.handle, writer, handle) else { throw context.error("write WKT") }
        defer { GEOSFree_r(context.handle, text) }
        return String(cString: text)
    }

    /// Well-Known Binary, little-endian, two-dimensional.
    public func wkb() throws -> [UInt8] {
        let context = GEOSContext.current
        guard let writer = GEOSWKBWriter_create_r(context.handle) else { throw context.error("WKB writer") }
        defer { GEOSWKBWriter_destroy_r(context.handle, writer) }
        GEOSWKBWriter_setByteOrder_r(context.handle, writer, Int32(GEOS_WKB_NDR.rawValue))
        GEOSWKBWriter_setOutputDimension_r(context.handle, writer, 2)
        var size = 0
        context.clearMessage()
        guard let bytes = GEOSWKBWriter_write_r(context.handle, writer, handle, &size) else { throw context.error("write WKB") }
        defer { GEOSFree_r(context.handle, bytes) }
        return Array(UnsafeBufferPointer(start: bytes, count: size))
    }
}
