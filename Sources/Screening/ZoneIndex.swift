import Geo
import Synchronization

/// The spatial machinery a screener needs over a dataset's zones, built once and shared by all threads.
///
/// - Zones are cut into pieces of at most 256 vertices with an STRtree over the pieces: the "does the
///   footprint meet the zone" test and the "is it wholly covered" shortcut then touch only small pieces.
///   Overlaps are still measured against the whole zone (clipped to the footprint's envelope), because
///   geodesic areas are not additive over planar cuts.
/// - For distances, each zone's boundary is projected into the local Gauss–Krüger plane once and cut into
///   chunks of at most 32 segments, with an STRtree per kind: nearest-zone and proximity searches then look
///   at a few chunks instead of whole zones.
final class ZoneIndex: Sendable {
    let zones: [Zone]
    /// Piece i belongs to zone pieceOwner[i] and equals that zone inside pieceRectangle[i].
    let pieces: [Geometry]
    let pieceOwner: [Int]
    let pieceRectangle: [Envelope]
    /// Coarser cells (at most 4,096 vertices) of the big zones, only as sources for clipping: a footprint's window
    /// that straddles fine pieces usually still fits in one coarse cell, which is much smaller than the zone.
    let coarse: [Int: [(rectangle: Envelope, piece: Geometry)]]
    let pieceIndex: SpatialIndex
    private let planes = Mutex<[String: PlaneChunks]>([:])
    /// Held while chunks for a new plane are made, so that the workers of a batch wait for one build instead of each making their own.
    private let planeBuild = Mutex<Void>(())

    /// Boundary chunks of every zone in one plane, indexed per kind.
    final class PlaneChunks: Sendable {
        let chunks: [Geometry]
        let owner: [Int]
        /// Per kind: the chunk ids and an index over them (item i of the index is chunk ids[i]).
        let byKind: [ZoneKind: (ids: [Int], index: SpatialIndex)]

        init(chunks: [Geometry], owner: [Int], byKind: [ZoneKind: (ids: [Int], index: SpatialIndex)]) {
            self.chunks = chunks
            self.owner = owner
            self.byKind = byKind
        }
    }

    init(zones: [Zone]) throws {
        self.zones = zones
        let perZone = try parallelMap(zones.count) { index -> [(rectangle: Envelope, piece: Geometry)] in
            zones[index].kind.carriesRules ? try zones[index].geometry.subdivisionCells(maxVertices: 256) : []
        }
        var pieces: [Geometry] = []
        var owner: [Int] = []
        var rectangles: [Envelope] = []
        for (zone, cells) in perZone.enumerated() {
            pieces += cells.map(\.piece)
            rectangles += cells.map(\.rectangle)
            owner += Array(repeating: zone, count: cells.count)
        }
        self.pieces = pieces
        pieceOwner = owner
        pieceRectangle = rectangles
        let big = zones.indices.filter { zones[$0].kind.carriesRules && zones[$0].geometry.numberOfPoints > 8192 }
        let coarseCells = try parallelMap(big.count) { try zones[big[$0]].geometry.subdivisionCells(maxVertices: 4096) }
        coarse = Dictionary(uniqueKeysWithValues: zip(big, coarseCells))
        pieceIndex = try SpatialIndex(geometries: pieces)
    }

    /// The smallest geometry equal to zone `zone` inside `window`: the piece whose cut rectangle holds the window
    /// (found among the pieces near the footprint), else a coarse cell that holds it, else the whole zone; nil when
    /// no piece of the zone comes near the window (nothing of the zone is in it).
    func clipSource(zone: Int, window: Envelope) throws -> Geometry? {
        var near = false
        for piece in try pieceIndex.query(window) where pieceOwner[piece] == zone {
            near = true
            let r = pieceRectangle[piece]
            if r.minX <= window.minX, r.minY <= window.minY, r.maxX >= window.maxX, r.maxY >= window.maxY { return pieces[piece] }
        }
        guard near else { return nil }
        for cell in coarse[zone] ?? [] {
            let r = cell.rectangle
            if r.minX <= window.minX, r.minY <= window.minY, r.maxX >= window.maxX, r.maxY >= window.maxY { return cell.piece }
        }
        return zones[zone].geometry
    }

    /// The zones whose pieces meet `footprint`, each with whether one piece covers it wholly (then the zone does).
    ///
    /// The footprint is prepared once for the many small tests; the relate-based "covers" is only tried on a piece
    /// whose envelope holds the footprint's.
    func zonesMeeting(_ footprint: Geometry) throws -> [(zone: Int, covered: Bool)] {
        guard let e = footprint.envelope else { return [] }
        let prepared = try PreparedGeometry(footprint)
        var result: [Int: Bool] = [:]
        for piece in try pieceIndex.query(intersecting: footprint) {
            let zone = pieceOwner[piece]
            if result[zone] == true { continue }
            guard try prepared.intersects(pieces[piece]) else { continue }
            var covered = false
            if !footprint.kind.isPuntal, let p = pieces[piece].envelope,
               p.minX <= e.minX, p.minY <= e.minY, p.maxX >= e.maxX, p.maxY >= e.maxY {
                covered = try prepared.isCovered(by: pieces[piece])
            }
            result[zone] = (result[zone] ?? false) || covered
        }
        return result.keys.sorted().map { ($0, result[$0] ?? false) }
    }

