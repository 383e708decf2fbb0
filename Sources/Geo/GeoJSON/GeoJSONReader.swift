internal import CGEOS

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reading GeoJSON (RFC 7946, plus the legacy 2008 `crs` member).
///
/// A JSON syntax error makes the whole document unreadable and throws. A feature whose geometry is
/// malformed GeoJSON (an unclosed ring, positions nested at the wrong depth, a number too large)
/// is reported in `FeatureCollection.rejected` with its index, id and line, and the reader goes on
/// with the next feature: in batch work one bad feature must not hide the others.
///
/// ```swift
/// let collection = try GeoJSON.read(contentsOf: "zones.geojson")
/// for problem in collection.rejected { print(problem) }
/// ```
public enum GeoJSON {
    /// Reads a GeoJSON file.
    ///
    /// - Throws: `GeoJSONError` (with `file` set) when the file cannot be opened or is not JSON.
    public static func read(contentsOf path: String) throws -> FeatureCollection {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(path)
        } catch let error as GeoJSONError {
            var located = error
            located.file = path
            throw located
        }
        return try read(bytes, file: path)
    }

    /// Reads GeoJSON text.
    public static func read(_ text: String) throws -> FeatureCollection {
        try read(Array(text.utf8))
    }

    /// Reads GeoJSON bytes (UTF-8; a leading byte-order mark is accepted). `file` only labels errors.
    public static func read(_ bytes: [UInt8], file: String? = nil) throws -> FeatureCollection {
        var terminated = bytes
        terminated.append(0)  // the scanner's sentinel
        return try terminated.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { throw GeoJSONError(message: "no input", file: file, isFatal: true) }
            return try DocumentReader(bytes: base, count: buffer.count - 1, file: file).read()
        }
    }

    /// Reads one geometry from GeoJSON text (a bare Geometry, or the geometry of a single Feature).
    public static func readGeometry(_ text: String) throws -> Geometry {
        let collection = try read(text)
        if let first = collection.rejected.first { throw first }
        guard collection.features.count == 1, let geometry = collection.features[0].geometry else {
            throw GeoJSONError(message: "expected exactly one geometry, found \(collection.features.count) feature(s)")
        }
        return geometry
    }
}

/// Reads a whole file into memory.
enum FileBytes {
    static func read(_ path: String) throws -> [UInt8] {
        guard let file = fopen(path, "rb") else {
            throw GeoJSONError(message: "cannot open: \(String(cString: strerror(errno)))", file: path, isFatal: true)
        }
        defer { fclose(file) }
        var chunks: [UInt8] = []
        var status = stat()
        if fstat(fileno(file), &status) == 0, status.st_size > 0 {
            chunks.reserveCapacity(Int(status.st_size) + 1)
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let read = buffer.withUnsafeMutableBytes { fread($0.baseAddress, 1, $0.count, file) }
            if read > 0 { chunks.append(contentsOf: buffer[0..<read]) }
            if read < buffer.count {
                if ferror(file) != 0 { throw GeoJSONError(message: "read error: \(String(cString: strerror(errno)))", file: path, isFatal: true) }
                break
            }
        }
        return chunks
    }
}

/// A geometry object as parsed, built into GEOS once the whole object has been read.
private struct RawGeometry {
    var type: String?
    var coordinates: CoordinateNode?
    var members: [RawGeometry]?
    var offset: Int
}

/// One document's reading state.
private struct DocumentReader {
    let bytes: UnsafePointer<UInt8>
    let count: Int
    let file: String?
    let context = GEOSContext.current

    func read() throws -> FeatureCollection {
        var scanner = JSONScanner(bytes: bytes, count: count)
        do {
            return try readDocument(&scanner)
        } catch let error as JSONSyntaxError {
            let (line, column) = location(of: error.offset)
            throw GeoJSONError(message: "not valid JSON: \(error.message)", file: file, line: line, column: column, isFatal: true)
        }
    }

    // MARK: Top level

