/// Everything that can go wrong in the Geo layer.
///
/// Each case carries what failed and, where there is one, the library's own message and the
/// offending input, so that a caller can tell a user what to fix.
public enum GeoError: Error, Sendable, Equatable {
    /// A GEOS function failed. `operation` names the Swift operation, `message` is GEOS's own text.
    case geos(operation: String, message: String)
    /// A PROJ function failed. `message` is PROJ's own text (`proj_context_errno_string`).
    case proj(operation: String, message: String)
    /// A CRS definition that PROJ does not know.
    case unknownCRS(definition: String, message: String)
    /// A coordinate that cannot be what the operation needs (for example latitude 117° when degrees are expected).
    case coordinateOutOfRange(operation: String, x: Double, y: Double, expected: String)
    /// Coordinates that are not finite numbers.
    case nonFiniteCoordinate(operation: String)
    /// A geometry with too few points, an unclosed ring or a similar structural fault.
    case invalidStructure(String)
    /// WKT or WKB text that could not be read.
    case unreadable(format: String, message: String)
    /// An argument outside what the operation accepts.
    case invalidArgument(String)
    /// A CRS on a datum (Xi'an 1980, Beijing 1954) that PROJ can only shift by a guess, given without +towgs84.
    case guessedDatumShift(definition: String, datum: String)
}

extension GeoError: CustomStringConvertible {
    /// A sentence for the user: what failed and, where known, what to do.
    public var description: String {
        switch self {
        case let .geos(operation, message):
            return "GEOS \(operation) failed: \(message)"
        case let .proj(operation, message):
            return "PROJ \(operation) failed: \(message)"
        case let .unknownCRS(definition, message):
            return "unknown coordinate reference system '\(definition)': \(message). Give an EPSG code such as EPSG:4490 or a PROJ string."
        case let .coordinateOutOfRange(operation, x, y, expected):
            return "\(operation): coordinate (\(x), \(y)) is out of range; expected \(expected)"
        case let .nonFiniteCoordinate(operation):
            return "\(operation): a coordinate is not a finite number"
        case let .invalidStructure(message):
            return message
        case let .unreadable(format, message):
            return "cannot read \(format): \(message)"
        case let .invalidArgument(message):
            return message
        case let .guessedDatumShift(definition, datum):
            return "\(definition) is on the \(datum) datum, which PROJ can shift to CGCS2000 only by a guess of metres to tens of metres: "
                + "give its seven parameters as a PROJ string with +towgs84=dx,dy,dz,rx,ry,rz,ppm, for example \"+proj=tmerc +lat_0=0 "
                + "+lon_0=117 +k=1 +x_0=39500000 +y_0=0 +a=6378140 +rf=298.257 +towgs84=… +units=m\""
        }
    }
}
