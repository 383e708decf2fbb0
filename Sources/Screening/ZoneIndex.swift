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
    /// Coarser cells of the bigger zones (at most 4,096 and 1,024 vertices), only as sources for clipping: a
    /// footprint's window that straddles fine pieces usually still fits in one coarser cell, which is much smaller
    /// than the zone.
    let coarse: [Int: SubdivisionCells]
    let pieceIndex: SpatialIndex
    /// Most vertices a piece has.
    static let pieceVertices = 256
    /// The pieces' rings as flat linework in degrees: piece i is runs pieceRuns[i], its rings start at pieceStarts[i].
    let pieceLinework: PlanarLinework
    let pieceRuns: [Range<Int>]
    let pieceStarts: [Range<Int>]
    private let planes = Mutex<[String: PlaneChunks]>([:])
    /// Held while chunks for a new plane are made, so that the workers of a batch wait for one build instead of each making their own.
    private let planeBuild = Mutex<Void>(())

    /// Boundary chunks of every zone in one plane, indexed per kind.
    final class PlaneChunks: Sendable {
        /// Chunk i is run i.
        let linework: PlanarLinework
        let owner: [Int]
        /// Per kind: the chunk ids and an index over them (item i of the index is chunk ids[i]).
        let byKind: [ZoneKind: (ids: [Int], index: SpatialIndex)]

        init(linework: PlanarLinework, owner: [Int], byKind: [ZoneKind: (ids: [Int], index: SpatialIndex)]) {
            self.linework = linework
            self.owner = owner
            self.byKind = byKind
        }
    }

    init(zones: [Zone]) throws {
        self.zones = zones
        // Per zone: its cells, coarsest level first and the pieces last (levels above the pieces only for zones big
        // enough to need them), and the pieces' rings as flat linework, piece by piece.
        struct ZoneCells: Sendable {
            var levels: [[(rectangle: Envelope, piece: Geometry)]] = [[]]
            var coarse: SubdivisionCells?
            var linework = PlanarLinework()
            var runs: [Range<Int>] = [], starts: [Range<Int>] = []
        }
        let perZone = try parallelMap(zones.count) { index -> ZoneCells in
            var cells = ZoneCells()
            guard zones[index].kind.carriesRules else { return cells }
            let geometry = zones[index].geometry
            let levels = [4096, 1024].filter { geometry.numberOfPoints > 2 * $0 } + [ZoneIndex.pieceVertices]
            cells.levels = try geometry.subdivisionCells(levels: levels)
            if cells.levels.count > 1 { cells.coarse = try SubdivisionCells(levels: Array(cells.levels.dropLast())) }
            for piece in cells.levels.last ?? [] {
                let (firstRun, firstStart) = (cells.linework.runs.count, cells.linework.starts.count)
                cells.linework.appendBoundary(of: piece.piece.shape, maxSegments: 32)
                cells.runs.append(firstRun..<cells.linework.runs.count)
                cells.starts.append(firstStart..<cells.linework.starts.count)
            }
            return cells
        }
        var pieces: [Geometry] = []
        var owner: [Int] = []
        var rectangles: [Envelope] = []
        var coarse: [Int: SubdivisionCells] = [:]
        var linework = PlanarLinework()
        var runs: [Range<Int>] = [], starts: [Range<Int>] = []
        for (zone, cells) in perZone.enumerated() {
            let finest = cells.levels.last ?? []
            pieces += finest.map(\.piece)
            rectangles += finest.map(\.rectangle)
            owner += Array(repeating: zone, count: finest.count)
            if let cells = cells.coarse { coarse[zone] = cells }
            let (runOffset, startOffset) = (linework.runs.count, linework.starts.count)
            linework.append(contentsOf: cells.linework)
            runs += cells.runs.map { ($0.lowerBound + runOffset)..<($0.upperBound + runOffset) }
            starts += cells.starts.map { ($0.lowerBound + startOffset)..<($0.upperBound + startOffset) }
        }
        self.pieces = pieces
        pieceOwner = owner
        pieceRectangle = rectangles
        self.coarse = coarse
        pieceIndex = try SpatialIndex(geometries: pieces)
        pieceLinework = linework
        pieceRuns = runs
        pieceStarts = starts
    }

    /// The smallest geometry equal to zone `zone` inside `window`: the piece whose cut rectangle holds the window
    /// (found among the pieces near the footprint), else a coarse cell that holds it, else the whole zone; nil when
    /// no piece of the zone comes near the window (nothing of the zone is in it).
    func clipSource(zone: Int, window: Envelope) throws -> Geometry? {
        var near = false
        for piece in try pieceIndex.query(window) where pieceOwner[piece] == zone {
            near = true
            if pieceRectangle[piece].contains(window) { return pieces[piece] }
        }
        guard near else { return nil }
        return try coarse[zone]?.piece(holding: window) ?? zones[zone].geometry
    }

    /// The zones whose pieces meet `footprint` (given also as flat linework in degrees), each with whether one piece
    /// covers it wholly (then the zone does). Clear cases are decided on the flat linework; GEOS decides the rest.
    func zonesMeeting(_ footprint: Geometry, linework: PlanarLinework) throws -> [(zone: Int, covered: Bool)] {
        var result: [Int: Bool] = [:]
        var prepared: PreparedGeometry?
        for piece in try pieceIndex.query(intersecting: footprint) {
            let zone = pieceOwner[piece]
            if result[zone] == true { continue }
            let (meets, covered) = try relate(footprint, linework: linework, piece: piece, prepared: &prepared)
            guard meets else { continue }
            result[zone] = (result[zone] ?? false) || covered
        }
        return result.keys.sorted().map { ($0, result[$0] ?? false) }
    }

    /// How a small part of a footprint lies against zone `zone`, judged on the zone's pieces near it.
    enum Placement { case outside, inside, crossing }

    func placement(of part: Geometry, linework: PlanarLinework, zone: Int) throws -> Placement {
        var meets = false
        var prepared: PreparedGeometry?
        for piece in try pieceIndex.query(intersecting: part) where pieceOwner[piece] == zone {
            let (intersects, covered) = try relate(part, linework: linework, piece: piece, prepared: &prepared)
            if covered { return .inside }
            meets = meets || intersects
        }
        return meets ? .crossing : .outside
    }

    /// The stretches of a polyline inside zone `zone`, cut where it crosses the zone's boundary (found on the flat piece
    /// linework, in degrees, as GEOS would: planar). Nil when a crossing or a stretch lies too close to the boundary to
    /// call; then GEOS's overlay decides.
    func insideStretches(of line: [Coordinate], zone: Int) throws -> [[Coordinate]]? {
        guard line.count >= 2, let first = line.first else { return nil }
        var e = Envelope(minX: first.x, minY: first.y, maxX: first.x, maxY: first.y)
        for c in line { e = e.union(Envelope(minX: c.x, minY: c.y, maxX: c.x, maxY: c.y)) }
        let near = try pieceIndex.query(e).filter { pieceOwner[$0] == zone }
        // Inside the zone means inside the piece whose rectangle holds the point (the pieces are the zone cut to them).
        func inside(_ m: Coordinate) -> Bool? {
            var holders = 0
            for piece in near {
                let r = pieceRectangle[piece]
                guard r.minX <= m.x, m.x <= r.maxX, r.minY <= m.y, m.y <= r.maxY else { continue }
                holders += 1
                if let answer = pieceLinework.clearlyEncloses(m, runs: pieceRuns[piece]) { return answer }
            }
            return holders == 0 ? false : nil
        }
        var stretches: [[Coordinate]] = []
        var current: [Coordinate] = []
        var cuts: [Double] = []
        for i in 0..<(line.count - 1) {
            let a = line[i], b = line[i + 1]
            func at(_ t: Double) -> Coordinate { t == 0 ? a : t == 1 ? b : Coordinate(a.x + t * (b.x - a.x), a.y + t * (b.y - a.y)) }
            cuts.removeAll(keepingCapacity: true)
            cuts.append(0)
            for piece in near {
                guard pieceLinework.crossings(of: a, b, runs: pieceRuns[piece], into: &cuts) else { return nil }
            }
            cuts.append(1)
            cuts.sort()
            for j in 0..<(cuts.count - 1) where cuts[j + 1] > cuts[j] {
                guard let isInside = inside(at((cuts[j] + cuts[j + 1]) / 2)) else { return nil }
                if isInside {
                    if current.isEmpty { current = [at(cuts[j])] }
                    current.append(at(cuts[j + 1]))
                } else if !current.isEmpty {
                    stretches.append(current)
                    current = []
                }
            }
        }
        if !current.isEmpty { stretches.append(current) }
        return stretches
    }

    /// Whether `geometry` meets piece `piece` and whether the piece covers it: from the flat linework when clear, else
    /// from GEOS (`prepared` is the geometry prepared on first need).
    private func relate(_ geometry: Geometry, linework: PlanarLinework, piece: Int, prepared: inout PreparedGeometry?) throws -> (intersects: Bool, covered: Bool) {
        let polygonal = geometry.kind.isPolygonal
        if let clear = PlanarRelation.relate(linework, isPolygonal: polygonal, to: pieceLinework, runs: pieceRuns[piece],
                                             starts: pieceLinework.starts[pieceStarts[piece]]) {
            return clear
        }
        let mine = try prepared ?? PreparedGeometry(geometry)
        prepared = mine
        guard try mine.intersects(pieces[piece]) else { return (false, false) }
        guard !geometry.kind.isPuntal, let e = geometry.envelope, let p = pieces[piece].envelope, p.contains(e) else { return (true, false) }
        return (true, try PreparedGeometry(pieces[piece]).covers(geometry))
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
        let perZone = try parallelMap(zones.count) { index -> PlanarLinework in
            guard zones[index].kind.carriesRules else { return PlanarLinework() }
            return try PlanarLinework(boundaryOf: zones[index].geometry.shape, maxSegments: 32).transformed(by: plane.forward)
        }
        var linework = PlanarLinework()
        var owner: [Int] = []
        for (zone, zoneChunks) in perZone.enumerated() {
            linework.append(contentsOf: zoneChunks)
            owner += Array(repeating: zone, count: zoneChunks.runs.count)
        }
        var idsByKind: [ZoneKind: [Int]] = [:]
        let zoneKinds = zones.map(\.kind)
        for (chunk, zone) in owner.enumerated() { idsByKind[zoneKinds[zone], default: []].append(chunk) }
        // One STRtree per kind, built on all cores.
        let kinds = idsByKind.keys.sorted()
        let runs = linework.runs, grouped = idsByKind
        let indexes = try parallelMap(kinds.count) { try SpatialIndex(envelopes: (grouped[kinds[$0]] ?? []).map { runs[$0].envelope }) }
        var byKind: [ZoneKind: (ids: [Int], index: SpatialIndex)] = [:]
        for (kind, index) in zip(kinds, indexes) { byKind[kind] = (idsByKind[kind] ?? [], index) }
        return PlaneChunks(linework: linework, owner: owner, byKind: byKind)
    }

    /// The nearest zone of `kind` within `maxDistance` plane metres of a projected footprint, with the distance.
    /// Candidates are taken in order of the gap between envelopes, a lower bound of the distance, and the search
    /// stops when that bound passes the best distance. Only for zones the footprint does not meet (see `PlanarLinework`).
    func nearest(_ kind: ZoneKind, to footprint: PlanarLinework, within maxDistance: Double, in chunks: PlaneChunks) throws -> (zone: Int, distance: Double)? {
        guard let entry = chunks.byKind[kind], let e = footprint.envelope else { return nil }
        let box = Envelope(minX: e.minX - maxDistance, minY: e.minY - maxDistance, maxX: e.maxX + maxDistance, maxY: e.maxY + maxDistance)
        var candidates: [(bound: Double, chunk: Int)] = []
        for item in try entry.index.query(box) {
            let chunk = entry.ids[item]
            let bound = PlanarLinework.gap(chunks.linework.runs[chunk].envelope, e)
            if bound <= maxDistance { candidates.append((bound, chunk)) }
        }
        candidates.sort { ($0.bound, chunks.owner[$0.chunk]) < ($1.bound, chunks.owner[$1.chunk]) }
        var best: (zone: Int, distance: Double)?
        for candidate in candidates {
            if let best, candidate.bound > best.distance { break }
            let d = chunks.linework.distance(run: candidate.chunk, to: footprint, cutoff: best?.distance ?? maxDistance)
            let zone = chunks.owner[candidate.chunk]
            // Ties go to the zone that comes first in the data, so the answer does not depend on the index.
            if d <= maxDistance, best.map({ d < $0.distance || (d == $0.distance && zone < $0.zone) }) ?? true { best = (zone, d) }
        }
        return best
    }

    /// Every zone of `kind` whose boundary lies within `distance` plane metres of a projected footprint, with its
    /// distance. Only for zones the footprint does not meet: pass those as `met`.
    func within(_ distance: Double, of footprint: PlanarLinework, kind: ZoneKind, in chunks: PlaneChunks, skipping met: Set<Int> = []) throws -> [Int: Double] {
        guard let entry = chunks.byKind[kind], let e = footprint.envelope else { return [:] }
        let box = Envelope(minX: e.minX - distance, minY: e.minY - distance, maxX: e.maxX + distance, maxY: e.maxY + distance)
        var best: [Int: Double] = [:]
        for item in try entry.index.query(box) {
            let chunk = entry.ids[item]
            let zone = chunks.owner[chunk]
            if met.contains(zone) { continue }
            let cutoff = min(distance, best[zone] ?? .infinity)
            // The gap between envelopes is a lower bound of the distance: skip chunks that cannot improve.
            if PlanarLinework.gap(chunks.linework.runs[chunk].envelope, e) > cutoff { continue }
            let d = chunks.linework.distance(run: chunk, to: footprint, cutoff: cutoff)
            if d <= distance, d < (best[zone] ?? .infinity) { best[zone] = d }
        }
        return best
    }
}
