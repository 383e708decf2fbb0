internal import CGEOS

/// Options for writing GeoJSON.
public struct GeoJSONWriteOptions: Sendable {
    /// Decimal places for coordinates; nil keeps every digit (shortest round-trip form).
    /// 7 decimals of a degree are about 1 cm.
    public var coordinateDecimals: Int?
    /// Write the legacy `crs` member naming this CRS (for projected output; RFC 7946 data has none).
    public var crs: CRS?

    /// Options: full precision, no `crs` member.
    public init(coordinateDecimals: Int? = nil, crs: CRS? = nil) {
        self.coordinateDecimals = coordinateDecimals
        self.crs = crs
    }
}

extension GeoJSON {
    /// The geometry as a GeoJSON geometry object (UTF-8 bytes).
    public static func encode(_ geometry: Geometry, options: GeoJSONWriteOptions = .init()) -> [UInt8] {
        var writer = GeoJSONEncoder(options: options)
        writer.write(geometry: geometry.handle)
        return writer.json.bytes
    }

    /// The feature as a GeoJSON Feature object (UTF-8 bytes).
    public static func encode(_ feature: Feature, options: GeoJSONWriteOptions = .init()) -> [UInt8] {
        var writer = GeoJSONEncoder(options: options)
        writer.write(feature: feature)
        return writer.json.bytes
    }

    /// The features as a FeatureCollection, one feature per line, members in their original order.
    public static func encode(_ collection: FeatureCollection, options: GeoJSONWriteOptions = .init()) -> [UInt8] {
        var options = options
        if options.crs == nil { options.crs = collection.crs }
        var writer = GeoJSONEncoder(options: options)
        writer.write(collection: collection)
        return writer.json.bytes
    }

    /// The geometry as GeoJSON text.
    public static func string(_ geometry: Geometry, options: GeoJSONWriteOptions = .init()) -> String {
        String(decoding: encode(geometry, options: options), as: UTF8.self)
    }
}

/// Streams GEOS geometries into GeoJSON.
struct GeoJSONEncoder {
    var json = JSONWriter()
    let options: GeoJSONWriteOptions
    let context = GEOSContext.current
    private let scale: Double?

    init(options: GeoJSONWriteOptions) {
        self.options = options
        scale = options.coordinateDecimals.map { decimals in
            var s = 1.0
            for _ in 0..<max(0, min(decimals, 15)) { s *= 10 }
            return s
        }
    }

    mutating func write(collection: FeatureCollection) {
        json.raw("{\"type\":\"FeatureCollection\"")
        writeCRS()
        writeMembers(collection.foreignMembers)
        json.raw(",\"features\":[")
        for (i, feature) in collection.features.enumerated() {
            json.raw(i == 0 ? "\n" : ",\n")
            write(feature: feature)
        }
        json.raw("\n]}\n")
    }

    /// Writes `,"key":value` for each member (foreign members kept from the input).
    private mutating func writeMembers(_ members: JSONObject) {
        for (key, value) in members {
            json.raw(",")
            json.write(string: key)
            json.raw(":")
            json.write(value)
        }
    }

    private mutating func writeCRS() {
        guard let crs = options.crs else { return }
        let name: String
        if let code = crs.epsgCode { name = "urn:ogc:def:crs:EPSG::\(code)" } else { name = crs.definition }
        json.raw(",\"crs\":{\"type\":\"name\",\"properties\":{\"name\":")
        json.write(string: name)
        json.raw("}}")
    }

    mutating func write(feature: Feature) {
        json.raw("{\"type\":\"Feature\"")
        if let id = feature.id {
            json.raw(",\"id\":")
            json.write(id)
        }
        json.raw(",\"properties\":")
        if let properties = feature.properties { json.write(properties) } else { json.raw("null") }
        json.raw(",\"geometry\":")
        if let geometry = feature.geometry { write(geometry: geometry.handle) } else { json.raw("null") }
        writeMembers(feature.foreignMembers)
        json.raw("}")
    }

    mutating func write(geometry g: OpaquePointer) {
        let reader = GeometryReader(context: context)
        let type = Int32(GEOSGeomTypeId_r(context.handle, g))
        let empty = GEOSisEmpty_r(context.handle, g) == 1
        switch type {
        case Int32(GEOS_POINT.rawValue):
            json.raw("{\"type\":\"Point\",\"coordinates\":")
            if empty { json.raw("[]") } else { writePosition(reader.coordinates(of: g)[0]) }
        case Int32(GEOS_LINESTRING.rawValue), Int32(GEOS_LINEARRING.rawValue):
            json.raw("{\"type\":\"LineString\",\"coordinates\":")
            writePositions(reader.coordinates(of: g))
        case Int32(GEOS_POLYGON.rawValue):
            json.raw("{\"type\":\"Polygon\",\"coordinates\":")
            writeRings(reader.ringHandles(of: g), reader)
        case Int32(GEOS_MULTIPOINT.rawValue):
            json.raw("{\"type\":\"MultiPoint\",\"coordinates\":")
            writePositions(reader.members(of: g).compactMap { reader.coordinates(of: $0).first })
        case Int32(GEOS_MULTILINESTRING.rawValue):
            json.raw("{\"type\":\"MultiLineString\",\"coordinates\":[")
            for (i, member) in reader.members(of: g).enumerated() {
                if i > 0 { json.raw(",") }
                writePositions(reader.coordinates(of: member))
            }
            json.raw("]")
        case Int32(GEOS_MULTIPOLYGON.rawValue):
            json.raw("{\"type\":\"MultiPolygon\",\"coordinates\":[")
            for (i, member) in reader.members(of: g).enumerated() {
                if i > 0 { json.raw(",") }
                writeRings(reader.ringHandles(of: member), reader)
            }
            json.raw("]")
        default:
            json.raw("{\"type\":\"GeometryCollection\",\"geometries\":[")
            for (i, member) in reader.members(of: g).enumerated() {
                if i > 0 { json.raw(",") }
                write(geometry: member)
            }
            json.raw("]")
        }
        json.raw("}")
    }

    private mutating func writeRings(_ rings: [OpaquePointer], _ reader: GeometryReader) {
        json.raw("[")
        for (i, ring) in rings.enumerated() {
            if i > 0 { json.raw(",") }
            writePositions(reader.coordinates(of: ring))
        }
        json.raw("]")
    }

    private mutating func writePositions(_ positions: [Coordinate]) {
        json.raw("[")
        for (i, p) in positions.enumerated() {
            if i > 0 { json.raw(",") }
            writePosition(p)
        }
        json.raw("]")
    }

    private mutating func writePosition(_ p: Coordinate) {
        json.raw("[")
        json.write(number: rounded(p.x))
        json.raw(",")
        json.write(number: rounded(p.y))
        json.raw("]")
    }

    private func rounded(_ value: Double) -> Double {
        guard let scale else { return value }
        return (value * scale).rounded() / scale
    }
}
