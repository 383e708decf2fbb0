import Foundation
import Geo

/// The 自然资源部 boundary-point coordinate text file (界址点坐标文件) of land-use submissions:
/// an `[属性描述]` header (坐标系, 几度分带, 投影类型, 计量单位, 带号, 精度, 转换参数) and `[地块坐标]` blocks —
/// one line per parcel ending in `@`, then `J<n>,<ring>,<X northing>,<Y easting>` lines, the easting with the
/// zone number in front. Files come in GBK/GB18030 or UTF-8.
public enum BoundaryPointFile {
    /// Whether the bytes begin like a 界址点 boundary-point file: its "[属性描述]" header in UTF-8 or GBK within the first 4 KB.
    public static func isBoundaryPointFile(_ bytes: [UInt8]) -> Bool {
        let head = bytes.prefix(4096)
        let marker = Array("[属性描述]".utf8), gbkMarker: [UInt8] = [0x5B, 0xCA, 0xF4, 0xD0, 0xD4, 0xC3, 0xE8, 0xCA, 0xF6, 0x5D]
        func contains(_ needle: [UInt8]) -> Bool {
            guard head.count >= needle.count else { return false }
            return (0...(head.count - needle.count)).contains { head.dropFirst($0).starts(with: needle) }
        }
        return contains(marker) || contains(gbkMarker)
    }

    /// One parcel read from a file.
    public struct Parcel: Sendable {
        /// 地块编号 and 地块名称, 地块用途 and the rest of the parcel line as written.
        public var number: String
        public var name: String
        public var use: String
        /// The parcel in CGCS2000 lon/lat.
        public var geometry: Geometry
        /// Line of the parcel line in the file (1-based).
        public var line: Int
    }

    /// What the header says, and the CRS it leads to.
    public struct Header: Sendable {
        public var fields: [String: String]
        /// The CRS of the coordinates; for Xi'an 1980 / Beijing 1954 a PROJ string carrying the file's 转换参数 as +towgs84.
        public var crs: CRS
    }

