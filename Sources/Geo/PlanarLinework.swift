/// Polylines and points in a plane, stored flat and cut into short runs, for exact shortest distances between
/// linework without a GEOS call per pair.
///
/// A screener measures the distance from each footprint to thousands of zone-boundary chunks; a GEOS prepared
/// distance per chunk costs microseconds of set-up for a few hundred segment pairs. Here each run keeps its
/// envelope, and a search skips every run and segment whose envelope gap already exceeds the cut-off, so only
/// the few close segment pairs are measured. The arithmetic is GEOS's (`Distance::segmentToSegment`).
///
/// The distance between two pieces of linework is the distance between polygons only when neither polygon holds
/// the other: use it for zones a footprint does not meet.
struct PlanarLinework: Sendable {
    /// A run: points `start..<end` (one point for an isolated point) and their envelope.
    struct Run: Sendable {
        let start: Int
        let end: Int
        let envelope: Envelope
    }

    private(set) var points: [Coordinate] = []
    /// The runs, in the order they were added.
    private(set) var runs: [Run] = []
    /// The first position of every polyline, ring and point added, in order.
    private(set) var starts: [Coordinate] = []

    /// Empty linework.
    init() {}

    /// The boundary of a shape's polygons, its lines and its points, in runs of at most `maxSegments` segments.
    init(boundaryOf shape: Shape, maxSegments: Int) {
        appendBoundary(of: shape, maxSegments: maxSegments)
    }

    /// Adds the boundary of a shape's polygons, its lines and its points, in runs of at most `maxSegments` segments.
    mutating func appendBoundary(of shape: Shape, maxSegments: Int) {
        switch shape {
        case let .point(c): append(line: [c], maxSegments: maxSegments)
        case let .multiPoint(cs): for c in cs { append(line: [c], maxSegments: maxSegments) }
        case let .lineString(line): append(line: line, maxSegments: maxSegments)
        case let .multiLineString(lines): for line in lines { append(line: line, maxSegments: maxSegments) }
        case let .polygon(rings): for ring in rings { append(line: ring, maxSegments: maxSegments) }
        case let .multiPolygon(polygons): for rings in polygons { for ring in rings { append(line: ring, maxSegments: maxSegments) } }
        case let .geometryCollection(members): for member in members { appendBoundary(of: member, maxSegments: maxSegments) }
        }
    }

    /// Adds a polyline (one position: a point) cut into runs of at most `maxSegments` segments that share their ends.
    mutating func append(line: [Coordinate], maxSegments: Int) {
        guard let first = line.first else { return }
        starts.append(first)
        guard line.count > 1 else {
            appendRun([first])
            return
        }
        let step = max(1, maxSegments)
        var start = 0
        while start < line.count - 1 {
            let end = min(start + step, line.count - 1)
            appendRun(line[start...end])
            start = end
        }
    }

    private mutating func appendRun(_ run: some Collection<Coordinate>) {
        guard !run.isEmpty else { return }
        runs.append(Run(start: points.count, end: points.count + run.count, envelope: PlanarLinework.envelope(of: run)))
        points.append(contentsOf: run)
    }

    private static func envelope(of run: some Collection<Coordinate>) -> Envelope {
        var e = Envelope(minX: .infinity, minY: .infinity, maxX: -.infinity, maxY: -.infinity)
        for c in run {
            e.minX = min(e.minX, c.x); e.minY = min(e.minY, c.y)
            e.maxX = max(e.maxX, c.x); e.maxY = max(e.maxY, c.y)
        }
        return e
    }

    /// Adds all runs of `other` after this one's.
    mutating func append(contentsOf other: PlanarLinework) {
        let offset = points.count
        runs += other.runs.map { Run(start: $0.start + offset, end: $0.end + offset, envelope: $0.envelope) }
        points += other.points
        starts += other.starts
    }

    /// The same linework with every point transformed (one PROJ call), the runs unchanged.
    ///
    /// - Throws: `GeoError.proj` when a point cannot be transformed.
    func transformed(by transform: CoordinateTransform) throws -> PlanarLinework {
        var moved = PlanarLinework()
        moved.points = points
        try transform.transform(&moved.points)
        moved.starts = starts
        try transform.transform(&moved.starts)
        moved.runs = runs.map { Run(start: $0.start, end: $0.end, envelope: PlanarLinework.envelope(of: moved.points[$0.start..<$0.end])) }
        return moved
    }

    /// The envelope of all runs; nil when empty.
    var envelope: Envelope? {
        Envelope.union(of: runs.lazy.map(\.envelope))
    }

