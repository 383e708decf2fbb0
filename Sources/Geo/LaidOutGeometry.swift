/// A small geometry (a project footprint) laid out once for repeated tests against `PolygonPieces` and
/// `BoundaryChunkIndex`: its boundary as flat linework in lon/lat degrees and, for a line, its runs of
/// `runSegments` segments, each with its coordinates, flat linework and geodesic length on CGCS2000.
///
/// Runs are cut at the line's own vertices, so their lengths add up to the line's length exactly and a run wholly
/// inside or outside a polygon needs no overlay.
public struct LaidOutGeometry: Sendable {
    /// Segments per run of flat linework for relating the geometry to polygon pieces.
    static let flatSegments = 8
    /// Segments per measured run of a line.
    static let runSegments = 32

    /// A run of a line: the GEOS line, its coordinates, geodesic length (nil when not yet measured) and flat linework.
    struct LineRun: Sendable {
        var geometry: Geometry
        var coordinates: [Coordinate]
        var length: Double?
        var flat: PlanarLinework

        init(_ coordinates: [Coordinate], geometry: Geometry? = nil, measured: Bool) throws {
            self.coordinates = coordinates
            self.geometry = try geometry ?? Geometry(.lineString(coordinates))
            length = measured ? try Geodesic.cgcs2000.length(of: coordinates) : nil
            flat = PlanarLinework(boundaryOf: .lineString(coordinates), maxSegments: LaidOutGeometry.flatSegments)
        }
    }

    public let geometry: Geometry
    /// The boundary (polygons), the lines or the points, in degrees.
    let flat: PlanarLinework
    /// A line's runs; empty for points and polygons.
    let runs: [LineRun]
    /// A line's geodesic length in metres (the sum of its runs'); nil for points and polygons.
    public let length: Double?

    public init(_ geometry: Geometry) throws {
        self.geometry = geometry
        flat = PlanarLinework(boundaryOf: geometry.shape, maxSegments: LaidOutGeometry.flatSegments)
        if geometry.kind.isLineal {
            runs = try geometry.boundaryChunks(maxSegments: LaidOutGeometry.runSegments).compactMap { chunk -> LineRun? in
                guard case let .lineString(coordinates) = chunk.shape else { return nil }
                return try LineRun(coordinates, geometry: chunk, measured: true)
            }
            length = runs.reduce(0) { $0 + ($1.length ?? 0) }
        } else {
            runs = []
            length = nil
        }
    }
}
