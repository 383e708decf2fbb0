/// A geometry as plain Swift values: the coordinates and how they are grouped.
///
/// Use it to build a `Geometry` from coordinates you have, or to read a `Geometry`'s coordinates
/// back. Rings are closed (first position equals last), as in GeoJSON and WKT.
public indirect enum Shape: Sendable, Hashable {
    /// One position.
    case point(Coordinate)
    /// An open or closed line of two or more positions.
    case lineString([Coordinate])
    /// An exterior ring followed by zero or more holes; each ring closed and of at least four positions.
    case polygon([[Coordinate]])
    /// Several points.
    case multiPoint([Coordinate])
    /// Several lines.
    case multiLineString([[Coordinate]])
    /// Several polygons, each as in `.polygon`.
    case multiPolygon([[[Coordinate]]])
    /// Any mixture of the above.
    case geometryCollection([Shape])

    /// The kind of geometry this shape describes.
    public var kind: GeometryKind {
        switch self {
        case .point: .point
        case .lineString: .lineString
        case .polygon: .polygon
        case .multiPoint: .multiPoint
        case .multiLineString: .multiLineString
        case .multiPolygon: .multiPolygon
        case .geometryCollection: .geometryCollection
        }
    }
}

/// The OGC simple-feature types that RedLine handles.
public enum GeometryKind: String, Sendable, Hashable, CaseIterable {
    /// One position.
    case point = "Point"
    /// A line of two or more positions.
    case lineString = "LineString"
    /// An area with an exterior ring and holes.
    case polygon = "Polygon"
    /// Several points.
    case multiPoint = "MultiPoint"
    /// Several lines.
    case multiLineString = "MultiLineString"
    /// Several polygons.
    case multiPolygon = "MultiPolygon"
    /// A mixture of geometries.
    case geometryCollection = "GeometryCollection"

    /// The GeoJSON / WKT name, for example "MultiPolygon".
    public var name: String { rawValue }

    /// Whether the kind has area (Polygon, MultiPolygon).
    public var isPolygonal: Bool { self == .polygon || self == .multiPolygon }
    /// Whether the kind is a line (LineString, MultiLineString).
    public var isLineal: Bool { self == .lineString || self == .multiLineString }
    /// Whether the kind is made of points (Point, MultiPoint).
    public var isPuntal: Bool { self == .point || self == .multiPoint }
}