    /// Reads a file's bytes (GBK, GB18030 or UTF-8, detected).
    ///
    /// - Throws: `GeoJSONError` naming the file and the line of the first problem.
    public static func read(_ bytes: [UInt8], file: String) throws -> (header: Header, parcels: [Parcel]) {
        let text = try decode(bytes, file: file)
        // isNewline: "\r\n" is one Character in Swift, so splitting on "\n" alone would miss CRLF files.
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        func fail(_ line: Int, _ message: String) -> GeoJSONError { GeoJSONError(message: message, file: file, line: line, isFatal: true) }
        guard let headerStart = lines.firstIndex(of: "[属性描述]") else {
            throw GeoJSONError(message: "not a 界址点 coordinate file: no [属性描述] section", file: file, isFatal: true)
        }
        guard let blockStart = lines.firstIndex(of: "[地块坐标]"), blockStart > headerStart else {
            throw GeoJSONError(message: "no [地块坐标] section after [属性描述]", file: file, isFatal: true)
        }
        var fields: [String: String] = [:]
        for index in (headerStart + 1)..<blockStart where !lines[index].isEmpty {
            let parts = lines[index].split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard parts.count == 2 else { throw fail(index + 1, "a header line is key=value, not \"\(lines[index])\"") }
            fields[parts[0].trimmingCharacters(in: .whitespaces)] = parts[1].trimmingCharacters(in: .whitespaces)
        }
        let crs = try headerCRS(fields, file: file, line: headerStart + 1)
        let toLonLat = try CoordinateTransform(from: crs, to: .cgcs2000)

        var parcels: [Parcel] = []
        var current: (number: String, name: String, use: String, line: Int, rings: [Int: [Coordinate]], order: [Int])?
        func finish() throws {
            guard let parcel = current else { return }
            guard !parcel.order.isEmpty else { throw fail(parcel.line, "parcel \(parcel.number) has no J points") }
            var rings: [[Coordinate]] = []
            for key in parcel.order {
                var ring = parcel.rings[key] ?? []
                if let first = ring.first, ring.last != first { ring.append(first) }
                guard ring.count >= 4 else {
                    throw fail(parcel.line, "parcel \(parcel.number), ring \(key) has \(ring.count) points; a ring needs at least 3 distinct points")
                }
                rings.append(ring)
            }
            // Ring 1 is the outline; a later ring inside it is a hole, one outside it another part.
            let outer = try Geometry(.polygon([rings[0]]))
            var polygons: [[[Coordinate]]] = [[rings[0]]]
            for ring in rings.dropFirst() {
                if try outer.contains(Geometry(.polygon([ring]))) { polygons[0].append(ring) } else { polygons.append([ring]) }
            }
            let projected = try Geometry(polygons.count == 1 ? .polygon(polygons[0]) : .multiPolygon(polygons))
            parcels.append(Parcel(number: parcel.number, name: parcel.name, use: parcel.use, geometry: try toLonLat.transform(projected), line: parcel.line))
            current = nil
        }
        for index in (blockStart + 1)..<lines.count {
            let line = lines[index]
            guard !line.isEmpty else { continue }
            let fieldsOnLine = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if line.hasSuffix("@") {
                try finish()
                // 界址点数,地块面积,地块编号,地块名称,记录图形属性,图幅号,地块用途,地类编码,@
                guard fieldsOnLine.count >= 4 else { throw fail(index + 1, "a parcel line has at least 界址点数,地块面积,地块编号,地块名称 before @") }
                current = (fieldsOnLine[2], fieldsOnLine[3], fieldsOnLine.count > 6 ? fieldsOnLine[6] : "", index + 1, [:], [])
                continue
            }
            guard current != nil else { throw fail(index + 1, "a J point before any parcel line (a parcel line ends with @)") }
            guard fieldsOnLine.count >= 4, let ring = Int(fieldsOnLine[1]), let x = Double(fieldsOnLine[2]), let y = Double(fieldsOnLine[3]),
                x.isFinite, y.isFinite
            else {
                throw fail(index + 1, "expected J<n>,<圈号>,<X northing>,<Y easting>, got \"\(line)\"")
            }
            // X is the northing and Y the easting (surveying convention); the CRS takes easting first.
            if current?.rings[ring] == nil { current?.order.append(ring) }
            current?.rings[ring, default: []].append(Coordinate(y, x))
        }
        try finish()
        guard !parcels.isEmpty else { throw GeoJSONError(message: "the [地块坐标] section holds no parcel", file: file, isFatal: true) }
        return (Header(fields: fields, crs: crs), parcels)
    }

    /// The CRS the header describes: CGCS2000 Gauss–Krüger, 3- or 6-degree, zone number prefixed to the easting; or
    /// Xi'an 1980 / Beijing 1954 Gauss–Krüger with the file's seven 转换参数, which are required (never guessed).
    ///
    /// 转换参数 is read as ΔX, ΔY, ΔZ in metres, rotations in arc-seconds and the scale change in ppm, applied as the
    /// Bursa–Wolf (position-vector, EPSG method 9606) transformation from the old datum to CGCS2000. A file whose
    /// parameters use the coordinate-frame sign convention would be off by the rotations' effect: check a control point.
    static func headerCRS(_ fields: [String: String], file: String, line: Int) throws -> CRS {
        func fail(_ message: String) -> GeoJSONError { GeoJSONError(message: message, file: file, line: line, isFatal: true) }
        let system = fields["坐标系"] ?? ""
        if let units = fields["计量单位"], !units.isEmpty, units != "米" { throw fail("计量单位 is \(units); only 米 is understood") }
        if let projection = fields["投影类型"], !projection.isEmpty, !projection.contains("高斯") { throw fail("投影类型 is \(projection); only 高斯克吕格 is understood") }
        let width = Int(fields["几度分带"] ?? "3") ?? 3
        guard let number = Int(fields["带号"] ?? "") else { throw fail("带号 (zone number) is missing") }
        guard width == 3 || width == 6 else { throw fail("几度分带 is \(width); expected 3 or 6") }
        guard let zone = GaussKruger.Zone(width: width, number: number, prefixed: true) else {
            throw fail(width == 3 ? "带号 \(number) is not a 3-degree zone over China (25–45)" : "带号 \(number) is not a 6-degree zone over China (13–23)")
        }
        if system.contains("2000") { return zone.crs }
        let ellipsoid: String
        let name: String
        if system.contains("80") || system.contains("西安") {
            ellipsoid = "+a=6378140 +rf=298.257"  // IAG 1975
            name = "Xi'an 1980"
        } else if system.contains("54") || system.contains("北京") {
            ellipsoid = "+ellps=krass"  // Krassovsky 1940
            name = "Beijing 1954"
        } else {
            throw fail("坐标系 \"\(system)\" is not understood; expected 2000国家大地坐标系, 1980西安坐标系 or 1954北京坐标系")
        }
        let parameters = (fields["转换参数"] ?? "").split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parameters.compactMap(Double.init)
        guard parameters.count >= 7, values.count == parameters.count, values.contains(where: { $0 != 0 }) else {
            throw fail(
                "坐标系 is \(system) (\(name)): converting it to CGCS2000 needs the seven 转换参数 (ΔX,ΔY,ΔZ m; rotations arc-seconds; scale ppm), and the header has none. PROJ's default would be a guess of several metres or more, so the file is refused."
            )
        }
        // +towgs84 with seven values is PROJ's position-vector Helmert shift.
        let towgs84 = values.prefix(7).map { "\($0)" }.joined(separator: ",")
        return CRS("+proj=tmerc +lat_0=0 +lon_0=\(zone.centralMeridian) +k=1 +x_0=\(number)500000 +y_0=0 \(ellipsoid) +towgs84=\(towgs84) +units=m +no_defs")
    }

