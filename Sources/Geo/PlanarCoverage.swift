/// Proof, from their edges alone, that polygons have pairwise disjoint interiors: then the area of their union is the
/// sum of their areas and no overlay is needed.
///
/// With every ring oriented interior-left, an edge that occurs once in each direction cancels in the winding number,
/// so the number of polygons covering a point is the winding number of the remaining ("free") edges. If the free
/// edges meet only at shared end points, that number is constant along each side of each free edge; if the point
/// just right of every free edge's midpoint lies in no polygon, it is 0 right and 1 left of every free edge, hence
/// never above 1. Overlaps of a footprint with neighbouring control units share their cut edges vertex for vertex and
/// pass, and so does a layer of control units; anything doubtful (a vertex near an edge, an edge used twice the same
/// way, a midpoint on another polygon) fails, and the caller unions as usual.
public enum PlanarCoverage {
    /// Whether valid polygons' interiors are proven pairwise disjoint: the few overlaps of a footprint with its zones,
    /// or a whole layer of control units tiling its region. Free edges are checked against each other through an
    /// STRtree, and each free edge's midpoint against the other polygons with GEOS's prepared point location. False means "not proven", and is returned at once when,
    /// among more than 10,000 edges, more than `maxFreeShare` are free (the polygons do not share their edges, so they
    /// are no tiling and the check would cost as much as a union).
    public static func provenDisjoint(_ polygons: [Geometry], maxFreeShare: Double = 0.25) throws -> Bool {
        var rings: [(ring: [Coordinate], owner: Int)] = []
        var total = 0
        for (index, polygon) in polygons.enumerated() {
            let shells: [[[Coordinate]]]
            switch polygon.shape {
            case let .polygon(polygon): shells = [polygon]
            case let .multiPolygon(many): shells = many
            default: return false
            }
            for polygonRings in shells {
                for (position, ring) in polygonRings.enumerated() where ring.count >= 4 {
                    // Interior on the left: shells counter-clockwise, holes clockwise.
                    rings.append(((signedArea(ring) > 0) == (position == 0) ? ring : ring.reversed(), index))
                    total += ring.count - 1
                }
            }
        }
        var table = EdgeTable(capacity: total)
        for (ring, _) in rings {
            for i in 0..<(ring.count - 1) where ring[i] != ring[i + 1] {
                // The same directed edge twice: two interiors on the same side of it.
                guard table.insert(ring[i], ring[i + 1]) else { return false }
            }
        }
        var free: [(a: Coordinate, b: Coordinate, owner: Int)] = []
        for (ring, owner) in rings {
            for i in 0..<(ring.count - 1) where ring[i] != ring[i + 1] && !table.contains(ring[i + 1], ring[i]) {
                free.append((ring[i], ring[i + 1], owner))
                if total > 10_000, Double(free.count) > maxFreeShare * Double(total) { return false }
            }
        }
        rings = []

        // Free edges may meet only at shared end points.
        let clearance = PlanarRelation.clearance
        let boxes = free.map {
            Envelope(
                minX: min($0.a.x, $0.b.x) - clearance, minY: min($0.a.y, $0.b.y) - clearance,
                maxX: max($0.a.x, $0.b.x) + clearance, maxY: max($0.a.y, $0.b.y) + clearance)
        }
        let edgeIndex = try SpatialIndex(envelopes: boxes)
        for (i, edge) in free.enumerated() {
            for j in try edgeIndex.query(boxes[i]) where j > i && !meetOnlyAtEnds(edge.a, edge.b, free[j].a, free[j].b) { return false }
        }

        // Just right of each free edge lies no polygon: its midpoint touches no polygon but its own.
        let polygonIndex = try SpatialIndex(geometries: polygons)
        var prepared: [Int: PreparedGeometry] = [:]
        for edge in free {
            let middle = try Geometry(.point(Coordinate((edge.a.x + edge.b.x) / 2, (edge.a.y + edge.b.y) / 2)))
            for other in try polygonIndex.query(intersecting: middle) where other != edge.owner {
                let test = try prepared[other] ?? PreparedGeometry(polygons[other])
                prepared[other] = test
                if try test.intersects(middle) { return false }
            }
        }
        return true
    }

    /// Whether lineal shapes share no stretch of line: segments of different shapes meet at most in a common end point
    /// (as the pieces of one road cut at a boundary do). Then the length of their union is the sum of their lengths.
    /// False means "not proven"; gives up above `maxEdges` segments in all.
    public static func linesDisjoint(_ shapes: [Shape], maxEdges: Int = 4000) -> Bool {
        var segments: [(Coordinate, Coordinate, Int)] = []
        for (index, shape) in shapes.enumerated() {
            let lines: [[Coordinate]]
            switch shape {
            case let .lineString(line): lines = [line]
            case let .multiLineString(many): lines = many
            default: return false
            }
            for line in lines where line.count >= 2 {
                for i in 0..<(line.count - 1) { segments.append((line[i], line[i + 1], index)) }
            }
            guard segments.count <= maxEdges else { return false }
        }
        for i in segments.indices {
            for j in segments.indices
            where j > i && segments[i].2 != segments[j].2
                && !meetOnlyAtEnds(segments[i].0, segments[i].1, segments[j].0, segments[j].1)
            { return false }
        }
        return true
    }

