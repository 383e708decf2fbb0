internal import CGEOS

/// What GEOS says of a geometry's OGC validity: whether it is valid, and if not, why and where.
public struct ValidityReport: Sendable, Hashable, CustomStringConvertible {
    /// Whether the geometry is OGC-valid.
    public var isValid: Bool
    /// GEOS's reason, for example "Self-intersection" or "Hole lies outside shell"; nil when valid.
    public var reason: String?
    /// Where the problem is, in the geometry's coordinates; nil when valid.
    public var location: Coordinate?

    /// "valid", or "invalid: reason at [x, y]".
    public var description: String {
        guard !isValid else { return "valid" }
        let place = location.map { " at \($0)" } ?? ""
        return "invalid: \(reason ?? "unknown reason")\(place)"
    }
}

/// How `makeValid` repairs an invalid geometry.
public enum RepairMethod: Sendable {
    /// Keeps the shell/hole structure: repairs each ring, unions shells and subtracts holes.
    /// Recommended for polygons (GEOS `GEOS_MAKE_VALID_STRUCTURE`).
    case structure
    /// Nodes all rings together and rebuilds polygons from the linework; keeps collapsed parts as lines
    /// (GEOS `GEOS_MAKE_VALID_LINEWORK`, the PostGIS default).
    case linework
}

extension Geometry {
    /// Whether the geometry is OGC-valid. GEOS `GEOSisValid`.
    public var isValid: Bool {
        GEOSisValid_r(GEOSContext.current.handle, handle) == 1
    }

    /// Why and where the geometry is invalid, if it is. GEOS `GEOSisValidDetail`.
    public func validity() throws -> ValidityReport {
        let context = GEOSContext.current
        var reason: UnsafeMutablePointer<CChar>?
        var location: OpaquePointer?
        context.clearMessage()
        let result = GEOSisValidDetail_r(context.handle, handle, 0, &reason, &location)
        defer {
            if let reason { GEOSFree_r(context.handle, reason) }
            if let location { GEOSGeom_destroy_r(context.handle, location) }
        }
        switch result {
        case 1:
            return ValidityReport(isValid: true, reason: nil, location: nil)
        case 0:
            let place = location.flatMap { GeometryReader(context: context).coordinates(of: $0).first }
            return ValidityReport(isValid: false, reason: reason.map { String(cString: $0) }, location: place)
        default:
            throw context.error("isValidDetail")
        }
    }

    /// A valid geometry covering the same points as this one, as far as that is possible. The caller chooses
    /// whether to apply it; nothing is repaired behind its back. GEOS `GEOSMakeValidWithParams` (GEOS ≥ 3.10).
    ///
    /// - Parameter keepCollapsed: keep parts that collapse to lower dimension (a zero-area sliver becomes a line).
    public func makeValid(method: RepairMethod = .structure, keepCollapsed: Bool = false) throws -> Geometry {
        let context = GEOSContext.current
        guard let parameters = GEOSMakeValidParams_create_r(context.handle) else { throw context.error("makeValid parameters") }
        defer { GEOSMakeValidParams_destroy_r(context.handle, parameters) }
        let geosMethod = method == .structure ? GEOS_MAKE_VALID_STRUCTURE : GEOS_MAKE_VALID_LINEWORK
        _ = GEOSMakeValidParams_setMethod_r(context.handle, parameters, geosMethod)
        _ = GEOSMakeValidParams_setKeepCollapsed_r(context.handle, parameters, keepCollapsed ? 1 : 0)
        return try context.makeGeometry("makeValid") { GEOSMakeValidWithParams_r($0, handle, parameters) }
    }
}