    /// The boundary chunks in `plane`, made on first use (in parallel) and kept.
    func chunks(in plane: LocalPlane) throws -> PlaneChunks {
        if let ready = planes.withLock({ $0[plane.crs.definition] }) { return ready }
        return try planeBuild.withLock { _ in
            if let ready = planes.withLock({ $0[plane.crs.definition] }) { return ready }
            let built = try buildChunks(in: plane)
            planes.withLock { $0[plane.crs.definition] = built }
            return built
        }
    }

    /// Every rule-carrying zone's boundary in `plane`, cut into chunks of at most 32 segments, indexed per kind.
    private func buildChunks(in plane: LocalPlane) throws -> PlaneChunks {
        let zones = self.zones
        let perZone = try parallelMap(zones.count) { index -> [Geometry] in
            guard zones[index].kind.carriesRules else { return [] }
            return try plane.forward.transform(zones[index].geometry).boundaryChunks(maxSegments: 32)
        }
        var chunks: [Geometry] = []
        var owner: [Int] = []
        for (zone, zoneChunks) in perZone.enumerated() {
            chunks += zoneChunks
            owner += Array(repeating: zone, count: zoneChunks.count)
        }
        var byKind: [ZoneKind: (ids: [Int], index: SpatialIndex)] = [:]
        for kind in ZoneKind.allCases where kind.carriesRules {
            let ids = chunks.indices.filter { zones[owner[$0]].kind == kind }
            guard !ids.isEmpty else { continue }
            byKind[kind] = (ids, try SpatialIndex(geometries: ids.map { chunks[$0] }))
        }
        return PlaneChunks(chunks: chunks, owner: owner, byKind: byKind)
    }

    /// The nearest zone of `kind` within `maxDistance` plane metres of a projected footprint (prepared, so that each
    /// distance uses its segment index), with the distance. Candidates are taken in order of the gap between
    /// envelopes, a lower bound of the distance, and the search stops when that bound passes the best distance.
    func nearest(_ kind: ZoneKind, to projected: PreparedGeometry, within maxDistance: Double, in chunks: PlaneChunks) throws -> (zone: Int, distance: Double)? {
        guard let entry = chunks.byKind[kind], let e = projected.geometry.envelope else { return nil }
        let box = Envelope(minX: e.minX - maxDistance, minY: e.minY - maxDistance, maxX: e.maxX + maxDistance, maxY: e.maxY + maxDistance)
        var candidates: [(bound: Double, chunk: Int)] = []
        for item in try entry.index.query(box) {
            let chunk = entry.ids[item]
            guard let c = chunks.chunks[chunk].envelope else { continue }
            let bound = ZoneIndex.gap(c, e)
            if bound <= maxDistance { candidates.append((bound, chunk)) }
        }
        candidates.sort { ($0.bound, chunks.owner[$0.chunk]) < ($1.bound, chunks.owner[$1.chunk]) }
        var best: (zone: Int, distance: Double)?
        for candidate in candidates {
            if let best, candidate.bound > best.distance { break }
            let d = try projected.planarDistance(to: chunks.chunks[candidate.chunk])
            let zone = chunks.owner[candidate.chunk]
            // Ties go to the zone that comes first in the data, so the answer does not depend on the index.
            if d <= maxDistance, best.map({ d < $0.distance || (d == $0.distance && zone < $0.zone) }) ?? true { best = (zone, d) }
        }
        return best
    }

    /// The gap between two envelopes (0 when they meet): never more than the distance between what they hold.
    static func gap(_ a: Envelope, _ b: Envelope) -> Double {
        let dx = max(0, max(a.minX - b.maxX, b.minX - a.maxX)), dy = max(0, max(a.minY - b.maxY, b.minY - a.maxY))
        return (dx * dx + dy * dy).squareRoot()
    }

    /// Every zone of `kind` whose boundary lies within `distance` plane metres of a projected footprint, with its distance.
    func within(_ distance: Double, of projected: PreparedGeometry, kind: ZoneKind, in chunks: PlaneChunks, skipping met: Set<Int> = []) throws -> [Int: Double] {
        guard let entry = chunks.byKind[kind], let e = projected.geometry.envelope else { return [:] }
        let box = Envelope(minX: e.minX - distance, minY: e.minY - distance, maxX: e.maxX + distance, maxY: e.maxY + distance)
        var best: [Int: Double] = [:]
        for item in try entry.index.query(box) {
            let chunk = entry.ids[item]
            let zone = chunks.owner[chunk]
            if met.contains(zone) { continue }
            // The gap between envelopes is a lower bound of the distance: skip chunks that cannot improve.
            if let c = chunks.chunks[chunk].envelope {
                let bound = ZoneIndex.gap(c, e)
                if bound > distance || bound >= (best[zone] ?? .infinity) { continue }
            }
            let d = try projected.planarDistance(to: chunks.chunks[chunk])
            if d <= distance, d < (best[zone] ?? .infinity) { best[zone] = d }
        }
        return best
    }
}