    /// The shortest distance between run `index` and all of `other`, if it is at most `cutoff`; otherwise some value
    /// above `cutoff`. Runs and segments whose envelopes lie more than the cut-off apart are never measured.
    func distance(run index: Int, to other: PlanarLinework, cutoff: Double) -> Double {
        distance(runs: index..<(index + 1), to: other, cutoff: cutoff)
    }

    /// The shortest distance between runs `indices` and all of `other`, if it is at most `cutoff`; otherwise some
    /// value above `cutoff`.
    func distance(runs indices: Range<Int>, to other: PlanarLinework, cutoff: Double) -> Double {
        var best = Double.infinity
        var limit = cutoff
        for index in indices {
            let d = distance(oneRun: index, to: other, cutoff: limit)
            if d < best {
                best = d
                limit = min(limit, d)
                if best == 0 { return 0 }
            }
        }
        return best
    }

    private func distance(oneRun index: Int, to other: PlanarLinework, cutoff: Double) -> Double {
        let mine = runs[index]
        var best = Double.infinity
        var limit = cutoff
        for theirs in other.runs where PlanarLinework.gap(mine.envelope, theirs.envelope) <= limit {
            let d = points.withUnsafeBufferPointer { a in
                other.points.withUnsafeBufferPointer { b in
                    PlanarLinework.distance(a[mine.start..<mine.end], b[theirs.start..<theirs.end], bBox: theirs.envelope, limit: limit)
                }
            }
            if d < best {
                best = d
                limit = min(limit, d)
                if best == 0 { return 0 }
            }
        }
        return best
    }

    /// Whether some segment of runs `indices` crosses some segment of `other` properly (each passes strictly from one
    /// side of the other to its other side) by a margin far above floating-point error: then the two certainly cross.
    /// False says nothing.
    func certainlyCrosses(runs indices: Range<Int>, _ other: PlanarLinework) -> Bool {
        points.withUnsafeBufferPointer { a in
            other.points.withUnsafeBufferPointer { b in
                for mine in runs[indices] {
                    for theirs in other.runs where mine.envelope.intersects(theirs.envelope) && theirs.end - theirs.start > 1 {
                        for i in mine.start..<(mine.end - 1) {
                            for j in theirs.start..<(theirs.end - 1)
                            where PlanarLinework.certainlyCross(a[i], a[i + 1], b[j], b[j + 1]) { return true }
                        }
                    }
                }
                return false
            }
        }
    }

    /// Whether segments p–q and r–s cross properly with every orientation clear of rounding error. The differences of
    /// coordinates below a few hundred carry at most ~1e-13 of absolute error, so a cross product whose size exceeds the
    /// bound below has a certain sign.
    private static func certainlyCross(_ p: Coordinate, _ q: Coordinate, _ r: Coordinate, _ s: Coordinate) -> Bool {
        guard max(p.x, q.x) >= min(r.x, s.x), max(r.x, s.x) >= min(p.x, q.x),
            max(p.y, q.y) >= min(r.y, s.y), max(r.y, s.y) >= min(p.y, q.y)
        else { return false }
        func side(_ a: Coordinate, _ b: Coordinate, _ c: Coordinate) -> Int {
            let ux = b.x - a.x, uy = b.y - a.y, wx = c.x - a.x, wy = c.y - a.y
            let cross = ux * wy - uy * wx
            let u = abs(ux) + abs(uy), w = abs(wx) + abs(wy)
            let bound = 1e-13 * (u + w) + 1e-15 * u * w
            return cross > bound ? 1 : cross < -bound ? -1 : 0
        }
        let s1 = side(p, q, r), s2 = side(p, q, s), s3 = side(r, s, p), s4 = side(r, s, q)
        return s1 * s2 == -1 && s3 * s4 == -1
    }

    /// Whether `p` lies inside the rings formed by runs `indices` (all runs when nil), by the even–odd rule. Exact when
    /// `p` is farther than about 1e-12 of the coordinate size from every segment; callers make sure it is.
    func encloses(_ p: Coordinate, runs indices: Range<Int>? = nil) -> Bool {
        var inside = false
        points.withUnsafeBufferPointer { points in
            for run in runs[indices ?? runs.indices] where run.envelope.minY <= p.y && p.y <= run.envelope.maxY && run.envelope.maxX >= p.x {
                for i in run.start..<(run.end - 1) {
                    let a = points[i], b = points[i + 1]
                    guard (a.y > p.y) != (b.y > p.y) else { continue }
                    if p.x < a.x + (p.y - a.y) * (b.x - a.x) / (b.y - a.y) { inside.toggle() }
                }
            }
        }
        return inside
    }