    private func readDocument(_ scanner: inout JSONScanner) throws -> FeatureCollection {
        // A UTF-8 byte-order mark is not JSON, but common from Windows tools; RFC 8259 lets readers ignore it.
        if scanner.count >= 3, scanner.bytes[0] == 0xEF, scanner.bytes[1] == 0xBB, scanner.bytes[2] == 0xBF { scanner.index = 3 }
        scanner.skipWhitespace()
        guard scanner.current == UInt8(ascii: "{") else {
            if scanner.index >= scanner.count { throw fatal("the file is empty", at: scanner.index) }
            throw fatal("a GeoJSON document is a JSON object, but it starts with \(scanner.found)", at: scanner.index)
        }
        var type: String?
        var collection = FeatureCollection(features: [])
        var crsValue: JSONValue?
        var feature = PendingFeature(index: 0, offset: scanner.index)
        var geometry = RawGeometry(offset: scanner.index)
        var sawFeatures = false

        try scanner.forEachMember(depth: 0) { scanner, key in
            switch key {
            case "type":
                type = try Self.typeName(&scanner)
            case "features":
                sawFeatures = true
                try readFeatures(&scanner, into: &collection)
                scanner.contentProblem = nil
                scanner.sawAltitude = false
            case "crs":
                crsValue = try scanner.parseValue(depth: 1)
            case "bbox":
                try scanner.skipValue(depth: 1)
            // A bare Feature or Geometry at the top level:
            case "geometry":
                feature.geometry = try readGeometryMember(&scanner)
                feature.hasGeometryMember = true
            case "properties":
                feature.properties = try scanner.parseValue(depth: 1)
            case "id":
                feature.id = try scanner.parseValue(depth: 1)
            case "coordinates":
                geometry.coordinates = try scanner.parseCoordinates(depth: 1)
            case "geometries":
                geometry.members = try readGeometryList(&scanner, depth: 1)
            default:
                feature.foreign.append(key, try scanner.parseValue(depth: 1))
            }
        }
        feature.problem = scanner.contentProblem
        feature.sawAltitude = scanner.sawAltitude
        scanner.skipWhitespace()
        guard scanner.index >= scanner.count else {
            throw fatal("unexpected \(scanner.found) after the end of the GeoJSON object", at: scanner.index)
        }
        guard let type else { throw fatal("the top-level object has no \"type\" member", at: 0) }
        if let crsValue { collection.crs = try crs(from: crsValue) }

        switch type {
        case "FeatureCollection":
            guard sawFeatures else { throw fatal("a FeatureCollection needs a \"features\" array", at: 0) }
            collection.foreignMembers = feature.foreign
            return collection
        case "Feature":
            collection.origin = .feature
            finish(feature, into: &collection)
            return collection
        case "Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection":
            collection.origin = .geometry
            geometry.type = type
            var bare = PendingFeature(index: 0, offset: geometry.offset)
            bare.geometry = geometry
            bare.hasGeometryMember = true
            bare.problem = feature.problem
            bare.sawAltitude = feature.sawAltitude
            finish(bare, into: &collection)
            return collection
        default:
            throw fatal("unknown GeoJSON type \"\(type)\"; expected FeatureCollection, Feature or a geometry type", at: 0)
        }
    }

    private static func typeName(_ scanner: inout JSONScanner) throws -> String {
        scanner.skipWhitespace()
        guard scanner.current == UInt8(ascii: "\"") else {
            throw scanner.error("\"type\" must be a string but found \(scanner.found)")
        }
        return try scanner.parseString()
    }

    // MARK: Features

    private struct PendingFeature {
        var index: Int
        var offset: Int
        var type: String?
        var id: JSONValue?
        var properties: JSONValue?
        var geometry: RawGeometry?
        var hasGeometryMember = false
        var foreign = JSONObject()
        var problem: (offset: Int, message: String)?
        var sawAltitude = false

        init(index: Int, offset: Int) {
            self.index = index
            self.offset = offset
        }
    }

    private func readFeatures(_ scanner: inout JSONScanner, into collection: inout FeatureCollection) throws {
        scanner.skipWhitespace()
        guard scanner.current == UInt8(ascii: "[") else { throw scanner.error("\"features\" must be an array but found \(scanner.found)") }
        try scanner.forEachElement(depth: 1) { scanner, index in
            scanner.skipWhitespace()
            var feature = PendingFeature(index: index, offset: scanner.index)
            guard scanner.current == UInt8(ascii: "{") else {
                feature.problem = (scanner.index, "a feature must be an object but found \(scanner.found)")
                try scanner.skipValue(depth: 2)
                finish(feature, into: &collection)
                return
            }
            scanner.contentProblem = nil
            scanner.sawAltitude = false
            try scanner.forEachMember(depth: 2) { scanner, key in
                switch key {
                case "type": feature.type = try Self.typeName(&scanner)
                case "id": feature.id = try scanner.parseValue(depth: 3)
                case "properties": feature.properties = try scanner.parseValue(depth: 3)
                case "geometry":
                    feature.geometry = try readGeometryMember(&scanner)
                    feature.hasGeometryMember = true
                case "bbox": try scanner.skipValue(depth: 3)
                default: feature.foreign.append(key, try scanner.parseValue(depth: 3))
                }
            }
            feature.problem = scanner.contentProblem
            feature.sawAltitude = scanner.sawAltitude
            if feature.problem == nil, feature.type != "Feature" {
                feature.problem = (
                    feature.offset,
                    feature.type.map { "type is \"\($0)\" but a member of \"features\" must be a Feature" }
                        ?? "a feature needs \"type\": \"Feature\""
                )
            }
            finish(feature, into: &collection)
        }
    }

