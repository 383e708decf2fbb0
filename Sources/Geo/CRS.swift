/// A coordinate reference system, named by an EPSG code ("EPSG:4490") or given as a PROJ string
/// ("+proj=tmerc +lon_0=117 …"). The definition is checked when a transformation is made from it.
public struct CRS: Sendable, Hashable, CustomStringConvertible {
    /// What PROJ is given: "EPSG:4490", a PROJ string, WKT or any other definition PROJ accepts.
    public let definition: String

    /// A CRS from any definition PROJ accepts.
    public init(_ definition: String) {
        self.definition = definition.trimmingWhitespace()
    }

    /// The CRS with this EPSG code.
    public static func epsg(_ code: Int) -> CRS { CRS("EPSG:\(code)") }

    /// CGCS2000 geographic (EPSG:4490), longitude/latitude in degrees: China's official geodetic datum.
    public static let cgcs2000 = CRS.epsg(4490)
    /// WGS 84 geographic (EPSG:4326). Differs from CGCS2000 by centimetres, which screening ignores.
    public static let wgs84 = CRS.epsg(4326)

    /// The EPSG code, when the definition is "EPSG:n".
    public var epsgCode: Int? {
        let upper = definition.uppercased()
        guard upper.hasPrefix("EPSG:") else { return nil }
        return Int(upper.dropFirst(5))
    }

    /// Whether the definition names a geographic (degree) CRS that RedLine knows: CGCS2000, WGS 84 or CRS84.
    public var isKnownGeographic: Bool {
        [4490, 4326].contains(epsgCode ?? -1) || definition.uppercased().hasSuffix("CRS84")
    }

    /// The definition as given.
    public var description: String { definition }

    /// Whether the definition carries explicit datum-shift parameters (a PROJ string with +towgs84).
    public var hasTOWGS84: Bool { definition.lowercased().contains("towgs84") }

    /// The definition to hand PROJ when transforming between this CRS and `other`.
    ///
    /// PROJ drops a source's +towgs84 toward an EPSG geographic CRS and makes a ballpark (no shift) transformation;
    /// it applies the parameters only when the other side is a PROJ string that also has +towgs84. So CGCS2000 or
    /// WGS 84 facing a +towgs84 CRS is spelled as such a string (CGCS2000 and WGS 84 agree to centimetres).
    func towgs84Partner(of other: CRS) -> String {
        guard other.hasTOWGS84, isKnownGeographic, !hasTOWGS84 else { return definition }
        let ellipsoid = epsgCode == 4490 ? "+ellps=GRS80" : "+ellps=WGS84"
        return "+proj=longlat \(ellipsoid) +towgs84=0,0,0 +no_defs"
    }
}

/// The CGCS2000 Gauss–Krüger projections used for Chinese surveys and cadastre.
///
/// 3-degree zones n = 25…45 have central meridian 3n°E. With the zone number prefixed to the easting
/// (an easting of 39 500 000 m in zone 39) they are EPSG:4513–4533; without it (easting 500 000 m at
/// the central meridian) EPSG:4534–4554. 6-degree zones n = 13…23 have central meridian 6n − 3 °E:
/// EPSG:4491–4501 with the prefix, EPSG:4502–4512 without.
public enum GaussKruger {
    /// The 3-degree zone whose central meridian is nearest to `longitude` (25…45 over China).
    public static func threeDegreeZone(forLongitude longitude: Double) throws -> Int {
        let zone = Int((longitude / 3).rounded())
        guard (25...45).contains(zone) else {
            throw GeoError.coordinateOutOfRange(
                operation: "3-degree Gauss–Krüger zone", x: longitude, y: .nan,
                expected: "a longitude between 73.5°E and 136.5°E (CGCS2000 zones 25–45)")
        }
        return zone
    }

    /// The 6-degree zone containing `longitude` (13…23 over China).
    public static func sixDegreeZone(forLongitude longitude: Double) throws -> Int {
        let zone = Int((longitude / 6).rounded(.down)) + 1
        guard (13...23).contains(zone) else {
            throw GeoError.coordinateOutOfRange(
                operation: "6-degree Gauss–Krüger zone", x: longitude, y: .nan,
                expected: "a longitude between 72°E and 138°E (CGCS2000 zones 13–23)")
        }
        return zone
    }

    /// The CGCS2000 3-degree Gauss–Krüger CRS of `zone` (25…45), with or without the zone number in the easting.
    public static func threeDegree(zone: Int, zonePrefixedEasting: Bool) throws -> CRS {
        guard let found = Zone(width: 3, number: zone, prefixed: zonePrefixedEasting) else {
            throw GeoError.invalidArgument("CGCS2000 3-degree Gauss–Krüger zones run from 25 to 45, not \(zone)")
        }
        return found.crs
    }

    /// The CGCS2000 6-degree Gauss–Krüger CRS of `zone` (13…23), with or without the zone number in the easting.
    public static func sixDegree(zone: Int, zonePrefixedEasting: Bool) throws -> CRS {
        guard let found = Zone(width: 6, number: zone, prefixed: zonePrefixedEasting) else {
            throw GeoError.invalidArgument("CGCS2000 6-degree Gauss–Krüger zones run from 13 to 23, not \(zone)")
        }
        return found.crs
    }

    /// A CGCS2000 Gauss–Krüger zone: its band width in degrees (3 or 6), its number, and whether eastings carry it.
    public struct Zone: Sendable, Hashable {
        public let width: Int
        public let number: Int
        public let prefixed: Bool
        /// The central meridian in degrees east.
        public var centralMeridian: Int { width == 3 ? number * 3 : number * 6 - 3 }
        /// The EPSG CRS of this zone.
        public var crs: CRS { .epsg((width == 3 ? (prefixed ? 4513 : 4534) + number - 25 : (prefixed ? 4491 : 4502) + number - 13)) }

        /// A zone over China: 3-degree zones 25…45, 6-degree zones 13…23; nil for any other.
        public init?(width: Int, number: Int, prefixed: Bool) {
            guard (width == 3 && (25...45).contains(number)) || (width == 6 && (13...23).contains(number)) else { return nil }
            self.width = width
            self.number = number
            self.prefixed = prefixed
        }

        /// The zone of a CGCS2000 Gauss–Krüger EPSG code (4491–4554); nil for any other code.
        public init?(epsg code: Int) {
            switch code {
            case 4491...4501: self.init(width: 6, number: code - 4491 + 13, prefixed: true)
            case 4502...4512: self.init(width: 6, number: code - 4502 + 13, prefixed: false)
            case 4513...4533: self.init(width: 3, number: code - 4513 + 25, prefixed: true)
            case 4534...4554: self.init(width: 3, number: code - 4534 + 25, prefixed: false)
            default: return nil
            }
        }
    }

    /// The 3-degree zone (without prefix) that suits a geometry at `longitude`: the local conformal plane in which
    /// RedLine measures distances and buffers.
    public static func localPlane(forLongitude longitude: Double) throws -> CRS {
        try threeDegree(zone: threeDegreeZone(forLongitude: longitude), zonePrefixedEasting: false)
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