    /// Text in UTF-8 as is, else decoded from GB18030 (a superset of GBK).
    static func decode(_ bytes: [UInt8], file: String) throws -> String {
        var body = bytes
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        guard let text = ChineseText.decode(body) else {
            throw GeoJSONError(message: "the file is neither UTF-8 nor GBK/GB18030 text", file: file, isFatal: true)
        }
        return text
    }

    /// Writes footprints (lon/lat) as a 界址点 file in CGCS2000 3-degree Gauss–Krüger with the zone prefix, UTF-8.
    public static func write(_ features: [(number: String, name: String, geometry: Geometry)]) throws -> String {
        guard let first = features.first?.geometry.envelope else { throw GeoError.invalidArgument("nothing to write") }
        let zone = try GaussKruger.threeDegreeZone(forLongitude: first.center.x)
        let projection = try CoordinateTransform(from: .cgcs2000, to: GaussKruger.threeDegree(zone: zone, zonePrefixedEasting: true))
        var out = [
            "[属性描述]", "格式版本号=1.01版本", "数据产生单位=RedLine", "坐标系=2000国家大地坐标系", "几度分带=3", "投影类型=高斯克吕格",
            "计量单位=米", "带号=\(zone)", "精度=0.001", "转换参数=,,,,,,", "[地块坐标]",
        ]
        for feature in features {
            guard feature.geometry.kind.isPolygonal else {
                throw GeoError.invalidArgument("\(feature.number): the 界址点 format holds parcels (polygons), not \(feature.geometry.kind.name)")
            }
            let projected = try projection.transform(feature.geometry)
            let rings: [[Coordinate]]
            switch projected.shape {
            case let .polygon(polygon): rings = polygon
            case let .multiPolygon(polygons): rings = polygons.flatMap { $0 }
            default: rings = []
            }
            let points = rings.reduce(0) { $0 + $1.count }
            out.append("\(points),\(String(format: "%.4f", try feature.geometry.geodesicArea() / 10_000)),\(feature.number),\(feature.name),面,,,,@")
            var counter = 0
            for (ringNumber, ring) in rings.enumerated() {
                for (position, c) in ring.enumerated() {
                    counter += 1
                    let label = position == ring.count - 1 ? "J\(counter - ring.count + 1)" : "J\(counter)"
                    out.append("\(label),\(ringNumber + 1),\(String(format: "%.3f", c.y)),\(String(format: "%.3f", c.x))")
                }
            }
        }
        return out.joined(separator: "\r\n") + "\r\n"
    }
}