    /// Builds a parsed feature and files it under features or rejected.
    private func finish(_ pending: PendingFeature, into collection: inout FeatureCollection) {
        var properties: JSONObject?
        var problem = pending.problem
        switch pending.properties {
        case nil, .null?: properties = nil
        case let .object(object)?: properties = object
        case let other?:
            if problem == nil { problem = (pending.offset, "\"properties\" must be an object or null, not \(other.displayText)") }
        }
        switch pending.id {
        case nil, .string?, .number?: break
        case let other?:
            if problem == nil { problem = (pending.offset, "\"id\" must be a string or a number, not \(other.displayText)") }
        }
        if problem == nil, !pending.hasGeometryMember {
            problem = (pending.offset, "a feature needs a \"geometry\" member (null when it has none)")
        }
        var feature = Feature(id: pending.id, properties: properties, geometry: nil, foreignMembers: pending.foreign, index: pending.index)
        feature.droppedAltitude = pending.sawAltitude
        if problem == nil, let raw = pending.geometry {
            do {
                feature.geometry = Geometry(owning: try build(raw))
            } catch let error as GeoError {
                problem = (raw.offset, error.description)
            } catch {
                problem = (raw.offset, "\(error)")
            }
        }
        if let problem {
            let (line, column) = location(of: problem.offset)
            collection.rejected.append(
                GeoJSONError(
                    message: problem.message, file: file, featureIndex: pending.index,
                    featureID: feature.displayID, line: line, column: column))
        } else {
            collection.features.append(feature)
        }
    }

    // MARK: Geometry

    /// A `geometry` member: an object, or null (nil).
    private func readGeometryMember(_ scanner: inout JSONScanner) throws -> RawGeometry? {
        scanner.skipWhitespace()
        if scanner.current == UInt8(ascii: "n") {
            _ = try scanner.parseValue(depth: 3)
            return nil
        }
        return try readGeometryObject(&scanner, depth: 3)
    }

    private func readGeometryObject(_ scanner: inout JSONScanner, depth: Int) throws -> RawGeometry? {
        scanner.skipWhitespace()
        var raw = RawGeometry(offset: scanner.index)
        guard scanner.current == UInt8(ascii: "{") else {
            scanner.noteProblem("a geometry must be an object or null, not \(scanner.found)", at: scanner.index)
            try scanner.skipValue(depth: depth)
            return raw
        }
        try scanner.forEachMember(depth: depth) { scanner, key in
            switch key {
            case "type": raw.type = try Self.typeName(&scanner)
            case "coordinates": raw.coordinates = try scanner.parseCoordinates(depth: depth + 1)
            case "geometries": raw.members = try readGeometryList(&scanner, depth: depth + 1)
            default: try scanner.skipValue(depth: depth + 1)
            }
        }
        return raw
    }

    private func readGeometryList(_ scanner: inout JSONScanner, depth: Int) throws -> [RawGeometry] {
        scanner.skipWhitespace()
        guard scanner.current == UInt8(ascii: "[") else {
            scanner.noteProblem("\"geometries\" must be an array, not \(scanner.found)", at: scanner.index)
            try scanner.skipValue(depth: depth)
            return []
        }
        var members: [RawGeometry] = []
        try scanner.forEachElement(depth: depth) { scanner, _ in
            if let member = try readGeometryObject(&scanner, depth: depth + 1) { members.append(member) }
        }
        return members
    }

