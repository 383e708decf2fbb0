import Synchronization

/// The boundaries of many polygons, projected into a local plane and cut into chunks, for the nearest polygon of a
/// group and every polygon of a group within a distance of a small geometry.
///
/// For each plane asked for (a CGCS2000 Gauss–Krüger zone, `LocalPlane`), every indexed polygon's boundary is projected
/// once (on all cores, on first use, then kept) and cut into chunks of `chunkSegments` segments, with one STRtree per
/// group. A search looks at a few chunks instead of whole polygons.
///
/// **Soundness.** Distances are GEOS's segment arithmetic (`PlanarLinework`) in plane metres. Candidates are taken in
/// order of the gap between envelopes, a lower bound of the distance, and a search stops when that bound passes the
/// best distance found. The distance between boundaries equals the distance between the polygons only when neither
/// holds the other: use it for polygons the geometry does not meet (pass those as `skipping`). Everything here is in the
/// plane's metres; the geometry comes in as lon/lat degrees and is projected by the probe.
public final class BoundaryChunkIndex: Sendable {
    /// Segments per chunk.
    static let chunkSegments = 32

    /// A geometry's boundary projected into its local plane, with that plane's chunks: what the searches take.
    public struct Probe: Sendable {
        public let plane: LocalPlane
        let linework: PlanarLinework
        let chunks: PlaneChunks
    }

    /// Boundary chunks of every indexed polygon in one plane, indexed per group.
    final class PlaneChunks: Sendable {
        /// Chunk i is run i.
        let linework: PlanarLinework
        let owner: [Int]
        /// Per group: the chunk ids and an index over them (item i of the index is chunk ids[i]).
        let byGroup: [Int: (ids: [Int], index: SpatialIndex)]

        init(linework: PlanarLinework, owner: [Int], byGroup: [Int: (ids: [Int], index: SpatialIndex)]) {
            self.linework = linework
            self.owner = owner
            self.byGroup = byGroup
        }
    }

    let polygons: [Geometry]
    /// Polygon i's group; nil: not indexed.
    let groups: [Int?]
    private let planes = Mutex<[String: PlaneChunks]>([:])
    /// Held while chunks for a new plane are made, so that the workers of a batch wait for one build instead of each making their own.
    private let planeBuild = Mutex<Void>(())

    /// An index over `polygons`, each in group `groups[i]` (nil: left out). Nothing is projected until a probe asks.
    public init(polygons: [Geometry], groups: [Int?]) throws {
        guard polygons.count == groups.count else {
            throw GeoError.invalidArgument("one group per polygon: \(polygons.count) polygons, \(groups.count) groups")
        }
        self.polygons = polygons
        self.groups = groups
    }

    /// The probe for `geometry` (already laid out): its boundary projected into the local plane around it, with the
    /// plane's chunks (built on first use of the plane).
    public func probe(_ geometry: LaidOutGeometry) throws -> Probe {
        let plane = try LocalPlane(around: [geometry.geometry])
        return Probe(plane: plane, linework: try geometry.flat.transformed(by: plane.forward), chunks: try chunks(in: plane))
    }

    /// Builds the chunks for the plane around `geometry` now rather than on the first search (benchmarks time stages).
    public func prepare(near geometry: Geometry) throws {
        _ = try chunks(in: LocalPlane(around: [geometry]))
    }

