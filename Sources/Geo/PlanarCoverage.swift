/// Proof, from their edges alone, that a few small polygons have pairwise disjoint interiors: then the area of their
/// union is the sum of their areas and no overlay is needed.
///
/// With every ring oriented interior-left, an edge that occurs once in each direction cancels in the winding number,
/// so the number of polygons covering a point is the winding number of the remaining ("free") edges. If the free
/// edges meet only at shared end points, that number is constant along each side of each free edge; if the point
/// just right of every free edge's midpoint lies in no polygon, it is 0 right and 1 left of every free edge, hence
/// never above 1. Adjacent overlaps of a footprint with neighbouring control units share their cut edge vertex for
/// vertex and pass; anything doubtful (a vertex near an edge, an edge used twice the same way) fails, and the caller
/// unions as usual.
public enum PlanarCoverage {
    /// Whether the polygonal shapes' interiors are proven pairwise disjoint. False means "not proven". Gives up (false)
    /// above `maxEdges` edges in all, because the free-edge test is quadratic.
    public static func interiorsDisjoint(_ shapes: [Shape], maxEdges: Int = 4000) -> Bool {
        struct Edge: Hashable { let a: Coordinate; let b: Coordinate }
        var rings: [[Coordinate]] = []
        var owner: [Int] = []
        for (index, shape) in shapes.enumerated() {
            let polygons: [[[Coordinate]]]
            switch shape {
            case let .polygon(polygon): polygons = [polygon]
            case let .multiPolygon(many): polygons = many
            default: return false
            }
            for polygon in polygons {
                for (position, ring) in polygon.enumerated() where ring.count >= 4 {
                    // Shells counter-clockwise, holes clockwise: the interior is always on the left.
                    let counterClockwise = signedArea(ring) > 0
                    rings.append(counterClockwise == (position == 0) ? ring : ring.reversed())
                    owner.append(index)
                }
            }
        }
        guard rings.reduce(0, { $0 + $1.count }) <= maxEdges else { return false }
        var edges: [Edge: Int] = [:]
        for (ring, polygon) in zip(rings, owner) {
            for i in 0..<(ring.count - 1) where ring[i] != ring[i + 1] {
                guard edges.updateValue(polygon, forKey: Edge(a: ring[i], b: ring[i + 1])) == nil else { return false }
            }
        }
        let free = edges.filter { edges[Edge(a: $0.key.b, b: $0.key.a)] == nil }.map { ($0.key.a, $0.key.b, $0.value) }
        // Free edges may meet only at shared end points.
        for i in free.indices {
            for j in free.indices where j > i && !meetOnlyAtEnds(free[i].0, free[i].1, free[j].0, free[j].1) { return false }
        }
        // Just right of each free edge's midpoint lies no other polygon.
        var linework: [PlanarLinework] = Array(repeating: PlanarLinework(), count: shapes.count)
        for (ring, polygon) in zip(rings, owner) { linework[polygon].append(line: ring, maxSegments: 16) }
        for (a, b, polygon) in free {
            let middle = Coordinate((a.x + b.x) / 2, (a.y + b.y) / 2)
            for other in shapes.indices where other != polygon {
                let all = 0..<linework[other].runs.count
                guard let inside = linework[other].clearlyEncloses(middle, runs: all), !inside else { return false }
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
            for j in segments.indices where j > i && segments[i].2 != segments[j].2
                && !meetOnlyAtEnds(segments[i].0, segments[i].1, segments[j].0, segments[j].1) { return false }
        }
        return true
    }

    /// Twice the signed planar area of a closed ring (positive when counter-clockwise).
    static func signedArea(_ ring: [Coordinate]) -> Double {
        var sum = 0.0
        for i in 0..<(ring.count - 1) { sum += (ring[i].x - ring[0].x) * (ring[i + 1].y - ring[0].y) - (ring[i + 1].x - ring[0].x) * (ring[i].y - ring[0].y) }
        return sum
    }

    /// Whether segments p–q and r–s share no point except, possibly, a common end point (and then only that point).
    /// Doubtful cases count as meeting.
    static func meetOnlyAtEnds(_ p: Coordinate, _ q: Coordinate, _ r: Coordinate, _ s: Coordinate) -> Bool {
        let clearance = PlanarRelation.clearance
        guard min(p.x, q.x) <= max(r.x, s.x) + clearance, min(r.x, s.x) <= max(p.x, q.x) + clearance,
              min(p.y, q.y) <= max(r.y, s.y) + clearance, min(r.y, s.y) <= max(p.y, q.y) + clearance else { return true }
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