    /// Builds the GEOS geometry, checking that the coordinates are nested as the type requires.
    private func build(_ raw: RawGeometry) throws -> OpaquePointer {
        let builder = GeometryBuilder(context: context)
        guard let type = raw.type else { throw GeoError.invalidStructure("the geometry has no \"type\" member") }
        if type == "GeometryCollection" {
            guard let members = raw.members else {
                throw GeoError.invalidStructure("a GeometryCollection needs a \"geometries\" array")
            }
            return try builder.collection(GEOS_GEOMETRYCOLLECTION, count: members.count) { try build(members[$0]) }
        }
        guard let node = raw.coordinates else {
            if ["Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon"].contains(type) {
                throw GeoError.invalidStructure("the \(type) has no \"coordinates\" member")
            }
            throw GeoError.invalidStructure(
                "unknown geometry type \"\(type)\"; expected Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection")
        }
        func wrongNesting(_ expected: String) -> GeoError {
            .invalidStructure("\(type) coordinates must be \(expected), but they are \(node.shapeDescription)")
        }
        switch type {
        case "Point":
            switch node {
            case .empty: return try builder.empty(GEOS_POINT)
            case let .position(x, y): return try [x, y].withUnsafeBufferPointer { try builder.point($0) }
            default: throw wrongNesting("one position [x, y]")
            }
        case "MultiPoint":
            switch node {
            case .empty: return try builder.empty(GEOS_MULTIPOINT)
            case let .positions(flat):
                return try flat.withUnsafeBufferPointer { xy in
                    try builder.collection(GEOS_MULTIPOINT, count: xy.count / 2) { i in
                        try builder.point(UnsafeBufferPointer(rebasing: xy[(2 * i)..<(2 * i + 2)]))
                    }
                }
            default: throw wrongNesting("an array of positions")
            }
        case "LineString":
            return try line(node, builder) ?? { throw wrongNesting("an array of positions") }()
        case "MultiLineString":
            switch node {
            case .empty: return try builder.empty(GEOS_MULTILINESTRING)
            case let .list(lines):
                return try builder.collection(GEOS_MULTILINESTRING, count: lines.count) { i in
                    guard let made = try line(lines[i], builder) else { throw wrongNesting("an array of arrays of positions") }
                    return made
                }
            default: throw wrongNesting("an array of arrays of positions")
            }
        case "Polygon":
            return try polygon(node, builder) ?? { throw wrongNesting("an array of rings (arrays of positions)") }()
        case "MultiPolygon":
            switch node {
            case .empty: return try builder.empty(GEOS_MULTIPOLYGON)
            case let .list(polygons):
                return try builder.collection(GEOS_MULTIPOLYGON, count: polygons.count) { i in
                    guard let made = try polygon(polygons[i], builder) else {
                        throw wrongNesting("an array of polygons (arrays of rings)")
                    }
                    return made
                }
            default: throw wrongNesting("an array of polygons (arrays of rings)")
            }
        default:
            throw GeoError.invalidStructure(
                "unknown geometry type \"\(type)\"; expected Point, MultiPoint, LineString, MultiLineString, Polygon, MultiPolygon or GeometryCollection")
        }
    }

    private func line(_ node: CoordinateNode, _ builder: GeometryBuilder) throws -> OpaquePointer? {
        switch node {
        case .empty: return try builder.empty(GEOS_LINESTRING)
        case let .positions(flat): return try flat.withUnsafeBufferPointer { try builder.lineString($0) }
        default: return nil
        }
    }

    private func polygon(_ node: CoordinateNode, _ builder: GeometryBuilder) throws -> OpaquePointer? {
        switch node {
        case .empty: return try builder.empty(GEOS_POLYGON)
        case let .list(rings):
            var flats: [ContiguousArray<Double>] = []
            for ring in rings {
                switch ring {
                case .empty: flats.append([])
                case let .positions(flat): flats.append(flat)
                default: return nil
                }
            }
            return try builder.polygon(rings: flats.count) { index, body in try flats[index].withUnsafeBufferPointer(body) }
        default: return nil
        }
    }

    // MARK: CRS and locations

    /// The CRS named by a legacy `crs` member: {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4548"}}.
    private func crs(from value: JSONValue) throws -> CRS? {
        if value == .null { return nil }
        guard let object = value.objectValue, object["type"]?.stringValue == "name",
            let name = object["properties"]?.objectValue?["name"]?.stringValue
        else {
            throw fatal(
                "the \"crs\" member is not a named CRS ({\"type\": \"name\", \"properties\": {\"name\": \"EPSG:4490\"}}); linked CRSs are not supported", at: 0)
        }
        return GeoJSON.crs(named: name)
    }

    private func fatal(_ message: String, at offset: Int) -> GeoJSONError {
        let (line, column) = location(of: offset)
        return GeoJSONError(message: message, file: file, line: line, column: column, isFatal: true)
    }

    /// 1-based line and column of a byte offset (columns count bytes).
    private func location(of offset: Int) -> (Int, Int) {
        var line = 1
        var lineStart = 0
        var probe = 0
        let end = min(offset, count)
        while probe < end {
            if bytes[probe] == 0x0A {
                line += 1
                lineStart = probe + 1
            }
            probe += 1
        }
        return (line, end - lineStart + 1)
    }
}

extension GeoJSON {
    /// The CRS for a name found in a legacy `crs` member or a .prj-like label:
    /// "urn:ogc:def:crs:EPSG::4548" and "EPSG:4548" give EPSG:4548; the CRS84 URNs give OGC:CRS84 (lon/lat WGS 84).
    public static func crs(named name: String) -> CRS {
        let trimmed = name.trimmingWhitespace()
        let upper = trimmed.uppercased()
        if upper.hasSuffix("CRS84") { return CRS("OGC:CRS84") }
        if upper.hasPrefix("URN:OGC:DEF:CRS:EPSG:"), let code = upper.split(separator: ":").last, let number = Int(code) {
            return .epsg(number)
        }
        return CRS(trimmed)
    }
}