    /// The nearest polygon of `group` within `maxDistance` plane metres, with the distance; ties go to the polygon that
    /// comes first, so the answer does not depend on the index.
    public func nearest(group: Int, to probe: Probe, within maxDistance: Double) throws -> (polygon: Int, distance: Double)? {
        let chunks = probe.chunks
        guard let entry = chunks.byGroup[group], let e = probe.linework.envelope else { return nil }
        let box = e.expanded(by: maxDistance)
        var candidates: [(bound: Double, chunk: Int)] = []
        for item in try entry.index.query(box) {
            let chunk = entry.ids[item]
            let bound = PlanarLinework.gap(chunks.linework.runs[chunk].envelope, e)
            if bound <= maxDistance { candidates.append((bound, chunk)) }
        }
        candidates.sort { ($0.bound, chunks.owner[$0.chunk]) < ($1.bound, chunks.owner[$1.chunk]) }
        var best: (polygon: Int, distance: Double)?
        for candidate in candidates {
            if let best, candidate.bound > best.distance { break }
            let d = chunks.linework.distance(run: candidate.chunk, to: probe.linework, cutoff: best?.distance ?? maxDistance)
            let polygon = chunks.owner[candidate.chunk]
            if d <= maxDistance, best.map({ d < $0.distance || (d == $0.distance && polygon < $0.polygon) }) ?? true { best = (polygon, d) }
        }
        return best
    }

    /// Every polygon of `group` whose boundary lies within `distance` plane metres, with its distance, except those in
    /// `skipping` (the polygons the geometry meets).
    public func within(_ distance: Double, of probe: Probe, group: Int, skipping: Set<Int> = []) throws -> [Int: Double] {
        let chunks = probe.chunks
        guard let entry = chunks.byGroup[group], let e = probe.linework.envelope else { return [:] }
        let box = e.expanded(by: distance)
        var best: [Int: Double] = [:]
        for item in try entry.index.query(box) {
            let chunk = entry.ids[item]
            let polygon = chunks.owner[chunk]
            if skipping.contains(polygon) { continue }
            let cutoff = min(distance, best[polygon] ?? .infinity)
            // The gap between envelopes is a lower bound of the distance: skip chunks that cannot improve.
            if PlanarLinework.gap(chunks.linework.runs[chunk].envelope, e) > cutoff { continue }
            let d = chunks.linework.distance(run: chunk, to: probe.linework, cutoff: cutoff)
            if d <= distance, d < (best[polygon] ?? .infinity) { best[polygon] = d }
        }
        return best
    }

    /// The chunks in `plane`, made on first use (in parallel) and kept.
    func chunks(in plane: LocalPlane) throws -> PlaneChunks {
        if let ready = planes.withLock({ $0[plane.crs.definition] }) { return ready }
        return try planeBuild.withLock { _ in
            if let ready = planes.withLock({ $0[plane.crs.definition] }) { return ready }
            let built = try buildChunks(in: plane)
            planes.withLock { $0[plane.crs.definition] = built }
            return built
        }
    }

    /// Every indexed polygon's boundary in `plane`, cut into chunks, indexed per group.
    private func buildChunks(in plane: LocalPlane) throws -> PlaneChunks {
        let polygons = self.polygons, groups = self.groups
        let perPolygon = try parallelMap(polygons.count) { index -> PlanarLinework in
            guard groups[index] != nil else { return PlanarLinework() }
            return try PlanarLinework(boundaryOf: polygons[index].shape, maxSegments: BoundaryChunkIndex.chunkSegments).transformed(by: plane.forward)
        }
        var linework = PlanarLinework()
        var owner: [Int] = []
        for (polygon, chunks) in perPolygon.enumerated() {
            linework.append(contentsOf: chunks)
            owner += Array(repeating: polygon, count: chunks.runs.count)
        }
        var idsByGroup: [Int: [Int]] = [:]
        for (chunk, polygon) in owner.enumerated() {
            if let group = groups[polygon] { idsByGroup[group, default: []].append(chunk) }
        }
        // One STRtree per group, built on all cores.
        let keys = idsByGroup.keys.sorted()
        let runs = linework.runs, grouped = idsByGroup
        let indexes = try parallelMap(keys.count) { try SpatialIndex(envelopes: (grouped[keys[$0]] ?? []).map { runs[$0].envelope }) }
        var byGroup: [Int: (ids: [Int], index: SpatialIndex)] = [:]
        for (key, index) in zip(keys, indexes) { byGroup[key] = (idsByGroup[key] ?? [], index) }
        return PlaneChunks(linework: linework, owner: owner, byGroup: byGroup)
    }
}
