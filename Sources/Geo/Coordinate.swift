#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A position in two dimensions: longitude/latitude in degrees for geographic coordinate systems,
/// easting/northing in metres for projected ones. `x` always comes first (GeoJSON order).
public struct Coordinate: Sendable, Hashable, CustomStringConvertible {
    /// Longitude or easting.
    public var x: Double
    /// Latitude or northing.
    public var y: Double

    /// A coordinate from its two components, `x` (longitude / easting) first.
    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    /// Whether both components are finite numbers.
    public var isFinite: Bool { x.isFinite && y.isFinite }

    /// Whether this reads as a longitude/latitude pair in degrees.
    public var isLonLat: Bool { (-180.0...180.0).contains(x) && (-90.0...90.0).contains(y) }

    /// "[x, y]".
    public var description: String { "[\(x), \(y)]" }
}

/// An axis-aligned rectangle in the coordinates of its geometry.
public struct Envelope: Sendable, Hashable, CustomStringConvertible {
    /// Smallest x (west).
    public var minX: Double
    /// Smallest y (south).
    public var minY: Double
    /// Largest x (east).
    public var maxX: Double
    /// Largest y (north).
    public var maxY: Double

    /// An envelope from its bounds.
    public init(minX: Double, minY: Double, maxX: Double, maxY: Double) {
        self.minX = minX
        self.minY = minY
        self.maxX = maxX
        self.maxY = maxY
    }

    /// The centre of the rectangle.
    public var center: Coordinate { Coordinate((minX + maxX) / 2, (minY + maxY) / 2) }

    /// Whether the two rectangles share at least one point.
    public func intersects(_ other: Envelope) -> Bool {
        minX <= other.maxX && other.minX <= maxX && minY <= other.maxY && other.minY <= maxY
    }

    /// Whether `other` lies inside this rectangle (boundary included).
    public func contains(_ other: Envelope) -> Bool {
        minX <= other.minX && other.maxX <= maxX && minY <= other.minY && other.maxY <= maxY
    }

    /// The smallest envelope containing both.
    public func union(_ other: Envelope) -> Envelope {
        Envelope(
            minX: Swift.min(minX, other.minX), minY: Swift.min(minY, other.minY),
            maxX: Swift.max(maxX, other.maxX), maxY: Swift.max(maxY, other.maxY))
    }

    /// This rectangle grown by `margin` on every side (in its own units).
    public func expanded(by margin: Double) -> Envelope {
        Envelope(minX: minX - margin, minY: minY - margin, maxX: maxX + margin, maxY: maxY + margin)
    }

    /// The smallest envelope containing all of them, or nil for none.
    public static func union(of envelopes: some Sequence<Envelope>) -> Envelope? {
        envelopes.reduce(nil) { sum, next in sum?.union(next) ?? next }
    }

    /// The rectangle both cover, or nil when they do not meet.
    public func intersection(_ other: Envelope) -> Envelope? {
        guard intersects(other) else { return nil }
        return Envelope(
            minX: Swift.max(minX, other.minX), minY: Swift.max(minY, other.minY),
            maxX: Swift.min(maxX, other.maxX), maxY: Swift.min(maxY, other.maxY))
    }

    /// This lon/lat rectangle grown by at least `metres` on every side: the degrees of longitude are taken at its
    /// pole-ward edge, where they are shortest, so nothing within `metres` of it falls outside.
    public func expanded(metres: Double) -> Envelope {
        let latitude = Swift.min(89.0, Swift.max(abs(minY), abs(maxY)))
        let dy = metres / 110_574  // metres per degree of latitude at the equator, the fewest anywhere
        let dx = metres / (111_320 * cos(latitude * Double.pi / 180))
        return Envelope(minX: minX - dx, minY: minY - dy, maxX: maxX + dx, maxY: maxY + dy)
    }

    /// "[minX, minY, maxX, maxY]", the GeoJSON bbox order.
    public var description: String { "[\(minX), \(minY), \(maxX), \(maxY)]" }
}