    /// The gap between two envelopes (0 when they meet): never more than the distance between what they hold.
    static func gap(_ a: Envelope, _ b: Envelope) -> Double {
        let dx = max(0, max(a.minX - b.maxX, b.minX - a.maxX)), dy = max(0, max(a.minY - b.maxY, b.minY - a.maxY))
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The shortest distance between two polylines (or points; `bBox` is the envelope of `b`), skipping segment pairs
    /// whose envelopes are more than `limit` apart; infinity when every pair was skipped.
    private static func distance(
        _ a: Slice<UnsafeBufferPointer<Coordinate>>, _ b: Slice<UnsafeBufferPointer<Coordinate>>,
        bBox: Envelope, limit: Double
    ) -> Double {
        var best = Double.infinity
        var limit = limit
        if a.count == 1 || b.count == 1 {
            let (point, line) = a.count == 1 ? (a[a.startIndex], b) : (b[b.startIndex], a)
            if line.count == 1 { return distance(point, line[line.startIndex]) }
            for i in line.startIndex..<(line.endIndex - 1) {
                best = min(best, pointToSegment(point, line[i], line[i + 1]))
            }
            return best
        }
        for i in a.startIndex..<(a.endIndex - 1) {
            let p = a[i], q = a[i + 1]
            let pMinX = min(p.x, q.x), pMaxX = max(p.x, q.x), pMinY = min(p.y, q.y), pMaxY = max(p.y, q.y)
            // The whole of b is too far from this segment: skip it without looking at b's segments.
            let gx = max(0, max(pMinX - bBox.maxX, bBox.minX - pMaxX)), gy = max(0, max(pMinY - bBox.maxY, bBox.minY - pMaxY))
            if gx > limit || gy > limit || gx * gx + gy * gy > limit * limit { continue }
            for j in b.startIndex..<(b.endIndex - 1) {
                let r = b[j], s = b[j + 1]
                let dx = max(0, max(pMinX - max(r.x, s.x), min(r.x, s.x) - pMaxX))
                let dy = max(0, max(pMinY - max(r.y, s.y), min(r.y, s.y) - pMaxY))
                if dx > limit || dy > limit || dx * dx + dy * dy > limit * limit { continue }
                let d = segmentToSegment(p, q, r, s)
                if d < best {
                    best = d
                    limit = min(limit, d)
                    if d == 0 { return 0 }
                }
            }
        }
        return best
    }

    static func distance(_ p: Coordinate, _ q: Coordinate) -> Double {
        let dx = p.x - q.x, dy = p.y - q.y
        return (dx * dx + dy * dy).squareRoot()
    }

    /// The distance from `p` to segment `a`–`b`.
    static func pointToSegment(_ p: Coordinate, _ a: Coordinate, _ b: Coordinate) -> Double {
        if a == b { return distance(p, a) }
        let ex = b.x - a.x, ey = b.y - a.y
        let length2 = ex * ex + ey * ey
        let along = ((p.x - a.x) * ex + (p.y - a.y) * ey) / length2
        if along <= 0 { return distance(p, a) }
        if along >= 1 { return distance(p, b) }
        let across = ((a.y - p.y) * ex - (a.x - p.x) * ey) / length2
        return abs(across) * length2.squareRoot()
    }

    /// The distance between segments `a`–`b` and `c`–`d`: 0 when they cross, else the least end-to-segment distance.
    static func segmentToSegment(_ a: Coordinate, _ b: Coordinate, _ c: Coordinate, _ d: Coordinate) -> Double {
        if a == b { return pointToSegment(a, c, d) }
        if c == d { return pointToSegment(c, a, b) }
        let denominator = (b.x - a.x) * (d.y - c.y) - (b.y - a.y) * (d.x - c.x)
        if denominator != 0 {
            let r = ((a.y - c.y) * (d.x - c.x) - (a.x - c.x) * (d.y - c.y)) / denominator
            let s = ((a.y - c.y) * (b.x - a.x) - (a.x - c.x) * (b.y - a.y)) / denominator
            if r >= 0, r <= 1, s >= 0, s <= 1 { return 0 }
        }
        return min(pointToSegment(a, c, d), pointToSegment(b, c, d), pointToSegment(c, a, b), pointToSegment(d, a, b))
    }
}
