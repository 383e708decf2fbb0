internal import CGEOS
internal import CPROJ

/// A transformation between two coordinate reference systems through PROJ, with longitude (or
/// easting) always first, whatever axis order the EPSG definition has.
///
/// A value of this type is only a description; each thread makes and keeps its own PROJ objects
/// the first time it transforms, so one `CoordinateTransform` can be shared by any number of tasks.
///
/// ```swift
/// let toGK = try CoordinateTransform(from: .cgcs2000, to: .epsg(4548))
/// let p = try toGK.transform(Coordinate(117.0, 40.0))   // ≈ (500000, 4429672) metres
/// ```
///
/// WGS 84 ↔ CGCS2000 is a null ("ballpark") step in PROJ: the two agree to a few centimetres, which is
/// below what screening can resolve.
public struct CoordinateTransform: Sendable, Hashable {
    /// The CRS of the input coordinates.
    public let source: CRS
    /// The CRS of the output coordinates.
    public let target: CRS

    /// Checks both definitions and that PROJ can transform between them.
    ///
    /// - Throws: `GeoError.unknownCRS` for a definition PROJ cannot read, `GeoError.proj` when no transformation exists.
    public init(from source: CRS, to target: CRS) throws {
        self.source = source
        self.target = target
        _ = try PROJContext.current.transform(from: source, to: target)
    }

    /// The transformation the other way.
    public var inverse: CoordinateTransform {
        // Both definitions were accepted in init; the inverse pipeline of a valid one is valid too.
        CoordinateTransform(unchecked: target, source)
    }

    private init(unchecked source: CRS, _ target: CRS) {
        self.source = source
        self.target = target
    }

    /// Transforms one coordinate.
    ///
    /// - Throws: `GeoError.proj` when PROJ cannot transform it (for example a point outside the projection's domain).
    public func transform(_ coordinate: Coordinate) throws -> Coordinate {
        var coordinates = [coordinate]
        try transform(&coordinates)
        return coordinates[0]
    }

    /// Transforms coordinates in place (one PROJ call for all of them).
    public func transform(_ coordinates: inout [Coordinate]) throws {
        guard !coordinates.isEmpty else { return }
        let context = PROJContext.current
        let pj = try context.transform(from: source, to: target)
        let stride = MemoryLayout<Coordinate>.stride
        let count = coordinates.count
        proj_errno_reset(pj)
        coordinates.withUnsafeMutableBufferPointer { buffer in
            guard let start = buffer.baseAddress else { return }
            let base = UnsafeMutableRawPointer(start)
            let xs = base.assumingMemoryBound(to: Double.self)
            let ys = (base + MemoryLayout<Double>.size).assumingMemoryBound(to: Double.self)
            _ = proj_trans_generic(pj, PJ_FWD, xs, stride, count, ys, stride, count, nil, 0, 0, nil, 0, 0)
        }
        if coordinates.contains(where: { !$0.isFinite }) {
            throw GeoError.proj(operation: "transform \(source) → \(target)", message: context.errorMessage(of: pj))
        }
    }

    /// Transforms every coordinate of a geometry, keeping its structure.
    public func transform(_ geometry: Geometry) throws -> Geometry {
        let projContext = PROJContext.current
        let pj = try projContext.transform(from: source, to: target)
        let mapped = try geometry.mappingCoordinates("transformXY") { c in
            let out = proj_trans(pj, PJ_FWD, proj_coord(c.x, c.y, 0, 0))
            return out.xy.x.isFinite && out.xy.y.isFinite ? Coordinate(out.xy.x, out.xy.y) : nil
        }
        guard let mapped else { throw GeoError.proj(operation: "transform \(source) → \(target)", message: projContext.errorMessage(of: pj)) }
        return mapped
    }
}