    /// Twice the signed planar area of a closed ring (positive when counter-clockwise).
    private static func signedArea(_ ring: [Coordinate]) -> Double {
        var sum = 0.0
        for i in 0..<(ring.count - 1) { sum += (ring[i].x - ring[0].x) * (ring[i + 1].y - ring[0].y) - (ring[i + 1].x - ring[0].x) * (ring[i].y - ring[0].y) }
        return sum
    }

    /// Whether segments p–q and r–s share no point except, possibly, a common end point (and then only that point).
    /// Doubtful cases count as meeting.
    private static func meetOnlyAtEnds(_ p: Coordinate, _ q: Coordinate, _ r: Coordinate, _ s: Coordinate) -> Bool {
        let clearance = PlanarRelation.clearance
        guard min(p.x, q.x) <= max(r.x, s.x) + clearance, min(r.x, s.x) <= max(p.x, q.x) + clearance,
            min(p.y, q.y) <= max(r.y, s.y) + clearance, min(r.y, s.y) <= max(p.y, q.y) + clearance
        else { return true }
        // The same segment, either way round: they share all of it.
        if (p == r && q == s) || (p == s && q == r) { return false }
        // Every end point that is not shared must stay clear of the other segment; a shared one must not lie on the
        // other segment's line beyond it (collinear overlap), which the clearance of the far end points rules out.
        for (point, a, b) in [(p, r, s), (q, r, s), (r, p, q), (s, p, q)] where point != a && point != b {
            if PlanarLinework.pointToSegment(point, a, b) <= clearance { return false }
        }
        let shared = p == r || p == s || q == r || q == s
        if shared { return true }
        return PlanarLinework.segmentToSegment(p, q, r, s) > clearance
    }
}

/// An open-addressing set of directed edges: Swift's Dictionary hashes with SipHash and spent most
/// of the proof's time on a million edges.
private struct EdgeTable {
    private var ax: [Double], ay: [Double], bx: [Double], by: [Double]
    private var occupied: [Bool]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        ax = Array(repeating: 0, count: size); ay = ax; bx = ax; by = ax
        occupied = Array(repeating: false, count: size)
        mask = size - 1
    }

    private func slot(_ a: Coordinate, _ b: Coordinate) -> Int {
        var h = a.x.bitPattern &* 0x9E37_79B9_7F4A_7C15
        h ^= (a.y.bitPattern &* 0xC2B2_AE3D_27D4_EB4F) >> 7
        h ^= (b.x.bitPattern &* 0x1656_67B1_9E37_79F9) >> 13
        h ^= (b.y.bitPattern &* 0x27D4_EB2F_1656_67C5) >> 19
        h ^= h >> 31
        h = h &* 0x94D0_49BB_1331_11EB
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    /// Adds a→b; false when it is there already.
    mutating func insert(_ a: Coordinate, _ b: Coordinate) -> Bool {
        var i = slot(a, b)
        while occupied[i] {
            if ax[i] == a.x, ay[i] == a.y, bx[i] == b.x, by[i] == b.y { return false }
            i = (i + 1) & mask
        }
        (ax[i], ay[i], bx[i], by[i], occupied[i]) = (a.x, a.y, b.x, b.y, true)
        return true
    }

    func contains(_ a: Coordinate, _ b: Coordinate) -> Bool {
        var i = slot(a, b)
        while occupied[i] {
            if ax[i] == a.x, ay[i] == a.y, bx[i] == b.x, by[i] == b.y { return true }
            i = (i + 1) & mask
        }
        return false
    }
}

extension Geometry {
    /// The geodesic area (`areal`) or length of the union of `parts`, with the union as interior-disjoint parts.
    ///
    /// When `measures` (each part's own area or length) are given and the parts are proven not to overlap
    /// (`PlanarCoverage.provenDisjoint` for polygons, `linesDisjoint` for lines), no union is made: the measures add
    /// up and the parts are returned as they are. Otherwise GEOS unions them.
    public static func dissolvedMeasure(of parts: [Geometry], measures: [Double]?, areal: Bool) throws -> (Double, [Geometry]) {
        if let measures, measures.count == parts.count {
            if areal, try PlanarCoverage.provenDisjoint(parts) { return (measures.reduce(0, +), parts) }
            if !areal, PlanarCoverage.linesDisjoint(parts.map(\.shape)) { return (measures.reduce(0, +), parts) }
        }
        let union = try unaryUnion(of: parts)
        return (areal ? try union.geodesicArea() : try union.geodesicLength(), [union])
    }
}
