extension PlanarCoverage {
    /// The proof of `interiorsDisjoint(_:)` for many large valid polygons, such as a layer of control units that tiles
    /// its region: free edges are checked against each other through an STRtree, and each free edge's midpoint against
    /// the other polygons with GEOS's prepared point location. False means "not proven", and is returned at once when,
    /// among more than 10,000 edges, more than `maxFreeShare` are free (the polygons do not share their edges, so they
    /// are no tiling and the check would cost as much as a union).
    public static func provenDisjoint(_ polygons: [Geometry], maxFreeShare: Double = 0.25) throws -> Bool {
        var rings: [(ring: [Coordinate], owner: Int)] = []
        var total = 0
        for (index, polygon) in polygons.enumerated() {
            let shells: [[[Coordinate]]]
            switch polygon.shape {
            case let .polygon(rings): shells = [rings]
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
        for (ring, owner) in rings {
            for i in 0..<(ring.count - 1) where ring[i] != ring[i + 1] {
                // The same directed edge twice: two interiors on the same side of it.
                guard table.insert(ring[i], ring[i + 1], owner: owner) else { return false }
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
        let boxes = free.map { Envelope(minX: min($0.a.x, $0.b.x) - clearance, minY: min($0.a.y, $0.b.y) - clearance,
                                        maxX: max($0.a.x, $0.b.x) + clearance, maxY: max($0.a.y, $0.b.y) + clearance) }
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
}

/// An open-addressing set of directed edges with their polygon: Swift's Dictionary hashes with SipHash and spent most
/// of the proof's time on a million edges.
private struct EdgeTable {
    private var ax: [Double], ay: [Double], bx: [Double], by: [Double]
    private var owner: [Int32]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        ax = Array(repeating: 0, count: size); ay = ax; bx = ax; by = ax
        owner = Array(repeating: -1, count: size)
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
    mutating func insert(_ a: Coordinate, _ b: Coordinate, owner polygon: Int) -> Bool {
        var i = slot(a, b)
        while owner[i] >= 0 {
            if ax[i] == a.x, ay[i] == a.y, bx[i] == b.x, by[i] == b.y { return false }
            i = (i + 1) & mask
        }
        (ax[i], ay[i], bx[i], by[i], owner[i]) = (a.x, a.y, b.x, b.y, Int32(truncatingIfNeeded: polygon))
        return true
    }

    func contains(_ a: Coordinate, _ b: Coordinate) -> Bool {
        var i = slot(a, b)
        while owner[i] >= 0 {
            if ax[i] == a.x, ay[i] == a.y, bx[i] == b.x, by[i] == b.y { return true }
            i = (i + 1) & mask
        }
        return false
    }
}
