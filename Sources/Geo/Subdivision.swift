internal import CGEOS

extension Geometry {
    /// The part of the geometry inside an axis-aligned rectangle, computed in one pass over the vertices
    /// (GEOS `GEOSClipByRect`, much cheaper than a general intersection). The result may carry the rectangle's
    /// edges as new boundary; it is meant for work inside the rectangle.
    public func clipped(to envelope: Envelope) throws -> Geometry {
        try GEOSContext.current.makeGeometry("clipByRect") {
            GEOSClipByRect_r($0, handle, envelope.minX, envelope.minY, envelope.maxX, envelope.maxY)
        }
    }

    /// The geometry with vertices dropped while it stays within `tolerance` of the original (Douglas–Peucker, GEOS
    /// `GEOSSimplify`): for drawing, where detail finer than a pixel is only weight. The result may be invalid.
    public func simplified(tolerance: Double) throws -> Geometry {
        try GEOSContext.current.makeGeometry("simplify") { GEOSSimplify_r($0, handle, tolerance) }
    }

    /// The geometry with vertices dropped while it stays within `tolerance` of the original, keeping its topology: rings
    /// do not cross or collapse, so a polygon stays a polygon however coarse the tolerance (GEOS
    /// `GEOSTopologyPreserveSimplify`). For drawing a map at a zoom.
    public func simplifiedKeepingTopology(tolerance: Double) throws -> Geometry {
        try GEOSContext.current.makeGeometry("topology-preserving simplify") { GEOSTopologyPreserveSimplify_r($0, handle, tolerance) }
    }

    /// The polygonal geometry cut into cells of at most `level` vertices, for each of `levels` (largest first), by
    /// halving envelopes along the longer side (as PostGIS `ST_Subdivide` does); each level cuts the cells of the one
    /// before, so the vertices are walked far fewer times than by cutting the whole geometry for every level.
    ///
    /// Each cell is a piece with the rectangle it was cut to: inside that rectangle the piece and the whole geometry are
    /// the same point set, so work confined to the rectangle may use the small piece. The pieces cover the geometry
    /// exactly and meet only along the cut lines; use them for indexing and quick tests, and the whole geometry for
    /// measures (geodesic areas are not additive over planar cuts).
    public func subdivisionCells(levels: [Int]) throws -> [[(rectangle: Envelope, piece: Geometry)]] {
        guard let smallest = levels.min(), smallest >= 8 else { throw GeoError.invalidArgument("pieces need at least 8 vertices, not \(levels.min() ?? 0)") }
        guard let envelope = self.envelope else { return levels.map { _ in [] } }
        var cells: [(rectangle: Envelope, piece: Geometry)] = [(envelope, self)]
        var result: [[(rectangle: Envelope, piece: Geometry)]] = []
        for level in levels {
            var next: [(rectangle: Envelope, piece: Geometry)] = []
            for cell in cells { try Geometry.split(cell.piece, cell.rectangle, maxVertices: level, depth: 0, into: &next) }
            result.append(next)
            cells = next
        }
        return result
    }

    /// Halves `geometry` along the longer side of its envelope until each part has at most `maxVertices` vertices.
    private static func split(
        _ geometry: Geometry, _ rectangle: Envelope, maxVertices: Int, depth: Int,
        into cells: inout [(rectangle: Envelope, piece: Geometry)]
    ) throws {
        guard !geometry.isEmpty, let e = geometry.envelope else { return }
        if geometry.numberOfPoints <= maxVertices || depth > 48 || (e.maxX - e.minX == 0 && e.maxY - e.minY == 0) {
            cells.append((rectangle, geometry))
            return
        }
        let halves: [Envelope]
        if e.maxX - e.minX >= e.maxY - e.minY {
            let middle = (e.minX + e.maxX) / 2
            halves = [
                Envelope(minX: rectangle.minX, minY: rectangle.minY, maxX: middle, maxY: rectangle.maxY),
                Envelope(minX: middle, minY: rectangle.minY, maxX: rectangle.maxX, maxY: rectangle.maxY),
            ]
        } else {
            let middle = (e.minY + e.maxY) / 2
            halves = [
                Envelope(minX: rectangle.minX, minY: rectangle.minY, maxX: rectangle.maxX, maxY: middle),
                Envelope(minX: rectangle.minX, minY: middle, maxX: rectangle.maxX, maxY: rectangle.maxY),
            ]
        }
        for half in halves { try split(geometry.clipped(to: half).extracting(dimension: 2), half, maxVertices: maxVertices, depth: depth + 1, into: &cells) }
    }

    /// The linework (polygon rings, lines) cut into lines of at most `maxSegments` segments: small items for a
    /// nearest-neighbour index, since the distance to a polygon one is outside of is the distance to its boundary.
    public func boundaryChunks(maxSegments: Int = 32) throws -> [Geometry] {
        guard maxSegments >= 1 else { throw GeoError.invalidArgument("a chunk needs at least one segment") }
        var chunks: [Geometry] = []
        func cut(_ line: [Coordinate]) throws {
            guard line.count >= 2 else {
                if let point = line.first { chunks.append(try Geometry(.point(point))) }
                return
            }
            var start = 0
            while start < line.count - 1 {
                let end = min(start + maxSegments, line.count - 1)
                chunks.append(try Geometry(.lineString(Array(line[start...end]))))
                start = end
            }
        }
        func walk(_ shape: Shape) throws {
            switch shape {
            case let .point(c): chunks.append(try Geometry(.point(c)))
            case let .multiPoint(cs): for c in cs { chunks.append(try Geometry(.point(c))) }
            case let .lineString(line): try cut(line)
            case let .multiLineString(lines): for line in lines { try cut(line) }
            case let .polygon(rings): for ring in rings { try cut(ring) }
            case let .multiPolygon(polygons): for rings in polygons { for ring in rings { try cut(ring) } }
            case let .geometryCollection(members): for member in members { try walk(member) }
            }
        }
        try walk(shape)
        return chunks
    }
}

/// A geometry's cells at several sizes (`Geometry.subdivisionCells(levels:)`), with the lookup of the smallest cell
/// whose rectangle holds a window. Inside that rectangle the cell and the geometry are the same point set, so work
/// confined to the window (a clip, an intersection with something inside it) may use the small cell.
public struct SubdivisionCells: Sendable {
    /// Cells per level, largest level first.
    public let levels: [[(rectangle: Envelope, piece: Geometry)]]
    private let indexes: [SpatialIndex]

    /// Cells already cut, largest level first.
    public init(levels: [[(rectangle: Envelope, piece: Geometry)]]) throws {
        self.levels = levels
        indexes = try levels.map { cells in try SpatialIndex(envelopes: cells.map(\.rectangle)) }
    }

    /// `geometry` cut at `levels` vertices (largest first).
    public init(_ geometry: Geometry, levels: [Int]) throws {
        try self.init(levels: geometry.subdivisionCells(levels: levels))
    }

    /// The smallest cell whose rectangle holds `envelope`, or nil.
    public func piece(holding envelope: Envelope) throws -> Geometry? {
        for (level, index) in zip(levels, indexes).reversed() {
            for candidate in try index.query(envelope) where level[candidate].rectangle.contains(envelope) {
                return level[candidate].piece
            }
        }
        return nil
    }
}
