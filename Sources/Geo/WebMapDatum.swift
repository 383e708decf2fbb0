internal import CGEOS

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The offset datums of Chinese web maps: GCJ-02 (Amap/Gaode, Tencent, Google China) and BD-09 (Baidu).
///
/// GCJ-02 is WGS 84 with a deliberate, non-linear offset of hundreds of metres; BD-09 offsets GCJ-02 again.
/// The conversion here is the openly published reimplementation of the GCJ-02 obfuscation (the same formulas as
/// the widely used `coordtransform` and `eviltransform` libraries), applied only inside China's bounding box as
/// they do. The way back is not a closed formula: `toWGS84` inverts the forward conversion by fixed-point
/// iteration to better than 1e-9° (0.1 mm), where the common one-step shortcut is off by up to about a metre.
public enum WebMapDatum: String, Sendable, CaseIterable {
    /// Plain WGS 84 / CGCS2000 longitude and latitude: no offset.
    case wgs84
    /// GCJ-02 (国测局坐标, "Mars coordinates"): Amap, Tencent, Google Maps in China.
    case gcj02
    /// BD-09 (百度坐标): Baidu Maps.
    case bd09

    private static let semiMajorAxis = 6_378_245.0
    private static let eccentricitySquared = 0.006_693_421_622_965_943_23
    private static let xPi = Double.pi * 3000.0 / 180.0

    /// Whether the offset applies at this position (it is only defined inside China's bounding box).
    public static func isInsideChina(_ c: Coordinate) -> Bool {
        c.x >= 72.004 && c.x <= 137.8347 && c.y >= 0.8293 && c.y <= 55.8271
    }

    /// A WGS 84 position in this datum.
    public func fromWGS84(_ c: Coordinate) -> Coordinate {
        switch self {
        case .wgs84: return c
        case .gcj02: return WebMapDatum.wgsToGCJ(c)
        case .bd09: return WebMapDatum.gcjToBD(WebMapDatum.wgsToGCJ(c))
        }
    }

    /// A position in this datum back in WGS 84, by iterating the forward conversion (it has no closed inverse).
    public func toWGS84(_ c: Coordinate) -> Coordinate {
        guard self != .wgs84, WebMapDatum.isInsideChina(c) || self == .bd09 else { return c }
        var guess = c
        for _ in 0..<50 {
            let forward = fromWGS84(guess)
            let dx = forward.x - c.x, dy = forward.y - c.y
            guess = Coordinate(guess.x - dx, guess.y - dy)
            if abs(dx) < 1e-12, abs(dy) < 1e-12 { break }
        }
        return guess
    }

    /// Every coordinate of a geometry converted from this datum to WGS 84.
    public func toWGS84(_ geometry: Geometry) throws -> Geometry {
        try convert(geometry) { toWGS84($0) }
    }

    /// Every coordinate of a WGS 84 geometry converted to this datum.
    public func fromWGS84(_ geometry: Geometry) throws -> Geometry {
        try convert(geometry) { fromWGS84($0) }
    }

    private func convert(_ geometry: Geometry, _ body: (Coordinate) -> Coordinate) throws -> Geometry {
        guard self != .wgs84 else { return geometry }
        // The formulas are defined everywhere, so no coordinate is refused.
        return try geometry.mappingCoordinates("convert datum") { body($0) } ?? geometry
    }

    // MARK: The published formulas

    private static func wgsToGCJ(_ c: Coordinate) -> Coordinate {
        guard isInsideChina(c) else { return c }
        var dLat = latitudeOffset(c.x - 105, c.y - 35)
        var dLon = longitudeOffset(c.x - 105, c.y - 35)
        let radLat = c.y / 180 * Double.pi
        var magic = sin(radLat)
        magic = 1 - eccentricitySquared * magic * magic
        let sqrtMagic = magic.squareRoot()
        dLat = (dLat * 180) / ((semiMajorAxis * (1 - eccentricitySquared)) / (magic * sqrtMagic) * Double.pi)
        dLon = (dLon * 180) / (semiMajorAxis / sqrtMagic * cos(radLat) * Double.pi)
        return Coordinate(c.x + dLon, c.y + dLat)
    }

    private static func gcjToBD(_ c: Coordinate) -> Coordinate {
        let z = (c.x * c.x + c.y * c.y).squareRoot() + 0.00002 * sin(c.y * xPi)
        let theta = atan2(c.y, c.x) + 0.000003 * cos(c.x * xPi)
        return Coordinate(z * cos(theta) + 0.0065, z * sin(theta) + 0.006)
    }

    private static func latitudeOffset(_ x: Double, _ y: Double) -> Double {
        var value = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * abs(x).squareRoot()
        value += (20 * sin(6 * x * Double.pi) + 20 * sin(2 * x * Double.pi)) * 2 / 3
        value += (20 * sin(y * Double.pi) + 40 * sin(y / 3 * Double.pi)) * 2 / 3
        value += (160 * sin(y / 12 * Double.pi) + 320 * sin(y * Double.pi / 30)) * 2 / 3
        return value
    }

    private static func longitudeOffset(_ x: Double, _ y: Double) -> Double {
        var value = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * abs(x).squareRoot()
        value += (20 * sin(6 * x * Double.pi) + 20 * sin(2 * x * Double.pi)) * 2 / 3
        value += (20 * sin(x * Double.pi) + 40 * sin(x / 3 * Double.pi)) * 2 / 3
        value += (150 * sin(x / 12 * Double.pi) + 300 * sin(x / 30 * Double.pi)) * 2 / 3
        return value
    }
}
